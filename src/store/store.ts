// The SQLite store: documents with their extractions, and the tidy panel of
// facts that researchers query.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Extraction, type Fact, type Meta, type Project, type Region } from '../schema.js';
import { baseUnitOf, toBase } from '../extract/units.js';
import { FORMATS, type Format } from '../ingest/formats.js';
import type { ReadResult } from '../ingest/read.js';
import { MIGRATIONS } from './migrations.js';
import { queryPanel } from './panel.js';
import { prepared } from './prepared.js';
import { indexParagraphs, optimizeIndex, searchParagraphs } from './search.js';
import type { SearchQuery, SearchResult } from '../api/schemas.js';

export interface IngestInput {
  name: string;
  path: string | null;
  /** The text's encoding in the file; null for PDF and Word files. */
  encoding: string | null;
  text: string;
  extraction: Extraction;
  /** What the text was read from (default: a text file whose bytes are not kept). */
  format?: Format;
  /** Where each page begins in the text (PDF). */
  pages?: number[] | null;
  /** The original file, kept beside the text. */
  file?: OriginalFile | null;
}

/** What the store keeps of a document read from a file: its text, where it came from, and the file itself. */
export function ingestInput(read: ReadResult, name: string, path: string | null, extraction: Extraction): IngestInput {
  return {
    name,
    path,
    encoding: read.encoding,
    text: read.text,
    extraction,
    format: read.format,
    pages: read.pages,
    file: { mediaType: read.mediaType, sha256: read.sha256, bytes: read.bytes },
  };
}

