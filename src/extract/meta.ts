// Document metadata: title, type, the region it speaks for, its date, the
// periods it reviews and plans, and who delivered it. Each is a decision
// weighed from all its cues (src/extract/evidence.ts), read from the
// structure of the text (lines, headings, sections) found before, and each
// keeps its evidence for `extract --explain`.
import { loadData } from '../data.js';
import type { Disclosure, Meta, Speaker } from '../schema.js';
import { findDates, parseDate } from './dates.js';
import { isChrome } from './chrome.js';
import { findDisclosure } from './disclosure.js';
import { cuesOf, decide, single, type Cue, type Decision } from './evidence.js';
import { findPeriods, type PeriodContext, isSpan, yearOf } from './periods.js';
import {
  ancestors,
  findPlaces,
  isRedacted,
  lookup,
  regionOf,
  resolvePlace,
  shortNames,
  type Place,
  type PlaceMention,
  type RegionLevel,
  type RegionShape,
} from './regions.js';
import type { Line, Section } from './structure.js';

export type DocType = Meta['doc_type'];

/** A site's tag before a title: 【天心区招商】. */
const TAG_RE = /^[【[]([^】\]]{1,20})[】\]]\s*/;

interface DocTypeCue {
  where: 'title' | 'tag' | 'lead' | 'headings' | 'disclosure';
  pattern: string;
  type: DocType;
  weight: number;
  example: string;
}
interface DocumentsFile {
  doc_type_cues: DocTypeCue[];
  title_trim: string[];
  title_run_in: { pattern: string; examples: [string, string][]; counter_examples: string[] };
}
const DOCUMENTS = loadData<DocumentsFile>('documents.json');
export const DOC_TYPE_CUES = DOCUMENTS.doc_type_cues.map((c) => ({ ...c, re: new RegExp(c.pattern, 'g') }));
const TITLE_TRIM = DOCUMENTS.title_trim.map((p) => new RegExp(p));
export const TITLE_RUN_IN = DOCUMENTS.title_run_in;
const TITLE_RUN_IN_RE = new RegExp(TITLE_RUN_IN.pattern);

/** Every decision about the document, with the cues that made it. */
export interface MetaDecisions {
  title: Decision<string | null>;
  tag: string | null;
  docType: Decision<DocType>;
  date: Decision<string | null>;
  /** The date the document was posted (a site's 发布时间, a trailing date line), for news. */
  published: string | null;
  region: Decision<RegionShape | null>;
  place: Place | null;
  speaker: Speaker | null;
  disclosure: Disclosure | null;
  review: Decision<string | null>;
  plan: Decision<string | null>;
  /** The years that give bare 今年/全年/上半年 their year. */
  periodCtx: PeriodContext;
}

interface HeadLine {
  line: Line;
  /** The line's text, trimmed. */
  text: string;
  /** Offset of `text` in the document. */
  at: number;
}

function headLinesOf(text: string, lines: Line[], skip: [number, number] | null, max = 24): HeadLine[] {
  const out: HeadLine[] = [];
  for (let k = 0; k < lines.length && out.length < max; k++) {
    if (skip && k >= skip[0] && k <= skip[1]) continue;
    const l = lines[k]!;
    const raw = text.slice(l.start, l.end);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s) out.push({ line: l, text: s, at: l.start + lead });
  }
  return out;
}


const SPEAKER_RE =
  /^(.{0,24}?)((?:代理|代|副)?(?:总理|省长|市长|区长|县长|州长|旗长|盟长|镇长|乡长|主席|主任|局长|书记))\s*[:：]?\s*([\u4e00-\u9fa5]{2,4})$/;

function speakerOf(head: HeadLine[]): { speaker: Speaker; line: HeadLine } | null {
  for (const h of head.slice(0, 15)) {
    const s = h.text.replace(/^——\s*/, '');
    if (s.length > 40 || /[。，,]/.test(s)) continue;
    const m = SPEAKER_RE.exec(s);
    if (m) return { speaker: { name: m[3]!, title: m[2]! }, line: h };
  }
  return null;
}

/** ——2021年1月8日在…会议上 / (2021年1月6日在…大会上) / 2017年2月22日在…会议上: the line that says when and where it was delivered. */
// (河北省)2017年蠡县…工作报告(全文) opens with a bracket too: a meeting line's bracket holds its date.
const MEETING_LINE = /^(?:——|--|[(（]\s*(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3}))|在.{2,40}?(?:会议|大会|会)上/;
/** The date and place of delivery anywhere in the head: 2009年3月6日在洛阳市第十三届人民代表大会第一次会议上. */
const MEETING_PHRASE = /((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|(?:19|20)\d{3,4}日)\s*在([^。，,]{2,40}?)(?:第[一二三四五六七八九十\d]+届)?[^。，,]{0,30}?(?:会议|大会|会)上/;

function titleLike(s: string, speakerLine: HeadLine | null, h: HeadLine): boolean {
  return (
    s.length >= 2 &&
    s.length <= 60 &&
    !/[。：:；;]$/.test(s) &&
    !/[。！？]./.test(s) &&
    !/^各位/.test(s) &&
    h !== speakerLine &&
    !h.line.table &&
    !MEETING_LINE.test(s)
  );
}

function trimTitle(s: string): string {
  let t = s;
  for (const re of TITLE_TRIM) {
    const m = re.exec(t);
    // (河北省)2017年蠡县…: a bracketed place before the title is the site's, not the title's.
    if (m && (m.index > 0 || findPlaces(m[0]).length > 0)) t = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).trim();
  }
  return t;
}

