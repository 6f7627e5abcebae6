// What follows an indicator's name in prose: a chain of value phrases.
//   地区生产总值 | 从2015年的528亿元 | 增长到2020年的735亿元 | (预计数) | ,年均增长8.1%
//   地区生产总值 | 747.7亿元 | ,同比增长7.1%
//   城镇和农村居民人均可支配收入 | 为27478元、15341元 | ,分别增长11.0%、14.3%
// The chain ends at a clause that does not begin with a value (a new subject,
// 其中, a sentence end). Each reading keeps its own offsets.
import { MODIFIERS, QUALITATIVE, WordList, readQuantity, readQuantityList, type Quantity } from './quantities.js';
import { readPeriod, type PeriodContext, type PeriodMatch } from './periods.js';
import type { Measure, Qualifier } from './types.js';
import { unitInfo } from './units.js';

/** What the words so far in a chain say about the values that follow. */
interface State {
  /** The period named inside the chain (从2015年的, 到2025年, (二季度...)). */
  period: PeriodMatch | null;
  /** 从X增长到Y without years: X is the start of the context span, Y its end. */
  role: 'from' | 'to' | null;
  estimated: boolean;
  target: boolean;
  /** 分别: the values pair with the subjects in order. */
  respectively: boolean;
  /** 年均 on a level: a yearly average over a span. */
  yearlyAverage: boolean;
  /** 累计: a total over the span. */
  cumulative: boolean;
  /** 比上年末: a change on last year's end, which is on the same period of last year only for a year-end figure. */
  sinceYearEnd: boolean;
}

/** One value phrase of a chain, with the state it was read in. */
export interface Reading extends State {
  measure: Measure;
  quantities: Quantity[];
  /** For qualitative readings: the phrase (正增长). */
  text: string | null;
  qualifier: Qualifier | null;
  /** Sign of the growth verb (下降 -> -1). */
  sign: number;
  start: number;
  end: number;
}

const GROWTH_VERBS = new WordList(Object.entries(MODIFIERS.growth_verbs));
const LEVEL_VERBS = new WordList(MODIFIERS.level_verbs.map((w) => [w, w] as [string, string]));
const FLAT = new WordList(MODIFIERS.flat.map((w) => [w, w] as [string, string]));
const FILLERS = new WordList(MODIFIERS.fillers.map((w) => [w, w] as [string, string]));
const TARGET_WORDS = new Set(MODIFIERS.target_words);
const YEAR_END_BASES = new Set(MODIFIERS.year_end_bases);
/** Verbs that reach a level: 增长到, 提高到 (not growth). */
const TO_LEVEL = /^(增长到|增加到|提高到|提升到|上升到|增至|提高至|提升至|上升至|下降到|下降至|降到|降至|回落到|回落至|减少到|减少至)/;

const COMPARISON = /^(?:是|为|相当于|比)[^，,；;。、]{1,24}?(?:倍|翻一番|翻番)(?=[，,])/;
/** 高于年初人代会12%的目标: a result compared with its target states the target. */
const AIM_VERB = new RegExp(`^(?:${MODIFIERS.target_comparison.verbs.join('|')})[^，,；;。！？\\d]{0,12}?(?=\\d)`);
const AIM_NOUN = new RegExp(`^(?:${MODIFIERS.target_comparison.nouns.join('|')})`);
const AIM_GAP = new RegExp(MODIFIERS.target_comparison.gap_words.join('|'));
/** 占GDP比重61.8%: a share of a total, passed over; 增加值增长6.8%: a clause that repeats the name's tail. */
const SHARE = new RegExp(`^(?:${MODIFIERS.share_clause})(?=[，,；;。]|$)`);
const REPEATED_TAILS = new WordList(MODIFIERS.repeated_tails.map((w) => [w, w] as [string, string]));
const OPEN = new Set(['(', '（']);
const CLOSE: Record<string, string> = { '(': ')', '（': '）' };
const CLAUSE_SEP = new Set([',', '，', '、']);
const STOP = new Set(['；', ';', '。', '！', '？', '\n', '|', '：', ':']);

