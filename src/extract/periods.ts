// The grammar of periods: 2020年, 2020年上半年, 二季度, 1-6月, 前10个月,
// “十三五”, 五年来, 全年, 今年以来, 到2025年 ... Each reader works at a position
// and returns where it stopped. A period is written as the spec says:
// `2020`, `2020H1`, `2020Q2`, `2020M01-05`, `2016-2020`.

import { canStartNumber, readChinese } from './numbers.js';
import { WordList } from './quantities.js';

/** What a document tells about its own time, used to give bare words (全年, 上半年) their year. */
export interface PeriodContext {
  /** The year the document reports results for (its review year). */
  year: number | null;
  /** The year it sets targets for. */
  planYear: number | null;
}

export interface PeriodMatch {
  period: string;
  start: number;
  end: number;
  /** `to` for 到2025年 / 至2025年 (an end point of a target or a change). */
  role: 'at' | 'to' | 'from' | 'since';
  /** The text named a five-year plan or a multi-year span. */
  span: boolean;
}

/** Characters a period expression can start with: a cheap reject for the scanners. */
const PERIOD_START_CHARS = [
  ...'0123456789',
  ...'从由到至“"‘\'「『',
  ...'一二三四五六七八九十两',
  ...'过近今年全本去上明来下第前当未',
];
const PERIOD_START = new Uint8Array(65536);
for (const c of PERIOD_START_CHARS) PERIOD_START[c.charCodeAt(0)] = 1;

type Relative = 'since' | 'year' | 'prev' | 'next';
/** Words that name a period relative to the document's year. */
const RELATIVE_WORDS: Array<[string, Relative]> = [
  ['今年以来', 'since'], ['年初以来', 'since'],
  ['全年', 'year'], ['今年', 'year'], ['一年来', 'year'], ['本年度', 'year'], ['年内', 'year'], ['过去一年', 'year'], ['过去的一年', 'year'], ['当年', 'year'],
  ['去年', 'prev'], ['上年', 'prev'],
  ['明年', 'next'], ['来年', 'next'],
];
const RELATIVE = new WordList(RELATIVE_WORDS);
const PLAN_START = new Set([...'“"‘「『十六七八九']);
const SUB_YEAR_START = new Set([...'0123456789上下第前一二三四五六七八九十']);

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function yearOf(period: string | null): number | null {
  if (!period) return null;
  const m = /^(\d{4})/.exec(period);
  return m ? Number(m[1]) : null;
}

/** The last year a period covers: `2016-2020` -> 2020. */
export function lastYearOf(period: string): number {
  const m = /-(\d{4})$/.exec(period);
  return m ? Number(m[1]) : Number(period.slice(0, 4));
}

export function isSpan(period: string): boolean {
  return /^\d{4}-\d{4}$/.test(period);
}

/** “十三五” -> 2016-2020: the Nth five-year plan starts in 1951 + 5N (valid from the 6th, 1981). */
export function fiveYearPlan(n: number): string {
  const start = 1951 + 5 * n;
  return `${start}-${start + 4}`;
}

