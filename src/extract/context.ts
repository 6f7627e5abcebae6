// What the extractors know about a document as a whole, built in one
// direction: the structure of the text (lines, sentences, headings and
// sections) first, without knowing what the document is; then the
// document-level decisions (meta.ts) read from that structure; then the
// periods of the sections in the document's years, and markers that carry
// over ((预计数，下同)). Fact reading reads both.
import type { Meta } from '../schema.js';
import { decideMeta, metaOf, regionNames, type MetaDecisions } from './meta.js';
import { findPeriods, readPeriod, type PeriodContext, type PeriodMatch } from './periods.js';
import { findSections, holding, resolveSectionPeriods, sectionAt, Sentences, splitLines, type Line, type Section } from './structure.js';

export interface DocContext {
  text: string;
  lines: Line[];
  sections: Section[];
  sentences: Sentences;
  periodCtx: PeriodContext;
  /** The period context at a position: in a plan section, 今年/全年 is the plan year. */
  periodCtxAt(pos: number): PeriodContext;
  reviewPeriod: string | null;
  planPeriod: string | null;
  regionNames: string[];
  meta: Meta;
  /** Every document-level decision with its evidence (for --explain). */
  decisions: MetaDecisions;
  inTable(pos: number): boolean;
  /** A (预计数，下同) earlier in the same section marks this position's results as estimates. */
  estimatedFrom(pos: number): boolean;
  /** The periods named in the sentence that starts at `start` (computed once per sentence). */
  sentencePeriods(start: number): PeriodMatch[];
  /** A period that opens the paragraph holding `pos` (五年来, 2020年是..., 上半年,). */
  paragraphPeriod(pos: number): string | null;
}

export function buildContext(text: string): DocContext {
  // 1. Structure, without knowing the type.
  const lines = splitLines(text);
  const sentences = new Sentences(text);
  const bareSections = findSections(text, lines);
  // 2. Document decisions, read from the structure.
  const decisions = decideMeta(text, lines, bareSections);
  const periodCtx = decisions.periodCtx;
  // 3. The sections' periods in the document's years.
  const sections = resolveSectionPeriods(bareSections, periodCtx);
  const meta = metaOf(decisions);
  const review = meta.review_period;
  const carry = carryMarks(text, sections, sentences);
  const paraPeriods = new Map<number, Array<[number, string]>>();
  const sentencePeriods = new Map<number, PeriodMatch[]>();
  const planCtx: PeriodContext = { year: periodCtx.planYear ?? periodCtx.year, planYear: periodCtx.planYear };
  const periodCtxAt = (pos: number): PeriodContext => (sectionAt(sections, pos).kind === 'plan' ? planCtx : periodCtx);
  return {
    text,
    lines,
    sections,
    sentences,
    periodCtx,
    periodCtxAt,
    reviewPeriod: review,
    planPeriod: meta.plan_period,
    regionNames: regionNames(decisions.place),
    meta,
    decisions,
    inTable: (pos) => holding(lines, pos).table,
    estimatedFrom: (pos) => carry.some(([from, to]) => from <= pos && pos < to),
    sentencePeriods: (start) => {
      let found = sentencePeriods.get(start);
      if (!found) {
        found = findPeriods(text, start, sentences.endOf(start), periodCtxAt(start));
        sentencePeriods.set(start, found);
      }
      return found;
    },
    paragraphPeriod: (pos) => {
      const line = holding(lines, pos);
      let openings = paraPeriods.get(line.start);
      if (!openings) {
        openings = openingPeriods(text, line, periodCtxAt(line.start), review);
        paraPeriods.set(line.start, openings);
      }
      // A heading run into the paragraph (a scrape that lost its line breaks) opens a section: an opening
      // before it frames nothing after it.
      const from = sectionAt(sections, pos).start;
      let found: string | null = null;
      for (const [start, period] of openings) if (start <= pos && start >= from) found = period;
      return found;
    },
  };
}

/**
 * Periods that open a sentence of the paragraph (五年来, / 2020年是 / 上半年, /
 * 1-8月, / “十四五”时期奋斗目标是:) frame the rest of the paragraph, up to the
 * next sentence that opens with another.
 */
function openingPeriods(text: string, line: Line, ctx: PeriodContext, review: string | null): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let s = line.start;
  while (s < line.end) {
    const p = openingAt(text, s, line.end, ctx, review);
    if (p) out.push([s, p]);
    let e = s;
    while (e < line.end && !'。！？!?'.includes(text[e]!)) e++;
    s = e + 1;
  }
  return out;
}

function openingAt(text: string, start: number, end: number, ctx: PeriodContext, review: string | null): string | null {
  let i = start;
  while (i < end && /\s/.test(text[i]!)) i++;
  // Skip a list marker: (一), 1., 一是, and the dash or bullet that opens a paragraph of a list (——五年来，…; ●五年来，…)
  const marker = /^([(（][一二三四五六七八九十]+[)）]|\d+[.、]|[一二三四五六七八九十]+是|[—－-]{1,2}\s*|[●■◆▲★☆○◇□·•]\s*)/.exec(text.slice(i, i + 6));
  if (marker) i += marker[0].length;
  const p = readPeriod(text, i, ctx);
  if (!p) return null;
  const rest = text.slice(p.end, p.end + 4);
  // Only a period that heads the sentence (followed by a comma, 是, 以来, 期间 ...), not 2021年完成...
  if (!/^(,|，|是|以来|期间|时期|，|奋斗目标|的|我们|全区|全市|全县|全镇|全省|主要|末|底)/.test(rest) && p.role !== 'since') return null;
  if (p.role === 'since' && review && review.startsWith(p.period)) return review;
  return p.period;
}

/** (预计数，下同) / （预计数,下同）: from there to the end of its section. */
function carryMarks(text: string, sections: Section[], sentences: Sentences): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[(（]\s*预计数?\s*[,，、]\s*下同\s*[)）]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const s = sections.find((x) => x.start <= m!.index && m!.index < x.end);
    out.push([sentences.startOf(m.index), s ? s.end : text.length]);
  }
  return out;
}
