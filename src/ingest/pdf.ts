// PDF → plain text in reading order, with pdfjs-dist (legacy build, in the
// main thread).
//
// The text is what the extraction engine reads: one paragraph per line, a
// table row as `cell | cell | cell`. How the page becomes that text:
//
//   1. pdfjs text items (a run of glyphs with a position, a width and a font
//      size) are grouped into rows by baseline;
//   2. two-column pages: a vertical gutter is a band in the middle of the page
//      that no body text crosses while many rows end just left of it and many
//      begin just right of it (pages too short to show it use the gutter of
//      the document's other pages). Rows that cross the band (a title, a
//      full-width table) keep their place; between them, the left column is
//      read top to bottom, then the right one;
//   3. tables: a row whose items fall into two or more groups separated by
//      gaps of 1.5 characters or more, next to another such row with a
//      column edge in common, is a table row; rows of one table share its
//      columns (an empty cell between two others is kept);
//   4. running headers and footers (a line at the top or the foot of the page
//      repeated on two or more pages) and page numbers (`3`, `- 3 -`,
//      `— 3 —`, `第3页`, `第 3 页 共 10 页`, `3/10`) are dropped;
//   5. lines are joined into paragraphs: without a separator (Chinese), with
//      one space between two Latin letters (`increase` / `by`; never inside
//      a number: `670.` / `68亿元`). A line starts a paragraph when it is
//      indented, when the line before it ended short of the column's right
//      edge (short enough for the line's first word to have fitted there; in
//      a document that marks its paragraphs by indents or gaps, a quarter of
//      the column short), after a gap well above the line spacing, on a
//      change of font size, or when it starts like a heading (一、 （一） 1.)
//      in another font after a finished sentence. A paragraph goes on across
//      a column or page break, and in two columns past a table across the
//      page.
//
// Not done: text in images (no OCR), a table cell of several lines (each line
// reads as a row of its own), vertical (top-to-bottom) writing, more than two
// columns. Whitespace is what the PDF shows: a space that fell at a line
// break is gone unless it stood between two Latin letters.
//
// Every failure is an InputError with a reason a person can act on.

import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { InputError } from './errors.js';

export interface PdfText {
  /** The text in reading order: one paragraph per line, table rows as `cell | cell`. */
  text: string;
  /** pages[k] = offset in `text` where page k+1 begins (pages[0] = 0); length = number of pages. A paragraph that runs on to the next page belongs to the page where it starts; the next page begins after it. */
  pages: number[];
}

export interface PdfOptions {
  /** Most pages read (default 2000); a longer PDF is refused. */
  maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 2000;

/** A run of text on a page. Coordinates in points; `y` is the baseline measured from the top of the page. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  /** Advance width of the run. */
  w: number;
  /** Font size (the glyphs' height). */
  size: number;
  /** pdfjs font name: a change of font marks headings. */
  font?: string;
}

export interface PageInput {
  width: number;
  height: number;
  items: TextItem[];
}

/** A line of a page in reading order. */
export interface Line {
  /** The text (cells joined by ' | ' for a table row). */
  text: string;
  /** The cells, for a table row; null otherwise. */
  cells: string[] | null;
  x0: number;
  x1: number;
  /** Baseline from the top of the page. */
  y: number;
  size: number;
  font: string;
  /** 0: full width (one-column page, or a title / table across both columns); 1: left column; 2: right column. */
  region: 0 | 1 | 2;
  /** Ordinal of the block on the page: a new value starts after every change of column or full-width element. */
  section: number;
}

// ------------------------------------------------------------------ constants

/** Rows: baselines closer than this × font size are one row. */
const ROW_TOLERANCE = 0.3;
/** A gap of this × font size or more separates table cells (and columns). */
const CELL_GAP = 1.5;
/** A gap of this × font size or more can be a column gutter. */
const GUTTER_GAP = 0.8;
/** A gap of this × font size or more between two runs of one cell or line is a space. */
const SPACE_GAP = 0.2;
/** Two column edges closer than this × font size are the same edge. */
const ALIGN = 0.6;
/** A line indented this × font size or more starts a paragraph. */
const INDENT = 0.8;
/** Running headers/footers: a line this share of the page height from its top or foot. */
const HEADER_BAND = 0.1;
/** Page numbers: this share of the page height. */
const FOLIO_BAND = 0.15;

const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%％·']);
/** Marks typesetters let hang past the right edge. */
const HANGING = new Set([...'，。、；：？！,.;:!?']);
const OPENING = new Set([...'（《「『【〔〈“‘([{']);
const QUOTES = new Set([...'“”‘’"\'']);
const SENTENCE_END = /[。；：！？;:!?]$/;
const HEADING = /^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百]+[章节条])/;

// ------------------------------------------------------------------ small helpers

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function isAsciiLetter(ch: string | undefined): boolean {
  return !!ch && /^[A-Za-z]$/.test(ch);
}

