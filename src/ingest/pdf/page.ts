// One page: rows of text items into lines in reading order, columns
// (given the gutter) and tables.

import { findGutter, crosses, type Gutter, type GutterFinding } from './gutter.js';
import {
  CELL_GAP,
  cleanItems,
  dominantFont,
  dominantSize,
  groupsOf,
  joinRuns,
  median,
  rowsOf,
  type Item,
  type Line,
  type PageInput,
  type Row,
  type TextItem,
} from './items.js';
import { cellsOf, findTables } from './tables.js';

interface PageRows {
  rows: Row[];
  width: number;
  height: number;
  finding: GutterFinding | null;
}

export function analysePage(page: PageInput): PageRows {
  const rows = rowsOf(cleanItems(page.items));
  return { rows, width: page.width, height: page.height, finding: findGutter(rows) };
}

/** The lines of a page in reading order, given the column gutter (if any). */
export function layoutRows(rows: readonly Row[], band: Gutter | null): Line[] {
  const groups = rows.map((r) => groupsOf(r.items, CELL_GAP));

  // A row split by the gutter into one run of text on each side is a row of two columns.
  const columnRow = rows.map((r) => {
    if (!band) return false;
    if (r.items.some((it) => crosses(it, band))) return false;
    const mid = (band.x0 + band.x1) / 2;
    const l = r.items.filter((it) => (it.x + it.x1) / 2 < mid);
    const rr = r.items.filter((it) => (it.x + it.x1) / 2 >= mid);
    return l.length > 0 && rr.length > 0 && groupsOf(l, CELL_GAP).length === 1 && groupsOf(rr, CELL_GAP).length === 1;
  });

  const tables = findTables(rows, groups, columnRow);

  const lineOf = (items: Item[], region: 0 | 1 | 2, section: number, cells: string[] | null = null): Line => {
    const text = cells ? cells.join(' | ') : groupsOf(items, CELL_GAP).map((g) => joinRuns(g.items)).join(' ');
    return {
      text,
      cells,
      x0: Math.min(...items.map((i) => i.x)),
      x1: Math.max(...items.map((i) => i.x1)),
      y: median(items.map((i) => i.y)),
      size: dominantSize(items),
      font: dominantFont(items),
      region,
      section,
    };
  };

  // Sections: each column of a run of two-column rows is one, so is each run
  // of full-width text rows and each table.
  const lines: Line[] = [];
  let section = 0;
  let lastKind: 'full' | 'table' | 'columns' | null = null;
  let left: Line[] = [];
  let right: Line[] = [];
  const emit = (line: Line, kind: 'full' | 'table') => {
    flush();
    if (lastKind !== kind) section++;
    lastKind = kind;
    lines.push({ ...line, section });
  };
  const flush = () => {
    if (left.length === 0 && right.length === 0) return;
    if (left.length) section++;
    for (const l of left) lines.push({ ...l, section });
    if (right.length) section++;
    for (const l of right) lines.push({ ...l, section });
    left = [];
    right = [];
    lastKind = 'columns';
  };
  rows.forEach((r, k) => {
    if (tables.blockOf[k]! >= 0) return emit(lineOf(r.items, 0, 0, cellsOf(tables, rows, groups, k)), 'table');
    if (!band || r.items.some((it) => crosses(it, band))) return emit(lineOf(r.items, 0, 0), 'full');
    const mid = (band.x0 + band.x1) / 2;
    const l = r.items.filter((it) => (it.x + it.x1) / 2 < mid);
    const rr = r.items.filter((it) => (it.x + it.x1) / 2 >= mid);
    if (l.length) left.push(lineOf(l, 1, 0));
    if (rr.length) right.push(lineOf(rr, 2, 0));
  });
  flush();
  return lines;
}

/** The lines of one page in reading order (columns detected on this page alone). */
export function layoutPage(items: readonly TextItem[], pageWidth: number, pageHeight: number): Line[] {
  const pr = analysePage({ width: pageWidth, height: pageHeight, items: [...items] });
  return layoutRows(pr.rows, pr.finding?.strong ? pr.finding : null);
}
