// Dates as documents write them: 2020年7月31日, 2020-07-31, 2020.7.31, and the
// scraped forms where 年/月 were lost: 2022211日 is 2022-02-11, and
// 2021年8月31****人大 (日 lost to redaction) is 2021-08-31.
import { readChinese } from './numbers.js';
import { pad2 } from './periods.js';
import { firstNotBefore } from './search.js';

export interface DateMatch {
  date: string;
  start: number;
  end: number;
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 211 -> month 2, day 11; 1011 -> 10-11; among readings the first valid one (1-digit month first). */
function splitMonthDay(y: number, digits: string): [number, number] | null {
  for (const ml of [1, 2]) {
    if (digits.length - ml < 1 || digits.length - ml > 2) continue;
    const m = Number(digits.slice(0, ml));
    const d = Number(digits.slice(ml));
    if (digits[ml] === '0' && digits.length - ml === 1) continue;
    if (valid(y, m, d)) return [m, d];
  }
  return null;
}

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => string | null }> = [
  {
    // 2020年7月31日, 2020年7月31 (日 lost), 2020 年 7 月 31 日
    re: /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?:\s*日|(?!\d))/g,
    read: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return valid(y, mo, d) ? iso(y, mo, d) : null;
    },
  },
  {
    // 2020-07-31, 2020/7/31, 2020.07.31
    re: /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g,
    read: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return valid(y, mo, d) ? iso(y, mo, d) : null;
    },
  },
  {
    // 二〇二一年一月八日: the signature date of an official document
    re: /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g,
    read: (m) => {
      const y = Number([...m[1]!].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
      const [mo, d] = [readChinese(m[2]!, 0)?.value ?? 0, readChinese(m[3]!, 0)?.value ?? 0];
      return valid(y, mo, d) ? iso(y, mo, d) : null;
    },
  },
  {
    // 2022211日: 年 and 月 lost
    re: /(?<!\d)((?:19|20)\d{2})(\d{2,4})日/g,
    read: (m) => {
      const y = Number(m[1]);
      const md = splitMonthDay(y, m[2]!);
      return md ? iso(y, md[0], md[1]) : null;
    },
  },
];

/** Every full date in [from, to), in text order. */
export function findDates(text: string, from = 0, to = text.length): DateMatch[] {
  const slice = text.slice(from, to);
  // The dates of the patterns before, in text order (they do not overlap): a match of a later pattern
  // that overlaps one of them is dropped. Looked up by bisection, so a line of many dates stays linear.
  let out: DateMatch[] = [];
  for (const { re, read } of PATTERNS) {
    const found: DateMatch[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      const date = read(m);
      const start = from + m.index;
      const end = start + m[0].length;
      if (date && !overlapsAny(out, start, end)) found.push({ date, start, end });
    }
    if (found.length) out = out.concat(found).sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Whether [start, end) overlaps one of `sorted` (non-overlapping, in text order). */
function overlapsAny(sorted: readonly DateMatch[], start: number, end: number): boolean {
  const k = firstNotBefore(sorted.length, (i) => sorted[i]!.end <= start);
  return k < sorted.length && sorted[k]!.start < end;
}

/** The first date at the start of `s` (after spaces), or a year-month (2020年7月) when no day is given. */
export function parseDate(s: string): string | null {
  const d = findDates(s)[0];
  if (d) return d.date;
  const ym = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/.exec(s);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return `${ym[1]}-${pad2(Number(ym[2]))}`;
  return null;
}
