// Layout variants: a document's plain text rewritten as real scrapes lay it
// out. Each variant changes the layout and nothing a reader would take as
// content, so the extraction of a variant must be the extraction of the plain
// text (src/extract/layout-parity.test.ts, npm run layout). Deterministic: the
// same text and plain extraction give the same variant.
//
//   joined       line breaks inside the prose lost: paragraphs, headings and
//                their paragraphs run together (…提出意见。一、2020年工作回顾2020年，…)
//   site-tag     a portal's tag naming another place before the title (【青禾县招商】…)
//   chrome       portal furniture above the title: breadcrumb, 字号, 打印本页, date/source line
//   punctuation  full-width and half-width punctuation swapped (，↔, ：↔: （）↔() …)
//   emoji        an emoji after the title and after each heading (二、2021年工作安排🎯)
//   wrapped      the prose hard-wrapped at one printed width, as a PDF's text or a page
//                with a <br> after every printed line gives it (…总值120.5亿元，增⏎长6.1%)

import { normalizeText } from '../extract/normalize.js';

export const LAYOUT_VARIANTS = ['joined', 'site-tag', 'chrome', 'punctuation', 'emoji', 'wrapped'] as const;
export type LayoutVariant = (typeof LAYOUT_VARIANTS)[number];

/** What a variant needs to know of the plain text's extraction. */
export interface PlainMeta {
  title: string | null;
  region: { name: string | null } | null;
  date: string | null;
}

/** A variant of one document, or why the variant does not apply to it. */
export type LayoutText = { text: string } | { skipped: string };

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** The line without its line break. */
  body: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const body of text.split('\n')) {
    out.push({ start, body });
    start += body.length + 1;
  }
  return out;
}

/** Folded for comparing titles and lines: no spaces, half-width punctuation as full-width. */
export function fold(s: string): string {
  return s.replace(/\s+/g, '').replace(/[,:;()!?]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** The index of the line that holds the title (the first non-empty line when there is no title or no such line). */
export function titleLine(lines: readonly Line[], title: string | null): number {
  if (title) {
    const t = fold(title);
    const i = lines.findIndex((l) => t.length > 0 && fold(l.body).includes(t));
    if (i >= 0) return i;
  }
  const i = lines.findIndex((l) => l.body.trim() !== '');
  return i < 0 ? 0 : i;
}

/** A line laid out as a table row (cells between bars or tabs): a scrape keeps its rows apart. */
function isTableRow(body: string): boolean {
  return /\||\t/.test(body);
}

/** A line that holds only a date or a time (2025-07-09, 2023年01月10日): the page's, not the prose's. */
function isBareDate(body: string): boolean {
  return /^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/.test(body);
}

/**
 * 1. The line breaks inside the prose lost: from the first paragraph (the
 * first line after the title with a comma or a full stop) on, every line runs into the one before,
 * headings into their paragraphs. What comes before (title, speaker, date
 * and chrome lines), table rows and lines holding only a date stay apart.
 */
function joined(text: string, plain: PlainMeta): LayoutText {
  const lines = linesOf(text);
  const title = plain.title === null ? -1 : titleLine(lines, plain.title);
  let first = lines.findIndex((l, i) => i > title && /[。，,；;]/.test(l.body) && !isTableRow(l.body));
  if (first < 0) first = lines.length;
  const head = lines.slice(0, first).map((l) => l.body);
  const out: string[] = [];
  let run = '';
  for (const l of lines.slice(first)) {
    if (isTableRow(l.body) || isBareDate(l.body)) {
      if (run) out.push(run);
      out.push(l.body);
      run = '';
    } else run += l.body.trim();
  }
  if (run) out.push(run);
  const result = [...head, ...out].join('\n');
  return result === text ? { skipped: 'no line break inside the body' } : { text: result };
}

/** Places a portal's tag may name: real counties far from one another, and an invented one. */
const TAG_PLACES = ['青禾县', '天心区', '青羊区', '萧山区', '南海区', '海淀区'] as const;
/** What a tag names after its place; a tag already there keeps its own (【邵阳招商】 → 【天心区招商】), a new one says 招商. */
const TAG_KINDS = ['招商', '要闻', '政务', '新闻', '动态', '发布'] as const;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The place name without its level (芙蓉区 → 芙蓉, 湖南省 → 湖南), to find it in a title. */
function shortName(name: string): string {
  const short = name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|省|市|区|县|州|盟|旗|乡|镇)$/, '');
  return short.length >= 2 ? short : name;
}

/** A place the text does not mention, picked by the document's name. */
function otherPlace(text: string, doc: string): string {
  const k = hash(doc);
  for (let i = 0; i < TAG_PLACES.length; i++) {
    const place = TAG_PLACES[(k + i) % TAG_PLACES.length]!;
    if (!text.includes(place) && !text.includes(shortName(place))) return place;
  }
  return TAG_PLACES[0];
}