/** Width of a character in ems, as a CJK font or Times sets it (close enough to judge whether a word fits). */
function charEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) {
    if (cp >= 0x30 && cp <= 0x39) return 0.56;
    if (cp >= 0x41 && cp <= 0x5a) return 0.7;
    if (cp >= 0x61 && cp <= 0x7a) return 0.58;
    if (ch === ' ') return 0.25;
    if (',.;:!\'|'.includes(ch)) return 0.28;
    if ('()[]{}-/'.includes(ch)) return 0.36;
    if (ch === '%') return 0.92;
    return 0.55;
  }
  if (cp === 0x2014) return 0.9;
  if (cp < 0x2000) return 0.6;
  return 1;
}

/**
 * Width (in font-size units) of what must sit at the start of a line, what
 * could not have ended the line before: its first character, or its first
 * run of Latin letters, digits and ASCII marks (`GDP`, `****`, `670.68`), with
 * the opening marks before it and the closing marks after it; a quote mark
 * binds the character after it too (as line breakers that follow UAX #14 do).
 */
function leadWidth(text: string): number {
  const chars = [...text];
  let i = 0;
  let w = 0;
  const take = () => (w += charEm(chars[i++]!));
  while (i < chars.length && OPENING.has(chars[i]!)) take();
  if (i < chars.length && /[!-~]/.test(chars[i]!)) {
    const end = Math.min(chars.length, i + 16);
    while (i < end && /[!-~]/.test(chars[i]!)) take();
  } else if (i < chars.length) take();
  let quoted = false;
  while (i < chars.length && CLOSING.has(chars[i]!)) {
    if (QUOTES.has(chars[i]!)) quoted = true;
    take();
  }
  if (quoted && i < chars.length && !/\s/.test(chars[i]!)) take();
  return w;
}

function lastChar(s: string): string {
  if (!s) return '';
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

// ------------------------------------------------------------------ rows and groups

interface Item extends TextItem {
  x1: number;
}

interface Group {
  items: Item[];
  x0: number;
  x1: number;
}

interface Row {
  items: Item[];
  y: number;
  size: number;
  x0: number;
  x1: number;
}

function cleanItems(items: readonly TextItem[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    // Control characters (pdfjs gives \0 for glyphs it cannot map) go.
    // eslint-disable-next-line no-control-regex
    const str = it.str.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u00ad\ufeff]/g, '').replace(/[\t\n\r\f]/g, ' ');
    if (!str.trim()) continue;
    if (!Number.isFinite(it.x) || !Number.isFinite(it.y)) continue;
    const size = it.size > 0 && Number.isFinite(it.size) ? it.size : 10;
    const w = it.w > 0 && Number.isFinite(it.w) ? it.w : [...str].reduce((s, c) => s + charEm(c), 0) * size;
    out.push({ str, x: it.x, y: it.y, w, size, font: it.font ?? '', x1: it.x + w });
  }
  return out;
}

/** Items grouped by baseline, top to bottom, each row left to right. */
function rowsOf(items: Item[]): Row[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  let cur: Row | null = null;
  for (const it of sorted) {
    if (cur && Math.abs(it.y - cur.y) <= ROW_TOLERANCE * Math.max(it.size, cur.size)) {
      cur.items.push(it);
      cur.size = Math.max(cur.size, it.size);
    } else {
      cur = { items: [it], y: it.y, size: it.size, x0: 0, x1: 0 };
      rows.push(cur);
    }
  }
  for (const r of rows) {
    r.items.sort((a, b) => a.x - b.x);
    // Text drawn twice (fake bold, shadows): keep one.
    r.items = r.items.filter((it, k) => {
      const prev = r.items[k - 1];
      return !(prev && prev.str === it.str && Math.abs(prev.x - it.x) < 0.2 * it.size);
    });
    r.x0 = Math.min(...r.items.map((i) => i.x));
    r.x1 = Math.max(...r.items.map((i) => i.x1));
    r.size = dominantSize(r.items);
  }
  return rows;
}

function dominantSize(items: readonly Item[]): number {
  const weight = new Map<number, number>();
  for (const it of items) {
    const k = Math.round(it.size * 4) / 4;
    weight.set(k, (weight.get(k) ?? 0) + it.str.length);
  }
  let best = items[0]?.size ?? 10;
  let bw = -1;
  for (const [k, w] of weight) if (w > bw || (w === bw && k > best)) [best, bw] = [k, w];
  return best;
}

function dominantFont(items: readonly Item[]): string {
  const weight = new Map<string, number>();
  for (const it of items) weight.set(it.font ?? '', (weight.get(it.font ?? '') ?? 0) + it.str.length);
  let best = '';
  let bw = -1;
  for (const [k, w] of weight) if (w > bw) [best, bw] = [k, w];
  return best;
}

/** Items split where the gap is at least `gap` × font size. */
function groupsOf(items: readonly Item[], gap: number): Group[] {
  const groups: Group[] = [];
  let cur: Group | null = null;
  for (const it of items) {
    if (cur && it.x - cur.x1 < gap * Math.max(it.size, cur.items[cur.items.length - 1]!.size)) {
      cur.items.push(it);
      cur.x1 = Math.max(cur.x1, it.x1);
    } else {
      cur = { items: [it], x0: it.x, x1: it.x1 };
      groups.push(cur);
    }
  }
  return groups;
}

