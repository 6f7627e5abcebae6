// Investment projects in news: named projects (锂离子动力电池项目) and batches
// (签约十一个重点项目), each with its stage, investment, location, investor and
// industry as the text gives them. Words live in data/projects.json.
import { loadData } from '../data.js';
import { isChrome } from './chrome.js';
import { findDates } from './dates.js';
import type { Amount, Project } from '../schema.js';
import type { DocContext } from './context.js';
import { canStartNumber, readChinese, readNumber } from './numbers.js';
import { findPeriods, readPeriod } from './periods.js';
import { completeUnit, readQuantity, WordList } from './quantities.js';
import { findPlaces } from './regions.js';

type Stage = Project['stage'];

interface ProjectsFile {
  stages: Record<string, Stage>;
  future_markers: string[];
  generic: string[];
  boundaries: string[];
  leading_particles: string[];
  stage_order: Stage[];
  name_tails: string[];
  name_heads: string[];
  batch_nouns: string[];
  size_classes: string[];
  investment_words: string[];
  breakdown: { openers: string[]; place_suffixes: string[]; kind_suffixes: string[]; part_markers: string[]; counters: string[] };
  ordinals: string[];
  period_words: string[];
  related_tail: string[];
  anaphora: string[];
}

const WORDS = loadData<ProjectsFile>('projects.json');
const STAGES = new WordList(Object.entries(WORDS.stages));
const GENERIC = new WordList(WORDS.generic.map((w) => [w, true] as [string, boolean]));
const BOUNDARY = new WordList(WORDS.boundaries.map((w) => [w, true] as [string, boolean]));
const STAGE_ORDER: readonly Stage[] = WORDS.stage_order;
const LEADING = new Set(WORDS.leading_particles);
const FUTURE_RE = new RegExp(`(${WORDS.future_markers.join('|')})$`);

const PERIOD_WORDS = new WordList(WORDS.period_words.map((w) => [w, true] as [string, boolean]));
const NAME_TAILS = new WordList(WORDS.name_tails.map((w) => [w, true] as [string, boolean]));
const BD = WORDS.breakdown;
const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const NUM = '(\\d+|[一二三四五六七八九十百两]+)';
const COUNTER = `(?:${alt(BD.counters)})`;
const SIZE_RE = new RegExp(`(?:[\\d.]+)?(?:${alt(WORDS.size_classes)})$`);
const ORDINAL_RE = new RegExp(`^第[\\d一二三四五六七八九十]+(?:${alt(WORDS.ordinals)})`);
const INVEST_WORDS = alt(WORDS.investment_words);
const PART_RE = new RegExp(`^\\s*(?:${alt(BD.part_markers)})`);
// 分别为：霍山县34个、金寨县32个: the opener of a list that breaks a batch down.
const OPENER_RE = new RegExp(`^[^。；;：:]{0,24}?(?:${alt(BD.openers)})[：:，,]?`);
// 霍山县34个 / 产业类6项 / 产业类项目6个: one item of a breakdown, its label ending in a place or kind suffix.
const ITEM_RE = new RegExp(`^([\\u4e00-\\u9fa5]{1,12}?(?:${alt([...BD.place_suffixes, ...BD.kind_suffixes])}))(?:项目)?${NUM}${COUNTER}(?!目)`);
// 产业类6项 at the start of a clause: a breakdown by kind, wherever it stands.
const KIND_RE = new RegExp(`(?<=^|[，,。；;：:、\\s]|${alt(BD.openers)})([\\u4e00-\\u9fa5]{1,10}?(?:${alt(BD.kind_suffixes)}))(?:项目)?${NUM}${COUNTER}(?!目)`, 'g');
// What every KIND_RE match ends with, without its look-behind: a text without it has none (one native search).
const KIND_TAIL_RE = new RegExp(`(?:${alt(BD.kind_suffixes)})(?:项目)?${NUM}${COUNTER}(?!目)`);
// 框架协议10个: a batch counted by another noun than 项目.
const NOUN_BATCH_RE = new RegExp(`(?:${alt(WORDS.batch_nouns)})${NUM}(?:${alt([...BD.counters, '份'])})`, 'g');
// 总投资0.53亿元的…道路建设工程: a name ending in another noun than 项目, introduced by its amount.
const HEAD_RE = new RegExp(`(?:${INVEST_WORDS}|投资)(?:约|近|超|逾|达)?\\d[\\d.]*(?:万亿|亿|万)?(?:元|美元)的([^，,。；;、\\s]{2,40}?(?:${alt(WORDS.name_heads)}))(?=[，,。；;、\\s]|$)`, 'g');

