// `npm run bench:search`: how the ways of indexing Chinese paragraphs for
// FTS5 compare, on recall and on speed.
//
//   1. recall@10 of each option on the query set src/store/search-queries.json
//      over corpus/dev (ingested through the real pipeline);
//   2. per-query latency of each option on a large generated store: corpus/dev
//      repeated with its numbers varied (--docs, default 10,000 documents).
//
// Options, all behind SearchTokenizer (src/store/search.ts):
//   bigram   character bigrams + a final unigram per run, FTS5 `ascii` tokenizer
//            over the pre-tokenised text; a 1-character term is a prefix query
//            — the shipped index;
//   trigram  FTS5 `trigram` over the normalised text; 1–2 character terms are
//            looked up with instr() on the paragraphs (restricted to the
//            trigram matches of the other terms when there are any);
//   jieba    jieba-wasm cut_for_search over text, cut over the query: every
//            word of the term must be a word of the paragraph.
//
// Latency is one search at a time (count + top 10 + snippets), with the
// ranking cache off, after one warm-up run; "cached" is the shipped search
// answering again. Every index is merged ('optimize') before timing unless
// --no-optimize. --keep FILE (a new file) keeps the large store.
//
//   node dist/bench/search-recall.js [--docs 10000] [--reps 5] [--options bigram,trigram,jieba] [--no-large] [--no-optimize] [--keep FILE]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { cut, cut_for_search } from 'jieba-wasm';
import type { SearchQuery, SearchResult } from '../api/schemas.js';
import { extract } from '../extract/pipeline.js';
import type { Extraction } from '../schema.js';
import { openStore, type Store } from '../store/index.js';
import {
  BIGRAM,
  PARAGRAPH_TEXT_SQL,
  SHIPPED_INDEX,
  facetTokens,
  fts5String,
  ftsSchema,
  normalizeForSearch,
  paragraphId,
  searchIndex,
  splitParagraphs,
  type DocumentFacets,
  type ParagraphIndex,
  type QueryTerm,
  type SearchTokenizer,
} from '../store/search.js';
import { loadCorpus, type BenchDoc } from './corpus.js';
import { loadQuerySet, type QuerySpec, type RelevantParagraph } from '../store/search-queries.js';
import { benchArgs } from './args.js';

// ─── the options ─────────────────────────────────────────────────────────────

const TRIGRAM: SearchTokenizer = {
  name: 'trigram',
  // The text is folded already; case_sensitive 1 keeps the tokenizer from folding more.
  fts5Options: "tokenize='trigram case_sensitive 1', detail=full",
  indexText: (normalized) => normalized,
  termExpression: (term) => ([...term.text].length >= 3 ? fts5String(term.text) : null),
};

const isWordy = (s: string): boolean => /[\p{L}\p{N}\p{S}\p{Co}]/u.test(s);

const JIEBA: SearchTokenizer = {
  name: 'jieba',
  fts5Options: "tokenize='unicode61 remove_diacritics 0', detail=full",
  indexText: (normalized) => cut_for_search(normalized, true).join(' '),
  termExpression: (term) => {
    const words = cut(term.text, true).filter(isWordy);
    return words.length ? words.map(fts5String).join(' AND ') : null;
  },
};

/** A term whose characters normalisation neither changes nor produces can be looked for in the original text. */
const foldFree = (s: string): boolean => /^[^\x00-\x7f]*$/u.test(s) && s === s.toUpperCase() && s === s.toLowerCase();

const INDEXES: Record<string, ParagraphIndex> = {
  bigram: SHIPPED_INDEX,
  trigram: {
    table: 'paragraphs_fts_trigram',
    tokenizer: TRIGRAM,
    docTokens: false, // d12 is a substring of d123: filter by rowid instead
    fallback: (term: QueryTerm) =>
      foldFree(term.text)
        ? { sql: `instr(${PARAGRAPH_TEXT_SQL}, ?) > 0`, params: [term.text] }
        : { sql: `instr(zb_fold(${PARAGRAPH_TEXT_SQL}), ?) > 0`, params: [term.text] },
  },
  jieba: { table: 'paragraphs_fts_jieba', tokenizer: JIEBA, docTokens: true },
};