/** The text of runs on one line, with a space where they stand apart. */
function joinRuns(items: readonly Item[]): string {
  let s = '';
  let prev: Item | null = null;
  for (const it of items) {
    if (prev) {
      const gap = it.x - prev.x1;
      if (gap >= SPACE_GAP * Math.max(it.size, prev.size) && !/\s$/.test(s) && !/^\s/.test(it.str)) s += ' ';
    }
    s += it.str;
    prev = it;
  }
  return unspace(s.replace(/ {2,}/g, ' ').trim());
}

/**
 * Letter-spaced text — distributed alignment, character spacing, one glyph
 * drawn at a time: pdf.js (and the gaps) put a space between every two
 * characters (全 年 实 现 地 区 生 产 总 值 6 7 0 . 6 8 亿 元). A run of four or
 * more characters each set apart by one space is spacing, not words; Latin
 * letters are left alone (`a b c d` may be meant).
 */
const SPACED_OUT = /(?:[^\sA-Za-z] ){3,}[^\sA-Za-z]/g;

export function unspace(line: string): string {
  return line.includes(' ') ? line.replace(SPACED_OUT, (run) => run.replace(/ /g, '')) : line;
}

// ------------------------------------------------------------------ gutter

export interface Gutter {
  /** Left and right edge of the empty band between the columns. */
  x0: number;
  x1: number;
}

interface GutterFinding extends Gutter {
  strong: boolean;
}

/**
 * The vertical band between two columns of text, if the page shows one: the
 * x range in the middle of the text that the fewest rows of body text cross,
 * with (for a strong finding) at least three rows, and most rows, of text
 * filling the column on either side: running up to the band on its left,
 * running from it to the right edge on its right (columns of a table do not).
 */
function findGutter(allRows: readonly Row[]): GutterFinding | null {
  // Body text shows the columns; titles, tables, headers and footers may cross them.
  const body = dominantSize(allRows.flatMap((r) => r.items));
  const rows = allRows.filter((r) => Math.abs(r.size - body) <= 0.15 * body);
  if (rows.length < 2) return null;
  const left = Math.min(...rows.map((r) => r.x0));
  const right = Math.max(...rows.map((r) => r.x1));
  const em = median(rows.map((r) => r.size));
  const span = right - left;
  if (!(span > 12 * em)) return null;
  const n = Math.ceil(span) + 1;
  const cross = new Int32Array(n);
  const segs = rows.map((r) => groupsOf(r.items, GUTTER_GAP));
  for (const gs of segs) {
    for (const g of gs) {
      const a = Math.max(0, Math.floor(g.x0 - left));
      const b = Math.min(n - 1, Math.ceil(g.x1 - left));
      for (let x = a; x < b; x++) cross[x]!++;
    }
  }
  const lo = Math.floor(span * 0.25);
  const hi = Math.ceil(span * 0.75);
  let min = Infinity;
  for (let x = lo; x <= hi; x++) min = Math.min(min, cross[x]!);
  let best: (GutterFinding & { score: number }) | null = null;
  for (let x = lo; x <= hi; x++) {
    if (cross[x] !== min) continue;
    let e = x;
    while (e + 1 <= hi && cross[e + 1] === min) e++;
    const a = x;
    x = e;
    // A run at the edge of the search range is the ragged end of one-column text.
    if (a === lo || e === hi) continue;
    const g0 = left + a;
    const g1 = left + e + 1;
    if (g1 - g0 < 0.5 * em) continue;
    const mid = (g0 + g1) / 2;
    // Rows of text that fill a column: they end at the gutter (left) or at the right edge (right).
    let rowsL = 0;
    let rowsR = 0;
    let fullL = 0;
    let fullR = 0;
    rows.forEach((r, k) => {
      const gs = segs[k]!;
      if (gs.some((g) => g.x0 < mid && g.x1 > mid)) return;
      const ls = gs.filter((g) => g.x1 <= mid);
      const rs = gs.filter((g) => g.x0 >= mid);
      if (ls.length) {
        rowsL++;
        if (ls[ls.length - 1]!.x1 >= g0 - 2 * r.size) fullL++;
      }
      if (rs.length) {
        rowsR++;
        if (rs[0]!.x0 <= g1 + 3 * r.size && rs[rs.length - 1]!.x1 >= right - 2 * r.size) fullR++;
      }
    });
    const score = Math.min(fullL, fullR);
    const strong = fullL >= 3 && fullR >= 3 && fullL >= 0.4 * rowsL && fullR >= 0.4 * rowsR;
    if (!best || (strong && !best.strong) || (strong === best.strong && score > best.score)) {
      best = { x0: g0, x1: g1, strong, score };
    }
  }
  return best && { x0: best.x0, x1: best.x1, strong: best.strong };
}

// ------------------------------------------------------------------ one page

interface PageRows {
  rows: Row[];
  width: number;
  height: number;
  finding: GutterFinding | null;
}

