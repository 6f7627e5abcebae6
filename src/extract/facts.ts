// Facts in prose: find each indicator name, decide whether it speaks for the
// whole jurisdiction, read the chain of values after it, and give each value
// its period, kind, measure and qualifier from the sentence, the paragraph and
// the section around it.
import { loadData } from '../data.js';
import type { Fact } from '../schema.js';
import { getCatalog, type Indicator, type IndicatorMention } from './catalog.js';
import { parseChain, type Reading } from './chain.js';
import { readChinese } from './numbers.js';
import { isSpan, lastYearOf, readPeriod, type PeriodMatch } from './periods.js';
import { completeUnit, MODIFIERS, PAGE_BREAK, QUALITATIVE, WordList } from './quantities.js';
import { toBase, unitInfo } from './units.js';
import type { DocContext } from './context.js';
import { holding, sectionAt } from './structure.js';
import { firstNotBefore } from './search.js';

interface ScopeFile {
  before_ok: string[];
  before_ok_patterns: string[];
  part_nouns: string[];
  pair_prefixes: Record<string, string[]>;
  verbs_before: string[];
  creation_verbs: string[];
  clause_ends: string[];
  clause_end_patterns: string[];
}
const SCOPE = loadData<ScopeFile>('scope.json');
const VERBS_BEFORE = new WordList(SCOPE.verbs_before.map((w) => [w, true] as [string, boolean]));
const BEFORE_OK = new WordList(SCOPE.before_ok.map((w) => [w, true] as [string, boolean]));
const CLAUSE_ENDS = new WordList(SCOPE.clause_ends.map((w) => [w, true] as [string, boolean]));
const CLAUSE_END_RE = new RegExp(`(?:${SCOPE.clause_end_patterns.join('|')})`);
/** Scope words that keep a name whole though they end in a number's words: 500万元以上固定资产投资. */
const BEFORE_OK_RE = new RegExp(`(?:${SCOPE.before_ok_patterns.join('|')})$`);
const PART_NOUN_RE = new RegExp(SCOPE.part_nouns.join('|'));
const CREATED_PART_RE = new RegExp(`(${SCOPE.creation_verbs.join('|')})[^，,；;。]{0,30}(${SCOPE.part_nouns.join('|')})(?=[，,；;])`);
const WHOLE_RE = /全区|全市|全县|全省|全州|全镇|全乡|全旗|我区|我市|我县|我省/;
const TARGET_RE = new RegExp(MODIFIERS.target_words.join('|'));
/** 主要预期目标：生产总值增长9%，城镇登记失业率控制在5%以内: a sentence led by its targets' name and a colon. */
const TARGET_LEAD = new RegExp(`(?:${MODIFIERS.target_words.join('|')})(?:是|为|如下)?[:：]`);
const ESTIMATE_WORDS = new WordList(MODIFIERS.estimate_words.map((w) => [w, true] as [string, boolean]));
const FRAMING_ESTIMATE_WORDS = new WordList(MODIFIERS.framing_estimate_words.map((w) => [w, true] as [string, boolean]));
const BASE_YEAR_RE = /(?:是|为|相当于)((?:19|20)\d{2})年(?:末|底)?的[\d.]+倍|比((?:19|20)\d{2})年(?:末|底)?翻/;
const COUNT = '([二两三四五六七八九十])';
const SPAN_COUNT_RE = new RegExp(
  `(?:${MODIFIERS.span_count.before.join('|')})${COUNT}年(?!级|度|前)|${COUNT}(?:${MODIFIERS.span_count.after.join('|')})`,
  'g',
);

/** A five-year plan named as such: “十二五”, 十三五规划, “十四五”时期. */
const PLAN_NAMED_RE = /[“"‘「『](?:十[一二三四五六七八九]?|[六七八九])五[”"’」』]|(?:十[一二三四五六七八九]?|[六七八九])五(?=规划|计划|时期|期间)/g;

const CLAUSE_END = new Set(['。', '！', '？', '\n', '，', ',', '；', ';', '：', ':']);