/** A stored document's original file. */
export interface OriginalFile {
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

export interface IngestResult {
  id: number;
  status: 'added' | 'unchanged';
}

export interface DocumentSummary {
  id: number;
  name: string;
  path: string | null;
  encoding: string | null;
  format: Format;
  media_type: string;
  content_hash: string;
  ingested_at: string;
  doc_type: Meta['doc_type'];
  title: string | null;
  region_code: string | null;
  region_name: string | null;
  region_level: Region['level'] | null;
  date: string | null;
  review_period: string | null;
  plan_period: string | null;
  speaker_name: string | null;
  speaker_title: string | null;
  fact_count: number;
  project_count: number;
}

/** A fact as extracted, plus its value in the base unit of its dimension. */
export type StoredFact = Fact & { value_base: number | null; base_unit: string | null };
export type StoredProject = Project & { investment_base: number | null };

export interface DocumentDetail extends DocumentSummary {
  meta: Meta;
  text: string;
  /** Where each page begins in the text (PDF), else null. */
  pages: number[] | null;
  /** The original file's type, hash and size, when it was kept. */
  original: { media_type: string; sha256: string; size: number } | null;
  facts: StoredFact[];
  projects: StoredProject[];
}

export interface FactFilter {
  /** A region name (岳阳楼区) or a 6- or 12-digit code (430602). */
  region?: string;
  indicator?: string;
  period?: string;
  kind?: string;
}

/** One row of the panel: one fact with the region and document it comes from. */
export interface PanelRow {
  region_code: string | null;
  region_name: string | null;
  region_level: Region['level'] | null;
  period: string;
  indicator: string;
  kind: Fact['kind'];
  measure: Fact['measure'];
  value: number | null;
  value_high: number | null;
  unit: string;
  value_base: number | null;
  base_unit: string | null;
  qualifier: Fact['qualifier'];
  /** The phrase of a qualitative fact (正增长), else null. */
  text: string | null;
  estimated: boolean;
  document: string;
  quote: string;
  span_start: number | null;
  span_end: number | null;
}

/** The extraction failed schema validation; the message names the first problem. */
export class InvalidExtractionError extends Error {
  override readonly name = 'InvalidExtractionError';
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Opens (creating if needed) the store in `file`, migrated to the current schema. */
export function openStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut
    // may lose the last documents written, never the integrity of the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return new Store(db);
}

function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the pending migrations and their version bump in one transaction; returns the version. */
export function migrate(db: Database.Database): number {
  const target = MIGRATIONS.length;
  const newer = (version: number): Error =>
    new Error(`database schema version ${version} is newer than this zhengbao (${target})`);
  if (schemaVersion(db) > target) throw newer(schemaVersion(db));
  if (schemaVersion(db) === target) return target; // the common case takes no write lock
  // IMMEDIATE, and the version read again under the lock: two processes opening
  // a fresh database at once must not both run the same steps.
  db.transaction(() => {
    const current = schemaVersion(db);
    if (current > target) throw newer(current);
    for (const step of MIGRATIONS.slice(current)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const [first] = error.issues;
  if (!first) return 'invalid extraction';
  const where = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `invalid extraction: ${where || '(root)'}: ${first.message}${more}`;
}

/** Validates an extraction against the schema, throwing InvalidExtractionError. */
export function validateExtraction(value: unknown): Extraction {
  const parsed = Extraction.safeParse(value);
  if (!parsed.success) throw new InvalidExtractionError(describeIssues(parsed.error));
  return parsed.data;
}

const DOCUMENT_COLUMNS = `d.id, d.name, d.path, NULLIF(d.encoding, '') AS encoding, d.format, d.media_type, d.content_hash, d.ingested_at, d.doc_type, d.title,
  d.region_code, d.region_name, d.region_level, d.date, d.review_period, d.plan_period,
  d.speaker_name, d.speaker_title,
  d.fact_count, d.project_count`;

/** A row of the facts table, as SQLite gives it (estimated is 0 or 1). */
export interface FactRow {
  indicator: string; period: string; kind: Fact['kind']; measure: Fact['measure'];
  value: number | null; value_high: number | null; unit: string; value_base: number | null; base_unit: string | null;
  qualifier: Fact['qualifier']; text: string | null; estimated: number; quote: string;
  span_start: number; span_end: number; page: number | null;
}

interface ProjectRow {
  name: string | null; count: number | null; investment_value: number | null; investment_unit: string | null;
  investment_qualifier: Fact['qualifier'] | null; investment_base: number | null;
  stage: Project['stage']; location: string | null; investor: string | null; industry: string | null;
  date: string | null; quote: string; span_start: number; span_end: number; page: number | null; part_of: number | null;
}

export class Store {
  private readonly insertDocument: Database.Statement;
  private readonly insertText: Database.Statement<[number, string]>;
  private readonly insertFile: Database.Statement<[number, string, string, number, Buffer]>;
  private readonly insertFact: Database.Statement;
  private readonly insertProject: Database.Statement;
  private readonly findByHash: Database.Statement<[string], { id: number }>;

  constructor(readonly db: Database.Database) {
    this.insertText = db.prepare('INSERT INTO document_texts (document_id, text) VALUES (?, ?)');
    this.insertFile = db.prepare('INSERT INTO document_files (document_id, media_type, sha256, size, bytes) VALUES (?, ?, ?, ?, ?)');
    this.insertDocument = db.prepare(`INSERT INTO documents
      (name, path, encoding, format, media_type, pages, content_hash, meta, fact_count, project_count, doc_type, title, region_code,
       region_name, region_level, date, review_period, plan_period, speaker_name, speaker_title, ingested_at)
      VALUES (@name, @path, @encoding, @format, @media_type, @pages, @content_hash, @meta, @fact_count, @project_count, @doc_type, @title,
       @region_code, @region_name, @region_level, @date, @review_period, @plan_period, @speaker_name, @speaker_title, @ingested_at)`);
    this.insertFact = db.prepare(`INSERT INTO facts
      (document_id, ordinal, indicator, period, kind, measure, value, value_high, unit, value_base, base_unit,
       qualifier, text, estimated, quote, span_start, span_end, page)
      VALUES (@document_id, @ordinal, @indicator, @period, @kind, @measure, @value, @value_high, @unit, @value_base,
       @base_unit, @qualifier, @text, @estimated, @quote, @span_start, @span_end, @page)`);
    this.insertProject = db.prepare(`INSERT INTO projects
      (document_id, ordinal, name, count, investment_value, investment_unit, investment_qualifier, investment_base,
       stage, location, investor, industry, date, quote, span_start, span_end, page, part_of)
      VALUES (@document_id, @ordinal, @name, @count, @investment_value, @investment_unit, @investment_qualifier,
       @investment_base, @stage, @location, @investor, @industry, @date, @quote, @span_start, @span_end, @page, @part_of)`);
    this.findByHash = db.prepare('SELECT id FROM documents WHERE content_hash = ?');
  }

  /**
   * Stores a document with its facts and projects, all or nothing. The same
   * text (by hash) stored again changes nothing.
   */
  ingest(input: IngestInput): IngestResult {
    const extraction = validateExtraction(input.extraction);
    const hash = contentHash(input.text);
    // IMMEDIATE takes the write lock up front, so two writers cannot both miss the hash.
    return this.db.transaction((): IngestResult => {
      const existing = this.findByHash.get(hash);
      if (existing) return { id: existing.id, status: 'unchanged' };
      const id = this.writeDocument(input, extraction, hash);
      indexParagraphs(this.db, id, input.text);
      extraction.facts.forEach((fact, ordinal) => this.writeFact(id, ordinal, fact));
      extraction.projects.forEach((project, ordinal) => this.writeProject(id, ordinal, project));
      return { id, status: 'added' };
    }).immediate();
  }

  private writeDocument(input: IngestInput, extraction: Extraction, hash: string): number {
    const { meta } = extraction;
    const info = this.insertDocument.run({
      name: input.name,
      path: input.path,
      encoding: input.encoding ?? '',
      format: input.format ?? 'text',
      media_type: input.file?.mediaType ?? FORMATS[input.format ?? 'text'].mediaType,
      pages: input.pages ? JSON.stringify(input.pages) : null,
      content_hash: hash,
      meta: JSON.stringify(meta),
      fact_count: extraction.facts.length,
      project_count: extraction.projects.length,
      doc_type: meta.doc_type,
      title: meta.title,
      region_code: meta.region?.code ?? null,
      region_name: meta.region?.name ?? null,
      region_level: meta.region?.level ?? null,
      date: meta.date,
      review_period: meta.review_period,
      plan_period: meta.plan_period,
      speaker_name: meta.speaker?.name ?? null,
      speaker_title: meta.speaker?.title ?? null,
      ingested_at: new Date().toISOString(),
    });
    const id = Number(info.lastInsertRowid);
    this.insertText.run(id, input.text);
    if (input.file) this.insertFile.run(id, input.file.mediaType, input.file.sha256, input.file.bytes.length, input.file.bytes);
    return id;
  }

  private writeFact(documentId: number, ordinal: number, fact: Fact): void {
    this.insertFact.run({
      document_id: documentId,
      ordinal,
      indicator: fact.indicator,
      period: fact.period,
      kind: fact.kind,
      measure: fact.measure,
      value: fact.value,
      value_high: fact.value_high ?? null,
      unit: fact.unit,
      value_base: toBase(fact.value, fact.unit),
      base_unit: baseUnitOf(fact.unit),
      qualifier: fact.qualifier,
      text: fact.text ?? null,
      estimated: fact.estimated ? 1 : 0,
      quote: fact.quote,
      span_start: fact.span[0],
      span_end: fact.span[1],
      page: fact.page ?? null,
    });
  }

  private writeProject(documentId: number, ordinal: number, project: Project): void {
    const investment = project.investment;
    this.insertProject.run({
      document_id: documentId,
      ordinal,
      name: project.name,
      count: project.count,
      investment_value: investment?.value ?? null,
      investment_unit: investment?.unit ?? null,
      investment_qualifier: investment?.qualifier ?? null,
      investment_base: investment ? toBase(investment.value, investment.unit) : null,
      stage: project.stage,
      location: project.location,
      investor: project.investor,
      industry: project.industry,
      date: project.date,
      quote: project.quote,
      span_start: project.span[0],
      span_end: project.span[1],
      page: project.page ?? null,
      part_of: project.part_of ?? null,
    });
  }

  documents(): DocumentSummary[] {
    return prepared<[], DocumentSummary>(this.db, `SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.name, d.id`).all();
  }

  /** One document with its text, meta, facts and projects, or null when there is none with this id. */
  document(id: number): DocumentDetail | null {
    const row = prepared<[number], DocumentSummary & { meta: string; text: string; pages: string | null }>(
      this.db,
      `SELECT ${DOCUMENT_COLUMNS}, d.meta, d.pages, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id
       WHERE d.id = ?`,
    ).get(id);
    if (!row) return null;
    const original =
      prepared<[number], { media_type: string; sha256: string; size: number }>(
        this.db,
        'SELECT media_type, sha256, size FROM document_files WHERE document_id = ?',
      ).get(id) ?? null;
    const facts = prepared<[number], FactRow>(this.db, 'SELECT * FROM facts WHERE document_id = ? ORDER BY ordinal')
      .all(id)
      .map(factFromRow);
    const projects = prepared<[number], ProjectRow>(this.db, 'SELECT * FROM projects WHERE document_id = ? ORDER BY ordinal')
      .all(id)
      .map(projectFromRow);
    const pages = row.pages === null ? null : (JSON.parse(row.pages) as number[]);
    return { ...row, meta: JSON.parse(row.meta) as Meta, pages, original, facts, projects };
  }

  /** A document's original file with the document's name and format, when it was kept. */
  originalFile(id: number): (OriginalFile & { name: string; format: Format }) | null {
    const row = prepared<[number], { media_type: string; sha256: string; bytes: Buffer; name: string; format: Format }>(
      this.db,
      `SELECT f.media_type, f.sha256, f.bytes, d.name, d.format
       FROM document_files f JOIN documents d ON d.id = f.document_id WHERE f.document_id = ?`,
    ).get(id);
    return row ? { mediaType: row.media_type, sha256: row.sha256, bytes: row.bytes, name: row.name, format: row.format } : null;
  }

  /** Whether a document with this id is stored. */
  has(id: number): boolean {
    return prepared<[number], { one: number }>(this.db, 'SELECT 1 AS one FROM documents WHERE id = ?').get(id) !== undefined;
  }

  /** The panel: one row per fact, filtered, ordered by region, indicator and period. */
  facts(filter: FactFilter = {}): PanelRow[] {
    return queryPanel(this.db, filter);
  }

  /** Merges the search index after a bulk load (see optimizeIndex). */
  optimize(): void {
    optimizeIndex(this.db);
  }

  /** Paragraphs containing every word of `params.q`, ranked by bm25, filtered by region, type and year. */
  search(params: SearchQuery): SearchResult {
    return searchParagraphs(this.db, params);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function factFromRow(row: FactRow): StoredFact {
  return {
    indicator: row.indicator,
    period: row.period,
    kind: row.kind,
    measure: row.measure,
    value: row.value,
    value_high: row.value_high,
    unit: row.unit,
    qualifier: row.qualifier,
    text: row.text,
    estimated: row.estimated === 1,
    quote: row.quote,
    span: [row.span_start, row.span_end],
    ...(row.page === null ? {} : { page: row.page }),
    value_base: row.value_base,
    base_unit: row.base_unit,
  };
}

function projectFromRow(row: ProjectRow): StoredProject {
  const investment =
    row.investment_value === null || row.investment_unit === null
      ? null
      : { value: row.investment_value, unit: row.investment_unit, qualifier: row.investment_qualifier ?? 'exact' };
  return {
    name: row.name,
    count: row.count,
    investment,
    stage: row.stage,
    location: row.location,
    investor: row.investor,
    industry: row.industry,
    date: row.date,
    quote: row.quote,
    span: [row.span_start, row.span_end],
    ...(row.page === null ? {} : { page: row.page }),
    ...(row.part_of === null || row.part_of === undefined ? {} : { part_of: row.part_of }),
    investment_base: row.investment_base,
  };
}
