// Full-text search over paragraphs, in SQLite FTS5.
//
// A paragraph is a non-blank line of a document, trimmed; its [start, end) are
// UTF-16 offsets in the document text. Paragraphs live in `paragraphs` (offsets
// only: their text is read from the document's, in document_texts) and are
// indexed in the contentless FTS5 table `paragraphs_fts`, whose rowid is the
// paragraph id.
//
// Chinese has no spaces, so the index is fed pre-tokenised text: every run of
// word characters becomes its overlapping character bigrams, with the run's
// last character as a unigram (地区生产总值 → 地区 区生 生产 产总 总值 值);
// a decimal point between digits stays in the run (增长6.5% → … 长6 6． ．5 5).
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
// The region/type/year filter (documentWhere, src/store/filters.ts) is
// answered inside the index: the `doc` column of every paragraph holds its
// document's facets as tokens (d<id>, r<region code>, t<type>, y<year> for the
// date, review and plan periods — see facetTokens), so a filter joins the FTS5
// query and the index intersects doclists instead of testing every match of
// the term. A filter the tokens cannot say exactly (a region name shared by
// codes with other names) falls back to the documents table: their doc tokens
// when few documents pass, else each match's document (rowid >> 26) looked up.
//
// bm25 costs about half a microsecond per matching paragraph (the docsize
// lookup, the instances), which a word in tens of thousands of paragraphs
// turns into tens of milliseconds; the total alone is a cheap count in the
// index. So rankings are cached per query and filter while the database is
// unchanged (see RankingCache).
import type Database from 'better-sqlite3';
import type { SearchHit, SearchQuery, SearchResult } from '../api/schemas.js';
import type { Meta } from '../schema.js';
import { documentWhere, REGION_CODE, regionClause, type DocumentFilter, type SqlWhere } from './filters.js';
import { prepared } from './prepared.js';

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

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * A decimal point between digits (6.5, 747.7) belongs to the word: a number
 * is one run, so "6.5" is a phrase of bigrams and not "6" followed by a
 * prefix query for every token that starts with 5.
 */
const isDecimalPoint = (s: string, i: number): boolean =>
  s.charCodeAt(i) === 0x2e && i > 0 && isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1));

/**
 * In the index a decimal point is written as the full-width full stop, which
 * the `ascii` tokenizer keeps inside a token and normalised text never holds.
 */
