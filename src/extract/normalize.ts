// The text the rules read, and the way back to the text the user has.
//
// Reports arrive with zero-width spaces, no-break spaces, full-width digits,
// pronunciation glosses (區(qū)) and in Traditional characters. The rules are
// written for Simplified text without such noise, so they read a *view*: a
// normalised copy with, for every code unit, the range of the original it
// came from. Spans found in the view are mapped back, so quotes and offsets
// stay in the original characters (spaCy's rule: never rewrite the text you
// point into).
import * as OpenCC from 'opencc-js';
import type { DictGroup } from 'opencc-js';
import { loadData } from '../data.js';

export interface TextView {
  /** What the rules read: Simplified, without zero-width characters or glosses, ASCII digits. */
  text: string;
  /** The view is the original text (nothing was changed). */
  identical: boolean;
  /** The original is written in Traditional characters (more Traditional-only than Simplified-only characters). */
  traditional: boolean;
  /** `[start, end)` in the view → `[start, end)` in the original. */
  toSource(span: readonly [number, number]): [number, number];
}

interface NoiseData {
  drop: { chars: string[] };
  space: { chars: string[] };
  emoji: { ranges: Array<[string, string]> };
  fullwidth: { ranges: Array<[string, string]> };
  gloss: { pattern: string };
}

const NOISE = loadData<NoiseData>('noise.json');
const DROP = new Set(NOISE.drop.chars.map((c) => c.charCodeAt(0)));
const SPACE = new Set(NOISE.space.chars.map((c) => c.charCodeAt(0)));
const FULLWIDTH = NOISE.fullwidth.ranges.map(([a, b]) => [a.charCodeAt(0), b.charCodeAt(0)] as const);
const GLOSS = new RegExp(NOISE.gloss.pattern, 'y');
const EMOJI = NOISE.emoji.ranges.map(([a, b]) => [parseInt(a, 16), parseInt(b, 16)] as const);

function isEmoji(cp: number): boolean {
  for (const [a, b] of EMOJI) if (cp >= a && cp <= b) return true;
  return false;
}

/**
 * The emoji at code unit i of `s`, as its length in code units (a surrogate
 * pair is two), else 0.
 */
function emojiAt(s: string, i: number): number {
  const cp = s.codePointAt(i)!;
  if (!isEmoji(cp)) return 0;
  return cp > 0xffff ? 2 : 1;
}
const FULLWIDTH_OFFSET = 0xff01 - 0x21;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function fullwidthToAscii(c: number): number {
  for (const [a, b] of FULLWIDTH) if (c >= a && c <= b) return c - FULLWIDTH_OFFSET;
  return -1;
}

// ------------------------------------------------------------ Traditional → Simplified

interface Script {
  /** Conversion stages (Taiwan variants → OpenCC Traditional → Simplified), each a trie of words. */
  stages: OpenCC.Trie[];
  /** Characters only Traditional text writes (個, 們, 發), and only Simplified text writes (个, 们, 发). */
  traditionalOnly: Set<string>;
  simplifiedOnly: Set<string>;
}

let script: Script | null = null;

function singleCharChanges(groups: readonly DictGroup[]): Set<string> {
  const out = new Set<string>();
  for (const group of groups) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
      for (const [from, to] of pairs) {
        if (from && to && from.length === 1 && to !== from) out.add(from);
      }
    }
  }
  return out;
}

/** Built on first use: the dictionaries take ~100 ms to load. */
function scriptData(): Script {
  if (script) return script;
  const locale = OpenCC.Locale;
  const stages: OpenCC.Trie[] = [];
  // opencc-js converts tw → cn in two steps: Taiwan forms to OpenCC's Traditional, then to Simplified.
  for (const group of [...locale.from.tw!, ...locale.to.cn!]) {
    const trie = new OpenCC.Trie();
    trie.loadDictGroup(group);
    stages.push(trie);
  }
  script = {
    stages,
    traditionalOnly: singleCharChanges(locale.to.cn!),
    simplifiedOnly: singleCharChanges(locale.from.cn ?? []),
  };
  // A character both directions change (a variant pair) says nothing about the script.
  for (const c of script.traditionalOnly) if (script.simplifiedOnly.has(c)) script.traditionalOnly.delete(c);
  return script;
}

// ------------------------------------------------------------ the view