function analysePage(page: PageInput): PageRows {
  const rows = rowsOf(cleanItems(page.items));
  return { rows, width: page.width, height: page.height, finding: findGutter(rows) };
}

interface TableBlock {
  rows: number[];
  starts: number[];
}

/** Does an item cross the band's middle part? */
function crosses(it: Item, band: Gutter): boolean {
  const w = band.x1 - band.x0;
  return it.x < band.x1 - 0.3 * w && it.x1 > band.x0 + 0.3 * w;
}

/** Two rows have a column in common: a left edge, a right edge (numbers) or a centre (centred cells). */
function sharesEdge(a: Group[], b: Group[], tol: number): boolean {
  for (const g of a) {
    for (const h of b) {
      if (Math.abs(g.x0 - h.x0) <= tol || Math.abs(g.x1 - h.x1) <= tol) return true;
      if (Math.abs(g.x0 + g.x1 - h.x0 - h.x1) <= 2 * tol) return true;
    }
  }
  return false;
}

/** The lines of a page in reading order, given the column gutter (if any). */
function layoutRows(rows: readonly Row[], band: Gutter | null): Line[] {
  const groups = rows.map((r) => groupsOf(r.items, CELL_GAP));

  // A row split by the gutter into one run of text on each side is a row of two columns.
  const columnRow = rows.map((r) => {
    if (!band) return false;
    if (r.items.some((it) => crosses(it, band))) return false;
    const mid = (band.x0 + band.x1) / 2;
    const l = r.items.filter((it) => (it.x + it.x1) / 2 < mid);
    const rr = r.items.filter((it) => (it.x + it.x1) / 2 >= mid);
    return l.length > 0 && rr.length > 0 && groupsOf(l, CELL_GAP).length === 1 && groupsOf(rr, CELL_GAP).length === 1;
  });

  // Tables: consecutive rows of several groups with a column edge in common.
  const blockOf = new Int32Array(rows.length).fill(-1);
  const blocks: TableBlock[] = [];
  const candidate = (k: number) => groups[k]!.length >= 2 && !columnRow[k];
  for (let k = 0; k < rows.length; k++) {
    if (!candidate(k)) continue;
    const p = k - 1;
    const r = rows[k]!;
    if (
      p >= 0 &&
      candidate(p) &&
      r.y - rows[p]!.y <= 4 * Math.max(r.size, rows[p]!.size) &&
      sharesEdge(groups[k]!, groups[p]!, ALIGN * Math.max(r.size, rows[p]!.size))
    ) {
      const b = blockOf[p]!;
      if (b >= 0) {
        blocks[b]!.rows.push(k);
        blockOf[k] = b;
        continue;
      }
      blocks.push({ rows: [p, k], starts: [] });
      blockOf[p] = blockOf[k] = blocks.length - 1;
    }
  }
  for (const [bi, b] of blocks.entries()) {
    const size = median(b.rows.map((k) => rows[k]!.size));
    const tol = ALIGN * size;
    // Column starts: left edges shared by at least half the rows.
    const clusters: { x: number; rows: Set<number> }[] = [];
    for (const k of b.rows) {
      for (const g of groups[k]!) {
        const c = clusters.find((c) => Math.abs(c.x - g.x0) <= tol);
        if (c) c.rows.add(k);
        else clusters.push({ x: g.x0, rows: new Set([k]) });
      }
    }
    b.starts = clusters
      .filter((c) => c.rows.size * 2 >= b.rows.length)
      .map((c) => c.x)
      .sort((a, c) => a - c);
    // Rows next to the table whose runs all start at its columns belong to it.
    const pitch = median(b.rows.slice(1).map((k, i) => rows[k]!.y - rows[b.rows[i]!]!.y));
    const aligned = (k: number) =>
      blockOf[k] === -1 && groups[k]!.every((g) => b.starts.some((x) => Math.abs(x - g.x0) <= tol));
    for (let k = b.rows[0]! - 1; k >= 0 && aligned(k) && rows[k + 1]!.y - rows[k]!.y <= 1.5 * pitch; k--) {
      b.rows.unshift(k);
      blockOf[k] = bi;
    }
    for (let k = b.rows[b.rows.length - 1]! + 1; k < rows.length && aligned(k) && rows[k]!.y - rows[k - 1]!.y <= 1.5 * pitch; k++) {
      b.rows.push(k);
      blockOf[k] = bi;
    }
  }

  const lineOf = (items: Item[], region: 0 | 1 | 2, section: number, cells: string[] | null = null): Line => {
    const text = cells ? cells.join(' | ') : groupsOf(items, CELL_GAP).map((g) => joinRuns(g.items)).join(' ');
    return {
      text,
      cells,
      x0: Math.min(...items.map((i) => i.x)),
      x1: Math.max(...items.map((i) => i.x1)),
      y: median(items.map((i) => i.y)),
      size: dominantSize(items),
      font: dominantFont(items),
      region,
      section,
    };
  };

  const cellsOf = (k: number): string[] => {
    const b = blocks[blockOf[k]!]!;
    const size = rows[k]!.size;
    const cells: string[] = [];
    let col = 0;
    for (const g of groups[k]!) {
      const text = joinRuns(g.items).replace(/\|/g, '｜');
      const at = b.starts.findIndex((x) => Math.abs(x - g.x0) <= ALIGN * size);
      if (at > col) {
        while (col < at) {
          cells.push('');
          col++;
        }
      }
      cells.push(text);
      col = Math.max(col, at) + 1;
    }
    return cells;
  };

  // Sections: each column of a run of two-column rows is one, so is each run
  // of full-width text rows and each table.
  const lines: Line[] = [];
  let section = 0;
  let lastKind: 'full' | 'table' | 'columns' | null = null;
  let left: Line[] = [];
  let right: Line[] = [];
  const emit = (line: Line, kind: 'full' | 'table') => {
    flush();
    if (lastKind !== kind) section++;
    lastKind = kind;
    lines.push({ ...line, section });
  };
  const flush = () => {
    if (left.length === 0 && right.length === 0) return;
    if (left.length) section++;
    for (const l of left) lines.push({ ...l, section });
    if (right.length) section++;
    for (const l of right) lines.push({ ...l, section });
    left = [];
    right = [];
    lastKind = 'columns';
  };
  rows.forEach((r, k) => {
    if (blockOf[k]! >= 0) return emit(lineOf(r.items, 0, 0, cellsOf(k)), 'table');
    if (!band || r.items.some((it) => crosses(it, band))) return emit(lineOf(r.items, 0, 0), 'full');
    const mid = (band.x0 + band.x1) / 2;
    const l = r.items.filter((it) => (it.x + it.x1) / 2 < mid);
    const rr = r.items.filter((it) => (it.x + it.x1) / 2 >= mid);
    if (l.length) left.push(lineOf(l, 1, 0));
    if (rr.length) right.push(lineOf(rr, 2, 0));
  });
  flush();
  return lines;
}

