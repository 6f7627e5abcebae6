// Tables of bar- or tab-separated cells (指标名称 | 单位 | 2021年预期目标 | 2021年上半年完成数 | 增长%):
// header rows give each column a role (unit, target, actual, growth, note) and
// a period; each row whose first cell names a catalog indicator gives facts.
import type { Fact } from '../schema.js';
import { indicatorOfName, type Indicator } from './catalog.js';
import { parseChain } from './chain.js';
import type { DocContext } from './context.js';
import { contextPeriod } from './facts.js';
import { readPeriod, type PeriodContext } from './periods.js';
import { completeUnit, QUALITATIVE, readQuantity } from './quantities.js';
import { SPACE_GAP, type Line } from './structure.js';
import { normalizeUnit, unitInfo } from './units.js';

export interface Cell {
  start: number;
  end: number;
  text: string;
}

type Role = 'name' | 'unit' | 'target' | 'actual' | 'growth' | 'note' | 'other';

interface Column {
  label: string;
  role: Role;
  period: string | null;
  /** 预计完成: the column holds estimates. */
  estimated: boolean;
  /** 2019年目标增长（%）: a target column whose numbers are growth rates (for a rate such as 失业率, its level). */
  growthTarget?: boolean;
}

const EMPTY_CELL = /^(?:|—+|-+|－+|\/|／|…+|--)$/;

/** The cells of a table line with their offsets, trimmed; trailing empty cells dropped. */
export function cellsOf(text: string, line: Line): Cell[] {
  const cells: Cell[] = [];
  // Cells between bars where the row has bars, else between tabs (a run of tabs is one gap).
  const row = text.slice(line.start, line.end);
  const bars = row.indexOf('|') >= 0;
  // No bars and no tabs: a layout-printed row, its cells apart by runs of spaces.
  if (!bars && row.indexOf('\t') < 0) return spaceCells(text, line);
  const sep = bars ? 124 : 9;
  let start = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (!bars && i < line.end && text.charCodeAt(i) === 9 && i === start && i > line.start && text.charCodeAt(i - 1) === 9) {
      start = i + 1;
      continue;
    }
    if (i === line.end || text.charCodeAt(i) === sep) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      cells.push({ start: s, end: e, text: text.slice(s, e) });
      start = i + 1;
    }
  }
  while (cells.length && !cells[cells.length - 1]!.text) cells.pop();
  // | 地区生产总值 | 亿元 |: a bar that opens the line opens no cell.
  if (row.trimStart().startsWith('|') && cells[0]?.text === '') cells.shift();
  // ⇥地区生产总值⇥亿元: tabs that indent the row open no cell.
  if (!bars && cells[0]?.text === '' && row.startsWith('\t')) cells.shift();
  return cells;
}

function spaceCells(text: string, line: Line): Cell[] {
  const cells: Cell[] = [];
  const re = new RegExp(SPACE_GAP.source, 'g');
  let start = line.start;
  const row = text.slice(line.start, line.end);
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) cells.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let m = re.exec(row); m; m = re.exec(row)) {
    push(start, line.start + m.index);
    start = line.start + m.index + m[0].length;
  }
  push(start, line.end);
  return cells;
}

function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

function roleOf(label: string, index: number): Role {
  const l = squeeze(label);
  if (/单位/.test(l)) return 'unit';
  if (/备注|说明/.test(l)) return 'note';
  if (/目标|预期|计划/.test(l)) return 'target';
  if (/增长|增速|增幅|±|同比|比上年/.test(l)) return 'growth';
  if (/完成|实际|实绩|执行|绝对值|总量|数值|金额/.test(l)) return 'actual';
  if (index === 0 || /指标|名称|项目/.test(l)) return 'name';
  return 'other';
}

function periodOf(label: string, ctx: PeriodContext): string | null {
  const l = squeeze(label);
  for (let i = 0; i < l.length; i++) {
    const p = readPeriod(l, i, ctx);
    if (p) return p.period;
  }
  return null;
}

/**
 * Columns from one or two header rows. A second row subdivides the first
 * row's cell that has no role of its own (2021年上半年 -> 完成数, 增长%).
 */