/**
 * A text built from another in pieces, with the way back: a *linear* piece
 * maps view offset v to source offset `src + (v - at)` (copied runs, and
 * one-for-one replacements such as 發→发 or ６→6); any other piece (a
 * replacement of another length) maps all of it to its source range. Most
 * views are one or a few linear pieces, so building one costs little more
 * than the text itself.
 */
class PieceMap {
  private readonly parts: string[] = [];
  private readonly at: number[] = [];
  private readonly src: number[] = [];
  /** -1 for a linear piece, else the end of its source range. */
  private readonly srcEnd: number[] = [];
  length = 0;

  /** `s` stands for source[from, from + s.length) character by character. */
  linear(s: string, from: number): void {
    if (!s) return;
    const k = this.at.length - 1;
    // Extends the previous piece when it is linear and ends where this starts.
    if (k >= 0 && this.srcEnd[k] === -1 && this.src[k]! + (this.length - this.at[k]!) === from) {
      this.parts.push(s);
      this.length += s.length;
      return;
    }
    this.piece(s, from, -1);
  }

  /** `s` (possibly empty) stands for all of source[from, to). */
  whole(s: string, from: number, to: number): void {
    if (!s) return; // a deletion: the next piece starts further on in the source
    this.piece(s, from, to);
  }

  private piece(s: string, from: number, to: number): void {
    this.parts.push(s);
    this.at.push(this.length);
    this.src.push(from);
    this.srcEnd.push(to);
    this.length += s.length;
  }

  text(): string {
    return this.parts.join('');
  }

  private pieceAt(v: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Where the character at view offset v starts in the source. */
  startOf(v: number): number {
    const k = this.pieceAt(v);
    return this.srcEnd[k] === -1 ? this.src[k]! + (v - this.at[k]!) : this.src[k]!;
  }

  /** Where the character at view offset v ends in the source. */
  endOf(v: number): number {
    const k = this.pieceAt(v);
    return this.srcEnd[k] === -1 ? this.src[k]! + (v - this.at[k]!) + 1 : this.srcEnd[k]!;
  }
}

/** The noise pass: drop, widen, narrow and unglossed. */
function denoise(original: string, table: Uint8Array): PieceMap {
  const out = new PieceMap();
  let run = 0; // start of the current run of unchanged characters
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    let replacement: string | null = null;
    let skip = 0;
    const k = table[c]!;
    if ((k & (NOISY | PAREN)) === 0) continue;
    if (DROP.has(c)) replacement = '';
    else if (k & EMOJI_UNIT && emojiAt(original, i) > 0) {
      replacement = '';
      skip = emojiAt(original, i) - 1;
    }
    else if (SPACE.has(c)) replacement = ' ';
    else if (k & PAREN && i > 0 && isHan(original.charCodeAt(i - 1))) {
      GLOSS.lastIndex = i;
      const m = GLOSS.exec(original);
      if (m) {
        replacement = '';
        skip = m[0].length - 1;
      }
    } else if (c >= 0xff01 && c <= 0xff5e) {
      const ascii = fullwidthToAscii(c);
      if (ascii >= 0) replacement = String.fromCharCode(ascii);
    }
    if (replacement === null) continue;
    out.linear(original.slice(run, i), run);
    if (replacement) out.linear(replacement, i); // one for one
    i += skip;
    run = i + 1;
  }
  out.linear(original.slice(run), run);
  return out;
}

/**
 * One conversion stage (a trie of dictionary words) over the lines that hold
 * a Traditional-only character; other lines are copied. A word replaced by
 * one of the same length keeps each character's place (發展 → 发展).
 */
function convertStage(trie: OpenCC.Trie, text: string, table: Uint8Array): PieceMap {
  const out = new PieceMap();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    let traditional = false;
    for (let i = lineStart; i < lineEnd && !traditional; i++) traditional = (table[text.charCodeAt(i)]! & TRADITIONAL_ONLY) !== 0;
    if (!traditional) {
      out.linear(text.slice(lineStart, lineEnd), lineStart);
    } else {
      let run = lineStart;
      let i = lineStart;
      while (i < lineEnd) {
        const match = trie.matchPrefix(text, i);
        if (!match || match.end > lineEnd) {
          i++;
          continue;
        }
        out.linear(text.slice(run, i), run);
        if (match.value.length === match.end - i) out.linear(match.value, i);
        else out.whole(match.value, i, match.end);
        i = match.end;
        run = i;
      }
      out.linear(text.slice(run, lineEnd), run);
    }
    lineStart = lineEnd;
  }
  return out;
}