/** The lines of one page in reading order (columns detected on this page alone). */
export function layoutPage(items: readonly TextItem[], pageWidth: number, pageHeight: number): Line[] {
  const pr = analysePage({ width: pageWidth, height: pageHeight, items: [...items] });
  return layoutRows(pr.rows, pr.finding?.strong ? pr.finding : null);
}

// ------------------------------------------------------------------ the document

interface PageLine extends Line {
  page: number;
}

const FOLIO = [
  /^[-—–_~·•.\s]*\d{1,4}[-—–_~·•.\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

function isFolio(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 24) return false;
  if (FOLIO.some((re) => re.test(t))) return true;
  // Roman page numbers of front matter: ii, - IV -
  const roman = t.replace(/[-—–\s]/g, '');
  return roman.length > 0 && /^(x{0,3})(ix|iv|v?i{0,3})$/i.test(roman);
}

function normHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#').replace(/[…．.]+$/, '');
}

/** Drops running headers, footers and page numbers. */
function dropFurniture(pages: PageLine[][], heights: number[]): PageLine[][] {
  const top = (l: PageLine) => l.y < HEADER_BAND * heights[l.page]!;
  const bottom = (l: PageLine) => l.y > (1 - HEADER_BAND) * heights[l.page]!;
  /** Lines among the first / last two baselines of the page. */
  const edgeLines = (ls: PageLine[]): { first: Set<PageLine>; last: Set<PageLine> } => {
    const ys = [...new Set(ls.map((l) => Math.round(l.y)))].sort((a, b) => a - b);
    const firstYs = ys.slice(0, 2);
    const lastYs = ys.slice(-2);
    return {
      first: new Set(ls.filter((l) => firstYs.includes(Math.round(l.y)))),
      last: new Set(ls.filter((l) => lastYs.includes(Math.round(l.y)))),
    };
  };
  const counts = new Map<string, Set<number>>();
  const edges = pages.map(edgeLines);
  pages.forEach((ls, p) => {
    for (const l of ls) {
      if (l.cells) continue;
      const isTop = edges[p]!.first.has(l) && top(l);
      const isBottom = edges[p]!.last.has(l) && bottom(l);
      if (!isTop && !isBottom) continue;
      const norm = normHeader(l.text);
      if ((norm.match(/\p{L}/gu) ?? []).length < 2) continue;
      const key = (isTop ? 't' : 'b') + norm;
      let s = counts.get(key);
      if (!s) counts.set(key, (s = new Set()));
      s.add(p);
    }
  });
  // The title printed again as the header of a one-page document.
  const firstBody = pages
    .flat()
    .filter((l) => !top(l) && !bottom(l) && !l.cells)
    .slice(0, 5)
    .map((l) => normHeader(l.text))
    .join('');
  return pages.map((ls, p) =>
    ls.filter((l) => {
      if (l.cells) return true;
      const h = heights[p]!;
      const { first, last } = edges[p]!;
      if ((first.has(l) && l.y < FOLIO_BAND * h) || (last.has(l) && l.y > (1 - FOLIO_BAND) * h)) {
        if (isFolio(l.text)) return false;
      }
      const isTop = first.has(l) && top(l);
      const isBottom = last.has(l) && bottom(l);
      if (!isTop && !isBottom) return true;
      const norm = normHeader(l.text);
      if ((counts.get((isTop ? 't' : 'b') + norm)?.size ?? 0) >= 2) return false;
      if (isTop && p === 0 && norm.length >= 4 && firstBody.startsWith(norm)) return false;
      return true;
    }),
  );
}