/**
 * The title: the first line under the portal's furniture (breadcrumbs,
 * 字号, photo captions, date lines), with a site's tag removed, when it reads
 * as a heading; a line repeating it with more (政府工作报告 / 2011年政府工作报告)
 * gives the fuller form. A document that opens with prose has no title.
 */
function titleOf(head: HeadLine[], speakerLine: HeadLine | null, disclosed: string | null): { title: Decision<string | null>; tag: string | null; line: HeadLine | null } {
  if (disclosed) return { title: single<string | null>(disclosed, { rule: 'disclosure:标题', span: null, text: disclosed }), tag: null, line: null };
  const passed: Array<Cue<string | null>> = [];
  let tag: string | null = null;
  for (let k = 0; k < Math.min(head.length, 14); k++) {
    const h = head[k]!;
    let s = h.text;
    let at = h.at;
    const t = TAG_RE.exec(s);
    if (t) {
      tag ??= t[1]!;
      s = s.slice(t[0].length).trim();
      at += t[0].length;
      if (!s) continue;
    }
    if (isChrome(s)) {
      passed.push({ rule: 'title:passed-over-chrome', value: null, weight: 0, span: [h.at, h.at + h.text.length], text: h.text });
      continue;
    }
    if (!titleLike(s, speakerLine, h)) {
      // 2025年某县政府工作报告——2025年1月8日在…: the title run into its text (the body still starts at the line).
      const run = TITLE_RUN_IN_RE.exec(s)?.[1];
      if (run && titleLike(run, speakerLine, h)) {
        const title = trimTitle(run);
        const from = at + run.indexOf(title);
        const cue: Cue<string | null> = { rule: 'title:run-in', value: title, weight: 1, span: [from, from + title.length], text: title };
        return { title: { value: title, cues: [cue, ...passed], tally: [[title, 1]] }, tag, line: null };
      }
      passed.push({ rule: 'title:opens-with-prose', value: null, weight: 0, span: [h.at, h.at + h.text.length], text: h.text });
      return { title: { value: null, cues: passed, tally: [] }, tag, line: null };
    }
    let chosen = h;
    let title = trimTitle(s);
    // The title's own characters (no tag, no (全文)): a trimmed title is a run of its line.
    let span: [number, number] = [at + s.indexOf(title), at + s.indexOf(title) + title.length];
    // The same title repeated just below with more words (a year): the fuller one.
    for (const next of head.slice(k + 1, k + 8).filter((x) => !isChrome(x.text)).slice(0, 3)) {
      const n = trimTitle(next.text.replace(TAG_RE, '').trim());
      if (n !== title && n.includes(title) && n.length - title.length <= 8 && titleLike(n, speakerLine, next) && !isChrome(n)) {
        title = n;
        chosen = next;
        span = [next.at + next.text.indexOf(n), next.at + next.text.indexOf(n) + n.length];
        break;
      }
    }
    const cue: Cue<string | null> = { rule: t ? 'title:first-line-after-tag' : 'title:first-heading-line', value: title, weight: 1, span, text: title };
    return { title: { value: title, cues: [cue, ...passed], tally: [[title, 1]] }, tag, line: chosen };
  }
  return { title: { value: null, cues: passed, tally: [] }, tag, line: null };
}

/** The type the cues vote for: title words, a site tag, body formulas, headings, the disclosure block. */
export function docTypeOf(parts: { title: string | null; tag: string | null; lead: [number, number]; headings: string[]; disclosure: string }, text: string): Decision<DocType> {
  const cues: Array<Cue<DocType>> = [];
  for (const c of DOC_TYPE_CUES) {
    const rule = `${c.where}:${c.pattern.length > 24 ? c.pattern.slice(0, 24) + '…' : c.pattern}`;
    const once = (src: string | null): void => {
      if (!src) return;
      c.re.lastIndex = 0;
      const m = c.re.exec(src);
      if (m) cues.push({ rule, value: c.type, weight: c.weight, span: null, text: m[0] });
    };
    if (c.where === 'title') once(parts.title);
    else if (c.where === 'tag') once(parts.tag);
    else if (c.where === 'disclosure') once(parts.disclosure);
    else if (c.where === 'headings') once(parts.headings.join('\n'));
    else {
      // A formula counts once, where it is first read.
      const found = cuesOf(text, parts.lead[0], parts.lead[1], c.re, rule, c.type, c.weight)[0];
      if (found) cues.push(found);
    }
  }
  // News of a report is `other`: a report's body formulas in a news item's lead do not make it the report.
  return decide(cues, 'other');
}

/** 2024-05-22 08:15:36　来源：… / 2024年5月22日 编辑：…: a site's posting line under a title. */
const POSTING_LINE = /^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[\s\u3000]*(?:来源|作者|编辑|责任编辑|浏览)/;

