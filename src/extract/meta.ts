// Document metadata: title, type, the region it speaks for, its date, the
// periods it reviews and plans, and who delivered it.
import { loadData } from '../data.js';
import type { Disclosure, Meta, Speaker } from '../schema.js';
import { findDates, parseDate } from './dates.js';
import { findDisclosure } from './disclosure.js';
import { findPeriods, type PeriodContext, isSpan, yearOf } from './periods.js';
import { findPlaces, isRedacted, lookup, regionOf, resolvePlace, shortNames, type Place, type PlaceMention, type RegionLevel } from './regions.js';
import type { Line, Section } from './structure.js';

type DocType = Meta['doc_type'];

/** A site's tag before a news title: 【天心区招商】. */
const TAG_RE = /^【([^】]{1,20})】/;

interface DocumentsFile {
  doc_types: Array<[string, DocType]>;
  news_tag: string;
  work_report_body: string;
  plan_report_body: string;
}
const DOCUMENTS = loadData<DocumentsFile>('documents.json');
/** Ordered rules: the first whose pattern is in the title decides. */
const DOC_TYPE_RULES: Array<[RegExp, DocType]> = DOCUMENTS.doc_types.map(([re, type]) => [new RegExp(re), type]);
const NEWS_TAG = new RegExp(DOCUMENTS.news_tag);
const WORK_REPORT_BODY = new RegExp(DOCUMENTS.work_report_body);
const PLAN_REPORT_BODY = new RegExp(DOCUMENTS.plan_report_body);

export interface MetaBasics {
  title: string | null;
  tag: string | null;
  docType: DocType;
  date: string | null;
  /** The date the document was posted (a site's 发布时间, a trailing date line), for news. */
  published: string | null;
  speaker: Speaker | null;
  speakerLine: string | null;
  disclosure: Disclosure | null;
}

function lineText(text: string, l: Line): string {
  return text.slice(l.start, l.end).trim();
}

const SPEAKER_RE =
  /^(.{0,24}?)((?:代理|代|副)?(?:总理|省长|市长|区长|县长|州长|旗长|盟长|镇长|乡长|主席|主任|局长|书记))\s*[:：]?\s*([\u4e00-\u9fa5]{2,4})$/;

function speakerOf(text: string, lines: Line[]): { speaker: Speaker; line: string } | null {
  for (const l of lines.slice(0, 15)) {
    const s = lineText(text, l).replace(/^——\s*/, '');
    if (!s || s.length > 40 || /[。，,]/.test(s)) continue;
    const m = SPEAKER_RE.exec(s);
    if (m) return { speaker: { name: m[3]!, title: m[2]! }, line: s };
  }
  return null;
}

function titleOf(text: string, lines: Line[], speakerLine: string | null, disclosed: string | null): { title: string | null; tag: string | null } {
  if (disclosed) return { title: disclosed, tag: null };
  for (const l of lines.slice(0, 5)) {
    let s = lineText(text, l);
    if (!s) continue;
    const tag = TAG_RE.exec(s);
    if (tag) s = s.slice(tag[0].length).trim();
    const isTitle = s.length <= 60 && !/[。：:]$/.test(s) && !/^各位/.test(s) && s !== speakerLine && !l.table;
    return { title: isTitle ? s : null, tag: tag ? tag[1]! : null };
  }
  return { title: null, tag: null };
}

export function docTypeOf(title: string | null, tag: string | null, text: string): DocType {
  if (tag && NEWS_TAG.test(tag)) return 'investment_news';
  const probe = title ?? '';
  for (const [re, type] of DOC_TYPE_RULES) if (re.test(probe)) return type;
  const head = text.slice(0, 600);
  if (WORK_REPORT_BODY.test(head)) return 'work_report';
  if (PLAN_REPORT_BODY.test(head)) return 'plan_report';
  return 'other';
}

/**
 * The date: the day the report was delivered (——2021年8月31日在...会上,
 * (2021年1月6日在...大会上)) when given, else the day it was published.
 */
