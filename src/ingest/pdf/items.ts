// Shared ground of the PDF layout: the types, the thresholds, small text
// helpers, and pdfjs text items grouped into rows and runs (joinRuns, unspace).

export interface PdfText {
  /** The text in reading order: one paragraph per line, table rows as `cell | cell`. */
  text: string;
  /** pages[k] = offset in `text` where page k+1 begins (pages[0] = 0); length = number of pages. A paragraph that runs on to the next page belongs to the page where it starts; the next page begins after it. */
  pages: number[];
}

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

/** A line with the index of its page. */
export interface PageLine extends Line {
  page: number;
}

// ------------------------------------------------------------------ constants

/** Rows: baselines closer than this × font size are one row. */
const ROW_TOLERANCE = 0.3;
/** A gap of this × font size or more separates table cells (and columns). */
export const CELL_GAP = 1.5;
/** A gap of this × font size or more can be a column gutter. */
export const GUTTER_GAP = 0.8;
/** A gap of this × font size or more between two runs of one cell or line is a space. */
const SPACE_GAP = 0.2;
/** Two column edges closer than this × font size are the same edge. */
export const ALIGN = 0.6;
/** A line indented this × font size or more starts a paragraph. */
export const INDENT = 0.8;
/** Running headers/footers: a line this share of the page height from its top or foot. */
export const HEADER_BAND = 0.1;
/** Page numbers: this share of the page height. */
export const FOLIO_BAND = 0.15;

const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%％·']);
/** Marks typesetters let hang past the right edge. */
export const HANGING = new Set([...'，。、；：？！,.;:!?']);
const OPENING = new Set([...'（《「『【〔〈“‘([{']);
const QUOTES = new Set([...'“”‘’"\'']);
export const SENTENCE_END = /[。；：！？;:!?]$/;
export const HEADING = /^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百]+[章节条])/;

// ------------------------------------------------------------------ small helpers

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function isAsciiLetter(ch: string | undefined): boolean {
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
export function leadWidth(text: string): number {
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

export function lastChar(s: string): string {
  if (!s) return '';
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

// ------------------------------------------------------------------ rows and groups

export interface Item extends TextItem {
  x1: number;
}

export interface Group {
  items: Item[];
  x0: number;
  x1: number;
}

export interface Row {
  items: Item[];
  y: number;
  size: number;
  x0: number;
  x1: number;
}

export function cleanItems(items: readonly TextItem[]): Item[] {
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
export function rowsOf(items: Item[]): Row[] {
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

export function dominantSize(items: readonly Item[]): number {
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

export function dominantFont(items: readonly Item[]): string {
  const weight = new Map<string, number>();
  for (const it of items) weight.set(it.font ?? '', (weight.get(it.font ?? '') ?? 0) + it.str.length);
  let best = '';
  let bw = -1;
  for (const [k, w] of weight) if (w > bw) [best, bw] = [k, w];
  return best;
}

/** Items split where the gap is at least `gap` × font size. */
export function groupsOf(items: readonly Item[], gap: number): Group[] {
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
export function joinRuns(items: readonly Item[]): string {
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
