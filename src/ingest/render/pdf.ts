// Test fixtures: a plain-text document rendered as a printed report PDF with
// pdfkit (a devDependency: import this from tests and benchmarks only; pdfkit
// itself is loaded on first use).
//
// Text conventions (as the .docx renderer): the first non-blank line is the
// title (unless it is a table row); a line with at least two '|' is a table
// row and consecutive rows make one table (a blank line separates two
// tables); a short line starting 一、 / （一） / (一) is a heading; everything
// else is a body paragraph.
//
// Layout: A4; the title centred in a larger size; body paragraphs 12 pt
// (10.5 pt in two columns) with a two-character first-line indent, ragged
// right, broken at any CJK character and inside numbers (`670.` / `68亿元`)
// but never inside a Latin word, with the Chinese line-breaking rules (no line
// starts with a closing mark such as ，。、） and none ends with an opening mark
// such as “（); headings larger and not indented; tables as a ruled grid, one
// text line per cell, in a smaller size shrunk until every cell fits its
// column, full page width (in two columns a table interrupts the columns: the
// text before it is balanced over both columns above it, as printed reports
// do); a running header with a rule under it on every page; `— N —` centred at
// the foot of every page. Two columns: the text runs down the left column,
// then the right one, then on to the next page. The output is deterministic
// (fixed CreationDate) unless a password is set (encryption salts at random).

import { existsSync } from 'node:fs';

export interface PdfRenderOptions {
  columns: 1 | 2;
  /** Running header text on every page (default: the title line). */
  header?: string;
  /** pdfkit encryption: a user password makes the PDF unreadable without it. */
  userPassword?: string;
}

// ------------------------------------------------------------------ fonts

const FONT_CANDIDATES: ReadonlyArray<{ path: string; family?: string }> = [
  // Debian / Ubuntu fonts-noto-cjk
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  // Fedora / Arch
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansSC-Regular.otf' },
  // WenQuanYi, AR PL
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'ARPLUMingCN-Light' },
  { path: '/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf' },
  // macOS, Windows
  { path: '/System/Library/Fonts/Supplemental/Songti.ttc', family: 'STSongti-SC-Regular' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
];

/** A CJK font file on this machine (Noto CJK / WenQuanYi / AR PL …), or null. */
export function cjkFont(): { path: string; family?: string } | null {
  const fromEnv = process.env.ZHENGBAO_CJK_FONT;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, family: process.env.ZHENGBAO_CJK_FONT_FAMILY };
  for (const f of FONT_CANDIDATES) if (existsSync(f.path)) return { ...f };
  return null;
}

// ------------------------------------------------------------------ geometry

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 72;
const TEXT_W = PAGE_W - 2 * MARGIN_X;
const BODY_TOP = 88;
const BODY_BOTTOM = PAGE_H - 88;
const HEADER_SIZE = 9;
const HEADER_Y = 40;
const RULE_Y = 58;
const FOOTER_SIZE = 9;
const FOOTER_Y = PAGE_H - 54;
const GUTTER = 24;
/** Line pitch as a multiple of the font size. */
const LEADING = 1.6;

interface Style {
  body: number;
  heading: number;
  title: number;
  /** Largest table font size. */
  table: number;
  colW: number;
}

const STYLE_1: Style = { body: 12, heading: 13.5, title: 18, table: 10.5, colW: TEXT_W };
const STYLE_2: Style = { body: 10.5, heading: 12, title: 16, table: 9, colW: (TEXT_W - GUTTER) / 2 };

// ------------------------------------------------------------------ blocks

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; rows: string[][] };

const HEADING = /^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)])/;

function isTableRow(line: string): boolean {
  let n = 0;
  for (const ch of line) if (ch === '|' && ++n >= 2) return true;
  return false;
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let first = true;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line) {
      table = null;
      continue;
    }
    if (isTableRow(line)) {
      if (!table) blocks.push({ kind: 'table', rows: (table = []) });
      table.push(line.split('|').map((c) => c.trim()));
      first = false;
      continue;
    }
    table = null;
    if (first) blocks.push({ kind: 'title', text: line });
    else if (HEADING.test(line) && [...line].length <= 40) blocks.push({ kind: 'heading', text: line });
    else blocks.push({ kind: 'para', text: line });
    first = false;
  }
  return blocks;
}

// ------------------------------------------------------------------ wrapping

/** Marks that may not start a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—～,.;:?!)]}%％·']);
/** Marks that may not end a line. */
const NO_END = new Set([...'（《「『【〔〈“‘([{']);

/** Units of line breaking: a Latin word, a space, or any other single character. */
function unitsOf(text: string): string[] {
  return text.match(/[A-Za-z]+|\s|[\s\S]/gu) ?? [];
}

/**
 * Greedy ragged-right line breaking. `measure(unit)` is the width at size 1;
 * the first line is `indent` narrower. Spaces at a break are dropped.
 */
