// Full-text search over paragraphs, in SQLite FTS5.
//
// A paragraph is a non-blank line of a document, trimmed; its [start, end) are
// UTF-16 offsets in the document text. Paragraphs live in `paragraphs` (with
// their original text) and are indexed in the contentless FTS5 table
// `paragraphs_fts`, whose rowid is the paragraph id.
//
// Chinese has no spaces, so the index is fed pre-tokenised text: every run of
// word characters becomes its overlapping character bigrams, with the run's
// last character as a unigram (地区生产总值 → 地区 区生 生产 产总 总值 值).
// Every character position yields exactly one token that starts with it, so
//   - a term of 3+ characters is the phrase of its bigrams,
//   - a 2-character term is one bigram,
//   - a 1-character term is a prefix query (税* matches 税收, 减税 … and a final 税),
// and every query is answered from the index as an exact substring match.
// (Measured against a trigram index and jieba segmentation in
// src/bench/search-recall.ts: same or better recall, no scan for short terms.)
//
// The index sees normalised text — full-width ASCII folded to ASCII, the
// ideographic space to a space, lower case — and normalisation keeps every
// string's length, so offsets in the normalised text are offsets in the
// original: stored text is never rewritten. Queries are normalised the same way.
//
// Paragraph ids are document id × 2^26 + ordinal, so the region/type/year
// filter is a test on rowid >> 26 against the matching documents, made without
// reading a paragraph or document row per match.
import type Database from 'better-sqlite3';
import type { SearchHit, SearchQuery, SearchResult } from '../api/schemas.js';
import type { Meta } from '../schema.js';
import { documentWhere, type SqlWhere } from './filters.js';

// ─── paragraphs ──────────────────────────────────────────────────────────────

/** Paragraph id = document id × 2^PARAGRAPH_BITS + ordinal within the document. */
export const PARAGRAPH_BITS = 26;
const PARAGRAPHS_PER_DOCUMENT = 2 ** PARAGRAPH_BITS;
/** Document ids above this would make paragraph ids unsafe as JavaScript numbers. */
const MAX_DOCUMENT_ID = Math.floor(Number.MAX_SAFE_INTEGER / PARAGRAPHS_PER_DOCUMENT);

export interface Paragraph {
  /** [start, end) of the trimmed line in the document text. */
  start: number;
  end: number;
  text: string;
}

const LINE = /[^\n\r\v\f\u0085\u2028\u2029]+/g;

/** The non-blank lines of a text, each trimmed, with their offsets in the text. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(LINE)) {
    const raw = m[0];
    const body = raw.trim();
    if (body === '') continue;
    const start = m.index + (raw.length - raw.trimStart().length);
    out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

export function paragraphId(documentId: number, ordinal: number): number {
  return documentId * PARAGRAPHS_PER_DOCUMENT + ordinal;
}

// ─── normalisation and word characters ───────────────────────────────────────

const FOLD = /[\uFF01-\uFF5E\u3000]/g;
const foldChar = (c: string): string =>
  c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, ！…～) → ASCII, the ideographic space → a space,
 * then lower case. The result has the same length as `text`, code unit for
 * code unit, so offsets carry over.
 */
export function normalizeForSearch(text: string): string {
  const folded = text.replace(FOLD, foldChar);
  const lower = folded.toLowerCase();
  if (lower.length === folded.length) return lower;
  // A character whose lower case is longer (İ → i̇): lower case the others only.
  let out = '';
  for (const ch of folded) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

// Word characters are letters, digits, marks, symbols and private-use
// characters; but in ASCII only [A-Za-z0-9], which is exactly what FTS5's
// `ascii` tokenizer keeps — so the tokens given to the index come out of it
// unchanged. Everything else (punctuation, spaces, lone surrogates) separates.
const WORD_RE = /[\p{L}\p{N}\p{M}\p{S}\p{Co}]/u;
let bmpWord: Uint8Array | undefined;

function bmpTable(): Uint8Array {
  if (bmpWord) return bmpWord;
  const t = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: pairs are looked at whole
    if (WORD_RE.test(String.fromCharCode(c))) t[c] = 1;
  }
  return (bmpWord = t);
}

/** Calls `fn` with each character of `s` (a code point as a string) and whether it is a word character. */
function eachChar(s: string, fn: (ch: string, word: boolean) => void): void {
  const table = bmpTable();
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const ch = s.slice(i, i + 2);
        fn(ch, WORD_RE.test(ch));
        i += 2;
        continue;
      }
    }
    fn(s[i]!, table[c] === 1);
    i += 1;
  }
}