/** Adds a non-shipped option's index to a store that has paragraphs. */
function buildIndex(db: Database.Database, index: ParagraphIndex): number {
  if (index.table === SHIPPED_INDEX.table) return 0;
  const t0 = performance.now();
  db.function('zb_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? normalizeForSearch(s) : s));
  db.exec(ftsSchema(index));
  // Paragraphs keep no text: split each document's again (the same split the shipped index made).
  type Doc = DocumentFacets & { text: string };
  const page = db.prepare<[number], Doc>(
    `SELECT d.id, d.region_code, d.doc_type, d.date, d.review_period, d.plan_period, t.text
     FROM documents d JOIN document_texts t ON t.document_id = d.id WHERE d.id > ? ORDER BY d.id LIMIT 200`,
  );
  const insert = db.prepare(`INSERT INTO ${index.table} (rowid, text, doc) VALUES (?, ?, ?)`);
  const write = db.transaction((docs: Doc[]) => {
    for (const doc of docs) {
      const facets = facetTokens(doc);
      splitParagraphs(doc.text).forEach((p, ordinal) => {
        insert.run(paragraphId(doc.id, ordinal), index.tokenizer.indexText(normalizeForSearch(p.text)), facets);
      });
    }
  });
  for (let last = 0; ; ) {
    const docs = page.all(last);
    if (docs.length === 0) break;
    write(docs);
    last = docs[docs.length - 1]!.id;
  }
  return (performance.now() - t0) / 1000;
}

function optimize(db: Database.Database, index: ParagraphIndex): void {
  db.prepare(`INSERT INTO ${index.table} (${index.table}) VALUES ('optimize')`).run();
}

// ─── the query set ───────────────────────────────────────────────────────────

/** The paragraph id a relevant entry names: the one paragraph of the document containing the text, or equal to it. */
function resolveParagraph(db: Database.Database, r: RelevantParagraph): number {
  const rows = db
    .prepare<[string], { id: number; start: number; end: number; text: string }>(
      `SELECT p.id, p.start, p."end" AS "end", t.text FROM paragraphs p JOIN documents d ON d.id = p.document_id
       JOIN document_texts t ON t.document_id = d.id WHERE d.name = ?`,
    )
    .all(r.doc)
    .map((row) => ({ id: row.id, text: row.text.slice(row.start, row.end) }))
    .filter((row) => row.text.includes(r.contains));
  const exact = rows.length > 1 ? rows.filter((row) => row.text === r.contains) : rows;
  if (exact.length !== 1) throw new Error(`${r.doc}: ${exact.length} paragraphs contain “${r.contains}”`);
  return exact[0]!.id;
}

/** recall@k = |relevant ∩ top k| / min(k, |relevant|); null when nothing is relevant. */
function recallAt(k: number, relevant: ReadonlySet<number>, ranked: readonly number[]): number | null {
  if (relevant.size === 0) return null;
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / Math.min(k, relevant.size);
}

/** Paragraph ids of a result's hits, recovered from their document offsets. */
function hitIds(db: Database.Database, result: SearchResult): number[] {
  const byOffset = db.prepare<[number, number], number>('SELECT id FROM paragraphs WHERE document_id = ? AND start = ?').pluck();
  return result.hits.map((h) => byOffset.get(h.document_id, h.paragraph[0]) ?? -1);
}

async function ingestCorpus(store: Store, docs?: BenchDoc[]): Promise<void> {
  for (const d of docs ?? (await loadCorpus())) {
    store.ingest({ name: d.name, path: null, encoding: 'utf-8', text: d.text, extraction: extract(d.text, { doc: d.name }) });
  }
}

interface RecallRow {
  q: string;
  relevant: number;
  recall: Record<string, number | null>;
  totals: Record<string, number>;
}

async function measureRecall(options: string[], queries: QuerySpec[]): Promise<RecallRow[]> {
  const store = openStore(':memory:');
  try {
    await ingestCorpus(store);
    for (const name of options) buildIndex(store.db, INDEXES[name]!);
    const rows: RecallRow[] = [];
    for (const spec of queries) {
      const relevant = new Set(spec.relevant.map((r) => resolveParagraph(store.db, r)));
      const row: RecallRow = { q: spec.q, relevant: relevant.size, recall: {}, totals: {} };
      for (const name of options) {
        const result = searchIndex(store.db, INDEXES[name]!, query(spec.q, 10), { cache: false });
        row.recall[name] = recallAt(10, relevant, hitIds(store.db, result));
        row.totals[name] = result.total;
      }
      rows.push(row);
    }
    return rows;
  } finally {
    store.close();
  }
}

function query(q: string, limit = 10, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q, limit, offset: 0, ...extra };
}