/** 2. A site's tag naming another place before the title (a tag already there is replaced). */
function siteTag(text: string, plain: PlainMeta, doc: string): LayoutText {
  const region = plain.region?.name;
  if (!plain.title) return { skipped: 'no title' };
  // Only when the title names the place: else the tag's place may rightly be the region (EXTRACTION.md, meta.title).
  // (A Traditional reprint's title names 洛陽 where the region is 洛阳市: read it as the rules do.)
  if (!region || !normalizeText(plain.title).text.includes(shortName(region))) return { skipped: 'the title names no place of the region' };
  const lines = linesOf(text);
  const t = titleLine(lines, plain.title);
  const line = lines[t]!;
  const indent = /^\s*/.exec(line.body)![0];
  const body = line.body.slice(indent.length);
  const old = /^【([^】\n]{1,20})】/.exec(body);
  const kind = TAG_KINDS.find((k) => old?.[1]!.endsWith(k)) ?? '招商';
  const rest = old ? body.slice(old[0].length) : body;
  const tag = `【${otherPlace(text, doc)}${kind}】`;
  return { text: text.slice(0, line.start) + indent + tag + rest + text.slice(line.start + line.body.length) };
}

/** 3. Portal furniture above the title. The date line gives the plain text's own date, or no date. */
function chrome(text: string, plain: PlainMeta): LayoutText {
  const lines = linesOf(text);
  const t = titleLine(lines, plain.title);
  const dated = plain.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(plain.date);
  const furniture = [
    '您现在所在的位置: 首页>信息公开>正文',
    '字号：大 中 小',
    '打印本页 关闭窗口',
    dated ? `发布时间：${plain.date}  来源：本站  浏览次数：1024` : '来源：本站  浏览次数：1024',
    '',
  ].join('\n');
  const at = lines[t]!.start;
  return { text: text.slice(0, at) + furniture + '\n' + text.slice(at) };
}

const FULL_TO_HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?', '％': '%', '“': '"', '”': '"', '‘': "'", '’': "'" };
const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？', '%': '％' };
const DIGIT = /[0-9０-９]/;

/**
 * 4. Full-width and half-width punctuation swapped, as a page typed in the
 * other width gives it: ，→, and ,→， and so on. A comma or colon between
 * digits (1,234 or 10:30) is a number's, and stays; a straight quote becomes
 * “ or ” in turn.
 */
function punctuation(text: string): LayoutText {
  let out = '';
  let open = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const between = i > 0 && DIGIT.test(text[i - 1]!) && DIGIT.test(text[i + 1] ?? '');
    if ((c === ',' || c === ':') && between) out += c;
    else if (c === '"') {
      out += open ? '“' : '”';
      open = !open;
    } else out += FULL_TO_HALF[c] ?? HALF_TO_FULL[c] ?? c;
  }
  return out === text ? { skipped: 'no punctuation' } : { text: out };
}

/** A section heading: 一、… （一）… 第一部分 …, short, not a sentence. */
const HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}(?:部分|章))[^。\n]{1,40}$/;
const EMOJI = ['🎯', '📌', '✅', '🔥', '🚀', '💪'] as const;

/** 5. An emoji after the title and after each section heading. */
function emoji(text: string, plain: PlainMeta, doc: string): LayoutText {
  const lines = linesOf(text);
  // Without a title the plain text has no line to decorate as one.
  const t = plain.title === null ? -1 : titleLine(lines, plain.title);
  let k = hash(doc);
  const out = lines.map((l, i) => {
    if (i !== t && !HEADING.test(l.body)) return l.body;
    const trimmed = l.body.trimEnd();
    if (trimmed === '') return l.body;
    return trimmed + EMOJI[k++ % EMOJI.length]! + l.body.slice(trimmed.length);
  });
  return { text: out.join('\n') };
}

/** Columns a character takes on a printed page: Han, CJK punctuation and full-width forms two. */
function columns(c: string): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c) ? 2 : 1;
}

/** Punctuation a printed line does not begin with: it stays at the end of the line before (kinsoku). */
const NO_LINE_START = new Set([...'，。、；：？！）》”’%,.;:?!)']);

/** The printed width of the wrap, picked by the document's name: 30 to 45 Han characters a line. */
const WRAP_WIDTHS = [60, 66, 70, 76, 84, 90] as const;

/**
 * 6. The prose hard-wrapped: every line after the title wider than the
 * page is broken at the page's width, inside words and numbers; punctuation
 * is not put at a line's start. Table rows stay whole.
 */
function wrapped(text: string, plain: PlainMeta, doc: string): LayoutText {
  const width = WRAP_WIDTHS[hash(doc) % WRAP_WIDTHS.length]!;
  const lines = linesOf(text);
  const title = titleLine(lines, plain.title);
  const out = lines.map((l, i) => {
    if (i <= title || isTableRow(l.body)) return l.body;
    const parts: string[] = [];
    let cur = '';
    let w = 0;
    for (const c of l.body) {
      if (w + columns(c) > width && cur && !NO_LINE_START.has(c)) {
        parts.push(cur);
        cur = '';
        w = 0;
      }
      cur += c;
      w += columns(c);
    }
    parts.push(cur);
    return parts.join('\n');
  });
  const result = out.join('\n');
  return result === text ? { skipped: 'no line wider than the page' } : { text: result };
}

/** The document `doc` (its plain text and that text's extraction) laid out as `variant`. */
export function layoutVariant(variant: LayoutVariant, text: string, plain: PlainMeta, doc: string): LayoutText {
  switch (variant) {
    case 'joined':
      return joined(text, plain);
    case 'site-tag':
      return siteTag(text, plain, doc);
    case 'chrome':
      return chrome(text, plain);
    case 'punctuation':
      return punctuation(text);
    case 'emoji':
      return emoji(text, plain, doc);
    case 'wrapped':
      return wrapped(text, plain, doc);
  }
}