const INDEXED_POINT = '\uFF0E';

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
    fn(s[i]!, table[c] === 1 || isDecimalPoint(s, i));
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
 * have no word character (a lone quote, only punctuation) and without
 * repeats.
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
  // The hot loop of indexing: characters by table lookup, no callbacks.
  const table = bmpTable();
  const out: string[] = [];
  let prev = '';
  for (let i = 0; i < normalized.length; ) {
    const c = normalized.charCodeAt(i);
    let ch: string;
    let word: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < normalized.length && isLowSurrogate(normalized.charCodeAt(i + 1))) {
      ch = normalized.slice(i, i + 2);
      word = WORD_RE.test(ch);
      i += 2;
    } else if (c === 0x2e && isDecimalPoint(normalized, i)) {
      ch = INDEXED_POINT;
      word = true;
      i += 1;
    } else {
      ch = normalized[i]!;
      word = table[c] === 1;
      i += 1;
    }
    if (word) {
      if (prev) out.push(prev + ch);
      prev = ch;
    } else if (prev) {
      out.push(prev);
      prev = '';
    }
  }
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
  const indexed = term.runs.map((run) => run.map((ch) => (ch === '.' ? INDEXED_POINT : ch)));
  indexed.forEach((run, k) => {
    const last = k === indexed.length - 1;
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
  // folds nothing beyond what normalizeForSearch did. No prefix index
  // (prefix='1'): it made one-character terms 1.3–2× faster but writing the
  // index 45% slower, and ingest has a throughput bar to keep.
  fts5Options: "tokenize='ascii', detail=full",
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
  /**
   * Whether the `doc` column's tokens (facetTokens: d<document id>, r<region
   * code>…) can be matched exactly, so that a filter is answered inside the
   * index (true for BIGRAM; not for a trigram index, where d12 is inside d123).
   */
  docTokens: boolean;
}

export const SHIPPED_INDEX: ParagraphIndex = { table: 'paragraphs_fts', tokenizer: BIGRAM, docTokens: true };

/** The `doc` column's token for a document: its id, which the filter can ask for. */
export const docToken = (documentId: number): string => `d${documentId}`;

/** The columns of a document that the filter asks about. */
export interface DocumentFacets {
  id: number;
  region_code: string | null;
  doc_type: string;
  date: string | null;
  review_period: string | null;
  plan_period: string | null;
}

/** r<code>, for a code the filter can name (6 or 12 digits). */
const regionToken = (code: string | null): string | null => (code !== null && REGION_CODE.test(code) ? `r${code}` : null);
/** t<type> without the underscore, which the `ascii` tokenizer would split at (tworkreport). */
const typeToken = (type: string): string | null => {
  const t = type.replaceAll('_', '');
  return /^[a-z0-9]+$/.test(t) ? `t${t}` : null;
};
/**
 * y<year> when `value` starts with what String(year) is for a year of four
 * digits: the filter compares substr(value, 1, 4) with it (filters.ts).
 */
const yearToken = (value: string | null | undefined): string | null => {
  const y = value?.slice(0, 4);
  return y !== undefined && /^[1-9][0-9]{3}$/.test(y) ? `y${y}` : null;
};

/**
 * The `doc` column of each of a document's paragraphs: its facets as tokens,
 * always six of them (a missing facet repeats the document token).
 * bm25 counts every column's tokens in a paragraph's length, even a column
 * weighted 0; the same count everywhere shifts every length alike, so no
 * paragraph ranks lower for having more facets.
 */
export function facetTokens(doc: DocumentFacets): string {
  const d = docToken(doc.id);
  const slots = [
    d,
    regionToken(doc.region_code),
    typeToken(doc.doc_type),
    yearToken(doc.date),
    yearToken(doc.review_period),
    yearToken(doc.plan_period),
  ];
  return slots.map((t) => t ?? d).join(' ');
}

export const PARAGRAPHS_SCHEMA = `
  CREATE TABLE paragraphs (
    id          INTEGER PRIMARY KEY,  -- document_id * 2^${PARAGRAPH_BITS} + ordinal
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,     -- [start, end) in the document text, UTF-16 code units
    "end"       INTEGER NOT NULL,     -- (the text is the document's: not stored twice)
    astral      INTEGER NOT NULL,     -- characters beyond U+FFFF (two code units each) before start
    CHECK ("end" > start)
  );
  CREATE INDEX paragraphs_document ON paragraphs(document_id);
  -- A filter the index's facet tokens cannot answer reads these columns of
  -- many documents (a year is a substr() test, so it scans): a covering index
  -- keeps that scan to a few pages.
  CREATE INDEX IF NOT EXISTS documents_search_filter
    ON documents(doc_type, date, review_period, plan_period, region_code, region_name);
`;

/** Segments of one level that FTS5 merges into one as it writes (its default: 4). */
const AUTOMERGE = 16;

/**
 * The SQL creating an FTS5 index over paragraphs, kept in step by a delete
 * trigger. Column `text` is the paragraph; column `doc` holds its document's
 * facets (facetTokens), so that a filtered search intersects doclists in the
 * index instead of testing every match.
 */
export function ftsSchema(index: ParagraphIndex): string {
  const { table, tokenizer } = index;
  return `
  CREATE VIRTUAL TABLE ${table} USING fts5(text, doc, content='', contentless_delete=1, ${tokenizer.fts5Options});
  -- Each ingest (a transaction per document) writes a small segment; merge
  -- 16 of a level at a time instead of 4. Half the merging: ingest ~25% faster
  -- (npm run bench), for queries that read a few more segments until 'optimize'.
  INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${AUTOMERGE});
  CREATE TRIGGER ${table}_delete AFTER DELETE ON paragraphs BEGIN
    DELETE FROM ${table} WHERE rowid = old.id;
  END;
  `;
}

// ─── indexing ────────────────────────────────────────────────────────────────

const FACETS_SQL = 'SELECT id, region_code, doc_type, date, review_period, plan_period FROM documents WHERE id = ?';

/**
 * Writes a document's paragraphs and indexes them; returns how many. Call it
 * inside the transaction that writes the document, after its documents row
 * (the index holds the row's facets).
 */
export function indexParagraphs(db: Database.Database, documentId: number, text: string): number {
  if (!Number.isSafeInteger(documentId) || documentId < 1 || documentId > MAX_DOCUMENT_ID) {
    throw new RangeError(`document id ${documentId} cannot be indexed (1…${MAX_DOCUMENT_ID})`);
  }
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length > PARAGRAPHS_PER_DOCUMENT) {
    throw new RangeError(`document ${documentId} has ${paragraphs.length} paragraphs, more than ${PARAGRAPHS_PER_DOCUMENT}`);
  }
  const doc = prepared<[number], DocumentFacets>(db, FACETS_SQL).get(documentId);
  if (!doc) throw new Error(`document ${documentId} is not stored: write it before its paragraphs`);
  const facets = facetTokens(doc);
  const astral = astralBefore(text, paragraphs);
  const insertParagraph = prepared(db, 'INSERT INTO paragraphs (id, document_id, start, "end", astral) VALUES (?, ?, ?, ?, ?)');
  const insertFts = prepared(db, `INSERT INTO ${SHIPPED_INDEX.table} (rowid, text, doc) VALUES (?, ?, ?)`);
  const tokenizer = SHIPPED_INDEX.tokenizer;
  paragraphs.forEach((p, ordinal) => {
    const id = paragraphId(documentId, ordinal);
    insertParagraph.run(id, documentId, p.start, p.end, astral[ordinal]);
    insertFts.run(id, tokenizer.indexText(normalizeForSearch(p.text)), facets);
  });
  return paragraphs.length;
}

