// The gutter of a two-column page: the empty vertical band between the
// columns, found from where rows of body text end and begin.

import { GUTTER_GAP, dominantSize, groupsOf, median, type Item, type Row } from './items.js';

export interface Gutter {
  /** Left and right edge of the empty band between the columns. */
  x0: number;
  x1: number;
}

export interface GutterFinding extends Gutter {
  strong: boolean;
}

/**
 * The vertical band between two columns of text, if the page shows one: the
 * x range in the middle of the text that the fewest rows of body text cross,
 * with (for a strong finding) at least three rows, and most rows, of text
 * filling the column on either side: running up to the band on its left,
 * running from it to the right edge on its right (columns of a table do not).
 */
export function findGutter(allRows: readonly Row[]): GutterFinding | null {
  // Body text shows the columns; titles, tables, headers and footers may cross them.
  const body = dominantSize(allRows.flatMap((r) => r.items));
  const rows = allRows.filter((r) => Math.abs(r.size - body) <= 0.15 * body);
  if (rows.length < 2) return null;
  const left = Math.min(...rows.map((r) => r.x0));
  const right = Math.max(...rows.map((r) => r.x1));
  const em = median(rows.map((r) => r.size));
  const span = right - left;
  if (!(span > 12 * em)) return null;
  const n = Math.ceil(span) + 1;
  const cross = new Int32Array(n);
  const segs = rows.map((r) => groupsOf(r.items, GUTTER_GAP));
  for (const gs of segs) {
    for (const g of gs) {
      const a = Math.max(0, Math.floor(g.x0 - left));
      const b = Math.min(n - 1, Math.ceil(g.x1 - left));
      for (let x = a; x < b; x++) cross[x]!++;
    }
  }
  const lo = Math.floor(span * 0.25);
  const hi = Math.ceil(span * 0.75);
  let min = Infinity;
  for (let x = lo; x <= hi; x++) min = Math.min(min, cross[x]!);
  let best: (GutterFinding & { score: number }) | null = null;
  for (let x = lo; x <= hi; x++) {
    if (cross[x] !== min) continue;
    let e = x;
    while (e + 1 <= hi && cross[e + 1] === min) e++;
    const a = x;
    x = e;
    // A run at the edge of the search range is the ragged end of one-column text.
    if (a === lo || e === hi) continue;
    const g0 = left + a;
    const g1 = left + e + 1;
    if (g1 - g0 < 0.5 * em) continue;
    const mid = (g0 + g1) / 2;
    // Rows of text that fill a column: they end at the gutter (left) or at the right edge (right).
    let rowsL = 0;
    let rowsR = 0;
    let fullL = 0;
    let fullR = 0;
    rows.forEach((r, k) => {
      const gs = segs[k]!;
      if (gs.some((g) => g.x0 < mid && g.x1 > mid)) return;
      const ls = gs.filter((g) => g.x1 <= mid);
      const rs = gs.filter((g) => g.x0 >= mid);
      if (ls.length) {
        rowsL++;
        if (ls[ls.length - 1]!.x1 >= g0 - 2 * r.size) fullL++;
      }
      if (rs.length) {
        rowsR++;
        if (rs[0]!.x0 <= g1 + 3 * r.size && rs[rs.length - 1]!.x1 >= right - 2 * r.size) fullR++;
      }
    });
    const score = Math.min(fullL, fullR);
    const strong = fullL >= 3 && fullR >= 3 && fullL >= 0.4 * rowsL && fullR >= 0.4 * rowsR;
    if (!best || (strong && !best.strong) || (strong === best.strong && score > best.score)) {
      best = { x0: g0, x1: g1, strong, score };
    }
  }
  return best && { x0: best.x0, x1: best.x1, strong: best.strong };
}

/** Does an item cross the band's middle part? */
export function crosses(it: Item, band: Gutter): boolean {
  const w = band.x1 - band.x0;
  return it.x < band.x1 - 0.3 * w && it.x1 > band.x0 + 0.3 * w;
}