function wrap(text: string, size: number, width: number, indent: number, measure: (u: string) => number): string[] {
  const units = unitsOf(text);
  const lines: string[] = [];
  let line: string[] = [];
  let w = 0;
  const avail = () => (lines.length === 0 ? width - indent : width) + 0.01;
  const widthOf = (us: string[]) => us.reduce((s, u) => s + measure(u) * size, 0);
  const flush = (us: string[]) => {
    const s = us.join('').replace(/\s+$/u, '');
    if (s) lines.push(s);
  };
  for (const u of units) {
    const uw = measure(u) * size;
    if (line.length === 0 && /^\s$/u.test(u)) continue;
    if (w + uw <= avail() || line.length === 0) {
      line.push(u);
      w += uw;
      continue;
    }
    if (/^\s$/u.test(u)) {
      flush(line);
      line = [];
      w = 0;
      continue;
    }
    // Break before u, moved back while the Chinese rules forbid it.
    let b = line.length;
    while (b > 0 && (NO_START.has(b === line.length ? u : line[b]!) || NO_END.has(line[b - 1]!))) b--;
    if (b === 0) b = line.length;
    flush(line.slice(0, b));
    line = line.slice(b);
    while (line.length && /^\s$/u.test(line[0]!)) line.shift();
    line.push(u);
    w = widthOf(line);
  }
  flush(line);
  return lines;
}

// ------------------------------------------------------------------ rendering

interface FlowLine {
  text: string;
  size: number;
  /** x offset within the column. */
  dx: number;
  /** Line pitch. */
  h: number;
}

type Doc = PDFKit.PDFDocument;