function freshState(): State {
  return { period: null, role: null, estimated: false, target: false, respectively: false, yearlyAverage: false, cumulative: false, sinceYearEnd: false };
}

function closeParen(text: string, pos: number, limit: number): number {
  const want = CLOSE[text[pos]!]!;
  for (let i = pos + 1; i < limit && i < pos + 80; i++) {
    const c = text[i]!;
    if (c === want || c === ')' || c === '）') return i;
    if (c === '\n' || c === '。') return -1;
  }
  return -1;
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\u3000' || text[i] === '\t') i++;
  return i;
}

function reading(state: State, measure: Measure, start: number, end: number, extra: Partial<Reading>): Reading {
  // Built field by field: one object shape for every reading keeps this hot path monomorphic.
  const r: Reading = {
    period: state.period,
    role: state.role,
    estimated: state.estimated,
    target: state.target,
    respectively: state.respectively,
    yearlyAverage: state.yearlyAverage,
    cumulative: state.cumulative,
    sinceYearEnd: state.sinceYearEnd,
    measure,
    quantities: [],
    text: null,
    qualifier: null,
    sign: 1,
    start,
    end,
  };
  return Object.assign(r, extra);
}

/**
 * Reads the value phrases that follow an indicator name at `pos`, up to `limit`.
 * `initial` carries what the words before said: the period of a bracket
 * (二季度同比增长6%), or the state of the clause before.
 */