/**
 * The date: the day the report was delivered (——2021年8月31日在…会上; a news
 * lead's 1月15日，…人代会开幕 with the year the text gives) outweighs the day
 * it was published (发布时间, the disclosure block, a date line at the top or
 * the bottom).
 */
function dateOf(text: string, head: HeadLine[], lines: Line[], disclosure: Disclosure | null, leadYear: () => number | null): { date: Decision<string | null>; published: string | null } {
  const cues: Array<Cue<string | null>> = [];
  const add = (rule: string, value: string | null, weight: number, at: number | null, s: string): void => {
    if (value) cues.push({ rule, value, weight, span: at === null ? null : [at, at + s.length], text: s });
  };
  let published: string | null = null;
  for (const h of head.slice(0, 16)) {
    const s = h.text;
    const delivered = s.length <= 80 && MEETING_LINE.test(s) && /会|在/.test(s);
    const bracketedDate = /^[(（]\s*(?:19|20)\d{2}\s*年[^)）]{2,8}日?\s*[)）]$/.test(s);
    if (delivered || bracketedDate) {
      let d = parseDate(s);
      // 国务院总理李克强3月5日在十二届全国人大五次会议上: the day without its year, in the year the text gives.
      const md = d ? null : /(\d{1,2})月(\d{1,2})日\s*在/.exec(s);
      const y = md ? leadYear() : null;
      if (md && y && Number(md[1]) >= 1 && Number(md[1]) <= 12 && Number(md[2]) >= 1 && Number(md[2]) <= 31) d = `${y}-${md[1]!.padStart(2, '0')}-${md[2]!.padStart(2, '0')}`;
      add('date:meeting-line', d, 10, h.at, s);
    }
    const pub = /(发布时间|发布日期|发文日期|成文日期|生成日期|更新时间|日期|时间)\s*[:：]?\s*\|?\s*([^|]*)/.exec(s);
    if (pub) {
      // The date follows its label (a long line's rest is not searched through).
      const d = parseDate(pub[2]!.slice(0, 40));
      if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) {
        published ??= d;
        add(`date:${pub[1]}`, d, 3, h.at, s);
      }
      continue;
    }
    // The first date of the line's opening: both cues below want a date there (a long line is not searched through).
    const first = findDates(s.slice(0, 60))[0];
    if (first && first.end - first.start >= s.replace(/\s+/g, '').length - 6 && s.length <= 30) {
      // A line that is only a date (an e-paper's date line), or a site's date and clock.
      published ??= first.date;
      add('date:date-line', first.date, 3, h.at, s);
    } else if (first?.start === 0 && POSTING_LINE.test(s)) {
      // A posting line that opens with its date and clock: 2024-05-22 08:15:36　来源：宿迁日报.
      published ??= first.date;
      add('date:posting-line', first.date, 3, h.at, s);
    }
  }
  if (disclosure?.published && /^\d{4}-\d{2}-\d{2}$/.test(disclosure.published)) {
    published ??= disclosure.published;
    add('date:disclosure-published', disclosure.published, 4, null, disclosure.published);
  } else if (disclosure?.written && /^\d{4}-\d{2}-\d{2}$/.test(disclosure.written)) add('date:disclosure-written', disclosure.written, 3, null, disclosure.written);
  // A date alone on one of the last lines (a signature or a posting date).
  for (const l of lines.slice(-6).reverse()) {
    const s = text.slice(l.start, l.end).trim();
    if (s && s.length <= 20) {
      const d = findDates(s)[0];
      if (d && d.end - d.start >= s.length - 2) {
        published ??= d.date;
        add('date:closing-date-line', d.date, 2, l.start, s);
        break;
      }
    }
  }
  // The same formula run into the text around it (a scrape that lost its line breaks): 2009年3月6日在洛阳市第十三届人民代表大会第一次会议上.
  const phrase = MEETING_PHRASE.exec(text.slice(0, 2000));
  if (phrase && !cues.some((c) => c.rule === 'date:meeting-line')) add('date:meeting-phrase', parseDate(phrase[1]!), 9, phrase.index, phrase[0]);
  // A news lead: 1月15日，广东省十四届人大三次会议开幕 — the meeting, in the year the text gives.
  const lead = /(?:^|[\s，,])(\d{1,2})月(\d{1,2})日[^。]{0,40}?(人民代表大会|人大[^。]{0,8}会议|代表大会|会议)[^。]{0,12}?(开幕|召开|举行|上)/.exec(text.slice(0, 1500));
  if (lead) {
    const y = published ? Number(published.slice(0, 4)) : leadYear();
    const m = Number(lead[1]);
    const d = Number(lead[2]);
    if (y && m >= 1 && m <= 12 && d >= 1 && d <= 31) add('date:news-lead-meeting', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 9, lead.index, lead[0]);
  }
  return { date: decide(cues, null), published };
}

const LEVEL_OF_SUFFIX: Record<string, RegionLevel> = { 省: 'province', 市: 'prefecture', 州: 'prefecture', 区: 'county', 县: 'county', 旗: 'county', 镇: 'township', 乡: 'township', 街道: 'township' };
/** A redacted place name: **区, ×××县, ooo乡, OOOO镇. */
const REDACTED_PLACE = /(?:[*＊×✱]{1,6}|[oO〇○]{2,6}|[xX]{2,4})(省|市|州|区|县|旗|镇|乡|街道)/;