// 项目32个，签约额99.75亿元 / X项目投资140亿元: the investment after a project, in its sentence, before another count (12个项目中，工业类项目8个、总投资60亿元).
const POST_INVEST_RE = new RegExp(`^[^。；;项个]{0,16}?(?:${INVEST_WORDS}|(?<!实际|完成)投资(?=[约近超逾达\\d一二三四五六七八九十]))(?:额)?(?:达到|达|为)?`);

// 4.G106某某城区段改线工程，总投资4.6亿元: a listed name with another head than 项目, its amount after it.
const LIST_HEAD_RE = new RegExp(
  `(?:^|[。；;：:\\s])(?:\\d{1,2}[.．、](?!\\d)|[（(]\\d{1,2}[)）])?([^，,。；;、\\s]{2,40}?(?:${alt(WORDS.name_heads)}))(?=[，,\\s]{0,2}(?:${INVEST_WORDS}))`,
  'gm',
);
// What every LIST_HEAD_RE match holds, without its start: a head word and an investment word after it.
const LIST_HEAD_TAIL_RE = new RegExp(`(?:${alt(WORDS.name_heads)})(?=[，,\\s]{0,2}(?:${INVEST_WORDS}))`);
// 相关新闻 / 上一篇：…: the line where a site's list of other articles begins.
// Spaces within the line only: \s would run over a block of blank lines from every line start (quadratic).
const TAIL_RE = new RegExp(`^[ \\t\\u3000•·●▪◆■□◇○◎★☆▶►\\-*|【\\[]*(?:${alt(WORDS.related_tail)})(?:[】\\]]|[:：]|[ \\t\\u3000\\r]*$)`, 'm');
const ANAPHORA = alt(WORDS.anaphora);

/** Where the document ends: above a site's list of other articles (相关新闻, 上一篇), whose headlines are no projects of its own. */
export function relatedTailStart(text: string): number {
  const m = TAIL_RE.exec(text);
  return m ? m.index : text.length;
}

const MONEY_DIMS = ['CNY', 'USD'];
const NAME_STOP = /[\s,，。；;：:！？!?“”"《》()（）【】、]/;

interface Mention {
  name: string | null;
  count: number | null;
  start: number;
  end: number;
  /** A breakdown item's label: its place (霍山县) or its kind (产业类). */
  label?: { text: string; place: boolean };
  /** The batch a list item breaks down (分别为：霍山县34个 under 项目174个). */
  parent?: Mention;
  /** A batch by kind (产业类6项): part of the batch before it. */
  kind?: boolean;
  /** Where its own words end (the next item of its list), for its investment. */
  until?: number;
  /** A batch's own words before 项目 (电子信息项目14个, 10亿元以上项目12个): batches that name different ones are different batches. */
  desc?: string | null;
}

function countOf(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const n = readChinese(s, 0);
  return n && n.end === s.length ? n.value : null;
}

/**
 * The stage its predicate gives a project: stage words in [from, to), not
 * announced as future (将, 预计) or as a condition (达产后); the furthest one
 * when several stand together (当年签约、当年开工), up to the end of the clause
 * in which one was found.
 */
function stageIn(text: string, from: number, to: number): Stage | null {
  let best: Stage | null = null;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (best && (c === '，' || c === ',' || c === '；' || c === ';')) break;
    const m = STAGES.at(text, i);
    if (!m || m.end > to) continue;
    if (!(FUTURE_RE.test(text.slice(Math.max(from, i - 3), i)) || text[m.end] === '后')) {
      if (best === null || STAGE_ORDER.indexOf(m.value) > STAGE_ORDER.indexOf(best)) best = m.value;
    }
    i = m.end - 1;
  }
  return best;
}

/**
 * Where a name that ends at `end` starts: back to a boundary word, a punctuation
 * mark or a place + 的. A quoted word (“九通一平”) stays inside the name.
 */
