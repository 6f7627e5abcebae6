// The grammar of numbers as Chinese reports write them: Arabic digits (also
// full-width), decimals, thousands separators, Chinese numerals (十二, 两千,
// 一百零五), the scale words 万/亿 that may follow either kind (670.68亿,
// 十四亿), and the approximation words around them (近, 约, 余, 多).
//
// Every reader works at a position of the text and returns where it stopped,
// so callers keep exact offsets into the original text.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** The same tables by code unit (-1 / 0: none), for the readers' inner loops. */
const DIGIT_OF = new Int8Array(65536).fill(-1);
for (const [ch, v] of Object.entries(DIGIT)) DIGIT_OF[ch.charCodeAt(0)] = v;
const SMALL_UNIT_OF = new Int16Array(65536);
for (const [ch, v] of Object.entries(SMALL_UNIT)) SMALL_UNIT_OF[ch.charCodeAt(0)] = v;

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Full-width digits and signs count as their ASCII forms: ０-９ ． ％ ， */
export function asciiOf(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
  if (ch === '．') return '.';
  if (ch === '％') return '%';
  return ch;
}

function digitAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function isPointAt(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '.' || ch === '．';
}

export interface NumberMatch {
  value: number;
  start: number;
  end: number;
  /** The number had a scale word (万, 亿, 万亿) after its digits; `value` does not include it. */
  scale: '' | '万' | '亿' | '万亿';
}

/**
 * Arabic number at `pos`: 670.68, 1,234.5, ６.５. Thousands commas are read only
 * in groups of three digits, so `8.6%,8.42%` and `26756元、10046元` stay apart.
 */
export function readArabic(text: string, pos: number): { value: number; end: number } | null {
  let i = pos;
  if (digitAt(text, i) < 0) return null;
  let s = '';
  while (digitAt(text, i) >= 0) s += String(digitAt(text, i++));
  // 1,234,567: a comma followed by exactly three digits and then a non-digit.
  const leadingGroup = s.length <= 3;
  while (leadingGroup && text[i] === ',' && digitAt(text, i + 1) >= 0 && digitAt(text, i + 2) >= 0 && digitAt(text, i + 3) >= 0 && digitAt(text, i + 4) < 0) {
    s += String(digitAt(text, i + 1)) + String(digitAt(text, i + 2)) + String(digitAt(text, i + 3));
    i += 4;
  }
  if (isPointAt(text, i) && digitAt(text, i + 1) >= 0) {
    s += '.';
    i++;
    while (digitAt(text, i) >= 0) s += String(digitAt(text, i++));
  }
  return { value: Number(s), end: i };
}

/**
 * Chinese numeral at `pos` without the big scale words: 十二, 一百零五, 两千三百, 三.
 * Returns null when no numeral character starts here.
 */
function readChineseSmall(text: string, pos: number): { value: number; end: number } | null {
  let i = pos;
  let total = 0;
  let digit = -1;
  let seen = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const d = DIGIT_OF[c]!;
    if (d >= 0) {
      digit = d;
      seen = true;
      i++;
    } else if (SMALL_UNIT_OF[c]! > 0) {
      // 十 alone at the start means 一十.
      total += (digit < 0 ? 1 : digit) * SMALL_UNIT_OF[c]!;
      digit = -1;
      seen = true;
      i++;
    } else break;
  }
  if (!seen) return null;
  if (digit > 0) {
    // 二百五 (=250): a trailing digit after a unit takes the next smaller unit.
    const prevUnit = i >= 2 ? SMALL_UNIT_OF[text.charCodeAt(i - 2)]! : 0;
    if (prevUnit > 0 && DIGIT_OF[text.charCodeAt(i - 1)]! >= 0 && !(text[i - 3] === '零')) {
      total += digit * (prevUnit / 10);
    } else total += digit;
  }
  return { value: total, end: i };
}

/** Chinese numeral with big scales inside it (三千五百万, 十四亿五千万), all as one value. */
export function readChinese(text: string, pos: number): { value: number; end: number } | null {
  let section = readChineseSmall(text, pos);
  if (!section) return null;
  let total = 0;
  let lastMult = Infinity;
  let i = section.end;
  for (;;) {
    const ch = text[i];
    if (ch === undefined || !(ch in BIG_UNIT)) break;
    let mult = BIG_UNIT[ch]!;
    let j = i + 1;
    if ((ch === '万' || ch === '萬') && (text[j] === '亿' || text[j] === '億')) {
      mult = 1e12;
      j++;
    }
    const next = readChineseSmall(text, j);
    if (next) {
      total += section.value * mult;
      lastMult = mult;
      section = next;
      i = next.end;
      continue;
    }
    // 十四亿五千万: a smaller scale closing the number belongs to it; a lone
    // trailing scale (十四亿) is left to the caller as the number's scale word.
    if (mult < lastMult && total > 0) {
      total += section.value * mult;
      return { value: total, end: j };
    }
    break;
  }
  return { value: total + section.value, end: i };
}

/**
 * A number with its scale word: 670.68亿, 十四亿, 1.49万, 12, 两千. `value` is as
 * written before the scale; `scale` says which scale word followed.
 */
export function readNumber(text: string, pos: number): NumberMatch | null {
  const n = readArabic(text, pos) ?? readChinese(text, pos);
  if (!n) return null;
  let end = n.end;
  let scale: NumberMatch['scale'] = '';
  const a = text[end];
  if (a === '万' || a === '萬') {
    scale = '万';
    end++;
    if (text[end] === '亿' || text[end] === '億') {
      scale = '万亿';
      end++;
    }
  } else if (a === '亿' || a === '億') {
    scale = '亿';
    end++;
  }
  return { value: n.value, start: pos, end, scale };
}

/** Characters that can start a number: ASCII or full-width digits, Chinese numerals. */
export function canStartNumber(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || DIGIT_OF[c]! >= 0 || SMALL_UNIT_OF[c]! > 0;
}

/** Render an integer in Chinese numerals (used by tests and fixtures): 105 -> 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n === 0) return '零';
  const digits = '零一二三四五六七八九';
  const small = (x: number): string => {
    // x < 10000
    const parts: string[] = [];
    const units = ['千', '百', '十', ''];
    const values = [1000, 100, 10, 1];
    let zero = false;
    let started = false;
    for (let k = 0; k < 4; k++) {
      const d = Math.floor(x / values[k]!) % 10;
      if (d === 0) {
        if (started) zero = true;
        continue;
      }
      if (zero) parts.push('零');
      zero = false;
      started = true;
      parts.push(digits[d]! + units[k]!);
    }
    return parts.join('');
  };
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 10000);
    rest = Math.floor(rest / 10000);
  }
  const scales = ['', '万', '亿', '万亿'];
  let out = '';
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) {
      if (out && !out.endsWith('零')) out += '零';
      continue;
    }
    if (out && v < 1000 && !out.endsWith('零')) out += '零';
    out += small(v) + scales[g]!;
  }
  out = out.replace(/零+$/, '');
  // 一十二 is written 十二 at the start.
  if (out.startsWith('一十')) out = out.slice(1);
  return out;
}