/** The most specific place of consecutive mentions that fit together (湖南省郴州市桂阳县 → 桂阳县, (河北省)2017年蠡县 → 蠡县). */
function placeOfMentions(mentions: PlaceMention[], contextFor: (name: string) => Place[]): Place | null {
  let chosen: Place | null = null;
  for (const m of mentions) {
    const p = resolvePlace(m.text, [...contextFor(m.text), ...(chosen ? [chosen] : [])]);
    if (!p) continue;
    if (!chosen) chosen = p;
    else if (ancestors(p).some((a) => a.code === chosen!.code)) chosen = p;
  }
  return chosen;
}

/**
 * The jurisdiction a document speaks for, weighed from: the title's places
 * (most specific that fit together), the speaker's line, 我代表X人民政府, the
 * meeting line (在获嘉县第十二届人民代表大会), the disclosure block's
 * publisher, a news lead's first place, the common parent of the places a
 * text lists, and last a site's tag. A redacted name is null with the
 * level its suffix tells.
 */
function regionOfDocument(
  text: string,
  parts: { title: string | null; tag: string | null; speakerLine: string | null; meetingLine: HeadLine | null; disclosure: Disclosure | null; bodyStart: number; selfLevel: RegionLevel | null; site?: string | null },
): { region: Decision<RegionShape | null>; place: Place | null } {
  // The head's places, read once and only when a name needs them (an ambiguous 西湖区 placed by 南昌市 above it).
  let head: PlaceMention[] | null = null;
  const headMentions = (): PlaceMention[] => (head ??= findPlaces(text, 0, Math.min(text.length, 600)));
  const contextFor = (name: string): Place[] =>
    lookup(name).length > 1 ? headMentions().filter((m) => m.text !== name).flatMap((m) => m.candidates.slice(0, 1)) : [];
  const cues: Array<Cue<RegionShape | null>> = [];
  const places = new Map<string, Place>();
  const vote = (rule: string, src: string, weight: number, at: number | null): void => {
    const redacted = REDACTED_PLACE.exec(src);
    const mentions = findPlaces(src);
    if (redacted && !mentions.some((m) => m.start <= redacted.index + redacted[0].length && redacted.index <= m.end)) {
      cues.push({ rule: `${rule}:redacted`, value: regionOf(null, LEVEL_OF_SUFFIX[redacted[1]!] ?? 'county'), weight, span: at === null ? null : [at, at + src.length], text: redacted[0] });
      return;
    }
    const direct = resolvePlace(src.replace(/(招商|投资|项目).*$/, ''), contextFor(src));
    const p = direct ?? placeOfMentions(mentions, contextFor);
    if (!p) return;
    places.set(p.code, p);
    cues.push({ rule, value: regionOf(p), weight, span: at === null ? null : [at, at + src.length], text: src });
  };
  if (parts.title) vote('region:title', parts.title, 5, null);
  if (parts.speakerLine) vote('region:speaker-line', parts.speakerLine, 5, null);
  const onBehalf = /我代表([\u4e00-\u9fa5*＊oO〇○]{2,16}?)人民政府/.exec(text.slice(0, 1200));
  if (onBehalf) vote('region:我代表…人民政府', onBehalf[1]!, 4, onBehalf.index + 3);
  if (parts.meetingLine) {
    const m = /在([\u4e00-\u9fa5*＊oO〇○]{2,20}?)第?[一二三四五六七八九十\d]+届/.exec(parts.meetingLine.text);
    if (m) vote('region:meeting-line', m[1]!, 4, parts.meetingLine.at + m.index + 1);
  }
  if (parts.disclosure?.publisher) vote('region:disclosure-publisher', parts.disclosure.publisher.replace(/(人民政府|政府|统计局|发展和改革局|办公室|局|委员会|中心).*$/, ''), 3, null);
  // A news lead: its first sentence's first place (黄冈市举行…, 广东省十四届人大三次会议).
  const leadStart = leadStartOf(text, parts.bodyStart);
  const leadEnd = text.indexOf('。', leadStart);
  const leadText = text.slice(leadStart, leadEnd < 0 ? Math.min(text.length, leadStart + 200) : leadEnd);
  const firstLead = findPlaces(text, leadStart, leadStart + leadText.length).find((m) => m.candidates[0]?.level !== 'township');
  if (firstLead) vote('region:lead-first-place', firstLead.text, 2, firstLead.start);
  // Places a text lists (霍山县34个、金寨县32个…) under one parent: the parent speaks (全市).
  const parent = commonParent(listedPlaces(text, parts.bodyStart, Math.min(text.length, parts.bodyStart + 1500)));
  if (parent) cues.push({ rule: 'region:common-parent-of-listed-places', value: regionOf(parent.place), weight: 2, span: null, text: parent.names.join('、') });
  if (parts.tag) vote('region:site-tag', parts.tag, 1.5, null);
  // The government site that posts it (绵阳市统计局 as masthead or 来源): weakest, for a title that names no place (全市经济运行情况).
  if (parts.site) vote('region:site-organ', parts.site, 1, null);
  // A document's self-reference (全市, 全区, 全县) agrees with a level: it breaks ties toward it.
  if (parts.selfLevel) for (const c of cues) if (c.value && c.value.level === parts.selfLevel) c.weight += 0.5;
  // National: the State Council's report to the National People's Congress (在第十四届全国人民代表大会…上, 我代表国务院).
  const congress = /在第[一二三四五六七八九十\d]+届全国人民代表大会|我代表国务院/.exec(text.slice(0, 1200));
  if (congress) cues.push({ rule: 'region:national-congress', value: regionOf(null, 'national'), weight: 6, span: [congress.index, congress.index + congress[0].length], text: congress[0] });
  else if (!cues.length && /国务院|全国人民代表大会|全国人大/.test(text.slice(0, 300)) && !findPlaces(text, 0, Math.min(text.length, 300)).length) {
    cues.push({ rule: 'region:national-words', value: regionOf(null, 'national'), weight: 1, span: null, text: '全国人民代表大会' });
  }
  const region = decide(cues, null);
  const place = region.value?.code ? (places.get(region.value.code) ?? null) : null;
  return { region, place };
}