// ─── the large store ─────────────────────────────────────────────────────────

/** corpus/dev repeated to `count` documents, each copy's digits shifted so no two texts are alike. */
function* generated(docs: readonly BenchDoc[], count: number): Generator<{ name: string; text: string; base: number }> {
  for (let n = 1; n <= count; n++) {
    const base = (n - 1) % docs.length;
    const doc = docs[base]!;
    let seed = n * 2654435761;
    const text =
      doc.text.replace(/\d/g, (d) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return String((Number(d) + (seed % 10)) % 10);
      }) + `\n（副本 ${n}）\n`;
    yield { name: `${doc.name}#${n}`, text, base };
  }
}

interface LargeStore {
  file: string;
  dir: string;
  docs: number;
  paragraphs: number;
  textMB: number;
  dbMB: number;
  buildSeconds: Record<string, number>;
}

async function buildLarge(options: string[], count: number, keep: string | undefined, doOptimize: boolean): Promise<LargeStore> {
  const docs = await loadCorpus();
  const bases: Extraction[] = docs.map((d) => ({ ...extract(d.text, { doc: d.name }), facts: [], projects: [] }));
  const dir = mkdtempSync(join(tmpdir(), 'zhengbao-search-'));
  const file = keep ?? join(dir, 'search.sqlite');
  const store = openStore(file);
  store.db.pragma('synchronous = OFF');
  const buildSeconds: Record<string, number> = {};
  let textBytes = 0;
  const t0 = performance.now();
  for (const g of generated(docs, count)) {
    store.ingest({ name: g.name, path: null, encoding: 'utf-8', text: g.text, extraction: { ...bases[g.base]!, doc: g.name } });
    textBytes += Buffer.byteLength(g.text, 'utf8');
  }
  buildSeconds.bigram = (performance.now() - t0) / 1000;
  for (const name of options) if (name !== 'bigram') buildSeconds[name] = buildIndex(store.db, INDEXES[name]!);
  if (doOptimize) for (const name of options) optimize(store.db, INDEXES[name]!);
  const paragraphs = store.db.prepare('SELECT count(*) FROM paragraphs').pluck().get() as number;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { file, dir, docs: count, paragraphs, textMB: textBytes / 1e6, dbMB: statSync(file).size / 1e6, buildSeconds };
}

interface LatencyRow {
  label: string;
  total: number;
  ms: Record<string, number>;
  cachedMs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

function timeIt(fn: () => unknown, reps: number): number {
  fn(); // warm: statements prepared, pages in the cache
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function measureLatency(file: string, options: string[], cases: { label: string; params: SearchQuery }[], reps: number): LatencyRow[] {
  const store = openStore(file); // a fresh connection with the default page cache, as the server has
  try {
    store.db.function('zb_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? normalizeForSearch(s) : s));
    const rows: LatencyRow[] = [];
    for (const c of cases) {
      const row: LatencyRow = { label: c.label, total: 0, ms: {}, cachedMs: NaN };
      for (const name of options) {
        const index = INDEXES[name]!;
        row.ms[name] = timeIt(() => searchIndex(store.db, index, c.params, { cache: false }), reps);
        if (name === 'bigram') row.total = searchIndex(store.db, index, c.params, { cache: false }).total;
      }
      if (options.includes('bigram')) row.cachedMs = timeIt(() => store.search(c.params), reps);
      rows.push(row);
    }
    return rows;
  } finally {
    store.close();
  }
}

// ─── output ──────────────────────────────────────────────────────────────────

const pad = (s: string, n: number): string => {
  // CJK characters take two columns.
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - width));
};
const fmt = (x: number | null, d = 2): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(d));

function printRecall(options: string[], rows: RecallRow[]): void {
  const scored = rows.filter((r) => r.relevant > 0);
  console.log(`\nrecall@10 on corpus/dev: ${rows.length} queries (${scored.length} with relevant paragraphs)\n`);
  console.log(pad('query', 22) + pad('rel', 5) + options.map((o) => pad(o, 16)).join(''));
  for (const r of rows) {
    const cells = options.map((o) => pad(`${fmt(r.recall[o] ?? null)} (${r.totals[o]})`, 16));
    console.log(pad(r.q, 22) + pad(String(r.relevant), 5) + cells.join(''));
  }
  console.log('\n(recall, and in brackets how many paragraphs the option matched; — : nothing is relevant)\n');
  console.log(pad('option', 10) + pad('mean recall@10', 16) + 'queries below 1.0');
  for (const o of options) {
    const values = scored.map((r) => r.recall[o] ?? 0);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const misses = scored.filter((r) => (r.recall[o] ?? 0) < 1).map((r) => `${r.q} ${fmt(r.recall[o] ?? 0)}`);
    console.log(pad(o, 10) + pad(mean.toFixed(3), 16) + (misses.join(', ') || '—'));
  }
  const none = rows.filter((r) => r.relevant === 0);
  for (const r of none) console.log(`  “${r.q}” has no relevant paragraph: matched ${options.map((o) => `${o} ${r.totals[o]}`).join(', ')}`);
}