interface Edges {
  left: number;
  right: number;
}

/** Paragraphs from lines: the text and, per page, the offset where it begins. */
function assemble(pages: PageLine[][], pageCount: number): PdfText {
  const all = pages.flat();
  // The body size: the size most characters are set in.
  const weight = new Map<number, number>();
  for (const l of all) if (!l.cells) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let body = 10;
  let bw = -1;
  for (const [s, w] of weight) if (w > bw) [body, bw] = [s, w];
  const isBody = (l: Line) => !l.cells && Math.abs(l.size - body) <= 0.12 * body;

  // Column edges per page and region, with the document's as a fallback.
  const edgeOf = (ls: Line[]): Edges | null => {
    if (ls.length === 0) return null;
    let left = Infinity;
    let all = -Infinity;
    // Punctuation may hang past the right edge.
    let flush = -Infinity;
    for (const l of ls) {
      left = Math.min(left, l.x0);
      all = Math.max(all, l.x1);
      if (!HANGING.has(lastChar(l.text))) flush = Math.max(flush, l.x1);
    }
    return { left, right: all - flush <= 1.2 * body ? flush : all };
  };
  const pageEdges = pages.map((ls) => {
    const b = ls.filter(isBody);
    const m = new Map<number, { e: Edges | null; n: number }>();
    for (const region of [0, 1, 2] as const) {
      const rs = region === 0 ? b : b.filter((l) => l.region === region);
      m.set(region, { e: edgeOf(rs), n: rs.length });
    }
    return m;
  });
  const docEdges = new Map<number, Edges | null>();
  for (const region of [0, 1, 2]) {
    const es = pageEdges.map((m) => m.get(region)!).filter((x) => x.e && x.n >= 4);
    docEdges.set(
      region,
      es.length
        ? { left: median(es.map((x) => x.e!.left)), right: median(es.map((x) => x.e!.right)) }
        : edgeOf(all.filter((l) => isBody(l) && (region === 0 || l.region === region))),
    );
  }
  const edgesOf = (l: PageLine): Edges => {
    const pe = pageEdges[l.page]!.get(l.region)!;
    if (pe.e && pe.n >= 4) return pe.e;
    const de = docEdges.get(l.region) ?? null;
    if (de) return de;
    if (pe.e) return pe.e;
    return { left: l.x0, right: l.x1 };
  };

  // Line spacing by font size.
  const pitches = new Map<number, number[]>();
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (a.cells || b.cells || a.page !== b.page || a.section !== b.section || Math.abs(a.size - b.size) > 0.05 * b.size) continue;
    const dy = b.y - a.y;
    if (dy > 0.5 * b.size && dy < 4 * b.size) {
      const k = Math.round(b.size * 2) / 2;
      let arr = pitches.get(k);
      if (!arr) pitches.set(k, (arr = []));
      arr.push(dy);
    }
  }
  const pitchBySize = new Map<number, number>();
  for (const [k, arr] of pitches) if (arr.length >= 3) pitchBySize.set(k, median(arr));
  const bodyPitch = pitchBySize.get(body) ?? (median(pitches.get(body) ?? []) || 1.5 * body);
  const pitchOf = (size: number) => pitchBySize.get(Math.round(size * 2) / 2) ?? (bodyPitch * size) / body;

  // Does the document mark its paragraphs (by an indent or a gap after a
  // line that ends well short)? Then a line ending a little short (before a
  // long word or number, or a run of marks the line breaker kept together)
  // does not end a paragraph; only one ending far short.
  let shortEnds = 0;
  let indentAfter = 0;
  let gapAfter = 0;
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (a.cells || b.cells || a.page !== b.page || a.section !== b.section) continue;
    if (Math.abs(a.size - b.size) > 0.08 * b.size) continue;
    if (edgesOf(a).right - a.x1 < 4 * a.size) continue;
    shortEnds++;
    if (b.x0 - edgesOf(b).left >= INDENT * b.size) indentAfter++;
    else if (b.y - a.y > 1.4 * pitchOf(b.size)) gapAfter++;
  }
  const byIndent = shortEnds >= 3 && indentAfter >= 0.7 * shortEnds;
  // A gap does not show across a column or page break.
  const byGap = shortEnds >= 3 && indentAfter + gapAfter >= 0.7 * shortEnds;

  const centred = (l: Line, e: Edges) => Math.abs((l.x0 + l.x1) / 2 - (e.left + e.right) / 2) <= l.size;

  const startsParagraph = (prev: PageLine | null, cur: PageLine): boolean => {
    if (!prev || prev.cells || cur.cells) return true;
    if (Math.abs(prev.size - cur.size) > 0.08 * Math.max(prev.size, cur.size)) return true;
    const em = cur.size;
    const sameBlock = prev.page === cur.page && prev.section === cur.section && prev.region === cur.region;
    if (sameBlock) {
      const dy = cur.y - prev.y;
      if (dy <= 0.3 * em || dy > 1.4 * pitchOf(cur.size)) return true;
    }
    const e = edgesOf(cur);
    const ep = edgesOf(prev);
    const lead = leadWidth(cur.text) * em;
    // A title set centred over several lines.
    if (cur.size >= 1.15 * body && centred(prev, ep) && centred(cur, e)) {
      return prev.x1 - prev.x0 < ep.right - ep.left - lead - em;
    }
    if (cur.x0 - e.left >= INDENT * em) return true;
    const short = byIndent || (byGap && sameBlock) ? Math.max(lead + 0.5 * em, 0.25 * (ep.right - ep.left)) : lead + 0.5 * em;
    if (ep.right - prev.x1 >= short) return true;
    if (HEADING.test(cur.text) && cur.font !== prev.font && SENTENCE_END.test(prev.text)) return true;
    return false;
  };

  const paras: { text: string; page: number; table: boolean }[] = [];
  const append = (k: number, text: string) => {
    const p = paras[k]!;
    p.text += (isAsciiLetter(lastChar(p.text)) && isAsciiLetter(text[0]) ? ' ' : '') + text;
  };
  let prev: PageLine | null = null;
  /** The last line of text (not table) and its paragraph. */
  let lastText: { line: PageLine; para: number } | null = null;
  for (const l of all) {
    if (!l.text) continue;
    if (l.cells) {
      // A bar closes every row, as scraped report tables write them: a two-cell
      // row (完成数 | 增长% |) must still read as a table row.
      paras.push({ text: `${l.text} |`, page: l.page, table: true });
    } else if (
      // A paragraph of a column goes on past a table across the page.
      prev?.cells &&
      lastText &&
      lastText.line.region !== 0 &&
      l.region !== 0 &&
      !startsParagraph(lastText.line, l)
    ) {
      append(lastText.para, l.text);
      lastText = { line: l, para: lastText.para };
    } else if (!prev || startsParagraph(prev, l)) {
      paras.push({ text: l.text, page: l.page, table: false });
      lastText = { line: l, para: paras.length - 1 };
    } else {
      // prev is a line of text: lastText is its paragraph.
      append(lastText!.para, l.text);
      lastText = { line: l, para: lastText!.para };
    }
    prev = l;
  }

  let text = '';
  const starts: number[] = [];
  for (const p of paras) {
    if (text) text += '\n';
    // A stray '|' would make a paragraph read as a table row.
    const t = !p.table && (p.text.match(/\|/g) ?? []).length >= 2 ? p.text.replace(/\|/g, '｜') : p.text;
    starts.push(text.length);
    text += t;
  }
  const pageStarts: number[] = [];
  let j = 0;
  for (let k = 0; k < pageCount; k++) {
    while (j < paras.length && paras[j]!.page < k) j++;
    pageStarts.push(k === 0 ? 0 : j < paras.length ? starts[j]! : text.length);
  }
  return { text, pages: pageStarts };
}