/** The runs of word characters of a string, each as its list of characters. */
export function wordRuns(s: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  eachChar(s, (ch, word) => {
    if (word) run.push(ch);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

// ─── queries ─────────────────────────────────────────────────────────────────

/** One whitespace-separated word of a query, normalised. */
export interface QueryTerm {
  /** The normalised term without leading and trailing separators. */
  text: string;
  /** Its runs of word characters; punctuation inside a term (PM2.5) separates runs. */
  runs: string[][];
}

/**
 * The terms of a query: normalised, split at whitespace, without terms that
 * have no word character (a lone quote, an emoji-free run of punctuation) and
 * without repeats.
 */
export function parseQuery(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const raw of normalizeForSearch(q).split(/\s+/u)) {
    const runs = wordRuns(raw);
    if (runs.length === 0) continue;
    const key = runs.map((r) => r.join('')).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ text: trimSeparators(raw), runs });
  }
  return terms;
}

function trimSeparators(s: string): string {
  const chars: { ch: string; word: boolean }[] = [];
  eachChar(s, (ch, word) => chars.push({ ch, word }));
  let a = 0;
  let b = chars.length;
  while (a < b && !chars[a]!.word) a++;
  while (b > a && !chars[b - 1]!.word) b--;
  return chars
    .slice(a, b)
    .map((c) => c.ch)
    .join('');
}

/** An FTS5 string: the token in double quotes, any double quote doubled. */
export function fts5String(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

// ─── tokenisations ───────────────────────────────────────────────────────────

/**
 * One way of indexing paragraphs for FTS5. The shipped index uses BIGRAM; the
 * recall bench (src/bench/search-recall.ts) measures others against it.
 */
export interface SearchTokenizer {
  readonly name: string;
  /** The FTS5 table options after the column (tokenize=…, prefix=…, detail=…). */
  readonly fts5Options: string;
  /** What the index is given for a paragraph, from its normalised text. */
  indexText(normalized: string): string;
  /** An FTS5 expression matching the paragraphs that contain the term, or null when the index cannot look it up. */
  termExpression(term: QueryTerm): string | null;
}

/** Overlapping bigrams of each run of word characters, the run's last character as a unigram. */
export function bigramIndexText(normalized: string): string {
  const out: string[] = [];
  let prev = '';
  eachChar(normalized, (ch, word) => {
    if (word) {
      if (prev) out.push(prev + ch);
      prev = ch;
    } else if (prev) {
      out.push(prev);
      prev = '';
    }
  });
  if (prev) out.push(prev);
  return out.join(' ');
}

/**
 * The phrase of a term's tokens. A run followed by punctuation in the term
 * must end there in the text too, so it keeps its final unigram; the last run
 * may continue in the text, so it drops it, and when it is a single character
 * it becomes a prefix token.
 */
export function bigramTermExpression(term: QueryTerm): string | null {
  const tokens: string[] = [];
  let prefix = false;
  term.runs.forEach((run, k) => {
    const last = k === term.runs.length - 1;
    if (run.length === 1) {
      tokens.push(run[0]!);
      prefix = last;
      return;
    }
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run[i]! + run[i + 1]!);
    if (!last) tokens.push(run[run.length - 1]!);
  });
  if (tokens.length === 0) return null;
  return tokens.map(fts5String).join(' + ') + (prefix ? '*' : '');
}

export const BIGRAM: SearchTokenizer = {
  name: 'bigram',
  // `ascii` only splits at spaces here (the tokens are word characters) and
  // folds nothing beyond what normalizeForSearch did; prefix='1' indexes each
  // token's first character for the one-character terms.
  fts5Options: "tokenize='ascii', prefix='1', detail=full",
  indexText: bigramIndexText,
  termExpression: bigramTermExpression,
};

// ─── schema ──────────────────────────────────────────────────────────────────

/** An FTS5 index over `paragraphs`: its table and how it tokenises. */
export interface ParagraphIndex {
  table: string;
  tokenizer: SearchTokenizer;
  /**
   * For terms the index cannot look up (termExpression null): an SQL condition
   * on the paragraph row `p` that a matching paragraph meets. Without it such
   * terms match nothing.
   */
  fallback?: (term: QueryTerm) => { sql: string; params: unknown[] };
}

export const SHIPPED_INDEX: ParagraphIndex = { table: 'paragraphs_fts', tokenizer: BIGRAM };

