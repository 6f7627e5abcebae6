// Text copied out of a PDF, or a page that sets a <br> at the end of every
// printed line, breaks its prose at a fixed width: 地区生产总值120.5亿元，增
// ⏎长6.1%. The rules read sentences and lines, so such a break is no break:
// the view drops it (normalize.ts maps every offset back). A break is soft
// when the document is hard-wrapped — most of its long lines fill one width —
// and the line before it fills that width without ending a sentence, and the
// line after it goes on (no indent, no heading or list marker, no table row).
import { loadData } from '../data.js';

interface ReflowData {
  /** Characters that end a sentence: a full line ending in one keeps its break. */
  sentence_end: string;
  /** Closing quotes and brackets, passed over to the character they close after. */
  closers: string;
  /** A line that opens with one of these starts something new (一、 （二） 1. 第三部分 ● ——). */
  line_openers: string[];
  /** A page's number on a line of its own (— 3 —, 第5页): between two lines of a paragraph it goes with the break. */
  page_line: string;
  /** Lines at least this wide (in columns: a Han character is two) are the long lines the width is read from. */
  min_width: number;
  /** Long lines within this many columns of the widest window that count as full. */
  slack: number;
  /** How many long lines, and what share of them, must fill the width for a document to be hard-wrapped. */
  min_full_lines: number;
  min_full_share: number;
  /** At most this share of the long lines may be wider than the width (a title, a table line run on). */
  max_wider_share: number;
}

const DATA = loadData<ReflowData>('reflow.json');
const SENTENCE_END = new Set([...DATA.sentence_end]);
const CLOSERS = new Set([...DATA.closers]);
const OPENER = new RegExp(`^(?:${DATA.line_openers.join('|')})`);
export const PAGE_LINE = new RegExp(DATA.page_line);

/** Columns of a code unit as a printed page sets it: Han, CJK punctuation and full-width forms take two. */
function columns(c: number): number {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? 2 : 1;
}

interface PrintedLine {
  start: number;
  /** Where the line's characters end (before trailing spaces and \r\n). */
  end: number;
  /** Where its line break begins (\r\n or \n): spaces before it stay, as a scrape's space between two phrases. */
  brk: number;
  /** Its printed width in columns (a Han character two, a digit one). */
  columns: number;
}

/**
 * How a page measured its lines: by printed width (a PDF set in a
 * proportional font, digits narrow), or by characters (a text file wrapped
 * every N characters, or a font whose digits are as wide as Han characters).
 * Widths and slack are in columns; by characters they are halved.
 */
type Measure = 'columns' | 'chars';

function size(line: PrintedLine, measure: Measure): number {
  return measure === 'columns' ? line.columns : line.end - line.start;
}

function scaled(columnsValue: number, measure: Measure): number {
  return measure === 'columns' ? columnsValue : Math.ceil(columnsValue / 2);
}

/** More characters than a printed line of a report holds (an A4 page sets about 40 Han characters, a wide screen 100). */
const MAX_LINE = 160;

function printedLines(text: string): PrintedLine[] {
  const out: PrintedLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let end = nl;
    while (end > start && /[\s\u3000]/.test(text[end - 1]!)) end--;
    // A line longer than any page is wide is a paragraph of its own: its width need not be counted.
    let width = end - start > MAX_LINE ? 2 * (end - start) : 0;
    if (!width) for (let i = start; i < end; i++) width += columns(text.charCodeAt(i));
    out.push({ start, end, brk: nl > start && text[nl - 1] === '\r' ? nl - 1 : nl, columns: width });
    start = nl + 1;
  }
  return out;
}

function endsSentence(text: string, line: PrintedLine): boolean {
  // 。” and 。） end a sentence as 。 does.
  let last = line.end - 1;
  while (last > line.start && CLOSERS.has(text[last]!)) last--;
  return SENTENCE_END.has(text[last]!);
}

interface Wrap {
  measure: Measure;
  /** The page's width: the widest line of the fullest window. */
  width: number;
  slack: number;
  /** The share of the long lines that fill the width. */
  share: number;
}

