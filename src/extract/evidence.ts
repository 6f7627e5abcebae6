// Document-level decisions (type, title, region, date, periods) are weighed
// from all their cues, not taken from the first pattern that matches. Each
// cue says which rule fired on which characters and what it votes for; the
// decision keeps them, so `extract --explain` and the document page can show
// why a document was typed, dated and placed as it was.

export interface Cue<T> {
  /** The rule that fired: `title:统计公报`, `body:我代表…向大会`, `heading:工作回顾`. */
  rule: string;
  /** What the cue votes for. */
  value: T;
  weight: number;
  /** Where in the text it was read (view offsets until the pipeline maps them), else null. */
  span: [number, number] | null;
  /** The characters read. */
  text: string;
}

export interface Decision<T> {
  value: T;
  /** Every cue weighed, the winning value's first. */
  cues: Array<Cue<T>>;
  /** Summed weight per value, as `value: weight`, highest first. */
  tally: Array<[T, number]>;
}

// Strings (most values) keyed as they are; regions and others by their JSON.
const keyOf = (v: unknown): string => (typeof v === 'string' ? `s${v}` : `j${JSON.stringify(v ?? null)}`);

/**
 * The value with the most weight wins; a tie goes to the value whose
 * strongest cue is heavier, then to the one read first. With no cue, the
 * fallback (a decision with no evidence).
 */
export function decide<T>(cues: Array<Cue<T>>, fallback: T): Decision<T> {
  if (!cues.length) return { value: fallback, cues: [], tally: [] };
  const sums = new Map<string, { value: T; sum: number; max: number; first: number }>();
  const keys = cues.map((c) => keyOf(c.value));
  cues.forEach((c, i) => {
    const k = keys[i]!;
    const s = sums.get(k) ?? { value: c.value, sum: 0, max: -Infinity, first: i };
    s.sum += c.weight;
    s.max = Math.max(s.max, c.weight);
    sums.set(k, s);
  });
  const ranked = [...sums.values()].sort((a, b) => b.sum - a.sum || b.max - a.max || a.first - b.first);
  const best = ranked[0]!;
  if (best.sum <= 0) return { value: fallback, cues, tally: ranked.map((r) => [r.value, r.sum]) };
  const won = keyOf(best.value);
  const ordered = [...cues.filter((_, i) => keys[i] === won), ...cues.filter((_, i) => keys[i] !== won)];
  return { value: best.value, cues: ordered, tally: ranked.map((r) => [r.value, r.sum]) };
}

/** A decision taken by one rule (or none), kept in the same shape as weighed ones. */
export function single<T>(value: T, cue: Omit<Cue<T>, 'value' | 'weight'> | null): Decision<T> {
  return cue ? { value, cues: [{ ...cue, value, weight: 1 }], tally: [[value, 1]] } : { value, cues: [], tally: [] };
}

/** Every match of `re` (global) in text[from, to) as a cue. */
export function cuesOf<T>(text: string, from: number, to: number, re: RegExp, rule: string, value: T, weight: number): Array<Cue<T>> {
  const out: Array<Cue<T>> = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const slice = text.slice(from, to);
  for (let m = g.exec(slice); m; m = g.exec(slice)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push({ rule, value, weight, span: [from + m.index, from + m.index + m[0].length], text: m[0] });
  }
  return out;
}
