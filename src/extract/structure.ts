// The layout of a report: its lines, its headings (一、2019年工作回顾,
// 二、下半年工作计划), and the sections they open, each either a review of
// results or a plan of targets, with the period its heading names.
import { loadData } from '../data.js';
import { findPeriods, type PeriodContext, isSpan } from './periods.js';
import { firstNotBefore } from './search.js';

export interface Line {
  start: number;
  end: number;
  /** A row of a table: cells between bars (a | b | c) or tabs (a\tb\tc). */
  table: boolean;
}

export interface Heading {
  start: number;
  end: number;
  text: string;
  /** 1 for 一、, 2 for （一）, 3 for 1. */
  depth: number;
}

export type SectionKind = 'preamble' | 'review' | 'plan';

export interface Section {
  start: number;
  end: number;
  kind: SectionKind;
  heading: Heading | null;
  /** Single period the heading names (2020, 2020H1, 2021H2), else null. */
  period: string | null;
  /** Multi-year span the heading names (“十三五” -> 2016-2020), else null. */
  span: string | null;
}

const HEADING_1 = /^[一二三四五六七八九十]{1,3}[、．.]/;
const HEADING_2 = /^[(（][一二三四五六七八九十]{1,3}[)）]/;
const HEADING_3 = /^\d{1,2}[.、．](?!\d)/;

interface HeadingWords {
  headings: { review_first: string; plan: string; unnumbered_heading: string; run_in_end: string; run_in_unnumbered: string; run_in_follow: string };
}
const WORDS = loadData<HeadingWords>('documents.json').headings;
const REVIEW_FIRST = new RegExp(WORDS.review_first);
const PLAN_WORDS = new RegExp(WORDS.plan);
const UNNUMBERED_HEADING = new RegExp(WORDS.unnumbered_heading);
/** The words a heading ends with when its paragraph runs on after it on the same line (一、2024年工作回顾2024年,…). */
const RUN_IN_END = new RegExp(`^[^，,。；;：:！？!?“”"（）()]{0,28}?(?:${WORDS.run_in_end})`);
/** An unnumbered heading at a sentence start, run into its paragraph (2025年工作安排2025年是…). */
const RUN_IN_UNNUMBERED = new RegExp(`^(?:${WORDS.run_in_unnumbered})`);
/** Somewhere in a line, what every run-in heading starts with: a line without it holds none (one native search). */
const RUN_IN_ANYWHERE = new RegExp(`[一二三四五六七八九十][、．.]|${WORDS.run_in_unnumbered}`);
const RUN_IN_FOLLOW = new RegExp(WORDS.run_in_follow);
/** Decoration after a heading: emoji, symbols, a colon. */
/** List bullets. */
const BULLET = /^[●•▪◆■□·◇○◎★☆▶►\-*]/;
const DECORATION_CHAR = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s:：]$/u;
const DECORATION_AT = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D:：]+/u;

/** The text without the decoration at its end, read back from the end (linear, whatever the run). */
function trimDecoration(s: string): string {
  let e = s.length;
  while (e > 0) {
    const code = s.codePointAt(e - 1)!;
    // A surrogate pair: the whole code point.
    const width = e >= 2 && code >= 0xdc00 && code <= 0xdfff ? 2 : 1;
    if (!DECORATION_CHAR.test(s.slice(e - width, e))) break;
    e -= width;
  }
  return s.slice(0, e);
}

/** The positions of one character, found once with the native search. */
function positionsOf(text: string, ch: string): number[] {
  const at: number[] = [];
  for (let b = text.indexOf(ch); b >= 0; b = text.indexOf(ch, b + 1)) at.push(b);
  return at;
}

/**
 * 指标名称⇥单位⇥1-10月⇥同比增长（%）: a row copied from a spreadsheet or a
 * scraped <table> keeps its cells apart with tabs. Two tab runs with text on
 * both sides of each make a row of three short cells or more; tabs that
 * only indent a line do not.
 */
function isTabRow(text: string, start: number, end: number): boolean {
  const cells = text.slice(start, end).split(/\s*\t\s*/).filter(Boolean);
  // Prose that a scrape broke with tabs has clauses; cells are short and unpunctuated.
  return cells.length >= 3 && cells.every((c) => c.length <= 30 && !/[。；，！？;]/.test(c));
}

/**
 * 指标名称   单位   2018年预计   增长（%）: a PDF's text layer printed with its layout (pdftotext -layout) keeps a
 * table's columns apart with runs of spaces. Three spaces or more between each of three short, unpunctuated
 * cells make a row; a single or double space (a speaker's name, a site's chrome) does not.
 */