function walkBack(text: string, end: number): number {
  let i = end;
  const stop = Math.max(0, end - 30);
  while (i > stop) {
    const ch = text[i - 1]!;
    if (ch === '”') {
      const open = text.lastIndexOf('“', i - 2);
      if (open >= 0 && open > stop && i - open <= 12) {
        i = open;
        continue;
      }
    }
    if (NAME_STOP.test(ch)) break;
    if (BOUNDARY.endingAt(text, i, 4)) break;
    i--;
  }
  return i;
}

/** The name before 项目 at `pos`: back to a boundary word, a punctuation mark or a place + 的. */
function nameBefore(text: string, projEnd: number): { name: string; start: number } | null {
  // 饲料厂建设项目: a tail word before 项目 belongs to the name.
  let core = projEnd - 2;
  const tail = NAME_TAILS.endingAt(text, core, 4);
  if (tail) core = tail.start;
  let start = walkBack(text, core);
  // 绿化、亮化建设项目: a piece too short to name a project on its own is coordinated with the one before.
  if (text[start - 1] === '、' && core - start <= 2 && contentLength(text.slice(start, core)) > 0) {
    const before = walkBack(text, start - 1);
    const piece = text.slice(before, start - 1);
    if (!piece.includes('项目') && contentLength(piece) >= 3) start = before;
  }
  // 1.某某食品加工项目: a list number is not part of the name.
  const enumerator = /^\d{1,2}[.．](?!\d)/.exec(text.slice(start, projEnd));
  if (enumerator) start += enumerator[0].length;
  // 等项目: the name is what comes before 等.
  // 16亿元锂离子动力电池项目: the amount before a name is its investment, not part of it.
  const amount = /^(?:总投资|投资)?(?:达|约|近|超|逾)?[\d.]+(?:万亿|亿|万)?(?:元|美元)(?:的)?/.exec(text.slice(start, projEnd));
  if (amount) start += amount[0].length;
  else {
    const tail = /^(?:万亿|亿|万)?(?:元|美元)(?:的)?/.exec(text.slice(start, projEnd));
    if (tail && /\d|[一二三四五六七八九十]/.test(text[start - 1] ?? '')) start += tail[0].length;
  }
  let name = text.slice(start, projEnd);
  if (name.endsWith('等项目')) name = name.slice(0, -3);
  return { name, start };
}

/**
 * Characters of a name after its leading particles, place names, periods and
 * generic words: 这为湖南省招商引资项目, 2023年第一季度重大项目 and 重点产业项目
 * have none, 山河工业城项目 has five.
 */
function contentLength(name: string): number {
  const core = coreOf(name);
  return core.length - contentStart(core);
}

/** A name without 项目 and without quoted slogans (“开门红”项目, “一对一”项目: a quoted word is a slogan, not what a project is). */
function coreOf(name: string): string {
  return name.replace(/项目$/, '').replace(/“[^”]*”/g, '');
}

/** A batch's own words (电子信息, 10亿元以上), or null when it has none (签约项目46个, 11个重点产业项目). */
function descriptorOf(text: string, from: number, to: number): string | null {
  const core = coreOf(text.slice(from, to));
  const d = core.slice(contentStart(core));
  return d ? d : null;
}

/** Where the content of a core starts: after its leading particles, places, periods, ordinals and generic words. */
function contentStart(core: string): number {
  let i = 0;
  while (LEADING.has(core[i] ?? '')) i++;
  for (;;) {
    const place = findPlaces(core, i, core.length)[0];
    if (place && place.start === i) {
      i = place.end;
      continue;
    }
    // 2023年第一季度重大项目: a period names when, not what.
    const period = readPeriod(core, i, { year: null, planYear: null });
    if (period) {
      i = period.end;
      continue;
    }
    const when = PERIOD_WORDS.at(core, i);
    if (when) {
      i = when.end;
      continue;
    }
    // 第三批重大项目: an ordinal numbers an event, it does not name a project.
    const ordinal = ORDINAL_RE.exec(core.slice(i));
    if (ordinal) {
      i += ordinal[0].length;
      continue;
    }
    const g = GENERIC.at(core, i);
    if (!g) break;
    i = g.end;
  }
  return i;
}