/** Per UTF-16 code unit: what kind of character it is, for one fast pass over clean text. */
const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;
const NOISY = 4;
/** An opening parenthesis: a gloss may follow if a Han character precedes it. */
const PAREN = 8;
/** A code unit an emoji may be or begin with (a BMP pictograph, or the high surrogate of one). */
const EMOJI_UNIT = 16;

let classes: Uint8Array | null = null;

function charClasses(data: Script): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000);
  for (const c of data.traditionalOnly) if (c.length === 1) table[c.charCodeAt(0)]! |= TRADITIONAL_ONLY;
  for (const c of data.simplifiedOnly) if (c.length === 1) table[c.charCodeAt(0)]! |= SIMPLIFIED_ONLY;
  for (const c of [...DROP, ...SPACE]) table[c]! |= NOISY;
  for (const [a, b] of FULLWIDTH) for (let c = a; c <= b; c++) table[c]! |= NOISY;
  for (const [a, b] of EMOJI) {
    if (b <= 0xffff) for (let c = a; c <= b; c++) table[c]! |= NOISY | EMOJI_UNIT;
    else for (let h = 0xd800 + ((a - 0x10000) >> 10); h <= 0xd800 + ((b - 0x10000) >> 10); h++) table[h]! |= NOISY | EMOJI_UNIT;
  }
  table[0x28]! |= PAREN;
  table[0xff08]! |= PAREN;
  classes = table;
  return table;
}

interface Survey {
  traditional: number;
  simplified: number;
  noisy: boolean;
}

/** Characters read for the script's majority: enough to tell a reprint from a report quoting one name. */
const SCRIPT_SAMPLE = 20_000;

/**
 * Whether the text has any Traditional-only character or any noise (one
 * pass of the table per character, stopping early when both are found),
 * and the Traditional-only and Simplified-only counts of its opening.
 */
function survey(text: string, data: Script): Survey {
  const table = charClasses(data);
  let traditional = 0;
  let simplified = 0;
  let anyTraditional = false;
  let noisy = false;
  const sample = Math.min(text.length, SCRIPT_SAMPLE);
  for (let i = 0; i < text.length; i++) {
    const k = table[text.charCodeAt(i)]!;
    if (k === 0) continue;
    if (i < sample) {
      if (k & TRADITIONAL_ONLY) traditional++;
      else if (k & SIMPLIFIED_ONLY) simplified++;
    } else if (anyTraditional && noisy) break;
    if (k & TRADITIONAL_ONLY) anyTraditional = true;
    if (k & NOISY) noisy = true;
    else if (k & PAREN && !noisy && i > 0 && isHan(text.charCodeAt(i - 1))) {
      GLOSS.lastIndex = i;
      if (GLOSS.test(text)) noisy = true;
    }
  }
  // A Traditional character past the sample still makes its line converted.
  return { traditional: anyTraditional ? Math.max(traditional, 1) : 0, simplified, noisy };
}

// ------------------------------------------------------------ hard-wrapped lines

/** A page's number or furniture on a line of its own: — 3 —, - 3 -, 第3页, 3. */
const PAGE_LINE = /^\s*(?:[-—–－─]+\s*\d{1,3}\s*[-—–－─]+|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3})\s*$/;
const SENTENCE_END = /[。！？!?：:]$/;
const HEADING_START = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部章])/;

/** A line's printed width: a Han character or a full-width mark is two, an ASCII character one. */
function printedWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) w += line.charCodeAt(i) < 0x2000 ? 1 : 2;
  return w;
}

type Measure = (line: string) => number;
const MEASURES: readonly Measure[] = [printedWidth, (line) => line.length];

/**
 * A text laid out in lines of one width (a PDF's text layer, a copy from a print
 * page: …财政总收入由5.6亿元增加到13.2亿元，\n年均增长18.7%), with the width and how
 * it is measured (printed width, or characters for a text wrapped at N
 * characters); else null. Most lines of some length end near one right margin.
 */
function wrapWidth(lines: readonly string[]): { width: number; measure: Measure } | null {
  let found: { width: number; measure: Measure; share: number } | null = null;
  const prose = lines.filter((l) => !/[|\t]/.test(l)).map((l) => l.trimEnd());
  for (const measure of MEASURES) {
    const widths = prose.map(measure).filter((w) => w >= 12);
    if (widths.length < 12) continue;
    const count = new Map<number, number>();
    for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
    let best = 0;
    let width = 0;
    for (const w of count.keys()) {
      const n = (count.get(w) ?? 0) + (count.get(w - 1) ?? 0) + (count.get(w - 2) ?? 0);
      if (n > best || (n === best && w > width)) [best, width] = [n, w];
    }
    const share = best / widths.length;
    if (best >= 10 && share >= 0.5 && (!found || share > found.share)) found = { width, measure, share };
  }
  return found;
}