const PLAN_RE = /^[“"‘'「『]?(十[一二三四五六七八九]?|[六七八九])五[”"’'」』]?/;

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Four digits 19xx/20xx at `pos` that are not the tail of a longer number: the year, else -1. */
function fourDigitYear(text: string, pos: number): number {
  const prev = text.charCodeAt(pos - 1);
  if ((prev >= 48 && prev <= 57) || prev === 46) return -1;
  const a = digit(text, pos), b = digit(text, pos + 1), c = digit(text, pos + 2), d = digit(text, pos + 3);
  if (c < 0 || d < 0 || !((a === 1 && b === 9) || (a === 2 && b === 0))) return -1;
  return 1000 * a + 100 * b + 10 * c + d;
}

function readYear(text: string, pos: number): { year: number; end: number } | null {
  // Four Arabic digits followed by 年 (2020年), not 年代; not part of a longer number.
  const year = fourDigitYear(text, pos);
  if (year < 0 || text[pos + 4] !== '年' || text[pos + 5] === '代') return null;
  return { year, end: pos + 5 };
}

function monthNumber(text: string, pos: number): { n: number; end: number } | null {
  const m = /^(1[0-2]|0?[1-9])/.exec(text.slice(pos, pos + 2));
  if (m) return { n: Number(m[1]), end: pos + m[0].length };
  // A month in numerals is at most three characters (十二, 一十二): a longer run of numerals is not read
  // here, so a run of 一二三四... costs constant time at each of its positions, not its length.
  if (isNumeral(text[pos + 3]) && isNumeral(text[pos + 2]) && isNumeral(text[pos + 1])) return null;
  const c = readChinese(text, pos);
  if (c && c.value >= 1 && c.value <= 12) return { n: c.value, end: c.end };
  return null;
}

function isNumeral(ch: string | undefined): boolean {
  return canStartNumber(ch) || ch === '万' || ch === '萬' || ch === '亿' || ch === '億';
}

/**
 * A sub-year part after a year, or on its own: 上半年, 下半年, 一季度, 第二季度,
 * 1-6月, 1至10月, 前10个月, 一季度, 3月份. Returns the suffix of the period code.
 */
function readSubYear(text: string, pos: number): { code: string; end: number } | null {
  const ch = text[pos]!;
  if (ch === '上' || ch === '下') {
    if (text.startsWith('半年', pos + 1)) return { code: ch === '上' ? 'H1' : 'H2', end: pos + 3 };
    return null;
  }
  let m: RegExpExecArray | null;
  if (ch === '第' || text[pos + 1] === '季') {
    if ((m = /^第?([一二三四1-4])季度/.exec(text.slice(pos, pos + 5)))) return { code: `Q${QUARTER[m[1]!]}`, end: pos + m[0].length };
    return null;
  }
  if (ch === '前') {
    if ((m = /^前([一二三123])季度/.exec(text.slice(pos, pos + 5)))) return { code: `M01-${pad2(3 * QUARTER[m[1]!]!)}`, end: pos + m[0].length };
    if ((m = /^前([一二三四五六七八九十]{1,2}|1[0-2]|[1-9])个月/.exec(text.slice(pos, pos + 6)))) {
      const n = monthNumber(m[1]!, 0)?.n ?? 0;
      if (n >= 1) return { code: n === 1 ? 'M01' : `M01-${pad2(n)}`, end: pos + m[0].length };
    }
    return null;
  }
  if (text.startsWith('1-6月', pos) || text.startsWith('1—6月', pos) || text.startsWith('1～6月', pos) || text.startsWith('1至6月', pos)) return { code: 'H1', end: pos + 4 };
  if (text.startsWith('一至六月', pos)) return { code: 'H1', end: pos + 4 };
  // 1-5月, 1至10月, 1—10月, 一至五月
  const a = monthNumber(text, pos);
  if (a) {
    const sep = text[a.end];
    if (sep === '-' || sep === '—' || sep === '－' || sep === '至' || sep === '到' || sep === '～' || sep === '~') {
      const b = monthNumber(text, a.end + 1);
      if (b && text[b.end] === '月' && b.n > a.n) {
        const code = a.n === 1 ? `M01-${pad2(b.n)}` : `M${pad2(a.n)}-${pad2(b.n)}`;
        return { code, end: b.end + 1 };
      }
    } else if (sep === '月' && text[a.end + 1] !== '日' && !/^\d/.test(text[a.end + 1] ?? '')) {
      // 6月, 6月份 (a single month); not 7月31日, a date.
      const end = text[a.end + 1] === '份' ? a.end + 2 : a.end + 1;
      return { code: `M${pad2(a.n)}`, end };
    }
  }
  return null;
}

/** Combine a year and a sub-year code into a period. M01-06 is written H1 (上半年 = 1-6月). */
function periodCode(year: number, sub: string): string {
  if (sub === 'M01-06') return `${year}H1`;
  if (sub === 'M01-03') return `${year}Q1`;
  return `${year}${sub}`;
}

/**
 * Reads one period expression at `pos`. Bare words take their year from the
 * context; when no year is known they are not read (no period).
 */
export function readPeriod(text: string, pos: number, ctx: PeriodContext): PeriodMatch | null {
  const ch = text[pos];
  if (ch === undefined || !PERIOD_START[text.charCodeAt(pos)]) return null;
  // 从2015年, 由2010年, 到2025年, 至2025年: the role word is part of the match.
  if (isRoleWord(ch)) {
    // The first role word says the role (从到2015年 is a from); a run of more than three is no period.
    // Read in a loop, not by recursion, and bounded, so a long run of 从从从... costs neither stack nor time.
    let k = pos + 1;
    while (k < pos + 3 && isRoleWord(text[k])) k++;
    if (isRoleWord(text[k])) return null;
    const inner = readPeriodAt(text, k, ctx);
    if (inner && !inner.span) return { ...inner, start: pos, role: ch === '从' || ch === '由' ? 'from' : 'to' };
    return null;
  }
  return readPeriodAt(text, pos, ctx);
}

function isRoleWord(ch: string | undefined): boolean {
  return ch === '到' || ch === '至' || ch === '从' || ch === '由';
}

/** readPeriod without a role word at `pos`. */
function readPeriodAt(text: string, pos: number, ctx: PeriodContext): PeriodMatch | null {
  const ch = text[pos];
  if (ch === undefined || !PERIOD_START[text.charCodeAt(pos)] || isRoleWord(ch)) return null;
  const digits = ch >= '0' && ch <= '9';
  if (digits && fourDigitYear(text, pos) < 0) return readSubYearPeriod(text, pos, ctx);
  // 2016-2020年, 2016年至2020年
  const span = digits ? /^((?:19|20)\d{2})年?\s*(?:-|—|－|至|到|～|~)\s*((?:19|20)\d{2})年/.exec(text.slice(pos, pos + 14)) : null;
  if (span && Number(span[2]) > Number(span[1])) {
    return { period: `${span[1]}-${span[2]}`, start: pos, end: pos + span[0].length, role: 'at', span: true };
  }
  let y = digits ? readYear(text, pos) : null;
  // 2021上半年: a 年 lost in scraping before a part of the year.
  if (!y && digits && fourDigitYear(text, pos) >= 0 && /^(上半年|下半年|第?[一二三四]季度)/.test(text.slice(pos + 4, pos + 8))) {
    y = { year: fourDigitYear(text, pos), end: pos + 4 };
  }
  if (y) {
    const sub = readSubYear(text, y.end);
    if (sub) return withSince(text, { period: periodCode(y.year, sub.code), start: pos, end: sub.end, role: 'at', span: false });
    // 2021年全年
    let end = y.end;
    if (text.startsWith('全年', end)) end += 2;
    else if (text.startsWith('年度', end - 1)) end += 1;
    return withSince(text, { period: String(y.year), start: pos, end, role: 'at', span: false });
  }
  if (PLAN_START.has(ch)) {
    const plan = PLAN_RE.exec(text.slice(pos, pos + 6));
    if (plan) {
      const n = readChinese(plan[1]!, 0)?.value ?? 0;
      if (n >= 6) {
        let end = pos + plan[0].length;
        const tail = /^(?:时期|期间|规划期|以来|期)/.exec(text.slice(end, end + 3));
        if (tail) end += tail[0].length;
        // A bare 十三五 must be followed by a period word or be quoted, not be 十三五个.
        if (!tail && !/[“"‘「]/.test(ch) && !/^[”"’」]/.test(text.slice(end - 1, end))) return null;
        return { period: fiveYearPlan(n), start: pos, end, role: 'at', span: true };
      }
    }
  }
  const years = yearsBack(text, pos, ctx);
  if (years) return years;
  const rel = RELATIVE.at(text, pos);
  if (rel) {
    const end = rel.end;
    const kind = rel.value;
    if (kind === 'prev' && text.startsWith('同期', end)) return null;
    const year = kind === 'next' ? ctx.planYear ?? (ctx.year === null ? null : ctx.year + 1) : ctx.year;
    if (year === null) return null;
    if (kind === 'prev') return { period: String(year - 1), start: pos, end, role: 'at', span: false };
    return { period: String(year), start: pos, end, role: kind === 'since' ? 'since' : 'at', span: false };
  }
  return readSubYearPeriod(text, pos, ctx);
}

/**
 * 过去四年, 近三年, 五年来, 过去的五年: the N years up to the document's year (a new term's review of 4 or 5 years);
 * a bare count before what it measures (五年年均增长5.2%, 两年平均增长6.1%, 十年增加近70万亿元, 五年累计); 今后五年, 未来五年:
 * the N years from the plan year on.
 */
const YEARS_BACK = /^(?:(过去的?|近)([二两三四五六七八九十]|\d{1,2})年(?:来|间|里)?|([二两三四五六七八九十]|\d{1,2})年来|([二两三四五六七八九十]|\d{1,2})年(?=年均|平均|累计|共计|增加|增长))/;
const YEARS_AHEAD = /^(?:今后|未来)的?([二两三四五六七八九十]|\d{1,2})年(?:内|间|里)?/;
function yearsBack(text: string, pos: number, ctx: PeriodContext): PeriodMatch | null {
  const c = text[pos]!;
  if (c !== '过' && c !== '近' && c !== '今' && c !== '未' && !/[二两三四五六七八九十\d]/.test(c)) return null;
  const ahead = c === '今' || c === '未' ? YEARS_AHEAD.exec(text.slice(pos, pos + 8)) : null;
  const m = ahead ?? YEARS_BACK.exec(text.slice(pos, pos + 8));
  if (!m || ctx.year === null) return null;
  // 连续十年增长, 第五年: a count of years, not a span the figure covers.
  if (!ahead && !m[1] && /[续第]/.test(text[pos - 1] ?? '')) return null;
  const word = ahead ? m[1]! : m[2] ?? m[3] ?? m[4]!;
  const n = /\d/.test(word) ? Number(word) : word === '两' ? 2 : (readChinese(word, 0)?.value ?? 0);
  if (n < 2 || n > 10) return null;
  const end = pos + m[0].length;
  if (ahead) {
    const first = ctx.planYear ?? ctx.year + 1;
    return { period: `${first}-${first + n - 1}`, start: pos, end, role: 'at', span: true };
  }
  return { period: `${ctx.year - n + 1}-${ctx.year}`, start: pos, end, role: 'at', span: true };
}

/** 上半年, 二季度, 1-9月 without a year: the context's year. */
function readSubYearPeriod(text: string, pos: number, ctx: PeriodContext): PeriodMatch | null {
  if (ctx.year === null || !SUB_YEAR_START.has(text[pos]!)) return null;
  const sub = readSubYear(text, pos);
  // A bare month (6月) is too often a date or a deadline; only spans and halves/quarters count.
  if (!sub || /^M\d{2}$/.test(sub.code)) return null;
  return withSince(text, { period: periodCode(ctx.year, sub.code), start: pos, end: sub.end, role: 'at', span: false });
}

/** 2021年以来 / 上半年以来: the period up to now. */
function withSince(text: string, m: PeriodMatch): PeriodMatch {
  if (text.startsWith('以来', m.end)) return { ...m, end: m.end + 2, role: 'since' };
  return m;
}

/** Every period expression in [from, to), left to right, without overlaps. */
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function findPeriods(text: string, from: number, to: number, ctx: PeriodContext): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    // A period starts at a number's first digit, never inside it (2021年 at 2, not at 021).
    if (!PERIOD_START[c] || (c >= 48 && c <= 57 && i > from && isDigitCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const m = readPeriod(text, i, ctx);
    if (m && m.end <= to) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}