export const PARAGRAPHS_SCHEMA = `
  CREATE TABLE paragraphs (
    id          INTEGER PRIMARY KEY,  -- document_id * 2^${PARAGRAPH_BITS} + ordinal
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,     -- [start, end) in the document text, UTF-16 code units
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,        -- the trimmed line, as in the document
    CHECK ("end" > start)
  );
  CREATE INDEX paragraphs_document ON paragraphs(document_id);
  -- The region/type/year filter reads these columns of every document; stored
  -- after the text they cost a walk through its overflow pages, so a search
  -- filtered by type or year scanned the whole text. A covering index reads
  -- none of it.
  CREATE INDEX IF NOT EXISTS documents_search_filter
    ON documents(doc_type, date, review_period, plan_period, region_code, region_name);
`;

/** The SQL creating an FTS5 index over paragraphs, kept in step by a delete trigger. */
export function ftsSchema(index: ParagraphIndex): string {
  const { table, tokenizer } = index;
  return `
  CREATE VIRTUAL TABLE ${table} USING fts5(text, content='', contentless_delete=1, ${tokenizer.fts5Options});
  CREATE TRIGGER ${table}_delete AFTER DELETE ON paragraphs BEGIN
    DELETE FROM ${table} WHERE rowid = old.id;
  END;
  `;
}

// ─── indexing ────────────────────────────────────────────────────────────────

interface Statements {
  insertParagraph: Database.Statement;
  insertFts: Database.Statement;
}
const indexStatements = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Database.Database): Statements {
  let s = indexStatements.get(db);
  if (!s) {
    s = {
      insertParagraph: db.prepare('INSERT INTO paragraphs (id, document_id, start, "end", text) VALUES (?, ?, ?, ?, ?)'),
      insertFts: db.prepare(`INSERT INTO ${SHIPPED_INDEX.table} (rowid, text) VALUES (?, ?)`),
    };
    indexStatements.set(db, s);
  }
  return s;
}

/**
 * Writes a document's paragraphs and indexes them; returns how many. Call it
 * inside the transaction that writes the document.
 */
export function indexParagraphs(db: Database.Database, documentId: number, text: string): number {
  if (!Number.isSafeInteger(documentId) || documentId < 1 || documentId > MAX_DOCUMENT_ID) {
    throw new RangeError(`document id ${documentId} cannot be indexed (1…${MAX_DOCUMENT_ID})`);
  }
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length > PARAGRAPHS_PER_DOCUMENT) {
    throw new RangeError(`document ${documentId} has ${paragraphs.length} paragraphs, more than ${PARAGRAPHS_PER_DOCUMENT}`);
  }
  const { insertParagraph, insertFts } = statementsFor(db);
  const tokenizer = SHIPPED_INDEX.tokenizer;
  paragraphs.forEach((p, ordinal) => {
    const id = paragraphId(documentId, ordinal);
    insertParagraph.run(id, documentId, p.start, p.end, p.text);
    insertFts.run(id, tokenizer.indexText(normalizeForSearch(p.text)));
  });
  return paragraphs.length;
}

/**
 * The migration step: creates the paragraph tables and the index, and indexes
 * the documents already stored.
 */
export function migrateParagraphs(db: Database.Database): void {
  db.exec(PARAGRAPHS_SCHEMA + ftsSchema(SHIPPED_INDEX));
  const ids = db.prepare<[], number>('SELECT id FROM documents ORDER BY id').pluck().all();
  const textOf = db.prepare<[number], string>('SELECT text FROM documents WHERE id = ?').pluck();
  for (const id of ids) indexParagraphs(db, id, textOf.get(id) ?? '');
  // One b-tree per index instead of one segment per document: faster queries.
  if (ids.length > 0) db.prepare(`INSERT INTO ${SHIPPED_INDEX.table} (${SHIPPED_INDEX.table}) VALUES ('optimize')`).run();
}

// ─── matches and snippets ────────────────────────────────────────────────────

/** Separators between the runs of a term, as a regular expression. */
const SEPARATORS = '(?:[\\0-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]|[^\\p{L}\\p{N}\\p{M}\\p{S}\\p{Co}])+';
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A function listing a term's occurrences in a normalised text: non-overlapping [start, end). */
type Finder = (normalized: string) => [number, number][];

function finderFor(term: QueryTerm): Finder {
  if (term.runs.length === 1) {
    const needle = term.runs[0]!.join('');
    return (text) => {
      const out: [number, number][] = [];
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
        out.push([i, i + needle.length]);
      }
      return out;
    };
  }
  const source = term.runs.map((r) => escapeRegExp(r.join(''))).join(SEPARATORS);
  return (text) => {
    const out: [number, number][] = [];
    for (const m of text.matchAll(new RegExp(source, 'gu'))) out.push([m.index, m.index + m[0].length]);
    return out;
  };
}

