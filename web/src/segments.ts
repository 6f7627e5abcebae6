// Splitting text into plain and marked pieces. Pure functions on offsets; the
// pages turn the pieces into DOM text, so no document text is ever parsed as HTML.

export type Range = readonly [number, number];

export interface Piece {
  text: string;
  marked: boolean;
}

/** A snippet cut at its highlights; overlapping or touching highlights are merged. */
export function highlightPieces(text: string, highlights: readonly Range[]): Piece[] {
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) pieces.push({ text: text.slice(at, s), marked: false });
    pieces.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

export interface SpanRef {
  /** The fact's ordinal (or any id). */
  id: number;
  span: Range;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Every span covering this segment, in the order given. */
  ids: number[];
}

export interface Paragraph {
  start: number;
  end: number;
  segments: Segment[];
}

/**
 * The text as paragraphs (split at newlines, which are not part of any paragraph),
 * each cut at every span boundary so that each segment is covered by a fixed set
 * of spans. Overlapping and nested spans are handled alike: a span is the union of
 * the segments that list its id. Blank paragraphs are dropped.
 */
export function paragraphs(text: string, spans: readonly SpanRef[]): Paragraph[] {
  const n = text.length;
  const clamp = (x: number) => Math.max(0, Math.min(n, Math.trunc(x)));
  const valid = spans
    .map((s) => ({ id: s.id, start: clamp(s.span[0]), end: clamp(s.span[1]) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, n]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);

  const result: Paragraph[] = [];
  let lineStart = 0;
  let ci = 0;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    if (text.slice(lineStart, lineEnd).trim() !== '') {
      const bounds = [lineStart];
      while (ci < sortedCuts.length && sortedCuts[ci]! <= lineStart) ci++;
      let k = ci;
      while (k < sortedCuts.length && sortedCuts[k]! < lineEnd) bounds.push(sortedCuts[k++]!);
      bounds.push(lineEnd);
      const segments: Segment[] = [];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const a = bounds[i]!;
        const b = bounds[i + 1]!;
        if (b <= a) continue;
        const ids = valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
        segments.push({ start: a, end: b, text: text.slice(a, b), ids });
      }
      result.push({ start: lineStart, end: lineEnd, segments });
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  return result;
}

/** The paragraph holding an offset (or the first one after it). */
export function paragraphAt(paras: readonly Paragraph[], offset: number): Paragraph | undefined {
  return paras.find((p) => offset < p.end || (offset === p.end && offset === p.start)) ?? paras[paras.length - 1];
}
