// Facts in prose: find each indicator name, decide whether it speaks for the
// whole jurisdiction, read the chain of values after it, and give each value
// its period, kind, measure and qualifier from the sentence, the paragraph and
// the section around it.
import { loadData } from '../data.js';
import type { Fact } from '../schema.js';
import { getCatalog, type Indicator, type IndicatorMention } from './catalog.js';
import { parseChain, type Reading } from './chain.js';
import { isSpan, lastYearOf, readPeriod, type PeriodMatch } from './periods.js';
import { completeUnit, MODIFIERS, WordList } from './quantities.js';
import type { DocContext } from './context.js';
import { sectionAt } from './structure.js';

interface ScopeFile {
  before_ok: string[];
  part_nouns: string[];
  pair_prefixes: Record<string, string[]>;
  verbs_before: string[];
  creation_verbs: string[];
}
const SCOPE = loadData<ScopeFile>('scope.json');
const VERBS_BEFORE = new WordList(SCOPE.verbs_before.map((w) => [w, true] as [string, boolean]));
const BEFORE_OK = new WordList(SCOPE.before_ok.map((w) => [w, true] as [string, boolean]));
const PART_NOUN_RE = new RegExp(SCOPE.part_nouns.join('|'));
const CREATED_PART_RE = new RegExp(`(${SCOPE.creation_verbs.join('|')})[^，,；;。]{0,30}(${SCOPE.part_nouns.join('|')})(?=[，,；;])`);
const WHOLE_RE = /全区|全市|全县|全省|全州|全镇|全乡|全旗|我区|我市|我县|我省/;
const TARGET_RE = new RegExp(MODIFIERS.target_words.join('|'));

const CLAUSE_END = new Set(['。', '！', '？', '\n', '，', ',', '；', ';', '：', ':']);

/** One subject of a chain: an indicator and where its name starts. */
interface Subject {
  indicator: Indicator;
  start: number;
}

function clauseStart(text: string, pos: number): number {
  let i = pos - 1;
  while (i >= 0 && !CLAUSE_END.has(text[i]!)) i--;
  return i + 1;
}

/**
 * Whether the words right before a name keep it about the whole jurisdiction:
 * 全区地区生产总值 yes, 工业固定资产投资 / 市场采购贸易出口额 no.
 */