/** For each paragraph, how many surrogate pairs the text has before it. */
function astralBefore(text: string, paragraphs: readonly Paragraph[]): number[] {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return paragraphs.map(() => 0);
  const pairs = [...text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)].map((m) => m.index);
  let k = 0;
  return paragraphs.map((p) => {
    while (k < pairs.length && pairs[k]! < p.start) k++;
    return k;
  });
}

/**
 * The migration step: creates the paragraph tables and the index, and indexes
 * the documents already stored (whose text is still in documents.text).
 */
export function migrateParagraphs(db: Database.Database): void {
  db.exec(PARAGRAPHS_SCHEMA + ftsSchema(SHIPPED_INDEX));
  const ids = db.prepare<[], number>('SELECT id FROM documents ORDER BY id').pluck().all();
  const textOf = db.prepare<[number], string>('SELECT text FROM documents WHERE id = ?').pluck();
  for (const id of ids) indexParagraphs(db, id, textOf.get(id) ?? '');
  if (ids.length > 0) optimizeIndex(db);
}

/**
 * Merges the index into one b-tree. Every ingested document commits a segment
 * of its own; automerge keeps their number down, and after a bulk load one
 * merge of everything makes searches about 8% faster (seconds for 10,000 documents).
 */
export function optimizeIndex(db: Database.Database): void {
  db.prepare(`INSERT INTO ${SHIPPED_INDEX.table} (${SHIPPED_INDEX.table}) VALUES ('optimize')`).run();
}

// ─── matches and snippets ────────────────────────────────────────────────────

/** Separators between the runs of a term, as a regular expression (a decimal point is none). */
const SEPARATORS =
  '(?:(?!(?<=[0-9])\\.(?=[0-9]))(?:[\\0-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]|[^\\p{L}\\p{N}\\p{M}\\p{S}\\p{Co}]))+';
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
  /** The paragraph's text, maybe followed by more (PARAGRAPH_TEXT_SQL). */
  text: string;
  document_id: number;
  name: string;
  title: string | null;
  doc_type: Meta['doc_type'];
  region_code: string | null;
  region_name: string | null;
  date: string | null;
}

/** At most this many documents passing a filter are matched in the index by their doc tokens. */
const FEW_DOCUMENTS = 64;

/**
 * The paragraph's text and maybe a little more, in SQL, for paragraph `p`
 * joined to its document text `t`. substr() counts characters, and offsets
 * are UTF-16 code units: a character beyond U+FFFF is two of them, which
 * `astral` counts before the paragraph. Inside it such a character makes
 * substr() return more than the paragraph: its first "end" - start code
 * units are the paragraph. Reading only this much of a document's text costs
 * far less than converting the whole text to a JavaScript string.
 */
