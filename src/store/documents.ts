// Documents as the API shows them: filtered and paged lists, and one document
// with its facts labelled. The server's file paths stay private.
import type Database from 'better-sqlite3';
import type { DocumentDetail, DocumentList, DocumentSummary } from '../api/schemas.js';
import { labelOf } from '../extract/catalog.js';
import { documentWhere, whereClause, type DocumentFilter } from './filters.js';
import type { Store } from './store.js';
import { prepared } from './prepared.js';

export interface Paging {
  limit: number;
  offset: number;
}

export const SUMMARY_COLUMNS = `d.id, d.name, NULLIF(d.encoding, '') AS encoding, d.format, d.media_type, d.content_hash, d.ingested_at, d.doc_type, d.title,
  d.region_code, d.region_name, d.region_level, d.date, d.review_period, d.plan_period,
  d.speaker_name, d.speaker_title,
  d.fact_count, d.project_count`;

/** Documents matching the filter, newest first. */
export function listDocuments(db: Database.Database, filter: DocumentFilter, paging: Paging): DocumentList {
  const where = documentWhere(filter);
  const total = prepared<unknown[], { n: number }>(db, `SELECT count(*) AS n FROM documents d ${whereClause(where)}`)
    .get(...where.params)!.n;
  const items = prepared<unknown[], DocumentSummary>(db,
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ${whereClause(where)}
       ORDER BY d.date IS NULL, d.date DESC, d.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...where.params, paging.limit, paging.offset);
  return { total, limit: paging.limit, offset: paging.offset, items };
}

/** One document for the API: facts and projects numbered and labelled, no server path. */
export function documentDetail(store: Store, id: number): DocumentDetail | null {
  const doc = store.document(id);
  if (!doc) return null;
  const { path: _path, ...rest } = doc;
  return {
    ...rest,
    facts: doc.facts.map((f, ordinal) => ({
      ordinal,
      indicator: f.indicator,
      label: labelOf(f.indicator),
      period: f.period,
      kind: f.kind,
      measure: f.measure,
      value: f.value,
      value_high: f.value_high ?? null,
      unit: f.unit,
      value_base: f.value_base,
      base_unit: f.base_unit,
      qualifier: f.qualifier,
      text: f.text ?? null,
      estimated: f.estimated,
      quote: f.quote,
      span: f.span,
      ...(f.page === undefined ? {} : { page: f.page }),
    })),
    projects: doc.projects.map((p, ordinal) => ({ ordinal, ...p })),
  };
}