/** Every occurrence of every term, sorted; overlapping occurrences of different terms merged. */
export function findMatches(normalizedParagraph: string, finders: readonly Finder[]): [number, number][] {
  const all = finders.flatMap((f) => f(normalizedParagraph)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of all) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export const SNIPPET_LENGTH = 120;
/** How much text before the first match the snippet shows, at most. */
const SNIPPET_LEAD = 40;
const SENTENCE_END = /[。！？；!?;]/g;
const OPENING_PUNCTUATION = /[，,、：:]/;

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * A window of about SNIPPET_LENGTH characters of the paragraph around the
 * first match: starting at most SNIPPET_LEAD before it (at a sentence start
 * when there is one in that lead), kept inside the paragraph, never splitting
 * a surrogate pair. `matches` are relative to the paragraph.
 */
export function snippetWindow(paragraph: string, matches: readonly [number, number][]): [number, number] {
  const n = paragraph.length;
  if (n <= SNIPPET_LENGTH) return [0, n];
  const [first, firstEnd] = matches[0] ?? [0, 0];
  let s = Math.max(0, first - SNIPPET_LEAD);
  const lead = paragraph.slice(s, first);
  let sentence = -1;
  for (const m of lead.matchAll(SENTENCE_END)) sentence = m.index;
  if (sentence >= 0) s += sentence + 1;
  else if (s > 0 && s < first && OPENING_PUNCTUATION.test(paragraph[s]!)) s += 1; // not on a comma
  let e = Math.min(n, Math.max(s + SNIPPET_LENGTH, firstEnd));
  if (e - s < SNIPPET_LENGTH) s = Math.max(0, e - SNIPPET_LENGTH);
  if (s > 0 && s < n && isLowSurrogate(paragraph.charCodeAt(s))) s--;
  if (e < n && e > 0 && isHighSurrogate(paragraph.charCodeAt(e - 1))) e++;
  return [s, e];
}

// ─── search ──────────────────────────────────────────────────────────────────

interface HitRow {
  id: number;
  start: number;
  end: number;
  text: string;
  document_id: number;
  name: string;
  title: string | null;
  doc_type: Meta['doc_type'];
  region_code: string | null;
  region_name: string | null;
  date: string | null;
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

interface Plan {
  /** FROM … WHERE … selecting matching paragraphs, exposing `pid` and `score`. */
  from: string;
  pid: string;
  score: string;
  params: unknown[];
}

/** The SQL finding the paragraphs that contain every term, restricted to documents passing `filter`. */
function plan(index: ParagraphIndex, terms: readonly QueryTerm[], filter: SqlWhere): Plan | null {
  const expressions: string[] = [];
  const conditions: string[] = [];
  const conditionParams: unknown[] = [];
  for (const term of terms) {
    const expression = index.tokenizer.termExpression(term);
    if (expression !== null) {
      expressions.push(expression);
      continue;
    }
    if (!index.fallback) return null; // the term cannot be found, so neither can the paragraphs
    const c = index.fallback(term);
    conditions.push(c.sql);
    conditionParams.push(...c.params);
  }
  const documents = filter.sql ? `SELECT d.id FROM documents d WHERE ${filter.sql}` : '';
  const { table } = index;
  if (expressions.length > 0) {
    const where = [`${table} MATCH ?`];
    if (documents) where.push(`(${table}.rowid >> ${PARAGRAPH_BITS}) IN (${documents})`);
    const join = conditions.length > 0 ? ` JOIN paragraphs p ON p.id = ${table}.rowid` : '';
    where.push(...conditions);
    return {
      from: `FROM ${table}${join} WHERE ${where.join(' AND ')}`,
      pid: `${table}.rowid`,
      score: `bm25(${table})`,
      params: [expressions.join(' AND '), ...(documents ? filter.params : []), ...conditionParams],
    };
  }
  // No term the index can look up: scan the paragraphs, shortest first.
  const where = [...conditions];
  if (documents) where.push(`p.document_id IN (${documents})`);
  return {
    from: `FROM paragraphs p WHERE ${where.join(' AND ')}`,
    pid: 'p.id',
    score: 'length(p.text)',
    params: [...conditionParams, ...(documents ? filter.params : [])],
  };
}

const HIT_SQL = `SELECT p.id, p.start, p."end" AS "end", p.text, d.id AS document_id, d.name, d.title, d.doc_type,
    d.region_code, d.region_name, d.date
  FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`;

function buildHit(row: HitRow, score: number, finders: readonly Finder[]): SearchHit {
  const matches = findMatches(normalizeForSearch(row.text), finders);
  const [s, e] = snippetWindow(row.text, matches);
  const highlights: [number, number][] = [];
  for (const [ms, me] of matches) {
    const a = Math.max(ms, s);
    const b = Math.min(me, e);
    if (a < b) highlights.push([a - s, b - s]);
  }
  return {
    document_id: row.document_id,
    document_name: row.name,
    title: row.title,
    doc_type: row.doc_type,
    region_code: row.region_code,
    region_name: row.region_name,
    date: row.date,
    paragraph: [row.start, row.end],
    snippet: { text: row.text.slice(s, e), start: row.start + s, highlights },
    matches: matches.map(([ms, me]) => [row.start + ms, row.start + me]),
    score,
  };
}

export interface SearchOptions {
  /** Reuse results while the database is unchanged (default true). */
  cache?: boolean;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

/** Searches `index`; the shipped search is searchParagraphs. */
export function searchIndex(
  db: Database.Database,
  index: ParagraphIndex,
  params: SearchQuery,
  options: SearchOptions = {},
): SearchResult {
  const q = typeof params.q === 'string' ? params.q : '';
  const limit = clampInt(params.limit, DEFAULT_LIMIT, 0, MAX_LIMIT);
  const offset = clampInt(params.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const empty: SearchResult = { q, total: 0, limit, offset, hits: [] };
  const terms = parseQuery(q);
  if (terms.length === 0) return empty;

  const filter = documentWhere({ region: params.region, type: params.type, year: params.year });
  const useCache = options.cache !== false;
  const key = useCache
    ? JSON.stringify([index.table, terms.map((t) => t.runs.map((r) => r.join(''))), filter, limit, offset])
    : '';
  const cache = useCache ? resultCache(db) : null;
  const cached = cache?.get(key);
  if (cached) return { ...structuredClone(cached), q };

  const p = plan(index, terms, filter);
  let result = empty;
  if (p) {
    const total = prepared(db, `SELECT count(*) ${p.from}`).pluck().get(...p.params) as number;
    let hits: SearchHit[] = [];
    if (total > offset && limit > 0) {
      const ranked = prepared(db, `SELECT ${p.pid} AS pid, ${p.score} AS score ${p.from} ORDER BY score, pid LIMIT ? OFFSET ?`)
        .raw()
        .all(...p.params, limit, offset) as [number, number][];
      const finders = terms.map(finderFor);
      const hitRow = prepared(db, HIT_SQL);
      hits = ranked.flatMap(([pid, score]) => {
        const row = hitRow.get(pid) as HitRow | undefined;
        return row ? [buildHit(row, score, finders)] : [];
      });
    }
    result = { q, total, limit, offset, hits };
  }
  cache?.set(key, structuredClone(result));
  return result;
}

/**
 * Paragraphs containing every whitespace-separated word of `params.q`, ranked
 * by bm25 (lower is better), filtered by region, type and year. Any query
 * string is safe; one without a word character finds nothing.
 */
export function searchParagraphs(db: Database.Database, params: SearchQuery): SearchResult {
  return searchIndex(db, SHIPPED_INDEX, params);
}

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

// ─── result cache ────────────────────────────────────────────────────────────

// A search server answers the same queries again and again, and a frequent
// word costs bm25 over every paragraph that contains it. Results are kept
// while the database is unchanged: the stamp combines PRAGMA data_version
// (commits by other connections), total_changes() (writes by this one) and
// the schema version.
const CACHE_SIZE = 512;

class ResultCache {
  private stamp = '';
  private readonly entries = new Map<string, SearchResult>();
  private readonly stampStatement: Database.Statement;

  constructor(db: Database.Database) {
    this.stampStatement = db
      .prepare(
        `SELECT (SELECT data_version FROM pragma_data_version()) || ':' || total_changes() || ':' ||
          (SELECT schema_version FROM pragma_schema_version())`,
      )
      .pluck();
  }

  private check(): void {
    const stamp = this.stampStatement.get() as string;
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
  }

  get(key: string): SearchResult | undefined {
    this.check();
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: SearchResult): void {
    this.check();
    this.entries.set(key, value);
    if (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
  }
}

const resultCaches = new WeakMap<Database.Database, ResultCache>();

function resultCache(db: Database.Database): ResultCache {
  let c = resultCaches.get(db);
  if (!c) resultCaches.set(db, (c = new ResultCache(db)));
  return c;
}