/** 十二个项目, 11个重点产业项目, 十大产业项目, 签约项目7个: a batch and its count. */
function batchCount(text: string, projStart: number, projEnd: number): { count: number; start: number; end: number; desc: string | null } | null {
  // Count before: NUM (个|大|项)? generic* 项目
  let i = projStart;
  while (i > 0 && i > projStart - 10) {
    const g = GENERIC.endingAt(text, i, 4);
    if (!g || g.word === '项目') break;
    i = g.start;
  }
  // 三个百亿项目, 12个亿元以上项目: a size class between the count and 项目.
  const size = SIZE_RE.exec(text.slice(Math.max(0, i - 8), i));
  if (size) i -= size[0].length;
  const descFrom = i;
  const measure = text[i - 1];
  if (measure === '个' || measure === '大' || measure === '项') i--;
  for (let s = Math.max(0, i - 4); s < i; s++) {
    const n = canStartNumber(text[s]) ? readNumber(text, s) : null;
    if (n && n.end === i && !n.scale && n.value >= 2 && Number.isInteger(n.value)) return { count: n.value, start: s, end: projEnd, desc: descriptorOf(text, descFrom, projStart) };
  }
  // Count after: 签约项目7个
  const after = /^(\d+|[一二三四五六七八九十百两]+)个/.exec(text.slice(projEnd, projEnd + 6));
  if (after) {
    const n = /^\d/.test(after[1]!) ? Number(after[1]) : readChinese(after[1]!, 0)?.value;
    if (n && n >= 2) return { count: n, start: projStart, end: projEnd + after[0].length, desc: descriptorOf(text, nameBefore(text, projEnd)?.start ?? projStart, projStart) };
  }
  return null;
}

