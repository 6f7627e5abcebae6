import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResult, type SearchQuery } from '../api/schemas.js';
import { extract } from '../extract/pipeline.js';
import { readDocument } from '../ingest/read.js';
import { MIGRATIONS, normalizeForSearch, openStore, parseQuery, splitParagraphs, type Store } from './index.js';
import { documentWhere, type DocumentFilter } from './filters.js';
import { loadQuerySet, type RelevantParagraph } from './search-queries.js';
import { bigramTermExpression, PARAGRAPH_BITS, searchIndex, SHIPPED_INDEX, snippetWindow, SNIPPET_LENGTH } from './search.js';

const CORPUS = new URL('../../corpus/dev/', import.meta.url);

const QUERIES = loadQuerySet();

let store: Store;
const texts = new Map<number, string>(); // document id → text

beforeAll(async () => {
  store = openStore(':memory:');
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const read = await readDocument(join(CORPUS.pathname, f));
    const { id } = store.ingest({
      name: read.name,
      path: read.path,
      encoding: read.encoding,
      text: read.text,
      extraction: extract(read.text, { doc: read.name }),
    });
    texts.set(id, read.text);
  }
});

afterAll(() => store.close());

const search = (q: string, extra: Partial<SearchQuery> = {}): SearchResult =>
  store.search({ q, limit: 10, offset: 0, ...extra });

interface ParagraphRow {
  id: number;
  document_id: number;
  start: number;
  end: number;
  text: string;
}
/** Every paragraph with its text, cut from the document's (paragraphs keep offsets only); kept while the store is unchanged. */
let paragraphsSeen: { changes: number; rows: ParagraphRow[] } | undefined;
const allParagraphs = (): ParagraphRow[] => {
  const changes = store.db.prepare<[], number>('SELECT total_changes()').pluck().get()!;
  if (paragraphsSeen?.changes !== changes) paragraphsSeen = { changes, rows: readParagraphs() };
  return paragraphsSeen.rows;
};
const readParagraphs = (): ParagraphRow[] =>
  store.db
    .prepare<[], Omit<ParagraphRow, 'text'> & { document: string }>(
      `SELECT p.id, p.document_id, p.start, p."end" AS "end", t.text AS document
       FROM paragraphs p JOIN document_texts t ON t.document_id = p.document_id ORDER BY p.id`,
    )
    .all()
    .map(({ document, ...p }) => ({ ...p, text: document.slice(p.start, p.end) }));

function paragraphIdOf(r: RelevantParagraph): number {
  const names = new Map(store.db.prepare<[], { id: number; name: string }>('SELECT id, name FROM documents').all().map((d) => [d.id, d.name]));
  const rows = allParagraphs().filter((p) => names.get(p.document_id) === r.doc && p.text.includes(r.contains));
  const one = rows.length > 1 ? rows.filter((row) => row.text === r.contains) : rows;
  if (one.length !== 1) throw new Error(`${r.doc}: ${one.length} paragraphs contain “${r.contains}”`);
  return one[0]!.id;
}

function hitIds(result: SearchResult): number[] {
  const byStart = store.db.prepare<[number, number], number>('SELECT id FROM paragraphs WHERE document_id = ? AND start = ?').pluck();
  return result.hits.map((h) => byStart.get(h.document_id, h.paragraph[0]) ?? -1);
}

/** Paragraphs containing every term as a plain substring (terms of word characters only). */
function bruteForce(words: string[], keep: (p: ParagraphRow) => boolean = () => true): number {
  const needles = words.map(normalizeForSearch);
  return allParagraphs().filter((p) => keep(p) && needles.every((n) => normalizeForSearch(p.text).includes(n))).length;
}