export const SPACE_GAP = / {3,}/;
function isSpaceRow(text: string, start: number, end: number): boolean {
  const row = text.slice(start, end);
  if (row.indexOf('   ') < 0) return false;
  const cells = row.trim().split(SPACE_GAP).filter(Boolean);
  return cells.length >= 3 && cells.every((c) => c.length <= 30 && !/[。；，！？;]/.test(c));
}

export function splitLines(text: string): Line[] {
  // A line with two bars, or with cells between tabs, is a table row.
  const bars = positionsOf(text, '|');
  const tabs = positionsOf(text, '\t');
  const lines: Line[] = [];
  let k = 0;
  let t = 0;
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let e = end;
    if (e > start && text[e - 1] === '\r') e--;
    while (k < bars.length && bars[k]! < start) k++;
    while (t < tabs.length && tabs[t]! < start) t++;
    const table = (k + 1 < bars.length && bars[k + 1]! < e) || (t + 1 < tabs.length && tabs[t + 1]! < e && isTabRow(text, start, e)) || ((t >= tabs.length || tabs[t]! >= e) && isSpaceRow(text, start, e));
    lines.push({ start, end: e, table });
    if (end >= text.length) break;
    start = end + 1;
  }
  return lines;
}

function depthOf(raw: string): number {
  if (HEADING_1.test(raw)) return 1;
  if (HEADING_2.test(raw)) return 2;
  if (HEADING_3.test(raw)) return 3;
  return 0;
}

/** A heading is a short numbered line that does not run on as prose. */
export function headingOf(text: string, line: Line): Heading | null {
  if (line.table) return null;
  let s = line.start;
  while (s < line.end && /\s/.test(text[s]!)) s++;
  const raw = text.slice(s, line.end);
  // Emoji and symbols after a heading (展望2025年工作目标🎯) are decoration.
  // A heading is short: a long line is prose (and is not scanned for decoration).
  if (raw.length > 80) return null;
  const bare = trimDecoration(raw);
  let depth = depthOf(bare);
  // An unnumbered heading: a short line that names a review or a plan (2021年工作安排).
  // A bulleted line (●单位生产总值能耗完成…目标任务) is an item of a list, not a heading.
  if (!depth && bare.length <= 24 && !/[。，,；;：:！？]/.test(bare) && !BULLET.test(bare) && UNNUMBERED_HEADING.test(bare)) depth = 1;
  if (!depth) return null;
  // A numbered paragraph (一是...。) is prose, not a heading.
  if (bare.length > 60 || /。.+/.test(bare)) return null;
  return { start: s, end: s + bare.length, text: bare.trim(), depth };
}

/**
 * Headings run into the text around them, as scrapes that lost their line
 * breaks give them: at a sentence start (the line's start, or after 。！？；
 * or a run of spaces), a numbered heading whose words end as a heading does
 * (…工作回顾, …工作安排, …的工作), or an unnumbered one that names a year's
 * review or plan. Such a heading is found by its form wherever it stands.
 */
export function runInHeadings(text: string, line: Line): Heading[] {
  if (line.table || !RUN_IN_ANYWHERE.test(text.slice(line.start, line.end))) return [];
  const out: Heading[] = [];
  const { start, end } = line;
  // The last character before i that is not a space of the line (' ', '\u3000', '\t'): one pass, no look-back.
  let p = start - 1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 0x3000 || code === 9) continue;
    if (isSpaceCode(code)) {
      p = i;
      continue;
    }
    // The previous mark, spaces skipped: a sentence end, a colon, the line's start, or a run of spaces.
    const atStart = p < start || i - p > 2 || SENTENCE_START_AFTER[text.charCodeAt(p)] === 1 || text.charCodeAt(i - 1) === 0x3000;
    p = i;
    if (!atStart) continue;
    const window = text.slice(i, Math.min(end, i + 40));
    const marker = HEADING_1.exec(window);
    let m: RegExpExecArray | null = null;
    if (marker) m = RUN_IN_END.exec(window.slice(marker[0].length));
    else if (UNNUMBERED_FIRST[code] === 1) m = RUN_IN_UNNUMBERED.exec(window);
    if (!m) continue;
    let e = i + (marker ? marker[0].length : 0) + m[0].length;
    const deco = DECORATION_AT.exec(text.slice(e, Math.min(end, e + 8)));
    if (deco) e += deco[0].length;
    if (!marker && !(deco || RUN_IN_FOLLOW.test(text.slice(e, Math.min(end, e + 6))))) continue;
    out.push({ start: i, end: e, text: trimDecoration(text.slice(i, e)).trim(), depth: 1 });
    i = e - 1;
    p = i;
  }
  return out;
}

/** A table over UTF-16 code units: 1 for the characters of `chars`. */
function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
/** Marks after which a run-in heading may start (。！？!?；;：:). */
const SENTENCE_START_AFTER = charTable('。！？!?；;：:');
/** What an unnumbered run-in heading starts with (2021年…, 今年…, 明年…, 下半年…, 上半年…, 展望…, 新的一年…). */
const UNNUMBERED_FIRST = charTable('0123456789今明下上展新');