function printLatency(options: string[], large: LargeStore, rows: LatencyRow[], reps: number): void {
  console.log(
    `\nlatency on ${large.docs.toLocaleString('en-US')} generated documents, ${large.paragraphs.toLocaleString('en-US')} paragraphs, ` +
      `${large.textMB.toFixed(0)} MB text, ${large.dbMB.toFixed(0)} MB database (all options' indexes); median of ${reps} runs, ms per search (count + top 10 + snippets)`,
  );
  console.log(
    `build: ${Object.entries(large.buildSeconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')} (bigram: the whole ingest, documents and paragraphs included)\n`,
  );
  const head = pad('query', 30) + pad('matches', 9) + options.map((o) => pad(o, 9)).join('') + (options.includes('bigram') ? 'bigram cached' : '');
  console.log(head);
  for (const r of rows) {
    console.log(
      pad(r.label, 30) +
        pad(String(r.total), 9) +
        options.map((o) => pad(fmt(r.ms[o] ?? NaN), 9)).join('') +
        (options.includes('bigram') ? fmt(r.cachedMs, 3) : ''),
    );
  }
  const summary = (xs: number[]): string => {
    const s = [...xs].sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return `mean ${fmt(mean)}  median ${fmt(median(xs))}  p95 ${fmt(s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!)}  max ${fmt(s[s.length - 1]!)}`;
  };
  console.log('');
  for (const o of options) console.log(pad(o, 10) + summary(rows.map((r) => r.ms[o] ?? NaN)));
  if (options.includes('bigram')) console.log(pad('cached', 10) + summary(rows.map((r) => r.cachedMs)));
}

// ─── main ────────────────────────────────────────────────────────────────────

function usage(): never {
  console.error('usage: search-recall [--docs N] [--reps N] [--options bigram,trigram,jieba] [--no-large] [--no-optimize] [--keep FILE]');
  process.exit(2);
}

async function main(): Promise<void> {
  const values = benchArgs(
    {
      options: {
        docs: { type: 'string', default: '10000' },
        reps: { type: 'string', default: '5' },
        options: { type: 'string', default: 'bigram,trigram,jieba' },
        'no-large': { type: 'boolean', default: false },
        'no-optimize': { type: 'boolean', default: false },
        keep: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
  );
  const count = Number(values.docs);
  const reps = Number(values.reps);
  const options = values.options.split(',').map((s) => s.trim()).filter(Boolean);
  if (!(count > 0) || !(reps > 0) || options.some((o) => !INDEXES[o])) usage();
  console.log(`zhengbao search bench — node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}; options: ${options.join(', ')}`);
  console.log(`shipped index: ${BIGRAM.name} (${BIGRAM.fts5Options})`);

  const queries = loadQuerySet();
  printRecall(options, await measureRecall(options, queries));

  if (values['no-large']) return;
  const large = await buildLarge(options, count, values.keep, !values['no-optimize']);
  try {
    const cases = [
      ...queries.map((s) => ({ label: s.q, params: query(s.q) })),
      ...['发展', '增长', '的', '发展 增长', '项目 建设 投资'].map((q) => ({ label: q, params: query(q) })),
      { label: '地区生产总值 region=430602', params: query('地区生产总值', 10, { region: '430602' }) },
      { label: '发展 region=岳阳楼区', params: query('发展', 10, { region: '岳阳楼区' }) },
      { label: '发展 type=work_report', params: query('发展', 10, { type: 'work_report' }) },
      { label: '招商 year=2023', params: query('招商', 10, { year: 2023 }) },
      { label: '发展 offset=40 limit=50', params: { q: '发展', limit: 50, offset: 40 } },
    ];
    printLatency(options, large, measureLatency(large.file, options, cases, reps), reps);
  } finally {
    rmSync(large.dir, { recursive: true, force: true }); // a kept store lives elsewhere
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