/** The invariants every result keeps, whatever the query. */
function expectSane(result: SearchResult, params: { q: string; limit: number; offset: number }): void {
  expect(() => SearchResult.parse(result)).not.toThrow();
  expect(result.q).toBe(params.q);
  expect(Number.isInteger(result.total) && result.total >= 0).toBe(true);
  expect(result.hits.length).toBe(Math.max(0, Math.min(params.limit, result.total - params.offset)));
  for (const hit of result.hits) {
    const text = texts.get(hit.document_id)!;
    const [ps, pe] = hit.paragraph;
    expect(text.slice(ps, pe).trim()).toBe(text.slice(ps, pe));
    expect(hit.snippet.start).toBeGreaterThanOrEqual(ps);
    expect(hit.snippet.start + hit.snippet.text.length).toBeLessThanOrEqual(pe);
    expect(text.slice(hit.snippet.start, hit.snippet.start + hit.snippet.text.length)).toBe(hit.snippet.text);
    let last = -1;
    for (const [s, e] of hit.matches) {
      expect(s).toBeGreaterThanOrEqual(Math.max(ps, last));
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(pe);
      last = e;
    }
    last = -1;
    for (const [s, e] of hit.snippet.highlights) {
      expect(s).toBeGreaterThanOrEqual(Math.max(0, last));
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(hit.snippet.text.length);
      last = e;
    }
  }
  for (let i = 1; i < result.hits.length; i++) expect(result.hits[i]!.score).toBeGreaterThanOrEqual(result.hits[i - 1]!.score);
}

describe('the query set (src/store/search-queries.json)', () => {
  it('has enough queries, some with more than 10 relevant paragraphs', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(35);
    expect(QUERIES.filter((q) => q.relevant.length > 10).length).toBeGreaterThanOrEqual(3);
  });

  for (const spec of QUERIES) {
    const label = `${spec.q} (${spec.relevant.length} relevant${spec.min_recall !== undefined ? `, recall@10 ≥ ${spec.min_recall}` : ''})`;
    it(label, () => {
      const relevant = new Set(spec.relevant.map(paragraphIdOf));
      const result = search(spec.q);
      expectSane(result, { q: spec.q, limit: 10, offset: 0 });
      if (relevant.size === 0) {
        expect(result.total).toBe(0);
        return;
      }
      const top = hitIds(result);
      const recall = top.filter((id) => relevant.has(id)).length / Math.min(10, relevant.size);
      expect(recall).toBeGreaterThanOrEqual(spec.min_recall ?? 1);
      // Every relevant paragraph that says the query words is found (beyond the top 10 too).
      const all = hitIds(search(spec.q, { limit: 50 }));
      for (const r of spec.relevant) if (r.literal !== false) expect(all, `${r.doc}: ${r.contains}`).toContain(paragraphIdOf(r));
    });
  }
});