/** One subject of a chain: an indicator and where its name starts. */
interface Subject {
  indicator: Indicator;
  start: number;
}

/**
 * Where the clause holding `pos` starts: after the last clause end before it. Looked for back from
 * `pos` (a clause is short); past a long run without one, by bisection in the document's clause ends,
 * found once for it, so that a text without clause ends costs no scan back per fact.
 */
function clauseStart(doc: DocContext, pos: number): number {
  const { text } = doc;
  for (let i = pos - 1; i >= 0 && i >= pos - 200; i--) if (CLAUSE_END_CODE[text.charCodeAt(i)] === 1) return i + 1;
  if (pos <= 200) return 0;
  const ends = clauseEndsOf(doc);
  const k = firstNotBefore(ends.length, (i) => ends[i]! < pos);
  return k === 0 ? 0 : ends[k - 1]! + 1;
}

const CLAUSE_END_CODE = new Uint8Array(65536);
for (const c of CLAUSE_END) CLAUSE_END_CODE[c.charCodeAt(0)] = 1;

const clauseEndsOfDoc = new WeakMap<DocContext, Int32Array>();
/** The clause ends of a document, found once for it. */
function clauseEndsOf(doc: DocContext): Int32Array {
  let ends = clauseEndsOfDoc.get(doc);
  if (!ends) {
    const { text } = doc;
    const at: number[] = [];
    for (let i = 0; i < text.length; i++) if (CLAUSE_END_CODE[text.charCodeAt(i)] === 1) at.push(i);
    ends = Int32Array.from(at);
    clauseEndsOfDoc.set(doc, ends);
  }
  return ends;
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
    // Anything but a letter before the name (a mark, a digit, a bullet ●) leaves the scope whole.
    if (!/\p{L}/u.test(prev)) return true;
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
    const scope = BEFORE_OK_RE.exec(text.slice(Math.max(0, i - 12), i));
    if (scope) {
      i -= scope[0].length;
      continue;
    }
    // The jurisdiction's own name (岳阳楼区地区生产总值).
    const own = doc.regionNames.find((n) => n && text.startsWith(n, i - n.length));
    if (own) {
      i -= own.length;
      continue;
    }
    // …再创新高新增城镇就业: the end of a clause whose break was lost.
    if (CLAUSE_ENDS.endingAt(text, i, 4) || CLAUSE_END_RE.test(text.slice(Math.max(0, i - 6), i))) return true;
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
  const cs = clauseStart(doc, subjectStart);
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

/** A name found in the text: a catalog name, or one read for its meaning (各项存贷款余额, 粮食…，产量). */
interface NameMention extends IndicatorMention {
  /** The subjects when the name stands for more than one indicator, or for a head elsewhere. */
  subjects: Subject[] | null;
  /** A bare name that yields to the full name (财政收入). */
  weak: boolean;
}

/** A name with the chain of values read after it. */
interface Item {
  subjects: Subject[];
  start: number;
  /** Where its name is written (after the head of an elided name). */
  nameStart: number;
  readings: Reading[];
  /** Where its values end. */
  end: number;
  weak: boolean;
}

const ITEM_SEP = /^[、，,和及与]$/;

/** Catalog names, merged names (各项存贷款余额) and elided names (粮食播种面积…，产量…), left to right, without overlaps. */
function mentionsOf(text: string): NameMention[] {
  const catalog = getCatalog();
  const weakNames = catalog.weak.size > 0;
  const found: NameMention[] = catalog.scan(text).map((m) => ({
    indicator: m.indicator,
    start: m.start,
    end: m.end,
    subjects: null,
    weak: weakNames && catalog.weak.has(text.slice(m.start, m.end)),
  }));
  const extra = [...mergedMentions(text), ...elidedMentions(text, found)];
  if (!extra.length) return found;
  const all = [...extra, ...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameMention[] = [];
  for (const m of all) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/** 各项存贷款余额: one word for two names (各项存款余额, 各项贷款余额), both read from the same place. */
function mergedMentions(text: string): NameMention[] {
  const catalog = getCatalog();
  const out: NameMention[] = [];
  for (const [word, parts] of mergedEntries(catalog)) {
    for (let p = text.indexOf(word); p >= 0; p = text.indexOf(word, p + 1)) {
      let pre = text.slice(Math.max(0, p - 6), p);
      pre = pre.slice(pre.search(/[^，,、；;。：:\s]*$/));
      const post = text.slice(p + word.length, p + word.length + 8);
      const subjects: Subject[] = [];
      let start = p;
      let end = p + word.length;
      for (const part of parts) {
        const s = pre + part + post;
        for (let k = 0; k <= pre.length; k++) {
          const m = catalog.matchAt(s, k);
          if (!m || m.end < pre.length + part.length) continue;
          const st = p - (pre.length - k);
          subjects.push({ indicator: m.indicator, start: st });
          start = Math.min(start, st);
          end = Math.max(end, p + word.length + (m.end - pre.length - part.length));
          break;
        }
      }
      if (subjects.length !== parts.length) continue;
      for (const sub of subjects) sub.start = start;
      out.push({ indicator: subjects[0]!.indicator, start, end, subjects, weak: false });
    }
  }
  return out;
}

/**
 * 粮食播种面积120万亩，产量45万吨以上: a clause (or a 、-item) that opens with the tail of a
 * name (产量) whose head (粮食) leads an earlier clause of the sentence; the
 * head may open a sibling name (金融机构存款余额560亿元，贷款余额410亿元; 各项存款余额156亿元、贷款余额98亿元).
 */
/** The catalog's merged names and elided tails, listed once (not per document). */
const catalogLists = new WeakMap<object, { merged: Array<[string, string[]]>; tails: string[] }>();
function listsOf(catalog: ReturnType<typeof getCatalog>): { merged: Array<[string, string[]]>; tails: string[] } {
  let lists = catalogLists.get(catalog);
  if (!lists) {
    lists = { merged: Object.entries(catalog.merged), tails: [...catalog.elided.keys()].sort((a, b) => b.length - a.length) };
    catalogLists.set(catalog, lists);
  }
  return lists;
}
const mergedEntries = (catalog: ReturnType<typeof getCatalog>): Array<[string, string[]]> => listsOf(catalog).merged;

function elidedMentions(text: string, found: IndicatorMention[]): NameMention[] {
  const catalog = getCatalog();
  const out: NameMention[] = [];
  const tails = listsOf(catalog).tails;
  // found is in text order and without overlaps: a position is covered by the last mention starting at or before it.
  const covered = (pos: number): boolean => {
    const k = firstNotBefore(found.length, (i) => found[i]!.start <= pos);
    return k > 0 && pos < found[k - 1]!.end;
  };
  for (const tail of tails) {
    const heads = catalog.elided.get(tail)!;
    let longestHead = 0;
    for (const head of heads.keys()) longestHead = Math.max(longestHead, head.length);
    for (let q = text.indexOf(tail); q >= 0; q = text.indexOf(tail, q + 1)) {
      if (!/[，,；;、]/.test(text[q - 1] ?? '') || covered(q) || out.some((m) => m.end > q && m.start <= q)) continue;
      // The nearest head before it in the same sentence, with no other name between; looked for
      // within the 40 characters it may stand back (not back through the whole text).
      const winStart = Math.max(0, q - 40);
      const win = text.slice(winStart, q + longestHead);
      let best: { start: number; indicator: Indicator } | null = null;
      for (const [head, ind] of heads) {
        const w = win.lastIndexOf(head, q - winStart);
        const h = w < 0 ? -1 : winStart + w;
        if (h < 0 || q - h > 40 || /[。！？!?\n]/.test(text.slice(h, q))) continue;
        // No other name between, unless the head opens a sibling name (金融机构存款余额…，贷款余额…).
        if (found.some((m) => (m.start > h && m.start < q) || (m.start < h && h < m.end))) continue;
        if (!best || h > best.start) best = { start: h, indicator: ind };
      }
      if (!best) continue;
      const subjects = [{ indicator: best.indicator, start: best.start }];
      out.push({ indicator: best.indicator, start: q, end: q + tail.length, subjects, weak: false });
    }
  }
  return out;
}

export function extractProseFacts(doc: DocContext): Fact[] {
  const { text } = doc;
  const mentions = mentionsOf(text);
  const items: Item[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (doc.inTable(m.start)) continue;
    const own = m.subjects ? { subjects: m.subjects.map((x) => ({ ...x })), start: m.subjects[0]!.start } : subjectsOf(text, m);
    const { subjects, start } = own;
    let end = m.end;
    // A forward list of full names: 实际利用外资、到位内资均增长15%以上.
    while (k + 1 < mentions.length) {
      const n = mentions[k + 1]!;
      const gap = text.slice(end, n.start);
      // 与地区生产总值增长同步 is a qualitative target, not a second name.
      if (!/^[、和与及]$/.test(gap) || QUALITATIVE.at(text, end)) break;
      if (n.subjects) subjects.push(...n.subjects);
      else subjects.push({ indicator: n.indicator, start: n.start });
      end = n.end;
      k++;
    }
    if (!wholeScope(text, start, doc) || aboutPart(text, start, doc)) continue;
    const limit = chainLimit(doc, end);
    const readings = parseChain(text, end, limit, doc.periodCtxAt(start));
    if (!readings.length) continue;
    items.push({ subjects, start, nameStart: m.subjects ? m.start : start, readings: dropThresholds(readings), end: Math.max(...readings.map((r) => r.end)), weak: m.weak });
  }
  const facts: Fact[] = [];
  const weak: boolean[] = [];
  items.forEach((item, k) => {
    const drafts = pair(item.subjects, item.readings, text);
    drafts.push(...groupDrafts(items, k, text));
    for (const d of drafts) {
      const f = toFact(doc, d, item.start, text.slice(clauseStart(doc, item.start), item.start).slice(-6));
      if (f) {
        facts.push(f);
        weak.push(item.weak);
      }
    }
  });
  return dropWeak(facts, weak);
}

/**
 * 生产总值突破6000亿元大关，达到6556亿元: a threshold passed, then the amount
 * itself; the amount is the fact.
 */
function dropThresholds(readings: Reading[]): Reading[] {
  const single = (r: Reading): number | null => {
    const q = r.quantities[0];
    return r.measure === 'level' && r.quantities.length === 1 && q ? toBase(q.value, q.unit) : null;
  };
  return readings.filter((r, i) => {
    const v = single(r);
    if (v === null || r.quantities[0]!.qualifier !== 'min') return true;
    return !readings.slice(i + 1).some((x) => {
      const w = single(x);
      return w !== null && w > v && !x.quantities[0]!.qualifier && !x.target && x.period === r.period && unitInfo(x.quantities[0]!.unit)?.dimension === unitInfo(r.quantities[0]!.unit)?.dimension;
    });
  });
}

/** The end of the sentence after `pos`, across a page's furniture left inside it (4022 / - 1 - / 万元). */
function chainLimit(doc: DocContext, pos: number): number {
  let limit = doc.sentences.endOf(pos);
  for (let k = 0; k < 3; k++) {
    const br = PAGE_BREAK.exec(doc.text.slice(limit, limit + 24));
    if (!br || !/\d$/.test(doc.text.slice(Math.max(0, limit - 1), limit))) break;
    limit = doc.sentences.endOf(doc.sentences.endOf(limit + 1) + 1);
  }
  return limit;
}

/** 均增长15%: one value for every item before it (not 分别). */
function eachOf(text: string, r: Reading): boolean {
  return /均/.test(text.slice(Math.max(0, r.start - 6), r.start));
}

/**
 * Pair subjects with values: one subject takes every value; a list takes them
 * in order (分别) or each (均). After a list of items that each had their own
 * value (第一产业增加值13亿元、第二产业…、第三产业…，分别增长4.6%、7.7%和8.7%),
 * 分别 values belong to the last items, in order: the subject is the last.
 */
function pair(subjects: Subject[], readings: Reading[], text: string): Draft[] {
  const out: Draft[] = [];
  for (const r of readings) {
    const n = r.quantities.length;
    if (subjects.length === 1) {
      // Several values for one subject (8.6%8.42% after one name) cannot be told apart: the first is its own;
      // after 分别 the subject is the last of the items listed.
      out.push({ subject: subjects[0]!, reading: r, valueIndex: r.respectively && n > 1 && !eachOf(text, r) ? n - 1 : 0 });
    } else if (n === subjects.length) {
      subjects.forEach((s, i) => out.push({ subject: s, reading: r, valueIndex: i }));
    } else if (n <= 1) {
      for (const s of subjects) out.push({ subject: s, reading: r, valueIndex: 0 });
    } else if (r.respectively && n > subjects.length) {
      subjects.forEach((s, i) => out.push({ subject: s, reading: r, valueIndex: n - subjects.length + i }));
    }
  }
  return out;
}

/** The 分别/均 values of item k that belong to the items listed before it (A 13亿元、B 147亿元，分别增长4.6%、7.7%). */
function groupDrafts(items: Item[], k: number, text: string): Draft[] {
  const out: Draft[] = [];
  for (let j = k + 1; j < items.length; j++) {
    const prev = items[j - 1]!;
    const cur = items[j]!;
    if (!ITEM_SEP.test(text.slice(prev.end, cur.nameStart))) return out;
    // The owner's own values (before its 分别/均 reading) must come first: only readings after them are shared.
    const shared = cur.readings.filter((r, idx) => idx > 0 && (r.respectively || eachOf(text, r)) && r.measure !== 'level');
    if (!shared.length) continue;
    const listed = items.slice(k, j + 1).flatMap((x) => x.subjects);
    for (const r of shared) {
      const n = r.quantities.length;
      const each = eachOf(text, r) && n === 1;
      items[k]!.subjects.forEach((s, pos) => {
        const idx = each ? 0 : n - listed.length + pos;
        if (idx >= 0 && idx < n && (n > 1 || each)) out.push({ subject: s, reading: r, valueIndex: idx });
      });
    }
    return out;
  }
  return out;
}

/** A fact from a bare name (财政收入) yields to one from the full name (财政总收入) with another value for the same key. */
function dropWeak(facts: Fact[], weak: boolean[]): Fact[] {
  const strong = new Map<string, Set<number | null>>();
  const key = (f: Fact): string => [f.indicator, f.period, f.kind, f.measure].join('|');
  facts.forEach((f, i) => {
    if (weak[i]) return;
    const set = strong.get(key(f)) ?? new Set();
    set.add(valueOf(f));
    strong.set(key(f), set);
  });
  return facts.filter((f, i) => {
    if (!weak[i]) return true;
    const set = strong.get(key(f));
    return !set || set.has(valueOf(f));
  });
}

function valueOf(f: Fact): number | null {
  return f.measure === 'level' && f.value !== null ? toBase(f.value, f.unit) ?? f.value : f.value;
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
      if (!u || (ind.units && !ind.units.includes(u))) return null;
      unit = u;
    } else unit = '%';
    value = q.value * (measure === 'level' ? 1 : r.sign);
    if (value === 0) value = 0; // no -0
    high = q.high === null ? null : q.high * (measure === 'level' ? 1 : r.sign);
    if (high !== null && r.sign < 0) [value, high] = [high, value];
    qualifier = q.qualifier ?? 'exact';
  }
  // 两年平均增长5.3% in a release for part of a year: an average over parts of years, no span of whole years.
  if (r.period?.span && text.startsWith('平均', r.period.end) && doc.reviewPeriod && !/^\d{4}$/.test(doc.reviewPeriod)) return null;
  const yearlyAverage = r.yearlyAverage || before.endsWith('年均');
  // 五年累计完成固定资产投资1200亿元, 期间共完成: a total over the span.
  const total = r.cumulative || /累计|共/.test(before);
  const period = resolvePeriod(doc, d, subjectStart, measure, yearlyAverage || total, yearlyAverage);
  if (!period) return null;
  // 截至6月底…比上年末增长8%: growth since January, not on the same period of last year.
  if (measure === 'growth' && r.sinceYearEnd && !/^\d{4}$/.test(period)) return null;
  const section = sectionAt(doc.sections, subjectStart);
  const sentence = text.slice(clauseStart(doc, subjectStart), subjectStart);
  let kind: Fact['kind'] = section.kind === 'plan' ? 'target' : 'actual';
  if (r.target || TARGET_RE.test(sentence) || TARGET_LEAD.test(text.slice(doc.sentences.startOf(subjectStart), subjectStart))) kind = 'target';
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
function resolvePeriod(doc: DocContext, d: Draft, subjectStart: number, measure: Fact['measure'], overSpan: boolean, yearly = false): string | null {
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
  if (measure === 'avg_growth') {
    if (isSpan(period)) return period;
    return spanFromBase(doc.text, subjectStart, r.start, period) ?? spanAround(doc, subjectStart) ?? spanFromCount(doc, subjectStart, period);
  }
  // 城镇新增就业年均1270万人以上 after 过去五年: a yearly average over the span the section reviews.
  if (measure === 'level' && yearly && !r.period && !isSpan(period)) {
    const span = spanAround(doc, subjectStart) ?? spanFromCount(doc, subjectStart, period);
    if (span) return span;
  }
  if (isSpan(period)) {
    // A growth over a span is no growth on the previous year: no fact; a qualitative target over the span
    // (单位生产总值能耗…完成市下达的控制目标 under “十三五”) is the span's.
    if (measure === 'growth') return r.qualifier === 'qualitative' ? period : null;
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
  // The last period before it that frames it (read from the end: a long sentence's earlier periods are not all weighed).
  for (let k = periods.length - 1; k >= 0; k--) {
    const p = periods[k]!;
    if (!(p.start < pos && p.end <= pos) || inParens[k] || p.role === 'from' || isComparison(text, p.start) || boundTo(text, p)) continue;
    if (ownedByEarlierItem(text, s, p, pos)) continue;
    return sinceToReview(doc, p);
  }
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

/** 1919.6亿元，是2003年的2.8倍，年均增长15.5%: the base year opens the span (2004-2008). */
function spanFromBase(text: string, from: number, to: number, period: string): string | null {
  const m = BASE_YEAR_RE.exec(text.slice(from, to));
  const base = m ? Number(m[1] ?? m[2]) : NaN;
  const end = lastYearOf(period);
  return base < end ? `${base + 1}-${end}` : null;
}

/** 过去四年 / 这四年 / 四年来 earlier in the section: a span of N years ending with the figure's year. */
function spanFromCount(doc: DocContext, pos: number, period: string): string | null {
  const section = sectionAt(doc.sections, pos);
  const before = doc.text.slice(Math.max(section.start, pos - 3000), pos);
  let last: RegExpExecArray | null = null;
  SPAN_COUNT_RE.lastIndex = 0;
  for (let m = SPAN_COUNT_RE.exec(before); m; m = SPAN_COUNT_RE.exec(before)) last = m;
  const n = last ? readChinese(last[1] ?? last[2]!, 0)?.value ?? 0 : 0;
  const end = lastYearOf(period);
  // “十二五”规划胜利完成 named later than any count: the plan's span, when it ends with the figure's year.
  let plan: RegExpExecArray | null = null;
  PLAN_NAMED_RE.lastIndex = 0;
  for (let m = PLAN_NAMED_RE.exec(before); m; m = PLAN_NAMED_RE.exec(before)) plan = m;
  if (plan && (!last || plan.index > last.index)) {
    const p = readPeriod(plan[0], 0, doc.periodCtx);
    if (p && isSpan(p.period) && lastYearOf(p.period) === end) return p.period;
  }
  return n >= 2 && n <= 10 ? `${end - n + 1}-${end}` : null;
}

/** 预计地区生产总值超过2100亿元,增长8.8%左右;规模以上工业增加值...: a sentence that opens with 预计 is all estimates. */
function estimatedSentence(doc: DocContext, pos: number): boolean {
  // The sentence, or the paragraph it belongs to (初步预计，…635亿元…。其中，第一产业增加值18亿元…).
  // Read forward from the sentence that opens with it, to the end of the paragraph: a scrape that ran the
  // paragraph into the one before it (…。初步预计，…) changes nothing.
  const line = doc.lines.length ? holding(doc.lines, pos) : null;
  const own = doc.sentences.startOf(pos);
  if (opensWithEstimate(doc, own, pos)) return true;
  if (line === null) return false;
  // Only 初步预计 frames what follows it (a bare 预计 is its sentence's); a sentence that opens with its own
  // period or a list marker starts another topic.
  let framed = false;
  for (let s = line.start, k = 0; s < own && k < 200; k++) {
    if (opensWithEstimate(doc, s, pos, true)) framed = true;
    else if (framed && opensTopic(doc, s)) framed = false;
    s = doc.sentences.endOf(s) + 1;
  }
  return framed && !opensTopic(doc, own);
}

/** A sentence that opens with a period of its own (2023年，…) or a list marker ((二), 2.): another topic. */
function opensTopic(doc: DocContext, start: number): boolean {
  let i = start;
  while (/\s/.test(doc.text[i] ?? '')) i++;
  if (/^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d))/.test(doc.text.slice(i, i + 6))) return true;
  return readPeriod(doc.text, i, doc.periodCtxAt(i)) !== null;
}

function opensWithEstimate(doc: DocContext, start: number, pos: number, framing = false): boolean {
  let i = start;
  while (/\s/.test(doc.text[i] ?? '')) i++;
  const p = readPeriod(doc.text, i, doc.periodCtxAt(pos));
  if (p) i = p.end;
  while (/[\s,，]/.test(doc.text[i] ?? '')) i++;
  return (framing ? FRAMING_ESTIMATE_WORDS : ESTIMATE_WORDS).at(doc.text, i) !== null;
}

/**
 * 地区生产总值年均增长7%左右，到2025年力争突破2600亿元；规模以上工业增加值…: a period written after a
 * name, in an earlier item of a list (items end with ；), is that item's, not the sentence's; a period
 * that leads its item (到2025年，地区生产总值…；财政收入…) still frames the items after it.
 */
function ownedByEarlierItem(text: string, sentenceStart: number, p: PeriodMatch, pos: number): boolean {
  // Read once per period (a long sentence's facts all ask about the same periods): where the next
  // item begins after it, and whether a name stands before it in its own item.
  let known = itemOfPeriod.get(p);
  if (!known) {
    ITEM_END.lastIndex = p.end;
    const next = ITEM_END.exec(text)?.index ?? text.length;
    let itemStart = p.start;
    while (itemStart > sentenceStart && !ITEM_OPENERS.has(text[itemStart - 1]!)) itemStart--;
    known = { next, named: getCatalog().scan(text, itemStart, p.start).length > 0 };
    itemOfPeriod.set(p, known);
  }
  return known.next < pos && known.named;
}
const itemOfPeriod = new WeakMap<PeriodMatch, { next: number; named: boolean }>();
const ITEM_END = /[；;]/g;
const ITEM_OPENERS = new Set(['；', ';', '：', ':']);

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
  // 由上年下降2.3%转为增长8.5%: the year of the comparison, not of what follows in the sentence.
  return prev === '比' || prev === '较' || prev === '于' || prev === '同' || prev === '与' || prev === '是' || prev === '由';
}
