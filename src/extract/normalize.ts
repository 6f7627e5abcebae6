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
  fullwidth: { ranges: Array<[string, string]> };
  gloss: { pattern: string };
}

const NOISE = loadData<NoiseData>('noise.json');
const DROP = new Set(NOISE.drop.chars.map((c) => c.charCodeAt(0)));
const SPACE = new Set(NOISE.space.chars.map((c) => c.charCodeAt(0)));
const FULLWIDTH = NOISE.fullwidth.ranges.map(([a, b]) => [a.charCodeAt(0), b.charCodeAt(0)] as const);
const GLOSS = new RegExp(NOISE.gloss.pattern, 'y');
/** Any character the noise pass would change, or an opening parenthesis that may start a gloss. */
const NOISE_PROBE = new RegExp(
  `[${[...NOISE.drop.chars, ...NOISE.space.chars].join('')}${FULLWIDTH.map(([a, b]) => `${String.fromCharCode(a)}-${String.fromCharCode(b)}`).join('')}]|[\\u3400-\\u9fff][(（][a-zü]`,
  'u',
);

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

/** Code units of the view with, for each, the original range it came from. */
class MappedText {
  parts: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  push(s: string, start: number, end: number): void {
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }
  text(): string {
    return this.parts.join('');
  }
}

/** The noise pass: drop, widen, narrow and unglossed, one original code unit at a time. */
function denoise(original: string): MappedText {
  const out = new MappedText();
  let run = 0; // start of the current run of unchanged characters
  const flush = (to: number): void => {
    if (to > run) {
      out.parts.push(original.slice(run, to));
      for (let k = run; k < to; k++) {
        out.starts.push(k);
        out.ends.push(k + 1);
      }
    }
  };
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    let replacement: string | null = null;
    let skip = 0;
    if (DROP.has(c)) replacement = '';
    else if (SPACE.has(c)) replacement = ' ';
    else if ((c === 0x28 || c === 0xff08) && i > 0 && isHan(original.charCodeAt(i - 1))) {
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
    flush(i);
    if (replacement) out.push(replacement, i, i + 1);
    i += skip;
    run = i + 1;
  }
  flush(original.length);
  return out;
}

/** One conversion stage over a mapped text: each dictionary word maps to the original range of the word it replaces. */
function convertStage(trie: OpenCC.Trie, input: MappedText): MappedText {
  const text = input.text();
  const out = new MappedText();
  let i = 0;
  while (i < text.length) {
    const match = trie.matchPrefix(text, i);
    if (!match) {
      out.parts.push(text[i]!);
      out.starts.push(input.starts[i]!);
      out.ends.push(input.ends[i]!);
      i++;
      continue;
    }
    const end = match.end;
    const value = match.value;
    if (value.length === end - i) {
      // Character for character (發展 → 发展): each keeps its own place.
      out.parts.push(value);
      for (let k = i; k < end; k++) {
        out.starts.push(input.starts[k]!);
        out.ends.push(input.ends[k]!);
      }
    } else {
      out.push(value, input.starts[i]!, input.ends[end - 1]!);
    }
    i = end;
  }
  return out;
}

function countScript(text: string, data: Script): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const ch = text[i]!;
    if (data.traditionalOnly.has(ch)) traditional++;
    else if (data.simplifiedOnly.has(ch)) simplified++;
  }
  return { traditional, simplified };
}

function identity(text: string, traditional: boolean): TextView {
  return { text, identical: true, traditional, toSource: (span) => [span[0], span[1]] };
}

/**
 * The view of a document the rules read. Clean Simplified text is its own
 * view; otherwise noise is removed, and Traditional characters (any: a
 * Simplified report may quote a Traditional name) are converted with
 * OpenCC's Taiwan → mainland dictionaries.
 */
export function normalizeText(original: string): TextView {
  const data = scriptData();
  const counts = countScript(original, data);
  const traditional = counts.traditional > counts.simplified;
  const noisy = NOISE_PROBE.test(original);
  if (!noisy && counts.traditional === 0) return identity(original, traditional);

  let mapped = denoise(original);
  if (counts.traditional > 0) for (const stage of data.stages) mapped = convertStage(stage, mapped);
  const text = mapped.text();
  if (text === original) return identity(original, traditional);
  const starts = Int32Array.from(mapped.starts);
  const ends = Int32Array.from(mapped.ends);
  return {
    text,
    identical: false,
    traditional,
    toSource: ([s, e]) => {
      if (e <= s) {
        const at = s < starts.length ? starts[s]! : original.length;
        return [at, at];
      }
      return [starts[s]!, ends[e - 1]!];
    },
  };
}
