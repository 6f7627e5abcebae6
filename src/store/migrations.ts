// Schema versions of the store. Step i brings a database from user_version i
// to i + 1. Append new steps; never edit one that has shipped, since existing
// databases have already run it. A step is SQL, or a function for what SQL
// cannot do (indexing the stored documents' paragraphs).
import type Database from 'better-sqlite3';
import { migrateParagraphs } from './search.js';

export type Migration = string | ((db: Database.Database) => void);

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    path          TEXT,
    encoding      TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,  -- sha256 of the text: the identity of a document
    text          TEXT NOT NULL,
    meta          TEXT NOT NULL,         -- the extraction's meta as JSON
    doc_type      TEXT NOT NULL,
    title         TEXT,
    region_code   TEXT,
    region_name   TEXT,
    region_level  TEXT,
    date          TEXT,
    review_period TEXT,
    plan_period   TEXT,
    speaker_name  TEXT,
    speaker_title TEXT,
    ingested_at   TEXT NOT NULL
  );
  CREATE INDEX documents_region_code ON documents(region_code);
  CREATE INDEX documents_region_name ON documents(region_name);
  CREATE INDEX documents_name ON documents(name);

  CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    period      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    measure     TEXT NOT NULL,
    value       REAL,
    value_high  REAL,
    unit        TEXT NOT NULL,
    value_base  REAL,
    base_unit   TEXT,
    qualifier   TEXT NOT NULL,
    text        TEXT,
    estimated   INTEGER NOT NULL CHECK (estimated IN (0, 1)),
    quote       TEXT NOT NULL,
    span_start  INTEGER,
    span_end    INTEGER,
    CHECK (span_end >= span_start),
    UNIQUE (document_id, ordinal)
  );
  CREATE INDEX facts_indicator_period ON facts(indicator, period);
  CREATE INDEX facts_period ON facts(period);
  CREATE INDEX facts_kind ON facts(kind);

  CREATE TABLE projects (
    id                   INTEGER PRIMARY KEY,
    document_id          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal              INTEGER NOT NULL,
    name                 TEXT,
    count                INTEGER,
    investment_value     REAL,
    investment_unit      TEXT,
    investment_qualifier TEXT,
    investment_base      REAL,
    stage                TEXT NOT NULL,
    location             TEXT,
    investor             TEXT,
    industry             TEXT,
    date                 TEXT,
    quote                TEXT NOT NULL,
    span_start           INTEGER,
    span_end             INTEGER,
    CHECK (span_end >= span_start),
    UNIQUE (document_id, ordinal)
  );
  CREATE INDEX projects_stage ON projects(stage);
  `,
  // 1 → 2: paragraphs and their full-text index (src/store/search.ts), filled
  // from the documents already stored.
  migrateParagraphs,
  // 2 → 3: the text moves to a table of its own. Stored inline it pushed every
  // column after it onto overflow pages, so listing documents or joining facts
  // to their document's date read the whole text. A stored document never
  // changes, so its fact and project counts are kept with it.
  `
  CREATE TABLE document_texts (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text        TEXT NOT NULL
  );
  INSERT INTO document_texts (document_id, text) SELECT id, text FROM documents;
  ALTER TABLE documents DROP COLUMN text;
  ALTER TABLE documents ADD COLUMN fact_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE documents ADD COLUMN project_count INTEGER NOT NULL DEFAULT 0;
  UPDATE documents SET
    fact_count = (SELECT count(*) FROM facts f WHERE f.document_id = documents.id),
    project_count = (SELECT count(*) FROM projects p WHERE p.document_id = documents.id);
  `,
  // 3 → 4: documents read from web pages, PDF and Word files. The original
  // file is kept beside the text read from it (offsets refer to that text);
  // a fact and a project know the page they start on. Documents stored
  // before were text files whose bytes were not kept.
  `
  ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
  ALTER TABLE documents ADD COLUMN media_type TEXT NOT NULL DEFAULT 'text/plain';
  ALTER TABLE documents ADD COLUMN pages TEXT;  -- JSON: where each page begins in the text (PDF)
  ALTER TABLE facts ADD COLUMN page INTEGER;
  ALTER TABLE projects ADD COLUMN page INTEGER;
  CREATE TABLE document_files (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    media_type  TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    bytes       BLOB NOT NULL
  );
  `,
  // 4 → 5: a batch that breaks down another batch of its document (其中产业类项目6个,
  // 霍山县34个 under a city total) names the ordinal of that batch, so a panel
  // can sum the top-level batches without counting twice.
  `
  ALTER TABLE projects ADD COLUMN part_of INTEGER;
  `,
];