/** Reading-order text of pages of text items: columns, tables, headers and page numbers, paragraphs. */
export function layoutDocument(pages: readonly PageInput[]): PdfText {
  const analysed = pages.map(analysePage);
  // The gutter of pages that show it clearly serves the others.
  const strong = analysed.filter((p) => p.finding?.strong);
  const withText = analysed.filter((p) => p.rows.length >= 5).length;
  const docBand: Gutter | null =
    strong.length > 0 && strong.length >= 0.2 * withText
      ? { x0: median(strong.map((p) => p.finding!.x0)), x1: median(strong.map((p) => p.finding!.x1)) }
      : null;
  const lines = analysed.map((p, page) => {
    let band: Gutter | null = p.finding?.strong ? p.finding : null;
    if (!band && docBand && p.rows.some((r) => r.items.some((it) => it.x >= docBand.x1 - 1))) band = docBand;
    return layoutRows(p.rows, band).map((l) => ({ ...l, page }));
  });
  const kept = dropFurniture(
    lines,
    pages.map((p) => p.height),
  );
  return assemble(kept, pages.length);
}

export { pageAt } from './pages.js';

// ------------------------------------------------------------------ pdfjs

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<Pdfjs> | null = null;

function pdfjs(): Promise<Pdfjs> {
  return (pdfjsLoading ??= (async () => {
    // While it loads, pdfjs warns on the console (`Warning: Cannot load
    // "@napi-rs/canvas"` when that optional package is missing): nothing a
    // user of zhengbao can act on.
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      log(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })());
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + sep;
const STANDARD_FONT_URL = join(PDFJS_DIR, 'standard_fonts') + sep;

function indexOfAscii(bytes: Uint8Array, ascii: string, from: number, to: number): number {
  const first = ascii.charCodeAt(0);
  outer: for (let i = Math.max(0, from); i <= Math.min(bytes.length, to) - ascii.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/\0/g, '').toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head);
}

function shortMessage(err: unknown): string {
  const m = String((err as Error | null)?.message ?? err ?? 'unknown error')
    .replace(/\s+/g, ' ')
    .trim();
  return m.length > 80 ? m.slice(0, 77) + '...' : m || 'unknown error';
}

/** Share of characters pdfjs could not map to Unicode (private use, U+FFFD). */
function unmappedShare(text: string): number {
  let bad = 0;
  let all = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    all++;
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) bad++;
  }
  return all ? bad / all : 0;
}

