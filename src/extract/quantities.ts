// Quantities: a number with its unit and the words that qualify it —
// 670.68亿元, 近20亿元, 290多亿元, 9.6%以上, 6%－6.5%, 1000亿台阶 — and lists of
// them (26756元、10046元; 8.6%8.42% where a scraper lost the 、).
import { loadData } from '../data.js';
import { canStartNumber, readNumber } from './numbers.js';
import { normalizeUnit, unitInfo } from './units.js';
import type { Qualifier } from './types.js';

interface ModifiersFile {
  growth_verbs: Record<string, number>;
  level_verbs: string[];
  prefix_qualifiers: Record<string, Qualifier>;
  suffix_qualifiers: Record<string, Qualifier>;
  after_number: Record<string, Qualifier>;
  flat: string[];
  qualitative: string[];
  qualitative_patterns: string[];
  fillers: string[];
  estimate_words: string[];
  framing_estimate_words: string[];
  year_end_bases: string[];
  target_words: string[];
  percent_point: string[];
  target_comparison: { verbs: string[]; nouns: string[]; gap_words: string[] };
  span_count: { before: string[]; after: string[] };
  share_clause: string;
  repeated_tails: string[];
}

export const MODIFIERS = loadData<ModifiersFile>('modifiers.json');

/** Words of a table, longest first, for matching at a position. */
export class WordList<V> {
  /** By first and by last code unit, longest first: one map probe, no substrings. */
  private readonly byFirst = new Map<number, Array<[string, V]>>();
  private readonly byLast = new Map<number, Array<[string, V]>>();
  constructor(entries: Iterable<[string, V]>) {
    for (const [w, v] of entries) {
      if (!w) continue;
      for (const [map, code] of [[this.byFirst, w.charCodeAt(0)], [this.byLast, w.charCodeAt(w.length - 1)]] as const) {
        const list = map.get(code) ?? [];
        list.push([w, v]);
        map.set(code, list);
      }
    }
    for (const list of [...this.byFirst.values(), ...this.byLast.values()]) list.sort((a, b) => b[0].length - a[0].length);
  }
  /** The longest word at `pos`, or null. */
  at(text: string, pos: number): { word: string; value: V; end: number } | null {
    const list = pos < text.length ? this.byFirst.get(text.charCodeAt(pos)) : undefined;
    if (!list) return null;
    for (const [w, v] of list) if (text.startsWith(w, pos)) return { word: w, value: v, end: pos + w.length };
    return null;
  }
  /** The longest word ending exactly at `end`, of at most `maxLen` code units. */
  endingAt(text: string, end: number, maxLen = 8): { word: string; value: V; start: number } | null {
    const list = end > 0 && end <= text.length ? this.byLast.get(text.charCodeAt(end - 1)) : undefined;
    if (!list) return null;
    for (const [w, v] of list) if (w.length <= maxLen && w.length <= end && text.startsWith(w, end - w.length)) return { word: w, value: v, start: end - w.length };
    return null;
  }
}

const QUALITATIVE_WORDS = new WordList(MODIFIERS.qualitative.map((w) => [w, w] as [string, string]));
const QUALITATIVE_PATTERNS = MODIFIERS.qualitative_patterns.map((p) => ({ re: new RegExp(p, 'yu'), first: firstChars(p) }));

/**
 * The characters a pattern can start with, when its source says so plainly
 * (a literal Han character, or a class of them: 完成…, [与和同]…); else null.
 * A pattern is only tried where the text has one of them.
 */