/** 绵阳市统计局 / 宁波市鄞州区人民政府门户网站 / 来源：某某县统计局: the place of the government organ whose site posts the page. */
const SITE_ORGAN = /^(?:(?:信息)?来源|发布机构)?[:：]?\s*([\u4e00-\u9fa5]{2,20}?)(?:人民政府|统计局|调查队|发展和改革局|发展和改革委员会|商务局|投资促进局|投资促进中心)/;
function siteOrganOf(head: HeadLine[]): string | null {
  for (const h of head.slice(0, 12)) {
    if (!isChrome(h.text)) continue;
    for (const part of h.text.split(/[\s\u3000]+/)) {
      const m = SITE_ORGAN.exec(part);
      if (m) return m[1]!;
    }
  }
  return null;
}

/** Where a news lead starts: past the furniture lines under the title (2024-05-22 08:15 来源：宿迁日报, 字号, captions), whose places are the site's. */
function leadStartOf(text: string, from: number): number {
  let at = from;
  for (let k = 0; k < 6 && at < text.length; k++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    if (line.trim() && !isChrome(line)) return at;
    if (nl < 0) break;
    at = nl + 1;
  }
  return from;
}

/** Three or more distinct counties in the text that share one parent (and none elsewhere): that parent. */
/** The places of the sentences in [from, to) that list things (two 、 or more): where counties are listed (霍山县32个、金寨县22个、…). */
function listedPlaces(text: string, from: number, to: number): PlaceMention[] {
  const out: PlaceMention[] = [];
  // From the sentence of the first 、 on (none: no list).
  const first = text.indexOf('、', from);
  if (first < 0 || first >= to) return out;
  let start = first;
  while (start > from && SENTENCE_END_CODES[text.charCodeAt(start - 1)] !== 1) start--;
  for (let s = start; s < to; ) {
    let e = s;
    let commas = 0;
    for (let c = text.charCodeAt(e); e < to && SENTENCE_END_CODES[c] !== 1; c = text.charCodeAt(++e)) if (c === 0x3001) commas++;
    if (commas >= 2) out.push(...findPlaces(text, s, e));
    s = e + 1;
  }
  return out;
}
const SENTENCE_END_CODES = new Uint8Array(65536);
for (const c of '。；;！？!?\n') SENTENCE_END_CODES[c.charCodeAt(0)] = 1;

function commonParent(mentions: PlaceMention[]): { place: Place; names: string[] } | null {
  const counties = new Map<string, Place>();
  for (const m of mentions) {
    const c = m.candidates.find((p) => p.level === 'county');
    if (c && m.candidates.length === 1) counties.set(c.code, c);
  }
  if (counties.size < 3) return null;
  const byParent = new Map<string, Place[]>();
  for (const c of counties.values()) if (c.parentCode) byParent.set(c.parentCode, [...(byParent.get(c.parentCode) ?? []), c]);
  const [code, members] = [...byParent.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!code || !members || members.length < 3 || members.length < counties.size * 0.75) return null;
  const parent = ancestors(members[0]!).find((a) => a.code === code);
  return parent ? { place: parent, names: members.map((m) => m.name) } : null;
}