describe('matches and snippets', () => {
  const single = ['地区生产总值', '税', '园区', 'ＧＤＰ', 'gdp', '5G', 'P2P', '锂离子动力电池', '电池', '招商引资', '疫情防控'];
  for (const q of single) {
    it(`points at “${q}” in the document text`, () => {
      const term = normalizeForSearch(q);
      const result = search(q, { limit: 50 });
      expect(result.hits.length).toBeGreaterThan(0);
      for (const hit of result.hits) {
        const text = texts.get(hit.document_id)!;
        expect(hit.matches.length).toBeGreaterThan(0);
        for (const [s, e] of hit.matches) expect(normalizeForSearch(text.slice(s, e))).toBe(term);
        // Every occurrence in the paragraph is a match.
        const paragraph = normalizeForSearch(text.slice(...hit.paragraph));
        expect(hit.matches.length).toBe(paragraph.split(term).length - 1);
        // The snippet shows the first match, highlighted.
        const [first] = hit.matches;
        expect(hit.snippet.start).toBeLessThanOrEqual(first![0]);
        expect(hit.snippet.start + hit.snippet.text.length).toBeGreaterThanOrEqual(first![1]);
        expect(hit.snippet.text.length).toBeLessThanOrEqual(Math.max(SNIPPET_LENGTH, first![1] - first![0]) + 1);
        expect(hit.snippet.highlights.length).toBeGreaterThan(0);
        for (const [s, e] of hit.snippet.highlights) {
          expect(normalizeForSearch(hit.snippet.text.slice(s, e))).toBe(term);
          expect(hit.matches).toContainEqual([hit.snippet.start + s, hit.snippet.start + e]);
        }
      }
      expectSane(result, { q, limit: 50, offset: 0 });
    });
  }

  it('keeps a decimal number whole', () => {
    const result = search('6.5', { limit: 50 });
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) {
      const text = texts.get(hit.document_id)!;
      for (const [s, e] of hit.matches) expect(text.slice(s, e)).toBe('6.5');
    }
    expect(search('6.5').total).toBe(bruteForce(['6.5']));
    expect(search('6,5').total).toBe(0); // a comma separates: 6 then 5, which no text has
  });

  it('matches a term with punctuation inside (PM2.5) across it', () => {
    const [hit] = search('PM2.5').hits;
    const text = texts.get(hit!.document_id)!;
    expect(hit!.matches.map(([s, e]) => text.slice(s, e))).toEqual(['PM2.5']);
  });

  it('merges overlapping matches of different terms', () => {
    const hit = search('锂离子动力电池 电池 动力').hits[0]!;
    const text = texts.get(hit.document_id)!;
    expect(hit.matches.map(([s, e]) => text.slice(s, e))).toContain('锂离子动力电池');
    for (let i = 1; i < hit.matches.length; i++) expect(hit.matches[i]![0]).toBeGreaterThanOrEqual(hit.matches[i - 1]![1]);
  });

  it('keeps snippet windows inside the paragraph and whole surrogate pairs', () => {
    const p = '前言。'.repeat(30) + '𠀀𠀀税收𠀀𠀀' + '后文'.repeat(60);
    const i = p.indexOf('税收');
    const [s, e] = snippetWindow(p, [[i, i + 2]]);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(e).toBeLessThanOrEqual(p.length);
    expect(s).toBeLessThanOrEqual(i);
    expect(e - s).toBeGreaterThanOrEqual(SNIPPET_LENGTH);
    expect(p.slice(s, e)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(snippetWindow('短段落', [[0, 1]])).toEqual([0, 3]);
  });

  it('ranks by bm25, lower first, and pages through the same order', () => {
    const all = search('发展', { limit: 50 });
    expect(all.total).toBeGreaterThan(20);
    const pages = [0, 7, 14].map((offset) => search('发展', { limit: 7, offset }));
    for (const page of pages) expect(page.total).toBe(all.total);
    expect(pages.flatMap(hitIds)).toEqual(hitIds(all).slice(0, 21));
    const past = search('发展', { offset: all.total });
    expect(past).toMatchObject({ total: all.total, hits: [] });
    expect(search('发展', { offset: all.total - 1 }).hits).toHaveLength(1);
  });
});