function firstChars(pattern: string): Set<string> | null {
  const lit = /^\p{Script=Han}/u.exec(pattern);
  if (lit && !/^.[?*{]/u.test(pattern)) return new Set([lit[0]]);
  const cls = /^\[(\p{Script=Han}+)\](?![?*{])/u.exec(pattern);
  return cls ? new Set(cls[1]) : null;
}

/**
 * Qualitative targets: the phrases of the list and the families of the
 * patterns (完成国家下达的目标任务), longest at a position. A phrase followed
 * by a number is not one: 同步增长9% is a growth of 9.
 */
export const QUALITATIVE = {
  at(text: string, pos: number): { word: string; value: string; end: number } | null {
    let best = QUALITATIVE_WORDS.at(text, pos);
    const ch = text[pos] ?? '';
    for (const { re, first } of QUALITATIVE_PATTERNS) {
      if (first && !first.has(ch)) continue;
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m && (!best || pos + m[0].length > best.end)) best = { word: m[0], value: m[0], end: pos + m[0].length };
    }
    if (!best) return null;
    let j = best.end;
    while (SPACES.has(text[j] ?? '')) j++;
    if (text[j] === '了') j++;
    return canStartNumber(text[j]) || PREFIX_QUAL.at(text, j) ? null : best;
  },
  /** A whole cell or phrase that is a qualitative target. */
  is(phrase: string): boolean {
    const m = QUALITATIVE.at(phrase, 0);
    return m !== null && m.end === phrase.length;
  },
};

const PREFIX_QUAL = new WordList(Object.entries(MODIFIERS.prefix_qualifiers));
const SUFFIX_QUAL = new WordList(Object.entries(MODIFIERS.suffix_qualifiers));
const AFTER_NUMBER = MODIFIERS.after_number;
const PERCENT_POINT = new WordList(MODIFIERS.percent_point.map((w) => [w, true] as [string, boolean]));

// Base unit words that may follow a number (after an optional 万/亿 scale).
const BASE_UNITS = new WordList(
  ['元', '美元', '人民币', '人次', '人', '名', '户', '家', '个', '项', '吨', '公斤', '斤', '平方米', '亩', '%', '％', '千元', '億元', '戶', '萬人'].map(
    (u) => [u, u] as [string, string],
  ),
);

export interface Quantity {
  start: number;
  end: number;
  value: number;
  high: number | null;
  /** The unit as written, Simplified (亿元, 万人, %); a bare scale (亿) when 元 was dropped; '' when none. */
  unit: string;
  qualifier: Qualifier | null;
  /** 个百分点: a change in percentage points, not a growth rate. */
  percentPoint: boolean;
}

const RANGE_SEP = new Set(['-', '－', '—', '–', '~', '～', '至', '到']);

const SPACES = new Set([' ', '\u3000', '\t']);
/**
 * A page's furniture left inside a sentence by a PDF or print scrape: a line
 * break, `- 1 -`, a line break; or the same run into the line when the scrape
 * also lost the breaks (4022- 1 -万元), spaced inside its dashes.
 */
export const PAGE_BREAK = /^[ \t\u3000]*(?:\r?\n[ \t\u3000]*[-—－]\s*\d{1,4}\s*[-—－][ \t\u3000]*\r?\n|[-—－][ \t\u3000]+\d{1,4}[ \t\u3000]+[-—－])[ \t\u3000]*/;

/**
 * What may stand between a number and its unit: one space (35.49 %), or a
 * page break (4022 / - 1 - / 万元). Returns where the unit would start, or
 * `pos` when nothing but a unit-less end follows.
 */
function skipGap(text: string, pos: number): number {
  let j = pos;
  const br = PAGE_BREAK.exec(text.slice(pos, pos + 24));
  if (br) j = pos + br[0].length;
  else if (SPACES.has(text[j] ?? '')) j++;
  if (j === pos) return pos;
  const c = text[j] ?? '';
  return BASE_UNITS.at(text, j) || c === '万' || c === '亿' ? j : pos;
}

function readUnit(text: string, pos: number, scale: string): { unit: string; end: number } {
  const base = BASE_UNITS.at(text, pos);
  if (base) {
    let u = normalizeUnit(base.word);
    if (u === '人民币') u = '元';
    let end = base.end;
    // 元人民币 / 亿元人民币
    if (u.endsWith('元') && text.startsWith('人民币', end)) end += 3;
    return { unit: scale + u, end };
  }
  return { unit: scale, end: pos };
}

/**
 * One quantity at `pos`: [prefix qualifier] number [余/多] [scale] [unit]
 * [-number unit] [suffix qualifier].
 */
export function readQuantity(text: string, pos: number): Quantity | null {
  let i = pos;
  let qualifier: Qualifier | null = null;
  const pre = PREFIX_QUAL.at(text, i);
  if (pre && canStartNumber(text[pre.end])) {
    qualifier = pre.value;
    i = pre.end;
  }
  if (!canStartNumber(text[i])) return null;
  const n = readNumber(text, i);
  if (!n) return null;
  i = n.end;
  let scale: string = n.scale;
  // 158.86 亿元, 35.49 %, 4022 - 1 - 万元: a gap between a number and its scale or unit.
  if (!scale) {
    const j = skipGap(text, i);
    if (j > i && (text[j] === '万' || text[j] === '亿')) {
      scale = text[j] === '万' && text[j + 1] === '亿' ? '万亿' : text[j]!;
      i = j + scale.length;
    } else i = j;
  }
  // 290多亿元, 200余名: 余/多 before the scale or the unit.
  const after = text[i];
  if (after !== undefined && AFTER_NUMBER[after] && !scale) {
    qualifier ??= AFTER_NUMBER[after]!;
    i++;
    if (text[i] === '万' || text[i] === '亿') {
      scale = text[i] === '万' && text[i + 1] === '亿' ? '万亿' : text[i]!;
      i += scale.length;
    }
  }
  let { unit, end } = readUnit(text, i, scale);
  i = end;
  if (scale && unit === scale && AFTER_NUMBER[text[i] ?? '']) {
    // 1.2万余人 / 5亿多元
    qualifier ??= AFTER_NUMBER[text[i]!]!;
    i++;
    ({ unit, end } = readUnit(text, i, scale));
    i = end;
  }
  let high: number | null = null;
  // 6%－6.5%, 6-6.5%, 6%至6.5%
  if (RANGE_SEP.has(text[i] ?? '') && canStartNumber(text[i + 1])) {
    const m = readNumber(text, i + 1);
    if (m && m.value >= n.value) {
      const u2 = readUnit(text, m.end, m.scale);
      if (u2.unit && (unit === '' || unit === u2.unit || unit === '%')) {
        high = m.value;
        if (!unit) unit = u2.unit;
        i = u2.end;
      }
    }
  }
  const pp = PERCENT_POINT.at(text, i);
  if (pp) return { start: pos, end: pp.end, value: n.value, high, unit: '个百分点', qualifier, percentPoint: true };
  const suf = SUFFIX_QUAL.at(text, i);
  if (suf) {
    qualifier = suf.value;
    i = suf.end;
  }
  if (high !== null) qualifier = 'range';
  return { start: pos, end: i, value: n.value, high, unit, qualifier, percentPoint: false };
}

const LIST_SEP = new Set(['、', '和', '与', '及']);

/**
 * A list of quantities: 27478元、15341元; 11.0%、14.3%; 7%和8%左右; 8.6%8.42%.
 * A qualifier after the last item applies to every item without its own.
 */
export function readQuantityList(text: string, pos: number): Quantity[] {
  const first = readQuantity(text, pos);
  if (!first) return [];
  const items = [first];
  let i = first.end;
  for (;;) {
    const last = items[items.length - 1]!;
    let j = i;
    if (LIST_SEP.has(text[j] ?? '')) j++;
    else if (!(last.unit === '%' && canStartNumber(text[j]))) break;
    const next = readQuantity(text, j);
    // Items of one list share their kind of unit (all % or all amounts).
    if (!next || (next.unit === '%') !== (last.unit === '%')) break;
    items.push(next);
    i = next.end;
  }
  const tail = items[items.length - 1]!.qualifier;
  if (items.length > 1 && tail) for (const q of items) q.qualifier ??= tail;
  // 分别为26756元、10046元: a unit written once (8%、10%) is shared.
  const unitShared = items.find((q) => q.unit)?.unit ?? '';
  for (const q of items) if (!q.unit) q.unit = unitShared;
  return items;
}

/** The dimension of a unit as written, completing a bare scale (亿) with the indicator's base unit. */
export function completeUnit(unit: string, dims: readonly string[]): string | null {
  if (unit === '%') return '%';
  const info = unitInfo(unit);
  if (info) return dims.includes(info.dimension) ? unit : null;
  if (unit === '万' || unit === '亿' || unit === '万亿') {
    const base = { CNY: '元', USD: '美元', person: '人', household: '户', unit: '家', kg: '吨' }[dims[0] ?? ''];
    if (!base) return null;
    const full = unit + base;
    return unitInfo(full) ? full : null;
  }
  return null;
}