/** 全市/全区/全县/全镇: the level the document speaks of itself in. */
function selfLevelOf(text: string): RegionLevel | null {
  const counts = new Map<RegionLevel, number>();
  const re = /全(省|市|州|区|县|旗|镇|乡)/g;
  const slice = text.slice(0, 4000);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const lvl = LEVEL_OF_SUFFIX[m[1]!]!;
    counts.set(lvl, (counts.get(lvl) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : null;
}

/** A year a title names, with or without 年 (青禾县2025工作报告). */
function titleYear(title: string | null): { year: number; text: string } | null {
  if (!title) return null;
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年|[\u4e00-\u9fa5])/.exec(title);
  return m ? { year: Number(m[1]), text: m[0] } : null;
}

/** The finest period a title names: 2022年上半年 -> 2022H1, 2016年1-6月 -> 2016H1, 今年1-8月 -> 2019M01-08. */
function titlePeriod(title: string, ctx: PeriodContext): string | null {
  const found = findPeriods(title, 0, title.length, ctx).filter((p) => !isSpan(p.period));
  const sub = found.find((p) => p.period.length > 4);
  const period = sub?.period ?? found[0]?.period ?? null;
  // 1-6月 is the first half.
  return period ? period.replace(/^(\d{4})M01-06$/, '$1H1') : null;
}

/**
 * The review and plan periods, weighed: section headings (一、2019年工作回顾,
 * 二、2020年工作安排), the title's period and year, the delivery date, and
 * for news the years the text reports on (报告回顾了2024年…, 为2025年…).
 * A work report plans the year it is delivered for and reviews the year
 * before (its review of a five-year span aside).
 */
function periodsOf(
  docType: DocType,
  sections: Section[],
  text: string,
  title: string | null,
  date: string | null,
  bodyStart: number,
): { review: Decision<string | null>; plan: Decision<string | null>; ctx: PeriodContext } {
  const bare: PeriodContext = { year: null, planYear: null };
  const review: Array<Cue<string | null>> = [];
  const plan: Array<Cue<string | null>> = [];
  const ty = titleYear(title);
  const dateYear = date ? Number(date.slice(0, 4)) : null;
  const dateMonth = date && date.length >= 7 ? Number(date.slice(5, 7)) : null;
  // Headings' relative words (今年, 下半年, 过去一年) in the years the title or the date suggest.
  const guess = ty?.year ?? dateYear;
  const headingCtx: PeriodContext = docType === 'work_report' && guess !== null ? { year: guess - 1, planYear: guess } : { year: guess, planYear: guess };
  const headed = sections.map((s) => ({ s, ...(s.heading ? headingYears(s.heading.text, s.kind === 'plan' ? { year: headingCtx.planYear, planYear: headingCtx.planYear } : headingCtx) : { period: null, span: null }) }));
  for (const { s, period, span } of headed) {
    if (!s.heading) continue;
    const at: [number, number] = [s.heading.start, s.heading.end];
    if (s.kind === 'review' && (period || span)) review.push({ rule: 'period:review-heading', value: period ?? span, weight: period ? 4 : 2, span: at, text: s.heading.text });
    if (s.kind === 'plan' && (period || span)) plan.push({ rule: 'period:plan-heading', value: period ?? span, weight: period ? 4 : 2, span: at, text: s.heading.text });
  }
  if (docType === 'investment_news') {
    const p = newsPeriod(text, date, bodyStart, title);
    return { review: single(p, p ? { rule: 'period:news-events', span: null, text: p } : null), plan: single(null, null), ctx: { year: yearOf(p), planYear: null } };
  }
  if (docType === 'work_report') {
    // The year it is delivered for: the title's, else the delivery date's.
    if (ty) plan.push({ rule: 'period:title-year', value: String(ty.year), weight: 5, span: null, text: ty.text });
    else if (dateYear && dateMonth !== null && dateMonth <= 6) plan.push({ rule: 'period:delivered-in', value: String(dateYear), weight: 3, span: null, text: date! });
    const p = decide(plan, null);
    const py = yearOf(p.value);
    if (py !== null) review.push({ rule: 'period:year-before-plan', value: String(py - 1), weight: 3, span: null, text: p.value! });
    // A five-year review heading speaks of the span; the report's review period is still the last year.
    for (const c of review) if (c.value && isSpan(c.value) && py !== null) c.weight = 0;
  } else if (docType === 'statistical_bulletin' || docType === 'midyear_report') {
    const tp = title ? titlePeriod(title, { year: dateYear, planYear: null }) : null;
    if (tp) review.push({ rule: 'period:title', value: docType === 'midyear_report' && /^\d{4}$/.test(tp) ? `${tp}H1` : tp, weight: 5, span: null, text: title! });
    else if (dateYear) review.push({ rule: 'period:dated', value: docType === 'midyear_report' ? `${dateYear}H1` : String(dateMonth !== null && dateMonth <= 3 ? dateYear - 1 : dateYear), weight: 2, span: null, text: date! });
    if (docType === 'midyear_report') {
      const r = decide(review, null).value;
      const y = yearOf(r);
      if (y !== null) plan.push({ rule: 'period:second-half', value: `${y}H2`, weight: 2, span: null, text: r! });
    }
  } else if (docType === 'plan_report' || docType === 'budget_report') {
    if (title) {
      // 关于2022年…执行情况与2023年…草案的报告: the first year reviewed, the draft's year planned.
      const found = findPeriods(title, 0, title.length, bare).filter((p) => !isSpan(p.period));
      const draft = found.find((p) => /草案|安排|计划(?!执行)/.test(title.slice(p.end, p.end + 24)) && !/^[^，,、与和及]{0,20}执行/.test(title.slice(p.end, p.end + 24)));
      const executed = found.find((p) => /执行|完成/.test(title.slice(p.end, p.end + 24)));
      if (executed) review.push({ rule: 'period:title-executed', value: executed.period, weight: 5, span: null, text: title.slice(executed.start, executed.end) });
      if (draft && draft !== executed) plan.push({ rule: 'period:title-draft', value: draft.period, weight: 5, span: null, text: title.slice(draft.start, draft.end) });
      if (!executed && found[0]) review.push({ rule: 'period:title', value: found[0].period, weight: 3, span: null, text: title });
    }
  } else {
    // News of a report (other): the year its report reviews and the year it plans.
    const lead = text.slice(0, 3000);
    const reviewed = /回顾了?[^。]{0,8}?((?:19|20)\d{2})年/.exec(lead) ?? /((?:19|20)\d{2})年[^。]{0,6}?(?:的工作|工作成果|以来)/.exec(lead);
    const planned = /(?:对|为|部署|安排)[^。]{0,8}?((?:19|20)\d{2})年[^。]{0,16}?(?:工作|发展|目标|任务|蓝图)/.exec(lead) ?? /((?:19|20)\d{2})年[^。]{0,20}?(?:主要)?预期目标/.exec(lead);
    if (reviewed) review.push({ rule: 'period:news-reviewed-year', value: reviewed[1]!, weight: 3, span: [reviewed.index, reviewed.index + reviewed[0].length], text: reviewed[0] });
    if (planned) plan.push({ rule: 'period:news-planned-year', value: planned[1]!, weight: 3, span: [planned.index, planned.index + planned[0].length], text: planned[0] });
    // Reported speech (报告中说，2024年…) and a year's targets (2025年…预期增长) when no 回顾/安排 names them.
    const spoken = /(?:报告中?(?:说|指出|显示|提到)|(?<![\u4e00-\u9fa5])他说)[,，:：]?\s*((?:19|20)\d{2})年/.exec(lead);
    if (spoken && !reviewed) review.push({ rule: 'period:reported-speech-year', value: spoken[1]!, weight: 3, span: [spoken.index, spoken.index + spoken[0].length], text: spoken[0] });
    const targeted = /((?:19|20)\d{2})年[^。]{0,30}?(?:预期|目标|力争|计划)/.exec(lead);
    if (targeted && !planned && (reviewed || spoken) && Number(targeted[1]) > Number((reviewed ?? spoken)![1])) {
      plan.push({ rule: 'period:targets-year', value: targeted[1]!, weight: 2, span: [targeted.index, targeted.index + targeted[0].length], text: targeted[0] });
    }
    // An untitled text that opens with its year (2023年是…, 2023年，…).
    const opening = /^\s*((?:19|20)\d{2})年(?:是|，|,|以来)/.exec(text.slice(bodyStart, bodyStart + 40));
    if (opening) review.push({ rule: 'period:opening-year', value: opening[1]!, weight: 2, span: [bodyStart, bodyStart + opening[0].length], text: opening[0] });
    const reviewedYear = reviewed?.[1] ?? spoken?.[1];
    if (reviewedYear && !planned && !targeted) plan.push({ rule: 'period:year-after-review', value: String(Number(reviewedYear) + 1), weight: 1, span: null, text: reviewedYear });
    if (planned && !reviewed) review.push({ rule: 'period:year-before-plan', value: String(Number(planned[1]) - 1), weight: 1, span: null, text: planned[1]! });
    if (!reviewed && !planned && title) {
      const tp = titlePeriod(title, bare);
      if (tp) review.push({ rule: 'period:title', value: tp, weight: 2, span: null, text: title });
    }
  }
  const r = decide(review, null);
  const p = decide(plan, null);
  let year = yearOf(r.value);
  let planYear = yearOf(p.value && isSpan(p.value) ? null : p.value);
  if (year !== null && r.value && isSpan(r.value)) year = yearOf(r.value.slice(5));
  if (year === null && dateYear !== null) year = docType === 'work_report' && dateMonth !== null && dateMonth <= 4 ? dateYear - 1 : dateYear;
  if (year === null && planYear !== null) year = planYear - 1;
  if (planYear === null && year !== null) planYear = docType === 'midyear_report' || docType === 'plan_report' || docType === 'statistical_bulletin' ? year : year + 1;
  let reviewDecision = r;
  if (!r.value && year !== null && docType !== 'other') reviewDecision = single(String(year), { rule: 'period:document-year', span: null, text: String(year) });
  let planDecision = p;
  if (!p.value && docType === 'work_report' && planYear !== null) planDecision = single(String(planYear), { rule: 'period:year-after-review', span: null, text: String(planYear) });
  return { review: reviewDecision, plan: planDecision, ctx: { year, planYear } };
}

/** The periods a heading names on its own, before the document's years are known. */
function headingYears(heading: string, ctx: PeriodContext): { period: string | null; span: string | null } {
  let period: string | null = null;
  let span: string | null = null;
  for (const p of findPeriods(heading, 0, heading.length, ctx)) {
    if (isSpan(p.period)) span ??= p.period;
    else period ??= p.period;
  }
  return { period, span };
}

/**
 * News reports events of some period: the year named most, and within it the
 * finest to-date span (前10个月 -> 2023M01-10). A future year (预计于2024年) does not count.
 */
function newsPeriod(text: string, posted: string | null = null, bodyStart = 0, title: string | null = null): string | null {
  // The lead tells the period of the events; later paragraphs add background and outlook.
  const found = findPeriods(text, 0, Math.min(text.length, 2000), { year: null, planYear: null }).filter((p) => {
    const before = text.slice(Math.max(0, p.start - 4), p.start);
    return !/预计|计划|将于|力争|到$|至$/.test(before) && !isSpan(p.period);
  });
  const count = new Map<number, number>();
  for (const p of found) count.set(yearOf(p.period)!, (count.get(yearOf(p.period)!) ?? 0) + 1);
  // 5月21日，…项目正式投产 with no year: the lead's event is in the year it was posted, not in a background year (2022年10月签约).
  const leadStart = leadStartOf(text, bodyStart);
  const leadEnd = text.indexOf('。', leadStart);
  const lead = text.slice(leadStart, leadEnd < 0 ? Math.min(text.length, leadStart + 200) : leadEnd);
  const day = /(?<![\d年])(\d{1,2})月(\d{1,2})日/.exec(lead);
  const postedDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(posted ?? '');
  let leadYear: number | null = null;
  if (day && postedDay && !/(?:19|20)\d{2}\s*年/.test(lead.slice(0, day.index)) && Number(day[1]) * 100 + Number(day[2]) <= Number(postedDay[2]) * 100 + Number(postedDay[3])) {
    leadYear = Number(postedDay[1]);
    count.set(leadYear, (count.get(leadYear) ?? 0) + 2);
  }
  const postedYear = postedDay ? Number(postedDay[1]) : null;
  // 1—5月全市招商引资工作进展情况, posted 2024-06-12: the title's to-date span without a year is in the year reported (or posted, when the text names none).
  const titleSpan = (y: number): string | null => {
    const own = title ? findPeriods(title, 0, title.length, { year: y, planYear: null }).find((p) => /M01-\d\d$|H1$|Q1$/.test(p.period) && yearOf(p.period) === y) : undefined;
    return own ? own.period.replace(/^(\d{4})M01-06$/, '$1H1') : null;
  };
  if (!count.size) return postedYear !== null ? titleSpan(postedYear) : null;
  // A tie with background years (2023年2月签约、2023年5月开工 under 11月8日，…投产): the lead's year.
  const year = [...count.entries()].sort((a, b) => b[1] - a[1] || Number(b[0] === leadYear) - Number(a[0] === leadYear) || a[0] - b[0])[0]![0];
  const sub = found.filter((p) => yearOf(p.period) === year && p.period !== String(year));
  const toDate = sub.find((p) => /M01-\d\d$|H1$|Q1$/.test(p.period));
  if (!toDate && year === postedYear) {
    const own = titleSpan(year);
    if (own) return own;
  }
  return toDate ? toDate.period.replace(/^(\d{4})M01-06$/, '$1H1') : String(year);
}

/** Every document-level decision, read from the text's lines and sections. */
export function decideMeta(text: string, lines: Line[], sections: Section[]): MetaDecisions {
  // The disclosure block (索引号, 发布机构, ...) above a portal page's title is read on its own; the rest is read without it.
  const block = findDisclosure(text, lines);
  const disclosure = block?.disclosure ?? null;
  const head = headLinesOf(text, lines, block ? block.lines : null);
  const sp = speakerOf(head);
  const { title, tag, line: titleLine } = titleOf(head, sp?.line ?? null, disclosure?.title ?? null);
  const bodyStart = titleLine ? titleLine.line.end : block ? lines[block.lines[1]]!.end : 0;
  const headings = sections.flatMap((s) => (s.heading ? [s.heading.text] : []));
  const docType = docTypeOf(
    { title: title.value, tag, lead: [bodyStart, Math.min(text.length, bodyStart + 600)], headings, disclosure: [disclosure?.publisher, disclosure?.subject, disclosure?.keywords].filter(Boolean).join(' ') },
    text,
  );
  const meetingLine = head.slice(0, 16).find((h) => MEETING_LINE.test(h.text) && /会议|大会/.test(h.text)) ?? null;
  // A news lead's date (1月15日，…开幕) takes its year from the years the report speaks of.
  const leadYear = (): number | null => periodsOf(docType.value, sections, text, title.value, null, bodyStart).ctx.planYear;
  const { date, published } = dateOf(text, head, lines, disclosure, leadYear);
  const { region, place } = regionOfDocument(text, {
    title: title.value,
    tag,
    speakerLine: sp?.line.text ?? null,
    meetingLine,
    disclosure,
    bodyStart,
    selfLevel: selfLevelOf(text),
    site: siteOrganOf(head),
  });
  const periods = periodsOf(docType.value, sections, text, title.value, date.value, bodyStart);
  return {
    title,
    tag,
    docType,
    date,
    published,
    region,
    place,
    speaker: sp?.speaker ?? null,
    disclosure,
    review: periods.review,
    plan: periods.plan,
    periodCtx: periods.ctx,
  };
}

export function metaOf(d: MetaDecisions): Meta {
  return {
    title: d.title.value,
    doc_type: d.docType.value,
    region: d.region.value,
    date: d.date.value,
    review_period: d.review.value,
    plan_period: d.plan.value,
    speaker: d.speaker,
    disclosure: d.disclosure,
  };
}

export function regionNames(place: Place | null): string[] {
  if (!place) return [];
  return [place.name, ...shortNames(place)];
}

export { isRedacted };
