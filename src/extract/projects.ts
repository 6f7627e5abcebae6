// Investment projects in news: named projects (锂离子动力电池项目) and batches
// (签约十一个重点项目), each with its stage, investment, location, investor and
// industry as the text gives them. Words live in data/projects.json.
import { loadData } from '../data.js';
import type { Amount, Project } from '../schema.js';
import type { DocContext } from './context.js';
import { readChinese, readNumber } from './numbers.js';
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
}

const WORDS = loadData<ProjectsFile>('projects.json');
const STAGES = new WordList(Object.entries(WORDS.stages));
const GENERIC = new WordList(WORDS.generic.map((w) => [w, true] as [string, boolean]));
const BOUNDARY = new WordList(WORDS.boundaries.map((w) => [w, true] as [string, boolean]));
const STAGE_ORDER: readonly Stage[] = WORDS.stage_order;
const LEADING = new Set(WORDS.leading_particles);
const FUTURE_RE = new RegExp(`(${WORDS.future_markers.join('|')})$`);

const MONEY_DIMS = ['CNY', 'USD'];
const NAME_STOP = /[\s,，。；;：:！？!?“”"《》()（）【】、]/;

interface Mention {
  name: string | null;
  count: number | null;
  start: number;
  end: number;
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

/** The name before 项目 at `pos`: back to a boundary word, a punctuation mark or a place + 的. */
function nameBefore(text: string, projEnd: number): { name: string; start: number } | null {
  let i = projEnd - 2; // before 项目
  const stop = Math.max(0, projEnd - 30);
  let start = projEnd - 2;
  while (i > stop) {
    const ch = text[i - 1]!;
    if (NAME_STOP.test(ch)) break;
    const b = BOUNDARY.endingAt(text, i, 4);
    if (b) break;
    i--;
    start = i;
  }
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
  const core = name.replace(/项目$/, '');
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
    const g = GENERIC.at(core, i);
    if (!g) break;
    i = g.end;
  }
  return core.length - i;
}

/** 十二个项目, 11个重点产业项目, 十大产业项目, 签约项目7个: a batch and its count. */
function batchCount(text: string, projStart: number, projEnd: number): { count: number; start: number; end: number } | null {
  // Count before: NUM (个|大|项)? generic* 项目
  let i = projStart;
  while (i > 0 && i > projStart - 10) {
    const g = GENERIC.endingAt(text, i, 4);
    if (!g || g.word === '项目') break;
    i = g.start;
  }
  const measure = text[i - 1];
  if (measure === '个' || measure === '大' || measure === '项') i--;
  for (let s = Math.max(0, i - 4); s < i; s++) {
    const n = readNumber(text, s) ?? null;
    if (n && n.end === i && !n.scale && n.value >= 2 && Number.isInteger(n.value)) return { count: n.value, start: s, end: projEnd };
  }
  // Count after: 签约项目7个
  const after = /^(\d+|[一二三四五六七八九十百两]+)个/.exec(text.slice(projEnd, projEnd + 6));
  if (after) {
    const n = /^\d/.test(after[1]!) ? Number(after[1]) : readChinese(after[1]!, 0)?.value;
    if (n && n >= 2) return { count: n, start: projStart, end: projEnd + after[0].length };
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
      // 其中亿元以上项目12个: a part of a batch counted before, not a batch of its own.
      if (!/其中[^，,。；;]{0,12}$/.test(text.slice(Math.max(0, batch.start - 14), batch.start))) {
        out.push({ name: null, count: batch.count, start: batch.start, end: batch.end });
      }
      continue;
    }
    if (!name || contentLength(name.name) < 4) continue;
    out.push({ name: name.name, count: null, start: name.start, end: end });
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
  return out.sort((a, b) => a.start - b.start);
}

/** 总投资16亿元的X项目 / X项目总投资约5亿元 / 16亿元X项目 / 总投资达14亿元. */
function investmentNear(text: string, m: Mention, sentenceTo: number): { amount: Amount; start: number; end: number } | null {
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  const pre = /(?:总投资|投资|总额)?(?:达|约|近|超|逾)?([\d.]+|[一二三四五六七八九十百千两]+)(万亿|亿|万)(元|美元)?(?:建设|兴建|投建|打造)?(?:的)?$/.exec(before);
  if (pre) {
    const start = m.start - pre[0].length;
    const q = readQuantity(text, start + (pre[0].length - pre[0].replace(/^(?:总投资|投资|总额)?(?:达)?/, '').length));
    if (q) {
      const unit = completeUnit(q.unit, MONEY_DIMS);
      if (unit) return { amount: { value: q.value, unit, qualifier: q.qualifier ?? 'exact' }, start, end: m.end };
    }
  }
  const after = text.slice(m.end, Math.min(sentenceTo, m.end + 40));
  const post = /^[^。；;]{0,16}?(?:总投资|投资总额|计划总投资|计划投资|协议引资|协议投资|签约金额|签约总额|总金额|合同金额|(?<!实际|完成)投资(?=[约近超逾达\d一二三四五六七八九十]))(?:额)?(?:达到|达|为)?/.exec(after);
  if (post) {
    const qStart = m.end + post[0].length;
    const q = readQuantity(text, qStart);
    if (q) {
      const unit = completeUnit(q.unit, MONEY_DIMS);
      if (unit) return { amount: { value: q.value, unit, qualifier: q.qualifier ?? 'exact' }, start: m.start, end: q.end };
    }
  }
  return null;
}

function locationNear(text: string, m: Mention, sentenceFrom: number, sentenceTo: number): string | null {
  const before = text.slice(Math.max(sentenceFrom, m.start - 14), m.start);
  const of = /([^\s,，。；的和及与、如]{2,12}?(?:经济技术开发区|高新技术产业开发区|开发区|经开区|高新区|新区|园区|产业园|市|县|区|镇))的$/.exec(before);
  if (of) return of[1]!.replace(/^(例如|如|其中|其他项目如|包括)/, '');
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

export function extractProjects(doc: DocContext): Project[] {
  const { text, meta } = doc;
  const titleStage = meta.title ? stageIn(meta.title, 0, meta.title.length) : null;
  const projects: Project[] = [];
  const byKey = new Map<string, Project>();
  for (const m of mentionsOf(text)) {
    const sFrom = doc.sentences.startOf(m.start);
    const sTo = doc.sentences.endOf(m.end);
    const stage = stageIn(text, m.end, sTo) ?? stageIn(text, sFrom, m.start) ?? titleStage ?? 'signed';
    const inv = investmentNear(text, m, sTo);
    const key = m.count !== null ? `#${m.count}` : m.name!;
    const existing = byKey.get(key) ?? (m.name ? [...byKey.values()].find((p) => p.name && (p.name.includes(m.name!) || m.name!.includes(p.name))) : undefined);
    if (existing) {
      // A later mention (该项目由...投资建设) completes what the first one left out.
      existing.investment ??= inv?.amount ?? null;
      existing.location ??= locationNear(text, m, sFrom, sTo);
      if (m.name) existing.investor ??= investorNear(text, sFrom, doc.sentences.endOf(sTo + 1));
      existing.industry ??= industryNear(text, sFrom, sTo);
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
      location: locationNear(text, m, sFrom, sTo) ?? (m.count !== null ? meta.region?.name ?? null : null),
      investor: m.name ? investorNear(text, sFrom, doc.sentences.endOf(sTo + 1)) : null,
      industry: industryNear(text, sFrom, sTo),
      date: years[0]?.period ?? meta.review_period ?? null,
      quote: text.slice(start, end),
      span: [start, end],
    };
    byKey.set(key, project);
    projects.push(project);
  }
  return projects;
}