export function parseChain(text: string, pos: number, limit: number, ctx: PeriodContext, initial?: Partial<State>): Reading[] {
  const out: Reading[] = [];
  let state: State = { ...freshState(), ...initial };
  let i = pos;
  let steps = 0;
  // The readings of the current clause start here: a clause sees only its own (and later) readings,
  // as if each clause were a chain of its own. Clauses follow in a loop, not by recursion, so a long
  // run of clauses (，增长12.5%，增长12.5%...) does not grow the stack.
  let clause = 0;
  let clauseStart = pos;
  while (i < limit && steps++ < 64) {
    i = skipSpaces(text, i);
    const c = text[i];
    if (c === undefined || STOP.has(c)) break;
    if (OPEN.has(c)) {
      const close = closeParen(text, i, limit);
      if (close < 0) break;
      const inner = text.slice(i + 1, close);
      if (/^预计/.test(inner)) {
        // (预计数): the figures before it in this chain are estimates (not a 从-start), and so are the ones after.
        for (let k = clause; k < out.length; k++) {
          const r = out[k]!;
          if (r.role !== 'from' && r.period?.role !== 'from') r.estimated = true;
        }
        state.estimated = true;
      } else {
        const p = readPeriod(text, i + 1, ctx);
        // A bracket is read as a chain of its own; it holds no bracket (its close is the first one), so this recursion is one level deep.
        if (p && !/^其中/.test(inner)) for (const r of parseChain(text, p.end, close, ctx, { period: p, estimated: state.estimated })) out.push(r);
      }
      i = close + 1;
      continue;
    }
    if (CLAUSE_SEP.has(c)) {
      // 是“十五”期末的1.9倍: a comparison between two values of the chain is passed over.
      const comparison = COMPARISON.exec(text.slice(i + 1, Math.min(limit, i + 40)));
      if (comparison) {
        i += 1 + comparison[0].length;
        continue;
      }
      const share = SHARE.exec(text.slice(i + 1, Math.min(limit, i + 40)));
      if (share) {
        i += 1 + share[0].length;
        continue;
      }
      const aim = targetOf(text, i + 1, limit);
      if (aim) {
        out.push(reading({ ...state, target: true }, 'level', aim.q.start, aim.q.end, { quantities: [aim.q] }));
        i = aim.end;
        continue;
      }
      // The chain goes on into the next clause only if that clause begins with a value.
      // A period named in the chain holds across 、 (十年增加近70万亿元、年均增长6.2%), not across a comma.
      const keep = state.period?.role === 'to' || c === '、';
      // 年均 is its own clause's: …年均分别增长6.9%和9.1%，分别达到37520元和17260元 (the span's last-year levels).
      const yearlyAverage = state.yearlyAverage && c === '、';
      state = { ...freshState(), ...state, respectively: false, role: null, yearlyAverage, period: keep ? state.period : null };
      clause = out.length;
      steps = 0;
      i++;
      clauseStart = i;
      continue;
    }
    if (text.startsWith('其中', i)) break;
    // 单位生产总值能耗和主要污染物排放量完成市下达的控制目标 / …继续下降: a target shared with a noun outside the catalog.
    const joint = i === pos && out.length === 0 ? jointTarget(text, i, limit) : -1;
    if (joint >= 0) {
      i = joint;
      continue;
    }
    // At the start of a clause that goes on from another (…，增加值增长6.8%): a tail repeating the name.
    const tail = i === clauseStart && out.length === clause && (clauseStart !== pos || initial) ? REPEATED_TAILS.at(text, i) : null;
    if (tail && GROWTH_VERBS.at(text, skipFillers(text, tail.end))) {
      i = tail.end;
      continue;
    }
    const p = readPeriod(text, i, ctx);
    if (p) {
      state.period = p;
      i = p.end;
      if (text[i] === '的') i++;
      // 两年平均增长6.1%: a yearly average over the span just named.
      if (p.span && text.startsWith('平均', i)) {
        state.yearlyAverage = true;
        i += 2;
      }
      continue;
    }
    if (text.startsWith('年均', i)) {
      state.yearlyAverage = true;
      i += 2;
      continue;
    }
    if (text.startsWith('预计', i)) {
      state.estimated = true;
      i += 2;
      continue;
    }
    if (c === '从' || c === '由') {
      state.role = 'from';
      i++;
      continue;
    }
    const flat = FLAT.at(text, i);
    if (flat) {
      out.push(reading(state, state.yearlyAverage ? 'avg_growth' : 'growth', i, flat.end, { qualifier: 'approx', quantities: [{ start: i, end: flat.end, value: 0, high: null, unit: '%', qualifier: 'approx', percentPoint: false }] }));
      i = flat.end;
      continue;
    }
    const qual = QUALITATIVE.at(text, i);
    if (qual) {
      out.push(reading(state, state.yearlyAverage ? 'avg_growth' : 'growth', i, qual.end, { qualifier: 'qualitative', text: qual.word }));
      i = qual.end;
      continue;
    }
    const toLevel = TO_LEVEL.exec(text.slice(i, i + 3));
    if (toLevel) {
      state.role = state.role === 'from' || fromBefore(out, clause) ? 'to' : null;
      i += toLevel[0].length;
      const p2 = readPeriod(text, i, ctx);
      if (p2) {
        state.period = { ...p2, role: 'to' };
        i = p2.end;
        if (text[i] === '的') i++;
      }
      const qs = readQuantityList(text, i);
      if (!qs.length) break;
      out.push(reading(state, 'level', i, qs[qs.length - 1]!.end, { quantities: qs }));
      i = qs[qs.length - 1]!.end;
      continue;
    }
    const growth = GROWTH_VERBS.at(text, i);
    if (growth) {
      let j = growth.end;
      if (text[j] === '了') j++;
      j = skipSpaces(text, skipFillers(text, j));
      const q2 = QUALITATIVE.at(text, j);
      if (q2) {
        out.push(reading(state, state.yearlyAverage ? 'avg_growth' : 'growth', i, q2.end, { qualifier: 'qualitative', text: q2.word }));
        i = q2.end;
        continue;
      }
      const flat2 = FLAT.at(text, j);
      if (flat2) {
        i = j;
        continue;
      }
      const qs = readQuantityList(text, j);
      // 增长8.6，: a % lost in scraping, when nothing else follows the number.
      for (const q of qs) if (q.unit === '' && q.value < 100 && /^[，,；;。、\n]?$/.test(text[q.end] ?? '')) q.unit = '%';
      // 比上年增加7694亿元: an amount of change, not a rate; passed over, the chain goes on (，增长22.5%).
      if (qs.length && qs.every((q) => !q.percentPoint && q.unit !== '%' && unitInfo(q.unit) !== null)) {
        i = qs[qs.length - 1]!.end;
        continue;
      }
      if (!qs.length || qs.some((q) => q.percentPoint || q.unit !== '%')) break;
      out.push(reading(state, state.yearlyAverage ? 'avg_growth' : 'growth', i, qs[qs.length - 1]!.end, { quantities: qs, sign: growth.value }));
      i = qs[qs.length - 1]!.end;
      continue;
    }
    const filler = FILLERS.at(text, i);
    if (filler) {
      if (filler.word === '分别') state.respectively = true;
      else if (filler.word === '累计') state.cumulative = true;
      else if (YEAR_END_BASES.has(filler.word)) state.sinceYearEnd = true;
      else if (TARGET_WORDS.has(filler.word)) state.target = true;
      i = filler.end;
      continue;
    }
    const verb = LEVEL_VERBS.at(text, i);
    const j = verb ? skipFillers(text, verb.end) : i;
    const q3 = QUALITATIVE.at(text, j);
    if (verb && q3) {
      out.push(reading(state, state.yearlyAverage ? 'avg_growth' : 'growth', i, q3.end, { qualifier: 'qualitative', text: q3.word }));
      i = q3.end;
      continue;
    }
    const qs = readQuantityList(text, skipSpaces(text, j));
    if (verb && !qs.length && (GROWTH_VERBS.at(text, j) || FLAT.at(text, j))) {
      // 实现增长8%, 完成与去年持平: the verb only leads to the value.
      i = j;
      continue;
    }
    if (!qs.length || qs.some((q) => q.percentPoint) || countsANoun(text, qs[qs.length - 1]!)) break;
    out.push(reading(state, 'level', j, qs[qs.length - 1]!.end, { quantities: qs }));
    i = qs[qs.length - 1]!.end;
    state.role = null;
  }
  return out;
}

