// Rendering: elements -> lines (blocks, links, <pre>, related-article lists),
// and tables: which are data tables and how their rows are written.
import type { ChildNode, ParentNode, Text } from 'domhandler';
import type { Compiled } from './chrome-data.js';
import { cleanLine } from './chrome-text.js';
import { isTag, isText } from './dom.js';
import { F_CHROME, F_DEAD, type Pre } from './pre.js';
import { BLOCK_TAGS, EDGE, HARD, normalize, TABLE_SECTIONS } from './text.js';

const TABLE_IGNORED = new Set(['colgroup', 'col']);

interface RenderOptions {
  /** Drop chrome elements and chrome text (main-content mode). */
  clean: boolean;
  /** Element indices rendered elsewhere (title, disclosure block). */
  skip?: Set<number>;
}

const FLUSH = -1;

export class Renderer {
  readonly out: string[] = [];
  private buf: string[] = [];
  private bufLen = 0;
  private bufLink = 0;
  private linkDepth = 0;
  private preDepth = 0;
  /**
   * After a 关联稿件-style heading: drop the link lists that follow. The
   * heading itself is held back and put back if real content follows instead.
   */
  private relatedMode = false;
  private pendingHeading: string | null = null;

  constructor(
    private readonly pre: Pre,
    private readonly c: Compiled,
    private readonly opts: RenderOptions,
  ) {}

  private skipped(i: number): boolean {
    const pre = this.pre;
    if (pre.has(i, F_DEAD)) return true;
    if (this.opts.clean && pre.has(i, F_CHROME)) return true;
    return this.opts.skip !== undefined && this.opts.skip.has(i);
  }

  /** Render nodes in order; `null` forces a line break. */
  render(roots: Array<ChildNode | ParentNode | null>): this {
    const pre = this.pre;
    const stack: Array<ChildNode | number> = [];
    for (let k = roots.length - 1; k >= 0; k--) {
      const r = roots[k];
      if (r === null || r === undefined) {
        stack.push(FLUSH);
      } else if (isTag(r as ChildNode) || isText(r as ChildNode)) {
        stack.push(r as ChildNode);
      } else if ('children' in r) {
        // the document itself
        stack.push(FLUSH);
        for (let j = r.children.length - 1; j >= 0; j--) stack.push(r.children[j] as ChildNode);
        stack.push(FLUSH);
      }
    }
    while (stack.length > 0) {
      const item = stack.pop() as ChildNode | number;
      if (typeof item === 'number') {
        if (item === FLUSH) this.flush();
        else if (item >= 0) {
          // exit of element `item`
          const name = pre.names[item];
          if (name === 'a') this.linkDepth--;
          else {
            if (name === 'pre') this.preDepth--;
            this.flush();
          }
        }
        continue;
      }
      if (isText(item)) {
        this.text(item);
        continue;
      }
      if (!isTag(item)) continue;
      const i = pre.idx(item);
      if (i < 0 || this.skipped(i)) continue;
      if (this.relatedMode && (pre.text[i] as number) > 0) {
        if (pre.mostlyLinks(i, this.c)) {
          this.pendingHeading = null;
          continue;
        }
        this.endRelated();
      }
      const items = this.enterItems(i);
      for (const it of items) stack.push(it);
    }
    this.flush();
    return this;
  }

  /** What to push for entering element i (already known not skipped): exit marker then children reversed. */
  private enterItems(i: number): Array<ChildNode | number> {
    const pre = this.pre;
    const name = pre.names[i] as string;
    const el = pre.els[i] as ParentNode;
    if (name === 'br' || name === 'hr') {
      this.flush();
      return [];
    }
    if (name === 'table' && isDataTable(pre, i)) {
      this.flush();
      this.table(i);
      return [];
    }
    const items: Array<ChildNode | number> = [];
    const block = BLOCK_TAGS.has(name) || i === 0;
    if (block) {
      this.flush();
      items.push(i);
    } else if (name === 'a') {
      this.linkDepth++;
      items.push(i);
    }
    if (name === 'pre') this.preDepth++;
    const ch = el.children;
    for (let k = ch.length - 1; k >= 0; k--) items.push(ch[k] as ChildNode);
    return items;
  }

  private text(t: Text): void {
    const s = t.data;
    if (this.relatedMode) {
      if (/^[\s\u00a0\u3000]*$/.test(s)) return;
      this.endRelated();
    }
    if (this.preDepth > 0 && (s.includes('\n') || s.includes('\r'))) {
      // Preformatted text keeps its lines.
      const parts = s.split(/\r\n?|\n/);
      parts.forEach((part, k) => {
        if (k > 0) this.flush();
        this.append(part);
      });
      return;
    }
    this.append(s);
  }

