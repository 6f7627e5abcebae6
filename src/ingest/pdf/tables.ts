// Tables on a page: rows split into cells by wide gaps, with a column edge in
// common with the row next to them, and each table row's cells.

import { ALIGN, joinRuns, median, type Group, type Row } from './items.js';

interface TableBlock {
  rows: number[];
  starts: number[];
}

/** The tables of a page: blocks, and blockOf[k] = the block holding row k (-1: none). */
interface Tables {
  blockOf: Int32Array;
  blocks: TableBlock[];
}

/** Two rows have a column in common: a left edge, a right edge (numbers) or a centre (centred cells). */
function sharesEdge(a: Group[], b: Group[], tol: number): boolean {
  for (const g of a) {
    for (const h of b) {
      if (Math.abs(g.x0 - h.x0) <= tol || Math.abs(g.x1 - h.x1) <= tol) return true;
      if (Math.abs(g.x0 + g.x1 - h.x0 - h.x1) <= 2 * tol) return true;
    }
  }
  return false;
}

/**
 * The tables among a page's rows. groups[k]: row k split at cell gaps;
 * columnRow[k]: row k is a row of two text columns (never a table row).
 */
export function findTables(rows: readonly Row[], groups: readonly Group[][], columnRow: readonly boolean[]): Tables {
  // Tables: consecutive rows of several groups with a column edge in common.
  const blockOf = new Int32Array(rows.length).fill(-1);
  const blocks: TableBlock[] = [];
  const candidate = (k: number) => groups[k]!.length >= 2 && !columnRow[k];
  for (let k = 0; k < rows.length; k++) {
    if (!candidate(k)) continue;
    const p = k - 1;
    const r = rows[k]!;
    if (
      p >= 0 &&
      candidate(p) &&
      r.y - rows[p]!.y <= 4 * Math.max(r.size, rows[p]!.size) &&
      sharesEdge(groups[k]!, groups[p]!, ALIGN * Math.max(r.size, rows[p]!.size))
    ) {
      const b = blockOf[p]!;
      if (b >= 0) {
        blocks[b]!.rows.push(k);
        blockOf[k] = b;
        continue;
      }
      blocks.push({ rows: [p, k], starts: [] });
      blockOf[p] = blockOf[k] = blocks.length - 1;
    }
  }
  for (const [bi, b] of blocks.entries()) {
    const size = median(b.rows.map((k) => rows[k]!.size));
    const tol = ALIGN * size;
    // Column starts: left edges shared by at least half the rows.
    const clusters: { x: number; rows: Set<number> }[] = [];
    for (const k of b.rows) {
      for (const g of groups[k]!) {
        const c = clusters.find((c) => Math.abs(c.x - g.x0) <= tol);
        if (c) c.rows.add(k);
        else clusters.push({ x: g.x0, rows: new Set([k]) });
      }
    }
    b.starts = clusters
      .filter((c) => c.rows.size * 2 >= b.rows.length)
      .map((c) => c.x)
      .sort((a, c) => a - c);
    // Rows next to the table whose runs all start at its columns belong to it.
    const pitch = median(b.rows.slice(1).map((k, i) => rows[k]!.y - rows[b.rows[i]!]!.y));
    const aligned = (k: number) =>
      blockOf[k] === -1 && groups[k]!.every((g) => b.starts.some((x) => Math.abs(x - g.x0) <= tol));
    for (let k = b.rows[0]! - 1; k >= 0 && aligned(k) && rows[k + 1]!.y - rows[k]!.y <= 1.5 * pitch; k--) {
      b.rows.unshift(k);
      blockOf[k] = bi;
    }
    for (let k = b.rows[b.rows.length - 1]! + 1; k < rows.length && aligned(k) && rows[k]!.y - rows[k - 1]!.y <= 1.5 * pitch; k++) {
      b.rows.push(k);
      blockOf[k] = bi;
    }
  }
  return { blockOf, blocks };
}

/** The cells of table row k, at its table's columns (an empty cell between two others is kept). */
export function cellsOf(tables: Tables, rows: readonly Row[], groups: readonly Group[][], k: number): string[] {
  const b = tables.blocks[tables.blockOf[k]!]!;
  const size = rows[k]!.size;
  const cells: string[] = [];
  let col = 0;
  for (const g of groups[k]!) {
    const text = joinRuns(g.items).replace(/\|/g, '｜');
    const at = b.starts.findIndex((x) => Math.abs(x - g.x0) <= ALIGN * size);
    if (at > col) {
      while (col < at) {
        cells.push('');
        col++;
      }
    }
    cells.push(text);
    col = Math.max(col, at) + 1;
  }
  return cells;
}