export const PARAGRAPH_TEXT_SQL = 'substr(t.text, p.start - p.astral + 1, p."end" - p.start)';

interface Plan {
  /** FROM … WHERE … selecting the matching paragraphs. */
  from: string;
  /** Their id and bm25 as SQL expressions. */
  pid: string;
  score: string;
  params: unknown[];
  /** Count and rank in one statement (a filter tested row by row: one pass over the matches, not two). */
  together: boolean;
}

/**
 * A facet token is worth matching in the index only when few paragraphs have
 * it. bm25 walks every phrase of the query once to weigh it (its IDF), the
 * facet's too, so a facet of many paragraphs (a work report: a third of them)
 * costs more that way than testing each match's document (measured: faster
 * up to ~15% of the paragraphs, slower from ~35%).
 */
const SELECTIVE_SHARE = 0.25;

/**
 * The filter said in the index, as an FTS5 expression on the `doc` column:
 * `exact` when it says the whole filter, else the documents table tests each
 * of the (fewer) matches; null when no document can pass. In order of cost:
 *   - a region alone: its code's token (a region has few paragraphs);
 *   - at most FEW_DOCUMENTS documents passing: their doc tokens;
 *   - a selective type or year, or a region: their facet tokens.
 */
function sayFilter(db: Database.Database, documentFilter: DocumentFilter, filter: SqlWhere): { match: string; exact: boolean } | null {
  const region = documentFilter.region?.trim() ? regionExpression(db, documentFilter.region.trim()) : undefined;
  if (region === null) return null;
  const regionOnly = documentFilter.type === undefined && documentFilter.year === undefined;
  if (region && regionOnly) return { match: region, exact: true };
  const few = prepared(db, `SELECT d.id FROM documents d WHERE ${filter.sql} LIMIT ${FEW_DOCUMENTS + 1}`)
    .pluck()
    .all(...filter.params) as number[];
  if (few.length === 0) return null;
  if (few.length <= FEW_DOCUMENTS) return { match: few.map((id) => fts5String(docToken(id))).join(' OR '), exact: true };
  if (region) return { match: region, exact: false };
  const parts: string[] = [];
  let exact = true;
  const selective = (token: string | null): void => {
    if (token !== null && facetShare(db, token) <= SELECTIVE_SHARE) parts.push(fts5String(token));
    else exact = false;
  };
  if (region === undefined && documentFilter.region?.trim()) exact = false;
  if (documentFilter.type !== undefined) selective(typeToken(documentFilter.type));
  if (documentFilter.year !== undefined) {
    const y = String(documentFilter.year);
    const token = yearToken(y);
    selective(token === `y${y}` ? token : null);
  }
  return { match: parts.join(' AND '), exact: exact && parts.length > 0 };
}

/**
 * A region (a code or a name) as facet tokens; null when no document has it;
 * undefined when the tokens cannot say it: a name whose documents' codes
 * other documents have under another name, or a document so named without a code.
 */
function regionExpression(db: Database.Database, region: string): string | null | undefined {
  if (REGION_CODE.test(region)) return fts5String(`r${region}`);
  const clause = regionClause(region);
  const codes = prepared(
    db,
    `SELECT d.region_code AS code, count(*) = (SELECT count(*) FROM documents e WHERE e.region_code = d.region_code) AS whole
     FROM documents d WHERE ${clause.sql} GROUP BY d.region_code`,
  ).all(...clause.params) as { code: string | null; whole: number }[];
  if (codes.length === 0) return null;
  const tokens = codes.map((c) => (c.whole ? regionToken(c.code) : null));
  if (tokens.some((t) => t === null)) return undefined;
  return tokens.length === 1 ? fts5String(tokens[0]!) : `(${tokens.map((t) => fts5String(t!)).join(' OR ')})`;
}