function datesOf(text: string, lines: Line[]): { meeting: string | null; published: string | null } {
  let meeting: string | null = null;
  let published: string | null = null;
  for (const l of lines.slice(0, 15)) {
    const s = lineText(text, l);
    const delivered = (/^(——|--|[(（])/.test(s) || /在.{2,40}(会议|大会|会)上/.test(s)) && /会|在/.test(s);
    // （2021年1月8日） alone under the title is the day it was delivered too.
    const bracketedDate = /^[(（]\s*(?:19|20)\d{2}\s*年[^)）]{2,8}日?\s*[)）]$/.test(s);
    if (!meeting && (delivered || bracketedDate)) meeting = parseDate(s);
    if (!published) {
      const m = /(发布时间|发布日期|发文日期|成文日期|生成日期|日期)\s*[:：]?\s*\|?\s*([^|]*)/.exec(s);
      if (m) published = parseDate(m[2]!);
    }
  }
  // A date alone on one of the last lines (a signature or a posting date).
  if (!published) {
    for (const l of lines.slice(-6).reverse()) {
      const s = lineText(text, l);
      if (s && s.length <= 20) {
        const d = findDates(s)[0];
        if (d && d.end - d.start >= s.length - 2) {
          published = d.date;
          break;
        }
      }
    }
  }
  return { meeting, published };
}

export function basicsOf(text: string, lines: Line[]): MetaBasics {
  // The disclosure block (索引号, 发布机构, ...) above a portal page's title is read on its own; the rest is read without it.
  const block = findDisclosure(text, lines);
  const head = block ? [...lines.slice(0, block.lines[0]), ...lines.slice(block.lines[1] + 1)] : lines;
  const disclosure = block?.disclosure ?? null;
  const sp = speakerOf(text, head);
  const { title, tag } = titleOf(text, head, sp?.line ?? null, disclosure?.title ?? null);
  const docType = docTypeOf(title, tag, text);
  const dates = datesOf(text, head);
  const published = disclosure?.published && /^\d{4}-\d{2}-\d{2}$/.test(disclosure.published) ? disclosure.published : dates.published;
  return {
    title,
    tag,
    docType,
    date: dates.meeting ?? published,
    published,
    speaker: sp?.speaker ?? null,
    speakerLine: sp?.line ?? null,
    disclosure,
  };
}

const LEVEL_OF_SUFFIX: Record<string, RegionLevel> = { 省: 'province', 市: 'prefecture', 州: 'prefecture', 区: 'county', 县: 'county', 旗: 'county', 镇: 'township', 乡: 'township', 街道: 'township' };

/**
 * The jurisdiction a document speaks for, from (in order) a news tag, the
 * speaker's line, the title, and the opening text. A redacted name (**区) is
 * null with the level its suffix tells.
 */
export function regionOfDocument(text: string, basics: MetaBasics, docLevelHint: RegionLevel | null): { region: Meta['region']; place: Place | null } {
  // Places named in the opening text disambiguate the ones in the title (西湖区 near 南昌市); scanned only when needed.
  let head: PlaceMention[] | null = null;
  const headMentions = (): PlaceMention[] => (head ??= findPlaces(text, 0, Math.min(text.length, 500)));
  // An ambiguous name is not its own context: only the other places count.
  const contextFor = (name: string): Place[] =>
    lookup(name).length > 1 ? headMentions().filter((m) => m.text !== name).flatMap((m) => m.candidates.slice(0, 1)) : [];
  // 我代表岳阳楼区人民政府，向大会报告政府工作: the body names who speaks.
  const onBehalf = /我代表([\u4e00-\u9fa5*＊]{2,16}?)人民政府/.exec(text.slice(0, 600))?.[1] ?? null;
  const sources = [basics.tag, basics.speakerLine, basics.title, onBehalf];
  for (const src of sources) {
    if (!src) continue;
    const redacted = /^[*＊×]+(省|市|州|区|县|旗|镇|乡)/.exec(src);
    if (redacted && !findPlaces(src).length) return { region: regionOf(null, LEVEL_OF_SUFFIX[redacted[1]!] ?? 'county'), place: null };
    const name = src.replace(/(招商|投资|项目).*$/, '');
    const direct = resolvePlace(name, contextFor(name));
    if (direct) return { region: regionOf(direct), place: direct };
    const mentions = findPlaces(src);
    // The most specific place named first: 湖南省郴州市桂阳县 -> 桂阳县.
    let chosen: Place | null = null;
    for (const m of mentions) {
      if (chosen && m.start > (mentions[0]?.end ?? 0) + 1) break;
      const p = resolvePlace(m.text, [...contextFor(m.text), ...(chosen ? [chosen] : [])]);
      if (p) chosen = p;
    }
    if (chosen) return { region: regionOf(chosen), place: chosen };
    if (src === basics.title && /[*＊]{2,}/.test(src) && isRedacted(src)) {
      const suf = /[*＊]+(省|市|州|区|县|旗|镇|乡)/.exec(src);
      return { region: regionOf(null, suf ? LEVEL_OF_SUFFIX[suf[1]!] ?? 'county' : docLevelHint ?? 'county'), place: null };
    }
  }
  // The State Council's report to the National People's Congress speaks for the whole country.
  if (/国务院|全国人民代表大会|全国人大/.test(text.slice(0, 300)) && !findPlaces(text, 0, Math.min(text.length, 300)).length) {
    return { region: regionOf(null, 'national'), place: null };
  }
  // Last resort: a place named in the first lines (the title area), not one met in the body.
  const firstLines = text.slice(0, Math.max(0, nthLineEnd(text, 3)));
  const first = findPlaces(firstLines).find((m) => m.candidates[0]?.level !== 'township');
  if (first) {
    const p = resolvePlace(first.text, contextFor(first.text));
    if (p) return { region: regionOf(p), place: p };
  }
  return { region: null, place: null };
}

