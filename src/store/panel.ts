// The tidy panel researchers load into Stata, R and pandas: one row per fact
// with its region and source, filtered and paged in SQL, and its CSV form.
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { joinWhere, regionClause, whereClause, type SqlWhere } from './filters.js';
import type { FactFilter, PanelRow } from './store.js';
import { prepared } from './prepared.js';

/** The panel's columns, in CSV order. */
export const PANEL_COLUMNS = [
  'region_code', 'region_name', 'region_level', 'period', 'indicator', 'kind', 'measure', 'value', 'value_high',
  'unit', 'value_base', 'base_unit', 'qualifier', 'text', 'estimated', 'document', 'quote', 'span_start', 'span_end',
] as const satisfies readonly (keyof PanelRow)[];

const CSV_OPTIONS = { header: true, cast: { boolean: (b: boolean) => (b ? '1' : '0') } };

/** Rows as CSV with a header, UTF-8 without BOM; true/false become 1/0 for Stata, R and pandas. */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return stringify(rows as T[], { ...CSV_OPTIONS, columns: [...columns] });
}

export function panelWhere(filter: FactFilter): SqlWhere {
  const parts: SqlWhere[] = [];
  const add = (sql: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') parts.push({ sql, params: [value] });
  };
  if (filter.region !== undefined && filter.region.trim() !== '') parts.push(regionClause(filter.region));
  add('f.indicator = ?', filter.indicator);
  add('f.period = ?', filter.period);
  add('f.kind = ?', filter.kind);
  return joinWhere(parts);
}

const PANEL_SELECT = `SELECT d.region_code, d.region_name, d.region_level, f.period, f.indicator, f.kind, f.measure,
    f.value, f.value_high, f.unit, f.value_base, f.base_unit, f.qualifier, f.text, f.estimated,
    d.name AS document, f.quote, f.span_start, f.span_end
  FROM facts f JOIN documents d ON d.id = f.document_id`;

const PANEL_ORDER = 'ORDER BY d.region_code, d.region_name, f.indicator, f.period, f.kind, f.measure, d.id, f.ordinal';

/** Panel rows for a filter, ordered by region, indicator and period; all of them unless paged. */
export function queryPanel(
  db: Database.Database,
  filter: FactFilter,
  paging?: { limit: number; offset: number },
): PanelRow[] {
  const where = panelWhere(filter);
  const page = paging ? 'LIMIT ? OFFSET ?' : '';
  const params = paging ? [...where.params, paging.limit, paging.offset] : where.params;
  return prepared<unknown[], Omit<PanelRow, 'estimated'> & { estimated: number }>(db,
      `${PANEL_SELECT} ${whereClause(where)} ${PANEL_ORDER} ${page}`,
    )
    .all(...params)
    .map((row) => ({ ...row, estimated: row.estimated === 1 }));
}

/**
 * The whole filtered panel as a CSV stream, row by row, so exporting a large
 * store does not hold it in memory. SQLite runs one statement per connection
 * at a time, so the stream reads through a connection of its own (read-only),
 * and the server's connection stays free for other requests meanwhile.
 */
export function panelCsvStream(db: Database.Database, filter: FactFilter): Readable {
  const csv = stringifyStream({ ...CSV_OPTIONS, columns: [...PANEL_COLUMNS] });
  if (db.memory) {
    // An in-memory store has no file to open a second connection on.
    return Readable.from(queryPanel(db, filter)).pipe(csv);
  }
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  const where = panelWhere(filter);
  const rows = reader
    .prepare<unknown[], PanelRow>(`${PANEL_SELECT} ${whereClause(where)} ${PANEL_ORDER}`)
    .iterate(...where.params);
  function* panel(): Generator<PanelRow> {
    try {
      for (const row of rows) yield { ...row, estimated: (row.estimated as unknown) === 1 };
    } finally {
      reader.close();
    }
  }
  const source = Readable.from(panel());
  source.on('error', (error) => csv.destroy(error));
  csv.on('close', () => source.destroy());
  return source.pipe(csv);
}

export function countPanel(db: Database.Database, filter: FactFilter): number {
  const where = panelWhere(filter);
  return prepared<unknown[], { n: number }>(db,
      `SELECT count(*) AS n FROM facts f JOIN documents d ON d.id = f.document_id ${whereClause(where)}`,
    )
    .get(...where.params)!.n;
}
