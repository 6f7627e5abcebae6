// The layout of a report: its lines, its headings (一、2019年工作回顾,
// 二、下半年工作计划), and the sections they open, each either a review of
// results or a plan of targets, with the period its heading names.
import { loadData } from '../data.js';
import { findPeriods, type PeriodContext, isSpan } from './periods.js';

export interface Line {
  start: number;
  end: number;
  /** A row of a pipe-separated table. */
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
  headings: { review_first: string; plan: string; unnumbered_heading: string };
}
const WORDS = loadData<HeadingWords>('documents.json').headings;
const REVIEW_FIRST = new RegExp(WORDS.review_first);
const PLAN_WORDS = new RegExp(WORDS.plan);
const UNNUMBERED_HEADING = new RegExp(WORDS.unnumbered_heading);

export function splitLines(text: string): Line[] {
  // Bar positions found once with the native search; a line with two of them is a table row.
  const bars: number[] = [];
  for (let b = text.indexOf('|'); b >= 0; b = text.indexOf('|', b + 1)) bars.push(b);
  const lines: Line[] = [];
  let k = 0;
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let e = end;
    if (e > start && text[e - 1] === '\r') e--;
    while (k < bars.length && bars[k]! < start) k++;
    const table = k + 1 < bars.length && bars[k + 1]! < e;
    lines.push({ start, end: e, table });
    if (end >= text.length) break;
    start = end + 1;
  }
  return lines;
}

/** A heading is a short numbered line that does not run on as prose. */
export function headingOf(text: string, line: Line): Heading | null {
  if (line.table) return null;
  let s = line.start;
  while (s < line.end && /\s/.test(text[s]!)) s++;
  const raw = text.slice(s, line.end);
  let depth = 0;
  if (HEADING_1.test(raw)) depth = 1;
  else if (HEADING_2.test(raw)) depth = 2;
  else if (HEADING_3.test(raw)) depth = 3;
  // An unnumbered heading: a short line that names a review or a plan (2021年工作安排).
  if (!depth && raw.length <= 24 && !/[。，,；;：:！？]/.test(raw) && UNNUMBERED_HEADING.test(raw.trim())) depth = 1;
  if (!depth) return null;
  // A numbered paragraph (一是...。) is prose, not a heading.
  if (raw.length > 60 || /。.+/.test(raw)) return null;
  return { start: s, end: line.end, text: raw.trim(), depth };
}

/**
 * Sections opened by top-level headings. A heading that speaks of results
 * (回顾, 执行情况) opens a review; one that speaks of plans (计划, 目标, 任务)
 * opens a plan. Text before the first heading is the preamble.
 */
export function findSections(text: string, lines: Line[], ctx: PeriodContext): Section[] {
  const heads = lines.map((l) => headingOf(text, l)).filter((h): h is Heading => h !== null && h.depth === 1);
  const sections: Section[] = [];
  let prevEnd = 0;
  let prevKind: SectionKind = 'preamble';
  let prevHead: Heading | null = null;
  // In a plan's heading, 今年 is the plan year (对今年政府工作的建议).
  const planCtx: PeriodContext = { year: ctx.planYear ?? ctx.year, planYear: ctx.planYear };
  const push = (end: number): void => {
    const periods = prevHead ? headingPeriods(prevHead.text, prevKind === 'plan' ? planCtx : ctx) : { period: null, span: null };
    sections.push({ start: prevEnd, end, kind: prevKind, heading: prevHead, ...periods });
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

export function sectionKindOf(heading: string): SectionKind {
  // 计划执行情况 is a review of the plan; 工作计划/目标任务 are plans; anything else reviews.
  if (REVIEW_FIRST.test(heading)) return 'review';
  return PLAN_WORDS.test(heading) ? 'plan' : 'review';
}

function headingPeriods(heading: string, ctx: PeriodContext): { period: string | null; span: string | null } {
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
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
