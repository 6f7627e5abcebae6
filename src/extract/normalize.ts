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
import { softBreaks } from './reflow.js';

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
  /** The longest dictionary word: a conversion needs no more context than this around a Traditional character. */
  longestWord: number;
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
  let longestWord = 1;
  for (const group of [...locale.from.tw!, ...locale.to.cn!]) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
      for (const [from] of pairs) if (from && from.length > longestWord) longestWord = from.length;
    }
  }
  script = {
    stages,
    longestWord,
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
function convertStage(trie: OpenCC.Trie, text: string, table: Uint8Array, longestWord: number): PieceMap {
  const out = new PieceMap();
  let lineStart = 0;
  let run = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
    // The line's stretches around its Traditional characters, as far as a dictionary word reaches: the
    // rest of a long Simplified line that quotes one Traditional name is copied, not looked up.
    let i = lineStart;
    while (i < lineEnd) {
      let t = i;
      while (t < lineEnd && (table[text.charCodeAt(t)]! & TRADITIONAL_ONLY) === 0) t++;
      if (t >= lineEnd) break;
      let from = Math.max(i, lineStart, t - longestWord + 1);
      let to = Math.min(lineEnd, t + longestWord);
      // Further Traditional characters within reach extend the stretch.
      for (let u = t + 1; u < to; u++) if (table[text.charCodeAt(u)]! & TRADITIONAL_ONLY) to = Math.min(lineEnd, u + longestWord);
      for (let k = from; k < to; ) {
        const match = trie.matchPrefix(text, k);
        if (!match || match.end > to) {
          k++;
          continue;
        }
        out.linear(text.slice(run, k), run);
        if (match.value.length === match.end - k) out.linear(match.value, k);
        else out.whole(match.value, k, match.end);
        k = match.end;
        run = k;
        from = k;
      }
      i = to;
    }
    lineStart = lineEnd;
  }
  out.linear(text.slice(run), run);
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
  let anyTraditional = false;
  let noisy = false;
  // One pass for what is rare (a Traditional-only character, noise, a gloss's bracket); the
  // script counts of the opening only when a Traditional character was seen.
  const RARE = TRADITIONAL_ONLY | NOISY | PAREN;
  for (let i = 0; i < text.length; i++) {
    const k = table[text.charCodeAt(i)]!;
    if ((k & RARE) === 0) continue;
    if (k & TRADITIONAL_ONLY) anyTraditional = true;
    if (k & NOISY) noisy = true;
    else if (k & PAREN && !noisy && i > 0 && isHan(text.charCodeAt(i - 1))) {
      GLOSS.lastIndex = i;
      if (GLOSS.test(text)) noisy = true;
    }
    if (anyTraditional && noisy) break;
  }
  let traditional = 0;
  let simplified = 0;
  if (anyTraditional) {
    const sample = Math.min(text.length, SCRIPT_SAMPLE);
    for (let i = 0; i < sample; i++) {
      const k = table[text.charCodeAt(i)]!;
      if (k & TRADITIONAL_ONLY) traditional++;
      else if (k & SIMPLIFIED_ONLY) simplified++;
    }
  }
  // A Traditional character past the sample still makes its line converted.
  return { traditional: anyTraditional ? Math.max(traditional, 1) : 0, simplified, noisy };
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
/** The view without the soft line breaks of a hard-wrapped text (reflow.ts), or null when it has none. */
function reflow(text: string): PieceMap | null {
  const breaks = softBreaks(text);
  if (!breaks.length) return null;
  const out = new PieceMap();
  let run = 0;
  for (const [from, to] of breaks) {
    out.linear(text.slice(run, from), run);
    run = to;
  }
  out.linear(text.slice(run), run);
  return out;
}

export function normalizeText(original: string): TextView {
  const data = scriptData();
  const counts = survey(original, data);
  const traditional = counts.traditional > counts.simplified;
  // Soft line breaks are read off the text as it was laid out (glosses and all), so they go first.
  const reflowed = reflow(original);
  if (!counts.noisy && counts.traditional === 0 && !reflowed) return identity(original, traditional);

  // Each stage maps its text back to the one before; a span goes back through all of them.
  const maps: PieceMap[] = [];
  let text = original;
  if (reflowed) {
    maps.push(reflowed);
    text = reflowed.text();
  }
  if (counts.noisy) {
    const map = denoise(text, charClasses(data));
    maps.push(map);
    text = map.text();
  }
  if (counts.traditional > 0) {
    const table = charClasses(data);
    for (const stage of data.stages) {
      const map = convertStage(stage, text, table, data.longestWord);
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