/** The width the document is wrapped at in one measure, or null when it is not hard-wrapped in it. */
export function wrapOf(lines: readonly PrintedLine[], measure: Measure): Wrap | null {
  const slack = scaled(DATA.slack, measure);
  const widths = lines.map((l) => size(l, measure)).filter((w) => w >= scaled(DATA.min_width, measure)).sort((a, b) => a - b);
  if (widths.length < DATA.min_full_lines) return null;
  // The window of `slack` + 1 widths that holds the most long lines: a wrapped page's lines all end near its margin.
  let best = 0;
  let top = 0;
  for (let i = 0, j = 0; j < widths.length; j++) {
    while (widths[j]! - widths[i]! > slack) i++;
    if (j - i + 1 >= best) {
      best = j - i + 1;
      top = widths[j]!;
    }
  }
  if (best < DATA.min_full_lines || best < DATA.min_full_share * widths.length) return null;
  if (widths.filter((w) => w > top).length > DATA.max_wider_share * widths.length) return null;
  return { measure, width: top, slack, share: best / widths.length };
}

function isTableRow(text: string, line: PrintedLine): boolean {
  const s = text.slice(line.start, line.end);
  return s.includes('|') || s.includes('\t') || /\S {3,}\S/.test(s);
}

/** The line fills the page's width: narrower, the paragraph ends there; wider than a pushed-in punctuation mark allows, the page did not wrap it. */
function fills(line: PrintedLine, { measure, width, slack }: Wrap): boolean {
  const w = size(line, measure);
  return w >= width - slack && w <= width + scaled(2, measure);
}

/** The paragraph runs on from `line` into `after`: no sentence ends, and the next line opens nothing (an indent, a heading or item marker, a table row). */
function runsOn(text: string, line: PrintedLine, after: PrintedLine): boolean {
  if (after.end <= after.start || endsSentence(text, line)) return false;
  const next = text.slice(after.start, Math.min(after.end, after.start + 12));
  if (/^[\s\u3000]/.test(next) || OPENER.test(next)) return false;
  return !isTableRow(text, line) && !isTableRow(text, after);
}

/**
 * The soft breaks of a hard-wrapped text: for each, the range [from, to) of
 * the line break to drop (\n or \r\n), with a page's number under it.
 */
export function softBreaks(text: string): Array<[number, number]> {
  // Cheap test first: a wrapped text has many long lines.
  let long = 0;
  for (let s = 0, n = 0; s < text.length && long < DATA.min_full_lines; s = n + 1) {
    n = text.indexOf('\n', s);
    if (n < 0) n = text.length;
    if (n - s >= DATA.min_width / 2) long++;
  }
  if (long < DATA.min_full_lines) return [];
  const lines = printedLines(text);
  // The measure the page was wrapped in: the one whose lines fill one width the most.
  const wraps = (['columns', 'chars'] as const).map((m) => wrapOf(lines, m)).filter((w): w is Wrap => w !== null);
  const wrap = wraps.sort((a, b) => b.share - a.share)[0];
  if (!wrap) return [];
  const { measure } = wrap;

  const breaks: Array<[number, number]> = [];
  // The first line is the title's (a headline that happens to reach the margin is not wrapped prose).
  const first = lines.findIndex((l) => l.end > l.start);
  for (let k = first + 1; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    // …108.7⏎— 1 —⏎亿元，…: the page's number under a line of prose.
    const pageLine = k + 2 < lines.length && PAGE_LINE.test(text.slice(lines[k + 1]!.start, lines[k + 1]!.end)) ? lines[k + 1]! : null;
    // (Under prose: a long line or a sentence's end, not a table's cell of one number.)
    const page = pageLine !== null && (size(line, measure) >= scaled(DATA.min_width, measure) || endsSentence(text, line));
    const after = lines[page ? k + 2 : k + 1]!;
    // A page ends on its last line, full or not (…各项存贷款余额达7338万元和4022⏎- 1 -⏎万元，…).
    if ((page || fills(line, wrap)) && runsOn(text, line, after)) breaks.push([line.brk, after.start]);
    // Between two paragraphs the number goes, and the paragraph's break stays.
    else if (page) breaks.push([pageLine!.start, after.start]);
    if (page) k++;
  }
  return breaks;
}
