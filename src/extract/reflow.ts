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

/** Columns of a code unit as a printed page sets it: Han, CJK punctuation and full-width forms take two. */
function columns(c: number): number {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? 2 : 1;
}

interface PrintedLine {
  start: number;
  /** Where the line's characters end (before \r\n). */
  end: number;
  /** Where the next line starts. */
  next: number;
  width: number;
}

function printedLines(text: string): PrintedLine[] {
  const out: PrintedLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let end = nl;
    while (end > start && /[\s\u3000]/.test(text[end - 1]!)) end--;
    let width = 0;
    for (let i = start; i < end; i++) width += columns(text.charCodeAt(i));
    out.push({ start, end, next: nl + 1, width });
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

/** The width the document is wrapped at, or null when it is not hard-wrapped. */
export function wrapWidth(lines: readonly PrintedLine[]): number | null {
  const long = lines.filter((l) => l.width >= DATA.min_width);
  const widths = long.map((l) => l.width).sort((a, b) => a - b);
  if (widths.length < DATA.min_full_lines) return null;
  // The window of `slack` + 1 columns that holds the most long lines: a wrapped page's lines all end near its margin.
  let best = 0;
  let top = 0;
  for (let i = 0, j = 0; j < widths.length; j++) {
    while (widths[j]! - widths[i]! > DATA.slack) i++;
    if (j - i + 1 >= best) {
      best = j - i + 1;
      top = widths[j]!;
    }
  }
  if (best < DATA.min_full_lines || best < DATA.min_full_share * widths.length) return null;
  if (widths.filter((w) => w > top).length > DATA.max_wider_share * widths.length) return null;
  return top;
}

function isTableRow(text: string, line: PrintedLine): boolean {
  const s = text.slice(line.start, line.end);
  return s.includes('|') || s.includes('\t') || /\S {3,}\S/.test(s);
}

/**
 * The soft breaks of a hard-wrapped text: for each, the range [from, to) of
 * the line end to drop (\n, or \r\n and the trailing spaces before it).
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
  const width = wrapWidth(lines);
  if (width === null) return [];
  const breaks: Array<[number, number]> = [];
  // The first line is the title's (a headline that happens to reach the margin is not wrapped prose).
  const first = lines.findIndex((l) => l.end > l.start);
  for (let k = first + 1; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    const after = lines[k + 1]!;
    // Narrower: the paragraph ends there. Wider than a pushed-in punctuation mark allows: a line the page did not wrap.
    if (line.width < width - DATA.slack || line.width > width + 2 || after.end <= after.start) continue;
    if (endsSentence(text, line)) continue;
    const next = text.slice(after.start, Math.min(after.end, after.start + 12));
    // An indented line opens a paragraph; a marker opens a heading or an item.
    if (/^[\s\u3000]/.test(next) || OPENER.test(next)) continue;
    if (isTableRow(text, line) || isTableRow(text, after)) continue;
    breaks.push([line.end, after.start]);
  }
  return breaks;
}
