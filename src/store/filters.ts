// The document filters that the document list, search and the facts panel
// share, so "region", "type" and "year" mean the same everywhere.
import type { Meta } from '../schema.js';

export interface DocumentFilter {
  /** A region name (岳阳楼区) or a 6- or 12-digit code (430602). */
  region?: string | undefined;
  type?: Meta['doc_type'] | undefined;
  /** Documents dated in this year, or reviewing or planning it (a 2021 work report reviews 2020). */
  year?: number | undefined;
}

export interface SqlWhere {
  /** Conditions joined by AND, without the WHERE keyword; '' when there are none. */
  sql: string;
  params: (string | number)[];
}

export const REGION_CODE = /^(\d{6}|\d{12})$/;

/** A region given by code matches its code; by name, its name. */
export function regionClause(region: string, alias = 'd'): SqlWhere {
  const value = region.trim();
  return REGION_CODE.test(value)
    ? { sql: `${alias}.region_code = ?`, params: [value] }
    : { sql: `${alias}.region_name = ?`, params: [value] };
}

/** SQL conditions on the documents table (aliased `alias`) for a filter. */
export function documentWhere(filter: DocumentFilter, alias = 'd'): SqlWhere {
  const parts: SqlWhere[] = [];
  if (filter.region !== undefined && filter.region.trim() !== '') parts.push(regionClause(filter.region, alias));
  if (filter.type !== undefined) parts.push({ sql: `${alias}.doc_type = ?`, params: [filter.type] });
  if (filter.year !== undefined) {
    // Periods start with their year (2020, 2020H1, 2016-2020 counts for 2016 only), dates too.
    const y = String(filter.year);
    parts.push({
      sql: `(substr(${alias}.date, 1, 4) = ? OR substr(${alias}.review_period, 1, 4) = ? OR substr(${alias}.plan_period, 1, 4) = ?)`,
      params: [y, y, y],
    });
  }
  return joinWhere(parts);
}

export function joinWhere(parts: SqlWhere[]): SqlWhere {
  const used = parts.filter((p) => p.sql !== '');
  return { sql: used.map((p) => p.sql).join(' AND '), params: used.flatMap((p) => p.params) };
}

/** `WHERE …` or '' */
export function whereClause(where: SqlWhere): string {
  return where.sql ? `WHERE ${where.sql}` : '';
}