function nthLineEnd(text: string, n: number): number {
  let end = -1;
  for (let k = 0; k < n; k++) {
    const next = text.indexOf('\n', end + 1);
    if (next < 0) return text.length;
    end = next;
  }
  return end;
}

export function regionNames(place: Place | null): string[] {
  if (!place) return [];
  return [place.name, ...shortNames(place)];
}

/** The review and plan periods, from the sections' headings; for news, the period of the events. */
export function periodsOf(
  docType: DocType,
  sections: Section[],
  ctx: PeriodContext,
  text: string,
  title: string | null,
): { review: string | null; plan: string | null } {
  if (docType === 'investment_news') return { review: newsPeriod(text), plan: null };
  let review: string | null = null;
  let plan: string | null = null;
  let planSpan: string | null = null;
  for (const s of sections) {
    if (s.kind === 'review' && !review) review = s.period ?? s.span;
    if (s.kind === 'plan') {
      if (!plan && s.period) plan = s.period;
      planSpan ??= s.span;
    }
  }
  // No review heading: the period the title names (2022年上半年经济运行情况; a work report titled 2021年 reviews 2020), else the document year.
  if (!review && title && docType !== 'work_report') review = mostSpecificPeriod(title, ctx);
  if (!review && ctx.year !== null) review = String(ctx.year);
  if (!plan) plan = planSpan ?? (docType === 'work_report' && ctx.planYear !== null ? String(ctx.planYear) : null);
  return { review, plan };
}

/** The finest period a title names: 2022年上半年 -> 2022H1, 今年1-8月 -> 2019M01-08. */
function mostSpecificPeriod(title: string, ctx: PeriodContext): string | null {
  const found = findPeriods(title, 0, title.length, ctx).filter((p) => !isSpan(p.period));
  const sub = found.find((p) => p.period.length > 4);
  return sub?.period ?? found[0]?.period ?? null;
}

/**
 * News reports events of some period: the year named most, and within it the
 * finest to-date span (前10个月 -> 2023M01-10). A future year (预计于2024年) does not count.
 */
function newsPeriod(text: string): string | null {
  // The lead tells the period of the events; later paragraphs add background and outlook.
  const found = findPeriods(text, 0, Math.min(text.length, 2000), { year: null, planYear: null }).filter((p) => {
    const before = text.slice(Math.max(0, p.start - 4), p.start);
    return !/预计|计划|将于|力争|到$|至$/.test(before) && !isSpan(p.period);
  });
  if (!found.length) return null;
  const count = new Map<number, number>();
  for (const p of found) count.set(yearOf(p.period)!, (count.get(yearOf(p.period)!) ?? 0) + 1);
  const year = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const sub = found.filter((p) => yearOf(p.period) === year && p.period !== String(year));
  const toDate = sub.find((p) => /M01-\d\d$|H1$|Q1$/.test(p.period));
  return toDate ? toDate.period : String(year);
}