function mentionsOf(text: string): Mention[] {
  const out: Mention[] = [];
  let pos = 0;
  for (;;) {
    const at = text.indexOf('项目', pos);
    if (at < 0) break;
    pos = at + 2;
    const end = at + 2;
    const name = nameBefore(text, end);
    const batch = batchCount(text, at, end);
    if (batch) {
      out.push({ name: null, count: batch.count, start: batch.start, end: batch.end, desc: batch.desc });
      continue;
    }
    if (!name || contentLength(name.name) < 4) continue;
    out.push({ name: name.name, count: null, start: name.start, end: end });
  }
  // 框架协议10个: a batch counted by another noun.
  for (const m of text.matchAll(NOUN_BATCH_RE)) {
    const count = countOf(m[1]!);
    if (count && count >= 2) out.push({ name: null, count, start: m.index, end: m.index + m[0].length });
  }
  // 其他项目如区块链技术应用中心: a name introduced by 项目如 without 项目 in it.
  const re = /项目如([^，,。；;、]{2,18}?(?:中心|平台|基地|产业园|园区|城|工程|工厂|厂|馆))(?=则|将|等|，|,|。|和)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const name = m[1]!;
    if (name.includes('项目') || contentLength(name) < 4) continue;
    const start = m.index + m[0].length - name.length;
    out.push({ name, count: null, start, end: start + name.length });
  }
  // 总投资0.53亿元的…道路建设工程: a name with another head than 项目, introduced by its amount.
  // (Each pattern searched only where its fixed words stand: 元的 for HEAD_RE, a kind and a count for KIND_RE.)
  for (const h of text.includes('元的') ? text.matchAll(HEAD_RE) : []) {
    const name = h[1]!;
    if (name.includes('项目') || contentLength(name) < 4) continue;
    const start = h.index + h[0].length - name.length;
    out.push({ name, count: null, start, end: start + name.length });
  }
  // 4.G106某某城区段改线工程，总投资4.6亿元: a listed name with another head, its amount after it.
  for (const h of LIST_HEAD_TAIL_RE.test(text) ? text.matchAll(LIST_HEAD_RE) : []) {
    const name = h[1]!;
    const start = h.index + h[0].length - name.length;
    if (name.includes('项目') || contentLength(name) < 4 || out.some((o) => o.start < start + name.length && start < o.end)) continue;
    out.push({ name, count: null, start, end: start + name.length });
  }
  // 分别为：霍山县34个、金寨县32个: the items of a list that breaks a batch down.
  for (const parent of out.filter((x) => x.count !== null)) {
    const opener = OPENER_RE.exec(text.slice(parent.end, parent.end + 40));
    if (!opener) continue;
    let i = parent.end + opener[0].length;
    const items: Mention[] = [];
    for (;;) {
      const it = ITEM_RE.exec(text.slice(i, i + 30));
      const count = it ? countOf(it[2]!) : null;
      if (!it || !count) break;
      const label = it[1]!;
      items.push({ name: null, count, start: i, end: i + it[0].length, parent, label: { text: label, place: BD.place_suffixes.some((s) => label.endsWith(s)) } });
      i += it[0].length;
      if (!/[、，,；;]/.test(text[i] ?? '')) break;
      i++;
    }
    items.forEach((item, k) => (item.until = items[k + 1]?.start));
    out.push(...items);
  }
  // 其中，产业类6项: a batch by kind.
  for (const k of KIND_TAIL_RE.test(text) ? text.matchAll(KIND_RE) : []) {
    const count = countOf(k[2]!);
    const start = k.index;
    if (!count) continue;
    const over = out.filter((o) => o.start < start + k[0].length && start < o.end);
    // 工业类项目8个, read as a batch at 项目: the same batch, by kind.
    if (over.length === 1 && over[0]!.count === count && !over[0]!.parent) {
      over[0]!.kind = true;
      over[0]!.start = start;
      over[0]!.label = { text: k[1]!, place: false };
    }
    if (over.length) continue;
    out.push({ name: null, count, start, end: start + k[0].length, kind: true, label: { text: k[1]!, place: false } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** 总投资16亿元的X项目 / X项目总投资约5亿元 / 16亿元X项目 / 总投资达14亿元. */
function investmentNear(text: string, m: Mention, sentenceTo: number): { amount: Amount; start: number; end: number } | null {
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  const pre = /(?:总投资|投资|总额)?(?:达|约|近|超|逾)?([\d.]+|[一二三四五六七八九十百千两]+)(万亿|亿|万)(元|美元)?(?:建设|兴建|投建|打造)?(?:的)?[ \u3000]?$/.exec(before);
  if (pre) {
    const start = m.start - pre[0].length;
    const q = readQuantity(text, start + (pre[0].length - pre[0].replace(/^(?:总投资|投资|总额)?(?:达)?/, '').length));
    if (q) {
      const unit = completeUnit(q.unit, MONEY_DIMS);
      if (unit) return { amount: { value: q.value, unit, qualifier: q.qualifier ?? 'exact' }, start, end: m.end };
    }
  }
  const after = text.slice(m.end, Math.min(sentenceTo, m.end + 40));
  const post = POST_INVEST_RE.exec(after);
  if (post) {
    const qStart = m.end + post[0].length;
    const q = readQuantity(text, qStart);
    if (q) {
      const unit = completeUnit(q.unit, MONEY_DIMS);
      if (unit) return { amount: { value: q.value, unit, qualifier: q.qualifier ?? 'exact' }, start: m.start, end: q.end };
    }
  }
  // …年产3万吨高性能纤维项目正式投产。该项目总投资15亿元: the next sentence speaks again of the project just named.
  if (m.name) {
    let j = sentenceTo;
    while (j < text.length && /[。！？!?；;\s]/.test(text[j]!)) j++;
    const again = new RegExp(`^(?:${ANAPHORA})`).exec(text.slice(j, j + 6));
    if (again && j - sentenceTo <= 3 && !text.slice(m.end, sentenceTo).includes('项目')) {
      const rest = j + again[0].length;
      const post2 = POST_INVEST_RE.exec(text.slice(rest, rest + 40));
      if (post2) {
        const q = readQuantity(text, rest + post2[0].length);
        const unit = q ? completeUnit(q.unit, MONEY_DIMS) : null;
        if (q && unit) return { amount: { value: q.value, unit, qualifier: q.qualifier ?? 'exact' }, start: m.start, end: q.end };
      }
    }
  }
  return null;
}

function locationNear(text: string, m: Mention, sentenceFrom: number, sentenceTo: number): string | null {
  const before = text.slice(Math.max(sentenceFrom, m.start - 14), m.start);
  const of = /([^\s,，。；的和及与、如]{2,12}?(?:经济技术开发区|高新技术产业开发区|开发区|经开区|高新区|新区|园区|产业园|市|县|区|镇))的$/.exec(before);
  if (of) return of[1]!.replace(/^(例如|如|其中|其他项目如|包括|位于)/, '');
  const after = text.slice(m.end, Math.min(sentenceTo, m.end + 30));
  const at = /^[^。，,]{0,6}?(?:在|落户|落地|位于)([\u4e00-\u9fa5]{2,16}?(?:经济技术开发区|高新技术产业开发区|开发区|经开区|高新区|新区|园区|产业园|市|县|区|镇))/.exec(after);
  return at ? at[1]! : null;
}

function investorNear(text: string, from: number, to: number): string | null {
  const m = /由([\u4e00-\u9fa5（）()]{4,30}?(?:有限公司|股份公司|集团|公司))(?:投资|建设|投建|出资)/.exec(text.slice(from, to));
  return m ? m[1]! : null;
}

function industryNear(text: string, from: number, to: number): string | null {
  const m = /(?:覆盖|涵盖|聚焦|集中在|涉及)([^。，,；]{2,40}?)等(?:多元|多个|前沿|重点)?领域/.exec(text.slice(from, to));
  return m ? m[1]!.replace(/^(?:了)/, '') : null;
}

/**
 * The event the document's lead tells: the first of its first lines that names a
 * stage (2020年4月15日,…举行重大项目集中开工仪式), with the date it gives.
 */
function leadEvent(doc: DocContext): { stage: Stage; date: string | null } | null {
  const { text } = doc;
  let pos = 0;
  for (let k = 0; k < 3 && pos < text.length; k++) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    const end = doc.sentences.endOf(pos);
    // A portal's furniture (字号, 打印本页, 浏览次数) is not the lead.
    if (isChrome(text.slice(pos, end))) {
      k--;
      pos = end + 1;
      continue;
    }
    const stage = stageIn(text, pos, end);
    if (stage) return { stage, date: dayIn(doc, pos, end) };
    pos = end + 1;
  }
  return null;
}

/** A day in [from, to): a full date, or a month and day (1月8日) in the year of the document's date, not after it. */
function dayIn(doc: DocContext, from: number, to: number): string | null {
  const full = findDates(doc.text, from, to)[0];
  if (full) return full.date;
  const posted = /^(\d{4})-(\d{2})-(\d{2})$/.exec(doc.meta.date ?? '');
  const md = /(?<![\d年])(\d{1,2})月(\d{1,2})日/.exec(doc.text.slice(from, to));
  if (!posted || !md) return null;
  const day = `${posted[1]}-${md[1]!.padStart(2, '0')}-${md[2]!.padStart(2, '0')}`;
  return Number(md[1]) <= 12 && Number(md[2]) <= 31 && day <= doc.meta.date! ? day : null;
}

/** Start of the clause holding `pos` within [from, pos): after its last mark of `marks`. */
function clauseStart(text: string, from: number, pos: number, marks = '，,；;、'): number {
  for (let i = pos - 1; i >= from; i--) if (marks.includes(text[i]!)) return i + 1;
  return from;
}

/** End of the clause holding `pos` within [pos, to): at its next comma or semicolon. */
function clauseEnd(text: string, pos: number, to: number): number {
  for (let i = pos; i < to; i++) if ('，,；;'.includes(text[i]!)) return i;
  return to;
}

/** 湖南某某新材料有限公司项目 after 湖南某某新材料有限公司年产5000万件…项目: a company's project named again by the company alone. */
function sameCompany(full: string, short: string): boolean {
  const core = short.replace(/项目$/, '');
  return /(?:公司|集团)$/.test(core) && core.length >= 6 && full.startsWith(core) && full.length > short.length;
}

function compatible(a: Amount | null, b: Amount | null): boolean {
  return !a || !b || (a.value === b.value && a.unit === b.unit);
}

export function extractProjects(doc: DocContext): Project[] {
  const { text, meta } = doc;
  const event = leadEvent(doc);
  const lead = (meta.title ? stageIn(meta.title, 0, meta.title.length) : null) ?? event?.stage ?? null;
  const projects: Project[] = [];
  // Per project: its label and whether it is a top-level batch, for breakdowns and merging.
  const info: Array<{ label: string | null; start: number; desc: string | null }> = [];
  const indexOf = new Map<Mention, number>();
  for (const m of mentionsOf(text.slice(0, relatedTailStart(text)))) {
    const sFrom = doc.sentences.startOf(m.start);
    const sTo = doc.sentences.endOf(m.end);
    // The batch this one breaks down: the list's batch, or for 其中… and a kind (产业类6项)
    // the last top-level batch before it that is large enough.
    let parent: number | undefined = m.parent ? indexOf.get(m.parent) : undefined;
    // 其中… at the start of the sentence or of the clause (其中10亿元以上项目31个、50亿元以上项目5个).
    const marked = m.kind || PART_RE.test(text.slice(sFrom, m.start)) || PART_RE.test(text.slice(clauseStart(text, sFrom, m.start, '，,；;'), m.start));
    if (parent === undefined && m.count !== null && marked) {
      for (let k = projects.length - 1; k >= 0; k--) {
        const p = projects[k]!;
        if (info[k]!.start < m.start - 400) break;
        if (p.count !== null && p.part_of === undefined && p.count >= m.count) {
          parent = k;
          break;
        }
      }
    }
    const up = parent === undefined ? null : projects[parent]!;
    const cFrom = clauseStart(text, sFrom, m.start);
    // A part has its parent's stage unless its own clause tells another (其中已开工项目12个).
    const own = up ? stageIn(text, m.end, clauseEnd(text, m.end, m.until ?? sTo)) ?? stageIn(text, cFrom, m.start) : null;
    // Its own clause first (签约亿元以上项目216个，…；新开工亿元以上项目180个), then its sentence, then the lead.
    const stage = up
      ? own ?? up.stage
      : stageIn(text, m.end, clauseEnd(text, m.end, sTo)) ?? stageIn(text, cFrom, m.start) ?? stageIn(text, m.end, sTo) ?? stageIn(text, sFrom, m.start) ?? lead ?? 'signed';
    const inv = investmentNear(text, m, m.until ?? sTo);
    const label = m.label?.place ? m.label.text : null;
    const existing =
      m.count !== null
        ? projects.find(
            (p, k) =>
              p.count === m.count &&
              p.stage === stage &&
              info[k]!.label === label &&
              // 10亿元以上项目12个 and 现代服务业项目12个: two batches that name different words.
              (info[k]!.desc === null || !m.desc || info[k]!.desc === m.desc) &&
              (p.part_of === undefined || parent === undefined || p.part_of === parent) &&
              compatible(p.investment, inv?.amount ?? null),
          )
        : projects.find((p) => p.name && (p.name.includes(m.name!) || m.name!.includes(p.name) || sameCompany(p.name, m.name!)));
    if (existing) {
      // A later mention (该项目由...投资建设) completes what the first one left out.
      existing.investment ??= inv?.amount ?? null;
      existing.location ??= locationNear(text, m, sFrom, sTo);
      if (m.name) existing.investor ??= investorNear(text, sFrom, doc.sentences.endOf(sTo + 1));
      existing.industry ??= industryNear(text, sFrom, sTo);
      if (parent !== undefined && existing.part_of === undefined && projects[parent] !== existing) existing.part_of = parent;
      indexOf.set(m, projects.indexOf(existing));
      continue;
    }
    const start = Math.min(m.start, inv?.start ?? m.start);
    const end = Math.max(m.end, inv?.end ?? m.end);
    const years = findPeriods(text, sFrom, sTo, { year: null, planYear: null }).filter((p) => !FUTURE_RE.test(text.slice(Math.max(0, p.start - 3), p.start)));
    const project: Project = {
      name: m.name,
      count: m.count,
      investment: inv?.amount ?? null,
      stage,
      location: label ?? locationNear(text, m, sFrom, sTo) ?? up?.location ?? (m.count !== null ? meta.region?.name ?? null : null),
      investor: m.name ? investorNear(text, sFrom, doc.sentences.endOf(sTo + 1)) : null,
      industry: industryNear(text, sFrom, sTo),
      // When the stage was reached: its sentence's day or period, its parent's, the lead event's day.
      date: dayIn(doc, sFrom, sTo) ?? years[0]?.period ?? up?.date ?? event?.date ?? meta.review_period ?? null,
      quote: text.slice(start, end),
      span: [start, end],
    };
    if (parent !== undefined) project.part_of = parent;
    indexOf.set(m, projects.length);
    info.push({ label, start: m.start, desc: m.desc ?? null });
    projects.push(project);
  }
  return projects;
}