function columnsOf(headers: Cell[][], ctx: PeriodContext): Column[] {
  const top = headers[0]!.filter((c) => c.text);
  const columns: Column[] = [];
  const sub = headers[1]?.filter((c) => c.text) ?? [];
  let subUsed = sub.length === 0;
  top.forEach((c, i) => {
    const role = roleOf(c.text, i);
    const period = periodOf(c.text, ctx);
    if (!subUsed && (role === 'other' || role === 'actual') && i > 0) {
      for (const s of sub) {
        const label = `${c.text} ${s.text}`;
        columns.push({ label, role: roleOf(s.text, 1), period: periodOf(s.text, ctx) ?? period, estimated: /预计/.test(label) });
      }
      subUsed = true;
    } else columns.push({ label: c.text, role: role === 'other' && period ? 'actual' : role, period, estimated: /预计/.test(c.text) });
  });
  for (const c of columns) if (c.role === 'target' && /增长|增速|增幅/.test(squeeze(c.label))) c.growthTarget = true;
  // 增长(%) right after 2020年预计完成: the growth of that result, same period, same estimate.
  for (let i = 1; i < columns.length; i++) {
    const c = columns[i]!;
    const prev = columns[i - 1]!;
    if (c.role === 'growth' && !c.period && prev.role === 'actual') {
      c.period = prev.period;
      c.estimated ||= prev.estimated;
    }
  }
  return columns;
}

function isHeaderRow(cells: Cell[]): boolean {
  const first = cells.find((c) => c.text);
  return !!first && !indicatorOfName(first.text) && !cells.some((c) => /^-?\d+(\.\d+)?$/.test(c.text));
}

export function extractTableFacts(doc: DocContext): Fact[] {
  const facts: Fact[] = [];
  const { lines } = doc;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.table) continue;
    let j = i;
    while (j < lines.length && lines[j]!.table) j++;
    facts.push(...tableFacts(doc, lines.slice(i, j)));
    i = j;
  }
  return facts;
}

function tableFacts(doc: DocContext, rows: Line[]): Fact[] {
  const cells = rows.map((r) => cellsOf(doc.text, r));
  const headers: Cell[][] = [];
  let k = 0;
  while (k < cells.length && k < 4 && isHeaderRow(cells[k]!)) {
    // A markdown rule (---|---) is no header.
    if (!cells[k]!.every((c) => /^:?-{2,}:?$|^$/.test(c.text))) headers.push(cells[k]!);
    k++;
  }
  if (!headers.length) return [];
  const columns = columnsOf(headers, doc.periodCtx);
  const facts: Fact[] = [];
  for (; k < cells.length; k++) {
    const row = cells[k]!;
    const ind = row[0] ? indicatorOfName(row[0].text) : null;
    if (!ind) continue;
    facts.push(...rowFacts(doc, ind, row, columns));
  }
  return facts;
}

/** Assign a row's cells to columns; when a merged cell is missing (a target shared with the row above), bare numbers move right to the result columns. */
function align(row: Cell[], columns: Column[]): Array<[Cell, Column]> {
  const pairs: Array<[Cell, Column]> = [];
  const valueCols = columns.map((c, i) => [c, i] as const).filter(([c]) => c.role === 'target' || c.role === 'actual' || c.role === 'growth');
  const firstValue = valueCols[0]?.[1] ?? columns.length;
  const values = row.slice(firstValue).filter((c, idx, arr) => c.text || arr.slice(idx + 1).some((x) => x.text));
  const valueCells = values.slice(0, valueCols.length);
  let shift = 0;
  const nonEmpty = valueCells.filter((c) => c.text && !EMPTY_CELL.test(c.text)).length;
  if (valueCols[0]?.[0].role === 'target' && nonEmpty < valueCols.length && valueCells[0] && /^-?\d+(\.\d+)?$/.test(valueCells[0].text)) {
    const lastNonEmpty = valueCells.map((c) => !!c.text).lastIndexOf(true);
    if (lastNonEmpty < valueCols.length - 1) shift = 1;
  }
  row.forEach((cell, i) => {
    if (i < firstValue) {
      const col = columns[i];
      if (col) pairs.push([cell, col]);
      return;
    }
    const v = i - firstValue + shift;
    const col = valueCols[v]?.[0] ?? columns[i + shift];
    if (col) pairs.push([cell, col]);
  });
  return pairs;
}