/** The text of a PDF in reading order. */
export async function pdfToText(bytes: Uint8Array, file: string, options: PdfOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (indexOfAscii(bytes, '%PDF-', 0, 1024) < 0) {
    throw new InputError(file, looksLikeHtml(bytes) ? 'not a PDF file (it is an HTML page)' : 'not a PDF file');
  }
  if (indexOfAscii(bytes, '%%EOF', bytes.length - 2048, bytes.length) < 0) {
    throw new InputError(file, 'truncated PDF (no end-of-file marker)');
  }

  const lib = await pdfjs();
  const task = lib.getDocument({
    // A copy: pdfjs takes the buffer over.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise> | null = null;
  try {
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as Error | null)?.name;
      if (name === 'PasswordException') throw new InputError(file, 'encrypted PDF (password required)');
      throw new InputError(file, `damaged PDF (${shortMessage(err)})`);
    }
    const n = doc.numPages;
    if (n > maxPages) throw new InputError(file, `too many pages (${n} > ${maxPages})`);
    const pages: PageInput[] = [];
    for (let p = 1; p <= n; p++) {
      let page;
      try {
        page = await doc.getPage(p);
      } catch (err) {
        throw new InputError(file, `damaged PDF (page ${p}: ${shortMessage(err)})`);
      }
      try {
        const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
        const content = await page.getTextContent({ disableNormalization: true });
        const raw: { str: string; t: number[]; w: number; h: number; font: string }[] = [];
        for (const it of content.items) {
          if (!('str' in it) || !it.str) continue;
          raw.push({ str: it.str, t: it.transform as number[], w: it.width, h: it.height, font: it.fontName });
        }
        pages.push(pageInput(raw, vx0, vy0, vx1, vy1, page.rotate));
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(file, `damaged PDF (page ${p}: ${shortMessage(err)})`);
      } finally {
        page.cleanup();
      }
    }
    const result = layoutDocument(pages);
    if (!result.text.trim()) throw new InputError(file, 'no text in PDF (scanned images? run OCR first)');
    if (unmappedShare(result.text) > 0.5) {
      throw new InputError(file, 'no readable text in PDF (its fonts have no Unicode map; run OCR first)');
    }
    return result;
  } finally {
    try {
      if (doc) await doc.destroy();
      else await task.destroy();
    } catch {
      // already torn down
    }
  }
}

/**
 * Page items in the page's reading frame: text turned by the page's /Rotate
 * or drawn turned (a landscape table) is turned back when most of the page's
 * text shares that direction; text at other angles (watermarks) is dropped.
 */
function pageInput(
  raw: { str: string; t: number[]; w: number; h: number; font: string }[],
  vx0: number,
  vy0: number,
  vx1: number,
  vy1: number,
  rotate: number,
): PageInput {
  // Direction of each run, in quarter turns.
  const quarter = (t: number[]) => {
    const a = Math.atan2(t[1] ?? 0, t[0] ?? 1);
    const q = Math.round(a / (Math.PI / 2));
    return Math.abs(a - q * (Math.PI / 2)) < 0.05 ? (((q % 4) + 4) % 4) : -1;
  };
  const votes = [0, 0, 0, 0];
  for (const r of raw) {
    const q = quarter(r.t);
    if (q >= 0) votes[q]! += r.str.length;
  }
  let dir = (((Math.round(rotate / 90) % 4) + 4) % 4);
  if (votes[dir]! * 2 < votes.reduce((a, b) => a + b, 0)) dir = votes.indexOf(Math.max(...votes));
  const W = vx1 - vx0;
  const H = vy1 - vy0;
  const items: TextItem[] = [];
  for (const r of raw) {
    if (quarter(r.t) !== dir) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = r.t;
    const size = Math.hypot(c, d) || r.h || Math.hypot(a, b);
    const px = e - vx0;
    const py = f - vy0;
    // Turn so the text runs left to right, top to bottom.
    let x: number;
    let y: number;
    switch (dir) {
      case 1: // runs upwards
        x = py;
        y = px;
        break;
      case 2:
        x = W - px;
        y = py;
        break;
      case 3: // runs downwards
        x = H - py;
        y = W - px;
        break;
      default:
        x = px;
        y = H - py;
    }
    items.push({ str: r.str, x, y, w: Math.abs(r.w), size, font: r.font });
  }
  const [width, height] = dir % 2 ? [H, W] : [W, H];
  return { width, height, items };
}