/** A plain-text document (first line = title; lines with ≥ 2 '|' are table rows; consecutive rows one table) as a printed report PDF. */
export async function renderPdf(text: string, options: PdfRenderOptions): Promise<Buffer> {
  const font = cjkFont();
  if (!font) throw new Error('renderPdf: no CJK font on this machine (install fonts-noto-cjk)');
  const { default: PDFDocument } = (await import('pdfkit')) as unknown as { default: new (o: PDFKit.PDFDocumentOptions) => Doc };

  const columns = options.columns;
  const style = columns === 2 ? STYLE_2 : STYLE_1;
  const blocks = blocksOf(text);
  const titleBlock = blocks.find((b) => b.kind !== 'table') as { text: string } | undefined;
  const header = options.header ?? titleBlock?.text ?? '';

  const doc = new PDFDocument({
    size: [PAGE_W, PAGE_H],
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: header,
      Producer: 'zhengbao test renderer',
      Creator: 'zhengbao test renderer',
      CreationDate: new Date(Date.UTC(2021, 0, 1)),
    },
    ...(options.userPassword !== undefined ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  if (font.family) doc.font(font.path, font.family);
  else doc.font(font.path);

  const widths = new Map<string, number>();
  const measure = (u: string): number => {
    let w = widths.get(u);
    if (w === undefined) {
      doc.fontSize(100);
      w = doc.widthOfString(u) / 100;
      widths.set(u, w);
    }
    return w;
  };
  const draw = (s: string, size: number, x: number, yTop: number) => {
    doc.fontSize(size).text(s, x, yTop, { lineBreak: false });
  };

  // ---- pages
  let pageNo = 0;
  const newPage = () => {
    doc.addPage({ size: [PAGE_W, PAGE_H], margin: 0 });
    pageNo++;
    if (header) {
      let h = header;
      const max = TEXT_W;
      if (measure(h) * HEADER_SIZE > max) {
        const us = [...h];
        while (us.length > 1 && (measure(us.join('')) + measure('…')) * HEADER_SIZE > max) us.pop();
        h = us.join('') + '…';
      }
      draw(h, HEADER_SIZE, MARGIN_X + (TEXT_W - measure(h) * HEADER_SIZE) / 2, HEADER_Y);
      doc.save().lineWidth(0.6).moveTo(MARGIN_X, RULE_Y).lineTo(PAGE_W - MARGIN_X, RULE_Y).stroke().restore();
    }
    const foot = `— ${pageNo} —`;
    draw(foot, FOOTER_SIZE, MARGIN_X + (TEXT_W - measure(foot) * FOOTER_SIZE) / 2, FOOTER_Y);
  };

  /** Top of the free space on the current page. */
  let top = BODY_TOP;
  const colX = (c: number) => MARGIN_X + c * (style.colW + GUTTER);

  const placeLine = (l: FlowLine, x: number, y: number) => {
    // The text sits in the middle of its line box.
    draw(l.text, l.size, x + l.dx, y + (l.h - l.size * 1.15) / 2);
  };

  /** Flow text lines from `top` in the columns; `balance` shares the last page's lines evenly between the columns. */
  const placeText = (lines: FlowLine[], balance: boolean) => {
    let i = 0;
    while (i < lines.length) {
      if (pageNo === 0 || BODY_BOTTOM - top < lines[i]!.h) {
        newPage();
        top = BODY_TOP;
      }
      const avail = BODY_BOTTOM - top;
      if (columns === 1) {
        let y = top;
        while (i < lines.length && y + lines[i]!.h <= BODY_BOTTOM) {
          placeLine(lines[i]!, colX(0), y);
          y += lines[i]!.h;
          i++;
        }
        top = y;
        if (i < lines.length) top = BODY_BOTTOM;
        continue;
      }
      const rest = lines.slice(i);
      const total = rest.reduce((s, l) => s + l.h, 0);
      let leftN: number;
      if (balance && total <= 2 * avail) {
        // The smallest left column holding at least half, within the space.
        let acc = 0;
        leftN = 0;
        while (leftN < rest.length && acc < total / 2) acc += rest[leftN++]!.h;
        while (acc > avail) acc -= rest[--leftN]!.h;
        if (total - acc > avail) leftN = rest.length; // cannot happen: kept for safety
      } else {
        let acc = 0;
        leftN = 0;
        while (leftN < rest.length && acc + rest[leftN]!.h <= avail) acc += rest[leftN++]!.h;
      }
      let yL = top;
      for (let k = 0; k < leftN; k++) {
        placeLine(rest[k]!, colX(0), yL);
        yL += rest[k]!.h;
      }
      let yR = top;
      let k = leftN;
      while (k < rest.length && yR + rest[k]!.h <= BODY_BOTTOM) {
        placeLine(rest[k]!, colX(1), yR);
        yR += rest[k]!.h;
        k++;
      }
      i += k;
      top = i < lines.length ? BODY_BOTTOM : Math.max(yL, yR);
    }
  };

  const placeTable = (rows: string[][]) => {
    const ncol = Math.max(...rows.map((r) => r.length));
    const PAD = 1.3; // em each side: text of neighbouring cells ≥ 2.6 em apart
    const natural = Array.from({ length: ncol }, (_, c) => Math.max(0, ...rows.map((r) => measure(r[c] ?? ''))) + 2 * PAD);
    const sum1 = natural.reduce((a, b) => a + b, 0);
    const size = Math.min(style.table, TEXT_W / sum1);
    const scale = TEXT_W / (sum1 * size);
    const colW = natural.map((w) => w * size * scale);
    const rowH = size * 2;
    const space = style.body * LEADING * 0.6;
    if (pageNo === 0) {
      newPage();
      top = BODY_TOP;
    } else top += space;
    let r = 0;
    while (r < rows.length) {
      let fit = Math.floor((BODY_BOTTOM - top) / rowH);
      const left = rows.length - r;
      // No part of a table of a single row on a page (when it can be helped).
      if (fit < Math.min(2, left)) {
        newPage();
        top = BODY_TOP;
        fit = Math.floor((BODY_BOTTOM - top) / rowH);
      }
      let n = Math.min(fit, left);
      if (left - n === 1 && n >= 3) n--;
      const chunk = rows.slice(r, r + n);
      doc.save().lineWidth(0.5);
      const h = chunk.length * rowH;
      for (let k = 0; k <= chunk.length; k++) doc.moveTo(MARGIN_X, top + k * rowH).lineTo(MARGIN_X + TEXT_W, top + k * rowH);
      let x = MARGIN_X;
      for (let c = 0; c <= ncol; c++) {
        doc.moveTo(x, top).lineTo(x, top + h);
        x += colW[c] ?? 0;
      }
      doc.stroke().restore();
      chunk.forEach((row, k) => {
        let cx = MARGIN_X;
        for (let c = 0; c < ncol; c++) {
          const cell = row[c] ?? '';
          if (cell) draw(cell, size, cx + PAD * size, top + k * rowH + (rowH - size * 1.15) / 2);
          cx += colW[c]!;
        }
      });
      top += h;
      r += n;
      if (r < rows.length) top = BODY_BOTTOM;
    }
    top += style.body * LEADING;
  };

  // ---- the flow
  let pending: FlowLine[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      placeText(pending, true);
      pending = [];
      placeTable(b.rows);
      continue;
    }
    if (b.kind === 'title') {
      const size = style.title;
      const h = size * 1.5;
      const lines = wrap(b.text, size, TEXT_W, 0, measure);
      if (pageNo === 0) {
        newPage();
        top = BODY_TOP;
      }
      placeText(pending, true);
      pending = [];
      for (const l of lines) {
        if (top + h > BODY_BOTTOM) {
          newPage();
          top = BODY_TOP;
        }
        draw(l, size, MARGIN_X + (TEXT_W - measure(l) * size) / 2, top + (h - size * 1.15) / 2);
        top += h;
      }
      top += style.body * LEADING * 0.6;
      continue;
    }
    const size = b.kind === 'heading' ? style.heading : style.body;
    const indent = b.kind === 'heading' ? 0 : 2 * size;
    const lines = wrap(b.text, size, style.colW, indent, measure);
    lines.forEach((l, k) => pending.push({ text: l, size, dx: k === 0 ? indent : 0, h: size * LEADING }));
  }
  placeText(pending, false);
  if (pageNo === 0) newPage();

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** For tests: the line breaking the renderer uses (width per unit at size 1 from `measure`). */
export const _wrap = wrap;