function rowFacts(doc: DocContext, ind: Indicator, row: Cell[], columns: Column[]): Fact[] {
  const pairs = align(row, columns);
  const unitCell = pairs.find(([, c]) => c.role === 'unit')?.[0];
  // No unit column: the unit in brackets after the name (地区生产总值（亿元）).
  const unitText = unitCell?.text ?? /[(（]([^)）]{1,6})[)）]\s*$/.exec(row[0]!.text)?.[1] ?? '';
  const unit = normalizeUnit(squeeze(unitText));
  const rowStart = row[0]!.start;
  const facts: Fact[] = [];
  for (const [cell, col] of pairs) {
    if (col.role !== 'target' && col.role !== 'actual' && col.role !== 'growth') continue;
    if (EMPTY_CELL.test(cell.text)) continue;
    const kind = col.role === 'target' ? 'target' : 'actual';
    let period = col.period ?? contextPeriod(doc, rowStart);
    if (kind === 'target' && period && /H[12]|Q\d|M/.test(period)) period = period.slice(0, 4);
    if (!period) continue;
    const fact = cellFact(doc, ind, cell, col, unit, period, kind);
    if (fact) {
      fact.estimated = kind === 'actual' && (col.estimated || doc.estimatedFrom(rowStart));
      fact.quote = doc.text.slice(rowStart, cell.end);
      fact.span = [rowStart, cell.end];
      facts.push(fact);
    }
  }
  return facts;
}

function cellFact(doc: DocContext, ind: Indicator, cell: Cell, col: Column, unit: string, period: string, kind: Fact['kind']): Fact | null {
  const base = { indicator: ind.key, period, kind, estimated: false, quote: '', span: [0, 0] as [number, number] };
  const text = squeeze(cell.text);
  if (QUALITATIVE.is(text) || (kind === 'target' && !/\d/.test(text) && text.length >= 2)) {
    if (!QUALITATIVE.is(text) && !/增长|同步|任务|下降|控制/.test(text)) return null;
    return { ...base, measure: /年均/.test(text) ? 'avg_growth' : 'growth', value: null, unit: '%', qualifier: 'qualitative', text };
  }
  // 增长8%, 下降3%以上: the chain grammar reads it.
  if (/[增降长升减]/.test(text)) {
    const r = parseChain(doc.text, cell.start, cell.end, doc.periodCtx)[0];
    const q = r?.quantities[0];
    if (!r || !q || r.measure === 'level') return null;
    const value = q.value * r.sign;
    return { ...base, measure: r.measure, value: value === 0 ? 0 : value, unit: '%', qualifier: q.qualifier ?? 'exact' };
  }
  // -2.3 in a growth column: a signed number.
  const sign = /^[-－−]/.test(cell.text) ? -1 : 1;
  const q = readQuantity(doc.text, sign < 0 ? cell.start + 1 : cell.start);
  if (!q || q.end > cell.end || q.percentPoint) return null;
  if (sign < 0) q.value = -q.value;
  // 9—10 in a column of percentages: a range whose unit the header gives.
  const bare = /^\d+(?:\.\d+)?[-－—–~～至](\d+(?:\.\d+)?)$/.exec(text);
  if (bare && q.high === null && !q.unit && sign > 0 && Number(bare[1]) > q.value) {
    q.high = Number(bare[1]);
    q.qualifier = 'range';
  }
  const growthColumn = col.role === 'growth' || (!!col.growthTarget && ind.percent === 'growth');
  const written = q.unit || unit;
  const percent = written === '%' || growthColumn;
  if (percent && (growthColumn || ind.percent === 'growth')) {
    const fact: Fact = { ...base, measure: 'growth', value: q.value, unit: '%', qualifier: q.qualifier ?? 'exact' };
    if (q.high !== null) fact.value_high = q.high;
    return fact;
  }
  const u = written === '%' ? (ind.dims.includes('%') ? '%' : null) : completeUnit(written, ind.dims) ?? (unitInfo(written) ? null : null);
  if (!u) return null;
  return { ...base, measure: 'level', value: q.value, unit: u, qualifier: q.qualifier ?? 'exact' };
}