/** The share of all paragraphs whose `doc` column has `token`; counted once while the database is unchanged. */
function facetShare(db: Database.Database, token: string): number {
  const cache = facetCache(db);
  let share = cache.get(token);
  if (share === undefined) {
    const count = (match: string): number =>
      prepared(db, `SELECT count(*) FROM ${SHIPPED_INDEX.table} WHERE ${SHIPPED_INDEX.table} MATCH ?`).pluck().get(match) as number;
    let all = cache.get('');
    if (all === undefined) cache.set('', (all = prepared(db, 'SELECT count(*) FROM paragraphs').pluck().get() as number));
    share = all === 0 ? 0 : count(`{doc} : ${fts5String(token)}`) / all;
    cache.set(token, share);
  }
  return share;
}

/**
 * The SQL finding the paragraphs that contain every term, restricted to
 * documents passing `filter`; null when nothing can match.
 *
 * What the filter can say with the `doc` column's tokens joins the FTS5
 * expression (sayFilter), and the index intersects the doclists; whatever
 * they leave unsaid, each match's document (rowid >> PARAGRAPH_BITS) is
 * looked up among the documents passing the filter.
 */
function plan(
  db: Database.Database,
  index: ParagraphIndex,
  terms: readonly QueryTerm[],
  documentFilter: DocumentFilter,
  filter: SqlWhere,
): Plan | null {
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
    let match = `{text} : (${expressions.join(' AND ')})`;
    const where = [`${table} MATCH ?`];
    const params: unknown[] = [];
    if (documents) {
      const said = index.docTokens ? sayFilter(db, documentFilter, filter) : undefined;
      if (said === null) return null;
      if (said?.match) match += ` AND {doc} : (${said.match})`;
      if (!said?.exact) {
        where.push(`(${table}.rowid >> ${PARAGRAPH_BITS}) IN (${documents})`);
        params.push(...filter.params);
      }
    }
    const join =
      conditions.length > 0 ? ` JOIN paragraphs p ON p.id = ${table}.rowid JOIN document_texts t ON t.document_id = p.document_id` : '';
    where.push(...conditions);
    return {
      from: `FROM ${table}${join} WHERE ${where.join(' AND ')}`,
      pid: `${table}.rowid`,
      // The doc column's tokens are facets, not words: weight 0.
      score: `bm25(${table}, 1.0, 0.0)`,
      params: [match, ...params, ...conditionParams],
      together: params.length > 0 || conditions.length > 0,
    };
  }
  // No term the index can look up: scan the paragraphs, shortest first.
  const where = [...conditions];
  if (documents) where.push(`p.document_id IN (${documents})`);
  return {
    from: `FROM paragraphs p JOIN document_texts t ON t.document_id = p.document_id WHERE ${where.join(' AND ')}`,
    pid: 'p.id',
    score: 'p."end" - p.start',
    params: [...conditionParams, ...(documents ? filter.params : [])],
    together: true,
  };
}

const HIT_SQL = `SELECT p.id, p.start, p."end" AS "end", ${PARAGRAPH_TEXT_SQL} AS text, d.id AS document_id, d.name, d.title,
    d.doc_type, d.region_code, d.region_name, d.date
  FROM paragraphs p JOIN documents d ON d.id = p.document_id JOIN document_texts t ON t.document_id = p.document_id
  WHERE p.id = ?`;

function buildHit(row: HitRow, paragraph: string, score: number, finders: readonly Finder[]): SearchHit {
  const matches = findMatches(normalizeForSearch(paragraph), finders);
  const [s, e] = snippetWindow(paragraph, matches);
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
    snippet: { text: paragraph.slice(s, e), start: row.start + s, highlights },
    matches: matches.map(([ms, me]) => [row.start + ms, row.start + me]),
    score,
  };
}

export interface SearchOptions {
  /** Reuse totals and rankings while the database is unchanged (default true). */
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

  const documentFilter: DocumentFilter = { region: params.region, type: params.type, year: params.year };
  const filter = documentWhere(documentFilter);
  const useCache = options.cache !== false;
  const key = useCache ? JSON.stringify([index.table, terms.map((t) => t.runs.map((r) => r.join(''))), filter]) : '';
  const cache = useCache ? rankingCache(db) : null;
  let ranking = cache?.get(key);
  if (!ranking || (ranking.ranked.length < offset + limit && ranking.ranked.length < ranking.total)) {
    ranking = rank(db, index, terms, documentFilter, filter, offset + limit);
    const { total, ranked } = ranking;
    cache?.set(key, ranked.length > MAX_CACHED_DEPTH ? { total, ranked: ranked.slice(0, MAX_CACHED_DEPTH) } : ranking);
  }
  if (ranking.total === 0) return empty;