/** Other white space than a line's spaces (no-break space, the thin spaces): skipped, but no run of spaces. */
function isSpaceCode(c: number): boolean {
  return c === 0xa0 || c === 13 || c === 11 || c === 12 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** Every top-level heading: whole lines, and headings run into their paragraphs. */
export function topHeadings(text: string, lines: Line[]): Heading[] {
  const out: Heading[] = [];
  for (const l of lines) {
    const whole = headingOf(text, l);
    // A line that runs on as prose (一、2024年工作回顾2024年，全县…): its run-in heading, when it has one.
    const runIn = whole && /[，,；;。]/.test(whole.text) ? runInHeadings(text, l) : [];
    if (runIn.length) {
      out.push(...runIn);
      continue;
    }
    if (whole) {
      if (whole.depth === 1) out.push(whole);
      continue;
    }
    out.push(...runInHeadings(text, l));
  }
  return out;
}

/**
 * Sections opened by top-level headings. A heading that speaks of results
 * (回顾, 执行情况) opens a review; one that speaks of plans (计划, 目标, 任务)
 * opens a plan. Text before the first heading is the preamble. Found without
 * knowing the document's type or year: a heading's relative periods (下半年,
 * 今年) are resolved later, by `resolveSectionPeriods`.
 */
export function findSections(text: string, lines: Line[]): Section[] {
  const heads = topHeadings(text, lines);
  const sections: Section[] = [];
  let prevEnd = 0;
  let prevKind: SectionKind = 'preamble';
  let prevHead: Heading | null = null;
  const push = (end: number): void => {
    sections.push({ start: prevEnd, end, kind: prevKind, heading: prevHead, period: null, span: null });
  };
  for (const h of heads) {
    push(h.start);
    prevEnd = h.start;
    prevHead = h;
    prevKind = sectionKindOf(h.text);
  }
  push(text.length);
  return sections.filter((s) => s.end > s.start || s.heading);
}

/** The periods each section's heading names, with the document's years for 今年/下半年 (in a plan's heading, 今年 is the plan year). */
export function resolveSectionPeriods(sections: Section[], ctx: PeriodContext): Section[] {
  const planCtx: PeriodContext = { year: ctx.planYear ?? ctx.year, planYear: ctx.planYear };
  return sections.map((s) => (s.heading ? { ...s, ...headingPeriods(s.heading.text, s.kind === 'plan' ? planCtx : ctx) } : s));
}

export function sectionKindOf(heading: string): SectionKind {
  // 计划执行情况 is a review of the plan; 工作计划/目标任务 are plans; anything else reviews.
  if (REVIEW_FIRST.test(heading)) return 'review';
  return PLAN_WORDS.test(heading) ? 'plan' : 'review';
}

export function headingPeriods(heading: string, ctx: PeriodContext): { period: string | null; span: string | null } {
  const found = findPeriods(heading, 0, heading.length, ctx);
  let period: string | null = null;
  let span: string | null = null;
  for (const p of found) {
    if (isSpan(p.period)) span ??= p.period;
    else period ??= p.period;
  }
  // 上半年/下半年 without a year in the heading took the context year already.
  return { period, span };
}

const SENTENCE_END_RE = /[。！？!?\n]/g;

/** Where the sentences of a text end: the offsets of 。！？ and line breaks, ascending. */
export class Sentences {
  private readonly ends: Int32Array;
  constructor(private readonly text: string) {
    const ends: number[] = [];
    SENTENCE_END_RE.lastIndex = 0;
    for (let m = SENTENCE_END_RE.exec(text); m; m = SENTENCE_END_RE.exec(text)) ends.push(m.index);
    this.ends = Int32Array.from(ends);
  }
  /** Index of the first sentence end at or after `pos`. */
  private after(pos: number): number {
    const ends = this.ends;
    return firstNotBefore(ends.length, (i) => ends[i]! < pos);
  }
  /** Start of the sentence holding `pos`. */
  startOf(pos: number): number {
    const k = this.after(pos);
    return k === 0 ? 0 : this.ends[k - 1]! + 1;
  }
  /** End (exclusive, at its final mark) of the sentence holding `pos`. */
  endOf(pos: number): number {
    const k = this.after(pos);
    return k < this.ends.length ? this.ends[k]! : this.text.length;
  }
}

/** The last of `items` (sorted by start) that starts at or before `pos`: the line or section holding it. */
export function holding<T extends { start: number }>(items: readonly T[], pos: number): T {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return items[lo]!;
}

/** The section that holds `pos`. */
export function sectionAt(sections: Section[], pos: number): Section {
  return holding(sections, pos);
}