function wholeScope(text: string, start: number, doc: DocContext): boolean {
  let i = start;
  // Words that keep the scope may stack: 全区全年实现
  for (let k = 0; k < 4; k++) {
    if (i === 0) return true;
    const prev = text[i - 1]!;
    if (/[\s\d%|()（）,，、；;。：:！？“”"'《》·\-—]/.test(prev)) return true;
    // A period right before the name: 上半年新增城镇就业, 2020年GDP.
    const period = periodEndingAt(i, doc);
    if (period >= 0) {
      i = period;
      continue;
    }
    if (VERBS_BEFORE.endingAt(text, i, 4)) return true;
    const ok = BEFORE_OK.endingAt(text, i, 4);
    if (ok) {
      i = ok.start;
      continue;
    }
    // The jurisdiction's own name (岳阳楼区地区生产总值).
    const own = doc.regionNames.find((n) => n && text.startsWith(n, i - n.length));
    if (own) {
      i -= own.length;
      continue;
    }
    return false;
  }
  return true;
}

function periodEndingAt(end: number, doc: DocContext): number {
  const p = doc.sentencePeriods(doc.sentences.startOf(end - 1)).find((x) => x.end === end);
  return p ? p.start : -1;
}

/**
 * A sentence whose first clause is about a part of the jurisdiction (a zone,
 * a park, a centre) speaks for that part: 上半年自贸区**片区**区域新设立企业
 * 5989户,...;实际使用外资2596万元.
 */
function aboutPart(text: string, subjectStart: number, doc: DocContext): boolean {
  const s = doc.sentences.startOf(subjectStart);
  const cs = clauseStart(text, subjectStart);
  if (cs <= s) return false;
  let firstEnd = s;
  while (firstEnd < cs && !CLAUSE_END.has(text[firstEnd]!)) firstEnd++;
  // The part must be the clause's subject: right after an opening period (上半年自贸区...).
  let head = s;
  const p = readPeriod(text, head, doc.periodCtx);
  if (p && p.end <= firstEnd) head = p.end;
  const first = text.slice(head, Math.min(firstEnd, head + 12));
  if (PART_NOUN_RE.test(first) && !WHOLE_RE.test(first)) return true;
  // 打造...跨境电商运营中心,目前已签约入驻企业10家,全年预计实现进出口额2000万美元.
  const before = text.slice(s, cs);
  return CREATED_PART_RE.test(before) && !WHOLE_RE.test(text.slice(cs, subjectStart));
}

/**
 * The subjects a name stands for: 城镇和农村常住居民人均可支配收入 -> urban and
 * rural; 城乡居民人均可支配收入 -> both; 实际利用外资、到位内资均... -> two.
 */
function subjectsOf(text: string, m: IndicatorMention): { subjects: Subject[]; start: number } {
  const catalog = getCatalog();
  const alias = text.slice(m.start, m.end);
  // 城乡 + a name that exists for both 城镇 and 农村.
  for (const [prefix, parts] of Object.entries(SCOPE.pair_prefixes)) {
    if (text.startsWith(prefix, m.start - prefix.length)) {
      const inds = parts.map((p) => catalog.byAlias.get(p + alias));
      if (inds.every((x): x is Indicator => x !== undefined)) {
        return { subjects: inds.map((indicator) => ({ indicator, start: m.start - prefix.length })), start: m.start - prefix.length };
      }
    }
  }
  // 城镇和农村常住居民人均可支配收入 / 城镇、农村居民人均可支配收入: the first item borrows the tail of the second.
  const sep = text[m.start - 1];
  if (sep === '和' || sep === '、' || sep === '与' || sep === '及') {
    for (let wl = 2; wl <= 4; wl++) {
      const w = text.slice(m.start - 1 - wl, m.start - 1);
      if (w.length < wl || /[\s,，。；、]/.test(w)) break;
      for (let k = 1; k < alias.length - 1; k++) {
        const ind = catalog.byAlias.get(w + alias.slice(k));
        if (ind && ind !== m.indicator) {
          const start = m.start - 1 - wl;
          return { subjects: [{ indicator: ind, start }, { indicator: m.indicator, start }], start };
        }
      }
    }
  }
  return { subjects: [{ indicator: m.indicator, start: m.start }], start: m.start };
}

interface Draft {
  subject: Subject;
  reading: Reading;
  valueIndex: number;
}

export function extractProseFacts(doc: DocContext): Fact[] {
  const { text } = doc;
  const catalog = getCatalog();
  const mentions = catalog.scan(text);
  const facts: Fact[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (doc.inTable(m.start)) continue;
    const { subjects, start } = subjectsOf(text, m);
    let end = m.end;
    // A forward list of full names: 实际利用外资、到位内资均增长15%以上.
    while (k + 1 < mentions.length) {
      const n = mentions[k + 1]!;
      const gap = text.slice(end, n.start);
      if (!/^[、和与及]$/.test(gap)) break;
      subjects.push({ indicator: n.indicator, start: n.start });
      end = n.end;
      k++;
    }
    if (!wholeScope(text, start, doc) || aboutPart(text, start, doc)) continue;
    const limit = doc.sentences.endOf(end);
    const readings = parseChain(text, end, limit, doc.periodCtxAt(start));
    if (!readings.length) continue;
    const drafts = pair(subjects, readings);
    for (const d of drafts) {
      const f = toFact(doc, d, start, text.slice(clauseStart(text, start), start).slice(-6));
      if (f) facts.push(f);
    }
  }
  return facts;
}

/** Pair subjects with values: one subject takes every value; a list takes them in order (分别) or each (均). */
function pair(subjects: Subject[], readings: Reading[]): Draft[] {
  const out: Draft[] = [];
  for (const r of readings) {
    const n = r.quantities.length;
    if (subjects.length === 1) {
      // Several values for one subject (8.6%8.42% after one name) cannot be told apart: the first is its own.
      out.push({ subject: subjects[0]!, reading: r, valueIndex: 0 });
    } else if (n === subjects.length) {
      subjects.forEach((s, i) => out.push({ subject: s, reading: r, valueIndex: i }));
    } else if (n <= 1) {
      for (const s of subjects) out.push({ subject: s, reading: r, valueIndex: 0 });
    }
  }
  return out;
}

function toFact(doc: DocContext, d: Draft, subjectStart: number, before: string): Fact | null {
  const { text } = doc;
  const { reading: r, subject } = d;
  const ind = subject.indicator;
  const q = r.quantities[d.valueIndex];
  let measure = r.measure;
  let unit: string;
  let value: number | null;
  let high: number | null = null;
  let qualifier = r.qualifier;
  if (r.qualifier === 'qualitative') {
    unit = '%';
    value = null;
  } else {
    if (!q) return null;
    if (measure === 'level') {
      if (q.unit === '%') {
        // A bare X% after a growth-type name is its growth (居民消费价格涨幅3%).
        if (ind.percent === 'growth') measure = r.yearlyAverage ? 'avg_growth' : 'growth';
        else if (!ind.dims.includes('%')) return null;
      }
      const u = completeUnit(q.unit, ind.dims);
      if (!u) return null;
      unit = u;
    } else unit = '%';
    value = q.value * (measure === 'level' ? 1 : r.sign);
    if (value === 0) value = 0; // no -0
    high = q.high === null ? null : q.high * (measure === 'level' ? 1 : r.sign);
    if (high !== null && r.sign < 0) [value, high] = [high, value];
    qualifier = q.qualifier ?? 'exact';
  }
  const yearlyAverage = r.yearlyAverage || before.endsWith('年均');
  // 五年累计完成固定资产投资1200亿元, 期间共完成: a total over the span.
  const total = r.cumulative || /累计|共/.test(before);
  const period = resolvePeriod(doc, d, subjectStart, measure, yearlyAverage || total);
  if (!period) return null;
  const section = sectionAt(doc.sections, subjectStart);
  const sentence = text.slice(clauseStart(text, subjectStart), subjectStart);
  let kind: Fact['kind'] = section.kind === 'plan' ? 'target' : 'actual';
  if (r.target || TARGET_RE.test(sentence)) kind = 'target';
  const reviewYear = doc.periodCtx.year;
  if (kind === 'actual' && reviewYear !== null && lastYearOf(period) > reviewYear) kind = 'target';
  if (kind === 'target' && reviewYear !== null && section.kind === 'plan' && lastYearOf(period) < (doc.periodCtx.planYear ?? reviewYear)) kind = 'actual';
  // 高于全省平均水平 in a review is a comparison, not a target reached.
  if (r.qualifier === 'qualitative' && (kind !== 'target' || /^[\d.]/.test(text.slice(r.end, r.end + 1)))) return null;
  const estimated = kind === 'actual' && (r.estimated || /预计/.test(sentence) || estimatedSentence(doc, subjectStart) || doc.estimatedFrom(subjectStart));
  const quoteEnd = quoteEndOf(text, r, q);
  const fact: Fact = {
    indicator: ind.key,
    period,
    kind,
    measure,
    value,
    unit,
    qualifier: qualifier ?? 'exact',
    estimated,
    quote: text.slice(subject.start, quoteEnd),
    span: [subject.start, quoteEnd],
  };
  if (high !== null) fact.value_high = high;
  if (r.qualifier === 'qualitative') fact.text = r.text;
  return fact;
}

function quoteEndOf(text: string, r: Reading, q: Reading['quantities'][number] | undefined): number {
  let end = q ? q.end : r.end;
  if (r.estimated && /^[(（]预计数?[)）]/.test(text.slice(end, end + 6))) end = text.indexOf(text[end] === '(' ? ')' : '）', end) + 1;
  return end;
}

/**
 * A value's period: named in its chain, else the last period named earlier in
 * its sentence, else at the head of its paragraph, else its section's, else
 * the document's review period. Spans give levels to their last year unless the
 * indicator accumulates (新增城镇就业) or the level is over the span (年均, 累计).
 */
function resolvePeriod(doc: DocContext, d: Draft, subjectStart: number, measure: Fact['measure'], overSpan: boolean): string | null {
  const r = d.reading;
  let period: string | null = r.period ? sinceToReview(doc, r.period) : null;
  const context = contextPeriod(doc, subjectStart);
  if (!period && r.role === 'from') {
    // 从382亿元增长到500亿元 within a span: the start is the year before the span.
    const span = context && isSpan(context) ? context : null;
    period = span ? String(Number(span.slice(0, 4)) - 1) : null;
    if (!period) return null;
  }
  if (!period && r.role === 'to' && context && isSpan(context)) period = String(lastYearOf(context));
  period ??= context;
  if (!period) return null;
  if (measure === 'avg_growth') return isSpan(period) ? period : spanAround(doc, subjectStart);
  if (isSpan(period)) {
    // A growth over a span is no growth on the previous year: no fact.
    if (measure === 'growth') return null;
    if (overSpan || d.subject.indicator.cumulative) return period;
    return String(lastYearOf(period));
  }
  return period;
}

function sinceToReview(doc: DocContext, p: PeriodMatch): string {
  // 今年以来 / 2021年以来 in a mid-year report: the review period.
  const review = doc.reviewPeriod;
  if (p.role === 'since' && review && review.startsWith(p.period) && review !== p.period) return review;
  return p.period;
}

/** The period that frames a position: sentence, then paragraph head, then section, then the document. */
export function contextPeriod(doc: DocContext, pos: number): string | null {
  const { text } = doc;
  const s = doc.sentences.startOf(pos);
  const periods = doc.sentencePeriods(s);
  const inParens = periodsInParens(text, s, periods);
  const inSentence = periods.filter(
    (p, k) => p.start < pos && p.end <= pos && !isComparison(text, p.start) && p.role !== 'from' && !boundTo(text, p) && !inParens[k],
  );
  const last = inSentence[inSentence.length - 1];
  if (last) return sinceToReview(doc, last);
  const para = doc.paragraphPeriod(pos);
  if (para) return para;
  const section = sectionAt(doc.sections, pos);
  if (section.kind === 'plan') {
    // Targets in the second-half plan of a mid-year report are the year's targets.
    if (section.period && /H2$/.test(section.period)) return section.period.slice(0, 4);
    return section.period ?? section.span ?? (doc.periodCtx.planYear === null ? null : String(doc.periodCtx.planYear));
  }
  return section.period ?? doc.reviewPeriod ?? section.span;
}

function spanAround(doc: DocContext, pos: number): string | null {
  const section = sectionAt(doc.sections, pos);
  const para = doc.paragraphPeriod(pos);
  if (para && isSpan(para)) return para;
  return section.span;
}

/** 预计地区生产总值超过2100亿元,增长8.8%左右;规模以上工业增加值...: a sentence that opens with 预计 is all estimates. */
function estimatedSentence(doc: DocContext, pos: number): boolean {
  const s = doc.sentences.startOf(pos);
  let i = s;
  const p = readPeriod(doc.text, i, doc.periodCtxAt(pos));
  if (p) i = p.end;
  while (/[\s,，]/.test(doc.text[i] ?? '')) i++;
  return doc.text.startsWith('预计', i);
}

/** 增长到2020年的735亿元: a 到-period that belongs to a value, not to the sentence (到2025年, GDP迈上...). */
function boundTo(text: string, p: PeriodMatch): boolean {
  return p.role === 'to' && /[长高加升增]/.test(text[p.start - 1] ?? '');
}

const parensOfPeriods = new WeakMap<readonly PeriodMatch[], boolean[]>();

/**
 * For each period of the sentence at `from` (in text order), whether it starts inside a bracket opened
 * in the sentence: (二季度同比增长6%) frames only its own values. One pass per sentence, kept with its
 * periods, so that each fact of a long sentence does not rescan it.
 */
function periodsInParens(text: string, from: number, periods: readonly PeriodMatch[]): boolean[] {
  let flags = parensOfPeriods.get(periods);
  if (flags) return flags;
  flags = [];
  let depth = 0;
  let i = from;
  for (const p of periods) {
    for (; i < p.start; i++) {
      const c = text[i];
      if (c === '(' || c === '（') depth++;
      else if ((c === ')' || c === '）') && depth > 0) depth--;
    }
    flags.push(depth > 0);
  }
  parensOfPeriods.set(periods, flags);
  return flags;
}

/** 比2015年, 较上年, 同比: a period named as a base of comparison, not the fact's own. */
function isComparison(text: string, start: number): boolean {
  const prev = text[start - 1];
  return prev === '比' || prev === '较' || prev === '于' || prev === '同' || prev === '与' || prev === '是';
}