/** 高于年初人代会12%的目标(14.4个百分点): the target's quantity, and where the comparison ends. */
function targetOf(text: string, pos: number, limit: number): { q: Quantity; end: number } | null {
  const verb = AIM_VERB.exec(text.slice(pos, Math.min(limit, pos + 20)));
  if (!verb) return null;
  const q = readQuantity(text, pos + verb[0].length);
  if (!q || q.percentPoint) return null;
  const noun = AIM_NOUN.exec(text.slice(q.end, q.end + 6));
  // 完成年计划710亿元的89.4%: the plan named before the number, the share done after it.
  const done = !noun && AIM_GAP.test(verb[0]) && text[q.end] === '的' ? readQuantity(text, q.end + 1) : null;
  if (!noun && done?.unit !== '%') return null;
  let end = noun ? q.end + noun[0].length : done!.end;
  const gap = readQuantity(text, end);
  if (gap?.percentPoint) end = gap.end;
  return end <= limit ? { q, end } : null;
}

/**
 * 34.2万农村贫困人口: a bare number (or 万, 亿) run into a noun counts that noun; it is no value of the
 * name before it (…累计新增城镇就业15.8万人，34.2万农村贫困人口全部脱贫).
 */
function countsANoun(text: string, q: Quantity): boolean {
  return (q.unit === '' || q.unit === '万' || q.unit === '亿' || q.unit === '万亿') && /\p{Script=Han}/u.test(text[q.end] ?? '');
}

/** 和主要污染物排放量 before a qualitative target: where the target starts, else -1. */
function jointTarget(text: string, pos: number, limit: number): number {
  if (!/[和及与]/.test(text[pos] ?? '')) return -1;
  for (let k = pos + 2; k < Math.min(limit, pos + 14); k++) {
    if (/[\d%，,；;。：:、\s]/.test(text[k]!)) return -1;
    if (QUALITATIVE.at(text, k)) return k;
  }
  return -1;
}

/** A reading of the current clause (from `clause` on) is a 从-start. */
function fromBefore(out: readonly Reading[], clause: number): boolean {
  for (let k = clause; k < out.length; k++) if (out[k]!.role === 'from' || out[k]!.period?.role === 'from') return true;
  return false;
}

function skipFillers(text: string, i: number): number {
  for (let k = 0; k < 4; k++) {
    const f = FILLERS.at(text, i);
    if (!f) break;
    i = f.end;
  }
  return i;
}