  const finders = terms.map(finderFor);
  const hitRow = prepared<[number], HitRow>(db, HIT_SQL);
  const hits = ranking.ranked.slice(offset, offset + limit).flatMap(([pid, score]) => {
    const row = hitRow.get(pid);
    return row ? [buildHit(row, row.text.slice(0, row.end - row.start), score, finders)] : [];
  });
  return { q, total: ranking.total, limit, offset, hits };
}

/** How many paragraphs a query matches, and the best of them in order: [paragraph id, bm25]. */
interface Ranking {
  total: number;
  ranked: [number, number][];
}

/** Ranked at least this deep, so that the next pages come from the cache. */
const RANK_DEPTH = 50;
/** A deep page is served, but only this much of its ranking is kept. */
const MAX_CACHED_DEPTH = 1000;

function rank(
  db: Database.Database,
  index: ParagraphIndex,
  terms: readonly QueryTerm[],
  documentFilter: DocumentFilter,
  filter: SqlWhere,
  depth: number,
): Ranking {
  const p = plan(db, index, terms, documentFilter, filter);
  if (!p) return { total: 0, ranked: [] };
  const limit = depth === 0 ? 0 : Math.max(depth, RANK_DEPTH);
  if (p.together) {
    // The matches once, into a temporary b-tree: counted, and the best sorted out.
    const rows = prepared(
      db,
      `WITH m AS MATERIALIZED (SELECT ${p.pid} AS pid, ${p.score} AS score ${p.from})
       SELECT (SELECT count(*) FROM m), pid, score FROM m ORDER BY score, pid LIMIT ?`,
    )
      .raw()
      .all(...p.params, Math.max(limit, 1)) as [number, number, number][];
    if (rows.length === 0) return { total: 0, ranked: [] };
    return { total: rows[0]![0], ranked: limit === 0 ? [] : rows.map(([, pid, score]) => [pid, score]) };
  }
  // The index counts without ranking, cheaply; ranking only the best keeps a small sorter.
  const total = prepared(db, `SELECT count(*) ${p.from}`).pluck().get(...p.params) as number;
  if (total === 0 || limit === 0) return { total, ranked: [] };
  const ranked = prepared(db, `SELECT ${p.pid} AS pid, ${p.score} AS score ${p.from} ORDER BY score, pid LIMIT ?`)
    .raw()
    .all(...p.params, limit) as [number, number][];
  return { total, ranked };
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

// ─── ranking cache ───────────────────────────────────────────────────────────

// A search server answers the same queries again and again, and a frequent
// word costs bm25 over every paragraph that contains it (about half a
// microsecond each: 35 ms for a word in 68,000 paragraphs). So the total and
// the top of the ranking are kept per query and filter, while the database is
// unchanged: the stamp combines PRAGMA data_version (commits by other
// connections), total_changes() (writes by this one) and the schema version.
// Hits are built afresh from it, for any page within the ranked depth.
const CACHE_SIZE = 1024;

/** Values kept while the database is unchanged, the least recently used dropped past `size`. */
class StampedCache<V> {
  private stamp = '';
  private readonly entries = new Map<string, V>();
  private readonly stampStatement: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly size: number,
  ) {
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

  get(key: string): V | undefined {
    this.check();
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    this.check();
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

const rankingCaches = new WeakMap<Database.Database, StampedCache<Ranking>>();

function rankingCache(db: Database.Database): StampedCache<Ranking> {
  let c = rankingCaches.get(db);
  if (!c) rankingCaches.set(db, (c = new StampedCache(db, CACHE_SIZE)));
  return c;
}

/** The share of paragraphs having each facet token (and under '' how many paragraphs there are): index statistics, kept even with the ranking cache off. */
const facetCaches = new WeakMap<Database.Database, StampedCache<number>>();

function facetCache(db: Database.Database): StampedCache<number> {
  let c = facetCaches.get(db);
  if (!c) facetCaches.set(db, (c = new StampedCache(db, CACHE_SIZE)));
  return c;
}