  private append(s: string): void {
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.linkDepth > 0) this.bufLink += s.length;
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const raw = this.buf.length === 1 ? (this.buf[0] as string) : this.buf.join('');
    const linkRatio = this.bufLen === 0 ? 0 : this.bufLink / this.bufLen;
    this.buf = [];
    this.bufLen = 0;
    this.bufLink = 0;
    const line = normalize(raw);
    if (line === '') return;
    this.emit(line, linkRatio);
  }

  private emit(line: string, linkRatio: number): void {
    if (!this.opts.clean) {
      this.out.push(line);
      return;
    }
    const c = this.c;
    if (line.length <= c.data.relatedHeading.maxLength && c.related.test(line)) {
      this.endRelated();
      this.relatedMode = true;
      this.pendingHeading = line;
      return;
    }
    if (linkRatio >= 0.5 && c.relatedStart.test(line)) return;
    const cleaned = cleanLine(line, c);
    if (cleaned !== null) this.out.push(cleaned);
  }

  /** Content follows a related-articles heading: the heading was a real one after all. */
  private endRelated(): void {
    this.relatedMode = false;
    if (this.pendingHeading !== null) {
      const heading = this.pendingHeading;
      this.pendingHeading = null;
      const cleaned = cleanLine(heading, this.c);
      if (cleaned !== null) this.out.push(cleaned);
    }
  }

  /** A data table: one line per row, cells joined by ` | `. */
  private table(t: number): void {
    const pre = this.pre;
    for (const part of tableParts(pre, t)) {
      if (part.caption !== undefined) {
        if (!this.skipped(part.caption)) {
          const s = inlineText(pre, part.caption, this.opts.skip);
          if (s !== '') this.emit(s, 0);
        }
        continue;
      }
      const cells: string[] = [];
      let any = false;
      for (const cell of part.cells) {
        if (this.skipped(cell)) continue;
        const s = inlineText(pre, cell, this.opts.skip).replace(/\|/g, '｜');
        if (s !== '') any = true;
        cells.push(s);
      }
      if (!any) continue;
      if (cells.length === 1) this.emit(cells[0] as string, 0);
      else {
        // A bar closes every row, as scraped report tables write them: a two-cell
        // row (完成数 | 增长% |) must still read as a table row.
        const row = `${cells.join(' | ').replace(EDGE, '')} |`;
        this.out.push(row);
      }
    }
  }
}

interface TablePart {
  caption?: number;
  cells: number[];
}

/** The rows (own td/th indices) and captions of table t, in order; null if the table holds anything else. */
function tableParts(pre: Pre, t: number): TablePart[] {
  const parts: TablePart[] = [];
  const rows: ParentNode[] = [];
  for (const ch of (pre.els[t] as ParentNode).children) {
    if (!isTag(ch)) continue;
    const i = pre.idx(ch);
    if (i < 0) continue;
    if (ch.name === 'tr') rows.push(ch);
    else if (TABLE_SECTIONS.has(ch.name)) {
      for (const r of ch.children) if (isTag(r) && r.name === 'tr') rows.push(r);
    } else if (ch.name === 'caption') parts.push({ caption: i, cells: [] });
  }
  for (const r of rows) {
    const ri = pre.idx(r);
    if (ri < 0 || pre.has(ri, F_DEAD)) continue;
    const cells: number[] = [];
    for (const cell of r.children) {
      if (isTag(cell) && (cell.name === 'td' || cell.name === 'th')) {
        const ci = pre.idx(cell);
        if (ci >= 0) cells.push(ci);
      }
    }
    parts.push({ cells });
  }
  return parts;
}

/**
 * A data table holds only inline content in its cells (a few short
 * paragraphs are fine: Word and mammoth wrap every cell in <p>). A layout
 * table — cells with nested tables, headings, lists, many blocks or long text,
 * or a single column — is rendered as containers.
 */
function isDataTable(pre: Pre, t: number): boolean {
  const el = pre.els[t] as ParentNode;
  let maxCells = 0;
  let rows = 0;
  const checkRowParent = (parent: ParentNode): boolean => {
    for (const ch of parent.children) {
      if (isText(ch)) {
        if (!/^[\s\u00a0\u3000]*$/.test(ch.data)) return false;
        continue;
      }
      if (!isTag(ch)) continue;
      const i = pre.idx(ch);
      if (i < 0 || pre.has(i, F_DEAD)) continue;
      const name = ch.name;
      if (name === 'tr') {
        rows++;
        let cells = 0;
        for (const cell of ch.children) {
          if (isText(cell)) {
            if (!/^[\s\u00a0\u3000]*$/.test(cell.data)) return false;
            continue;
          }
          if (!isTag(cell)) continue;
          const ci = pre.idx(cell);
          if (ci < 0 || pre.has(ci, F_DEAD)) continue;
          if (cell.name !== 'td' && cell.name !== 'th') return false;
          cells++;
          const text = pre.text[ci] as number;
          const blocks = pre.nBlock[ci] as number;
          if ((pre.nTable[ci] as number) > 0 || (pre.nHL[ci] as number) > 0) return false;
          if (blocks > 3 || (blocks >= 2 && text > 150) || text > 500 || (pre.nBr[ci] as number) > 6) return false;
        }
        if (cells > maxCells) maxCells = cells;
      } else if (TABLE_SECTIONS.has(name) && parent === el) {
        if (!checkRowParent(ch)) return false;
      } else if (name === 'caption' && parent === el) {
        continue;
      } else if (TABLE_IGNORED.has(name)) {
        continue;
      } else return false;
    }
    return true;
  };
  if (!checkRowParent(el)) return false;
  return rows > 0 && maxCells >= 2;
}

/** The text of element i on one line: blocks and <br> inside become spaces. Iterative. */
export function inlineText(pre: Pre, i: number, skip?: Set<number>): string {
  const parts: string[] = [];
  const stack: Array<ChildNode | number> = [];
  const el = pre.els[i] as ParentNode;
  for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k] as ChildNode);
  while (stack.length > 0) {
    const item = stack.pop() as ChildNode | number;
    if (typeof item === 'number') {
      parts.push(HARD);
      continue;
    }
    if (isText(item)) {
      parts.push(item.data);
      continue;
    }
    if (!isTag(item)) continue;
    const j = pre.idx(item);
    if (j < 0 || pre.has(j, F_DEAD) || (skip !== undefined && skip.has(j))) continue;
    const name = item.name;
    if (name === 'br' || name === 'hr') {
      parts.push(HARD);
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) {
      parts.push(HARD);
      stack.push(j);
    }
    for (let k = item.children.length - 1; k >= 0; k--) stack.push(item.children[k] as ChildNode);
  }
  return normalize(parts.join(''));
}