describe('totals', () => {
  it('counts every paragraph that contains all the words', () => {
    const cases = [['地区生产总值'], ['税'], ['发展'], ['招商', '签约'], ['的'], ['gdp'], ['5g'], ['固定资产投资', '增长'], ['6.5'], ['27.95'], ['1.6%'], ['增长', '7.1']];
    for (const words of cases) {
      expect(search(words.join(' ')).total, words.join(' ')).toBe(bruteForce(words));
    }
  });

  it('agrees with a plain substring count for any piece of the corpus', () => {
    const paragraphs = allParagraphs();
    const wordOnly = (s: string): boolean => parseQuery(s).length === 1 && parseQuery(s)[0]!.runs.length === 1 && parseQuery(s)[0]!.text === normalizeForSearch(s);
    fc.assert(
      fc.property(fc.nat(paragraphs.length - 1), fc.nat(10_000), fc.integer({ min: 1, max: 8 }), (pi, at, len) => {
        const text = paragraphs[pi]!.text;
        const start = at % text.length;
        const piece = text.slice(start, start + len);
        fc.pre(wordOnly(piece) && !/[\uD800-\uDFFF]/.test(piece));
        expect(search(piece).total).toBe(bruteForce([piece]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('filters', () => {
  interface Doc {
    id: number;
    region_code: string | null;
    region_name: string | null;
    doc_type: string;
    date: string | null;
    review_period: string | null;
    plan_period: string | null;
  }
  const docs = (): Doc[] =>
    store.db.prepare<[], Doc>('SELECT id, region_code, region_name, doc_type, date, review_period, plan_period FROM documents').all();
  const expectFiltered = (q: string, filter: Partial<SearchQuery>, keep: (d: Doc) => boolean): void => {
    const ids = new Set(docs().filter(keep).map((d) => d.id));
    const result = search(q, { ...filter, limit: 50 });
    expect(result.total).toBe(bruteForce(q.split(' '), (p) => ids.has(p.document_id)));
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) expect(ids.has(hit.document_id)).toBe(true);
    expect(result.total).toBeLessThan(search(q).total);
  };

  it('by region code and by region name', () => {
    const withRegion = docs().find((d) => d.region_code && d.region_name && d.doc_type === 'work_report') ?? docs().find((d) => d.region_code)!;
    expectFiltered('发展', { region: withRegion.region_code! }, (d) => d.region_code === withRegion.region_code);
    expectFiltered('发展', { region: withRegion.region_name! }, (d) => d.region_name === withRegion.region_name);
    expect(search('发展', { region: '999999' }).total).toBe(0);
    expect(search('发展', { region: '没有这个区' }).total).toBe(0);
  });

  it('by type', () => {
    expectFiltered('招商', { type: 'investment_news' }, (d) => d.doc_type === 'investment_news');
    expectFiltered('发展', { type: 'work_report' }, (d) => d.doc_type === 'work_report');
  });

  it('by year: dated in it, reviewing it or planning it', () => {
    const inYear = (y: number) => (d: Doc) => [d.date, d.review_period, d.plan_period].some((v) => v?.slice(0, 4) === String(y));
    for (const year of [2020, 2021, 2023]) expectFiltered('发展', { year }, inYear(year));
    expect(search('发展', { year: 1999 }).total).toBe(0);
  });

  it('combined', () => {
    const d = docs().find((x) => x.region_code && x.date)!;
    const year = Number(d.date!.slice(0, 4));
    const result = search('发展', { region: d.region_code!, type: d.doc_type as SearchQuery['type'], year, limit: 50 });
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) expect(hit).toMatchObject({ region_code: d.region_code, doc_type: d.doc_type });
  });
});

describe('filters said by facet tokens', () => {
  // The straightforward way: every match of the terms, its document tested
  // with the filter's SQL on the documents table, ranked by bm25.
  function reference(s: Store, q: string, filter: DocumentFilter): { total: number; ranked: [number, number][] } {
    const match = parseQuery(q).map(bigramTermExpression).join(' AND ');
    const where = documentWhere(filter);
    const rows = s.db
      .prepare(
        `SELECT rowid, bm25(paragraphs_fts, 1.0, 0.0) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?
         ${where.sql ? `AND (rowid >> ${PARAGRAPH_BITS}) IN (SELECT d.id FROM documents d WHERE ${where.sql})` : ''}
         ORDER BY 2, 1`,
      )
      .raw()
      .all(`{text} : (${match})`, ...where.params) as [number, number][];
    return { total: rows.length, ranked: rows.slice(0, 200) };
  }
  function expectAsReference(s: Store, q: string, filter: DocumentFilter): number {
    const want = reference(s, q, filter);
    const got = s.search({ q, limit: 200, offset: 0, ...filter } as SearchQuery);
    const byStart = s.db.prepare<[number, number], number>('SELECT id FROM paragraphs WHERE document_id = ? AND start = ?').pluck();
    const label = `${q} ${JSON.stringify(filter)}`;
    expect(got.total, label).toBe(want.total);
    expect(got.hits.map((h) => [byStart.get(h.document_id, h.paragraph[0]), h.score]), label).toEqual(want.ranked);
    return want.total;
  }

  it('finds, counts and ranks as the filter on the documents table does, for every filter', () => {
    const db = store.db;
    const codes = db.prepare<[], string>('SELECT DISTINCT region_code FROM documents WHERE region_code IS NOT NULL').pluck().all();
    const names = db.prepare<[], string>('SELECT DISTINCT region_name FROM documents WHERE region_name IS NOT NULL').pluck().all();
    const years = db
      .prepare<[], string>(
        `SELECT DISTINCT substr(v, 1, 4) FROM (SELECT date AS v FROM documents UNION SELECT review_period FROM documents UNION SELECT plan_period FROM documents)
         WHERE v IS NOT NULL`,
      )
      .pluck()
      .all()
      .map(Number)
      .filter(Number.isInteger);
    const types = ['work_report', 'midyear_report', 'plan_report', 'investment_news'] as const;
    const regions = [...codes, ...names, '999999', '没有这个区', ' 430602 '];
    const filters: DocumentFilter[] = [
      {},
      ...regions.map((region) => ({ region })),
      ...types.map((type) => ({ type })),
      ...[...years, 1999].map((year) => ({ year })),
      ...types.flatMap((type) => years.map((year) => ({ type, year }))),
      ...regions.flatMap((region) => years.slice(0, 3).map((year) => ({ region, year }))),
      ...regions.flatMap((region, i) => [{ region, type: types[i % 4]! }, { region, type: types[i % 4]!, year: years[i % years.length]! }]),
    ];
    expect(codes.length).toBeGreaterThan(3);
    expect(years.length).toBeGreaterThan(2);
    let found = 0;
    for (const q of ['发展', '税', '招商 签约', '地区生产总值 增长', '6.5', 'gdp', '项目']) {
      for (const filter of filters) if (expectAsReference(store, q, filter) > 0) found++;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('falls back to the documents table for a region name the codes cannot say', () => {
    const s = openStore(':memory:');
    try {
      const regions = [
        { name: '开发区', code: '430111' },
        { name: '开发区', code: '430222' },
        { name: '开发区', code: null }, // a name without a code
        { name: '其他区', code: '430111' }, // a code under another name
        { name: '单一区', code: '430333' },
      ];
      for (let i = 0; i < 40; i++) {
        const r = regions[i % regions.length]!;
        s.ingest({
          name: `region-${i}`,
          path: null,
          encoding: 'utf-8',
          text: `第${i}号\n税收增长${'，税收'.repeat(i % 4)}。\n`,
          extraction: {
            doc: `region-${i}`,
            meta: {
              title: null, doc_type: 'work_report', region: r.code ? { name: r.name, code: r.code, level: 'county' } : null,
              date: `${2019 + (i % 3)}-03-01`, review_period: null, plan_period: null, speaker: null,
            },
            facts: [],
            projects: [],
          },
        });
        if (!r.code) s.db.prepare('UPDATE documents SET region_name = ? WHERE name = ?').run(r.name, `region-${i}`);
      }
      for (const region of ['开发区', '其他区', '单一区', '430111', '430222']) {
        for (const filter of [{ region }, { region, year: 2020 }]) expect(expectAsReference(s, '税收', filter)).toBeGreaterThan(0);
      }
    } finally {
      s.close();
    }
  });
});

describe('filters over many documents', () => {
  // More documents pass these filters than the index matches by their doc
  // tokens (64), so they take the other way: each match's document looked up.
  let many: Store;
  beforeAll(() => {
    many = openStore(':memory:');
    for (let i = 0; i < 90; i++) {
      const text = `第${i}号报告\n税收增长${i % 3 === 0 ? '，招商引资签约' : ''}。\n其他内容${i}\n`;
      const region = i % 2 === 0 ? { name: '岳阳楼区', code: '430602', level: 'county' as const } : { name: '芙蓉区', code: '430102', level: 'county' as const };
      many.ingest({
        name: `many-${i}`,
        path: null,
        encoding: 'utf-8',
        text,
        extraction: {
          doc: `many-${i}`,
          meta: {
            title: null, doc_type: i < 80 ? 'work_report' : 'investment_news', region: i < 70 ? region : null,
            date: `${2015 + (i % 8)}-03-01`, review_period: null, plan_period: null, speaker: null,
          },
          facts: [],
          projects: [],
        },
      });
    }
  });
  afterAll(() => many.close());
  const total = (q: string, filter: Partial<SearchQuery> = {}): number => many.search({ q, limit: 10, offset: 0, ...filter }).total;

  it('counts and ranks the same whichever way the filter goes', () => {
    expect(total('税收')).toBe(90);
    expect(total('税收', { type: 'work_report' })).toBe(80); // 80 documents: looked up
    expect(total('税收', { type: 'investment_news' })).toBe(10); // 10: doc tokens
    expect(total('税收', { region: '430602' })).toBe(35);
    expect(total('招商 签约', { type: 'work_report' })).toBe(27);
    expect(total('招商 签约', { region: '芙蓉区', type: 'work_report' })).toBe(12);
    expect(total('税收', { year: 2016 })).toBe(12);
    expect(total('报告', { type: 'work_report', year: 2016 })).toBe(10);
    const result = many.search({ q: '税收', type: 'work_report', limit: 50, offset: 20 });
    expect(result.hits).toHaveLength(50);
    expect(result.hits.every((h) => h.doc_type === 'work_report')).toBe(true);
    const all = many.search({ q: '税收', type: 'work_report', limit: 50, offset: 0 });
    expect(all.hits.slice(20).map((h) => h.document_id)).toEqual(result.hits.slice(0, 30).map((h) => h.document_id));
  });
});

describe('hostile and empty queries', () => {
  const nasty = [
    '"', '""', '"税', '税"', '"税" OR "收"', '*', '**', '税*', '*税', ':', 'text:税', 'text : 税', '^税', '^', '(', ')', '(税', '税)',
    '()', 'NEAR', 'NEAR(税 收)', 'NEAR/2', 'AND', 'OR', 'NOT', '税 AND', 'OR 税', 'NOT 税', 'AND OR NOT', '-税', '-', '+', '+税', '税+收',
    '{税}', '{', '}', '{text}: 税', '[', ']', '\\', '\\"', "'", "';DROP TABLE documents;--", '%', '_', '%税%', '\0', '税\0收', '\0\0\0',
    '\uD800', '\uDC00', '\uDC00税', '税\uD800收', '\uDBFF\uDFFF', '😀', '😀'.repeat(200), '🇨🇳', 'a'.repeat(200), '税'.repeat(200),
    '税 '.repeat(100), 'x'.repeat(10_000), '\u200b', '\u00a0税\u00a0', '\u3000', '～', '、', '，。；', '“', '“十四五”', '《》', '……',
    'İstanbul', 'ǅ', 'ß', 'ﬀ', 'Ｗ', '㊣', '\t\n\r', 'select * from documents', 'MATCH', 'rank', 'bm25()',
  ];
  it.each(nasty.map((q) => [JSON.stringify(q).slice(0, 40), q] as const))('%s', (_label, q) => {
    for (const params of [{ q, limit: 10, offset: 0 }, { q, limit: 3, offset: 2 }]) {
      const result = store.search(params);
      expectSane(result, params);
    }
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(20), (q, offset) => {
        const params = { q, limit: 5, offset };
        expectSane(store.search(params), params);
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing for blank queries or queries without a word', () => {
    for (const q of ['', ' ', '   ', '\u3000', '\t\n', '"', '*', '()', '，。']) {
      expect(search(q)).toEqual({ q, total: 0, limit: 10, offset: 0, hits: [] });
    }
  });

  it('still has its tables afterwards', () => {
    expect(store.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(texts.size);
  });
});

describe('normalisation', () => {
  it('keeps the length and folds full-width and case', () => {
    const s = 'ＧＤＰ增长６．５％，Ａｂｃ　PM2.5 İx Σ';
    const n = normalizeForSearch(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe('gdp增长6.5%,abc pm2.5 İx σ');
  });

  it('finds full-width, upper and lower case alike', () => {
    const totals = ['GDP', 'gdp', 'ＧＤＰ', 'Gdp', 'ｇｄｐ'].map((q) => search(q).total);
    expect(new Set(totals).size).toBe(1);
    expect(totals[0]).toBeGreaterThan(0);
    expect(search('招商\u3000签约').total).toBe(search('招商 签约').total);
  });

  it('splits paragraphs at line ends, trimmed, with offsets into the text', () => {
    const text = '\uFEFF 标题 \r\n\r\n  第一段。\n\t\n第二段\r第三段\u3000\n';
    const ps = splitParagraphs(text);
    expect(ps.map((p) => p.text)).toEqual(['标题', '第一段。', '第二段', '第三段']);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe('the index follows the documents', () => {
  it('indexes a document once, and forgets it when it is deleted', () => {
    const text = '标题\n独一无二的试验词语出现在这里。\n第二次出现：独一无二的试验词语。\n';
    const input = { name: 'deletion-test', path: null, encoding: 'utf-8', text, extraction: extract(text, { doc: 'deletion-test' }) };
    const { id } = store.ingest(input);
    expect(store.ingest(input).status).toBe('unchanged');
    const found = search('独一无二的试验词语');
    expect(found.total).toBe(2);
    expect(found.hits.every((h) => h.document_id === id)).toBe(true);
    expect(store.db.prepare('SELECT count(*) FROM paragraphs WHERE document_id = ?').pluck().get(id)).toBe(3);
    const rowids = store.db
      .prepare(`SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ? AND (rowid >> ${PARAGRAPH_BITS}) = ?`)
      .pluck();
    expect(rowids.get('"独一" + "一无"', id)).toBe(2);

    store.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(search('独一无二的试验词语')).toMatchObject({ total: 0, hits: [] }); // the cached result is gone too
    expect(store.db.prepare('SELECT count(*) FROM paragraphs WHERE document_id = ?').pluck().get(id)).toBe(0);
    expect(rowids.get('"独一" + "一无"', id)).toBe(0);
    expect(search('标题').hits.every((h) => h.document_id !== id)).toBe(true);
  });
});

describe('optimize after a bulk load', () => {
  it('merges the index without changing any result', () => {
    const queries = ['地区生产总值', '招商 签约', '税', '疫情防控'];
    const before = queries.map((q) => searchIndex(store.db, SHIPPED_INDEX, { q, limit: 50, offset: 0 }, { cache: false }));
    store.optimize();
    const after = queries.map((q) => searchIndex(store.db, SHIPPED_INDEX, { q, limit: 50, offset: 0 }, { cache: false }));
    expect(after).toEqual(before);
    expect(before.every((r) => r.total > 0)).toBe(true);
  });
});

describe('paragraph text read from the document', () => {
  it('cuts hits exactly where the text has characters beyond U+FFFF, before and inside paragraphs', () => {
    const s = openStore(':memory:');
    try {
      const text = '𠀀标题𠀁\n𠀂前文𠀃：测试词语在此𠀄后文。\n\n  再次测试词语𠀅。\n最后一段测试词语\n';
      s.ingest({ name: 'astral', path: null, encoding: 'utf-8', text, extraction: extract(text, { doc: 'astral' }) });
      const result = s.search({ q: '测试词语', limit: 10, offset: 0 });
      expect(result.total).toBe(3);
      const paragraphs = splitParagraphs(text);
      for (const hit of result.hits) {
        expect(paragraphs.map((p) => [p.start, p.end])).toContainEqual(hit.paragraph);
        expect(text.slice(hit.snippet.start, hit.snippet.start + hit.snippet.text.length)).toBe(hit.snippet.text);
        expect(hit.snippet.text).toBe(text.slice(...hit.paragraph));
        for (const [a, b] of hit.matches) expect(text.slice(a, b)).toBe('测试词语');
      }
    } finally {
      s.close();
    }
  });
});

describe('migration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhengbao-search-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes the documents stored before it', () => {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    for (const step of MIGRATIONS.slice(0, 1)) {
      if (typeof step !== 'string') throw new Error('step 0 is SQL');
      db.exec(step);
    }
    db.pragma('user_version = 1');
    const text = '旧文档标题\n\n  全区地区生产总值增长百分之八，ＧＤＰ稳中有进。 \n';
    db.prepare(
      `INSERT INTO documents (name, path, encoding, content_hash, text, meta, doc_type, ingested_at)
       VALUES ('old-doc', NULL, 'utf-8', 'hash-1', ?, '{}', 'work_report', '2021-01-01T00:00:00Z')`,
    ).run(text);
    db.close();

    const s = openStore(file);
    try {
      expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const result = s.search({ q: 'gdp 地区生产总值', limit: 10, offset: 0 });
      expect(result.total).toBe(1);
      const hit = result.hits[0]!;
      expect(hit.document_name).toBe('old-doc');
      expect(text.slice(...hit.paragraph)).toBe('全区地区生产总值增长百分之八，ＧＤＰ稳中有进。');
      expect(hit.matches.map(([a, b]) => text.slice(a, b))).toEqual(['地区生产总值', 'ＧＤＰ']);
      expect(s.search({ q: '旧文档', limit: 10, offset: 0 }).total).toBe(1);
      // And documents added afterwards are indexed as they come.
      const later = '新文档\n税收增长。\n';
      s.ingest({ name: 'new-doc', path: null, encoding: 'utf-8', text: later, extraction: extract(later, { doc: 'new-doc' }) });
      expect(s.search({ q: '税', limit: 10, offset: 0 }).total).toBe(1);
    } finally {
      s.close();
    }
  });
});