/**
 * The hard line breaks of a wrapped text taken out: a break after a full line is
 * no paragraph's end unless the next line is indented, blank or a heading after
 * a sentence's end (numbered, or a short line without a mark); a page number
 * between two such lines goes with the breaks.
 * Null when the text is not wrapped.
 */
function unwrap(text: string): PieceMap | null {
  const lines = text.split('\n');
  const wrap = wrapWidth(lines);
  if (wrap === null) return null;
  const { width, measure } = wrap;
  const slack = measure === printedWidth ? 4 : 2;
  const full = (l: string): boolean => measure(l.trimEnd()) >= width - slack && !/[|\t]/.test(l);
  const continues = (prev: string, next: string | undefined): boolean =>
    next !== undefined &&
    next.trim() !== '' &&
    !/^[\s\u3000]/.test(next) &&
    !/[|\t]/.test(next) &&
    !PAGE_LINE.test(next) &&
    // A heading after a sentence's end: numbered, or a short line of its own without a mark (今年工作的总体要求和主要预期目标).
    !(SENTENCE_END.test(prev.trimEnd()) && (HEADING_START.test(next) || (!full(next) && !/[，,。；;！？]/.test(next))));
  const out = new PieceMap();
  let pos = 0;
  let run = 0;
  let joined = false;
  for (let k = 0; k < lines.length - 1; k++) {
    const line = lines[k]!;
    const end = pos + line.length; // the line break
    pos = end + 1;
    let cut = end + 1; // where the next line starts
    let next = k + 1;
    const page = PAGE_LINE.test(lines[next]!) && next + 1 < lines.length;
    if (page) {
      cut += lines[next]!.length + 1;
      next++;
    }
    if (full(line) && continues(line, lines[next])) {
      out.linear(text.slice(run, end), run);
    } else if (page) {
      // A page number between two paragraphs: the furniture goes, one line break stays.
      out.linear(text.slice(run, end + 1), run);
    } else continue;
    run = cut;
    joined = true;
    if (next > k + 1) {
      pos = cut;
      k = next - 1;
    }
  }
  if (!joined) return null;
  out.linear(text.slice(run), run);
  return out;
}

function identity(text: string, traditional: boolean): TextView {
  return { text, identical: true, traditional, toSource: (span) => [span[0], span[1]] };
}

/**
 * The view of a document the rules read. Clean Simplified text is its own
 * view; otherwise noise is removed, and the lines holding Traditional
 * characters (all of a Traditional reprint; one line of a Simplified report
 * that quotes a Traditional name) are converted with OpenCC's Taiwan →
 * mainland dictionaries.
 */
export function normalizeText(original: string): TextView {
  const data = scriptData();
  const counts = survey(original, data);
  const traditional = counts.traditional > counts.simplified;
  const wrapped = unwrap(original);
  if (!counts.noisy && counts.traditional === 0 && !wrapped) return identity(original, traditional);

  // Each stage maps its text back to the one before; a span goes back through all of them.
  const maps: PieceMap[] = [];
  let text = original;
  if (wrapped) {
    maps.push(wrapped);
    text = wrapped.text();
  }
  if (counts.noisy) {
    const map = denoise(text, charClasses(data));
    maps.push(map);
    text = map.text();
  }
  if (counts.traditional > 0) {
    const table = charClasses(data);
    for (const stage of data.stages) {
      const map = convertStage(stage, text, table);
      maps.push(map);
      text = map.text();
    }
  }
  if (text === original) return identity(original, traditional);
  return {
    text,
    identical: false,
    traditional,
    toSource: ([s, e]) => {
      if (e <= s) {
        let at = s;
        for (let k = maps.length - 1; k >= 0; k--) at = at < maps[k]!.length ? maps[k]!.startOf(at) : (k > 0 ? maps[k - 1]!.length : original.length);
        return [at, at];
      }
      let start = s;
      let end = e;
      for (let k = maps.length - 1; k >= 0; k--) {
        const map = maps[k]!;
        const from = map.startOf(start);
        end = map.endOf(end - 1);
        start = from;
      }
      return [start, end];
    },
  };
}
