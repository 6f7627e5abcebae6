import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Extraction, type Fact, type Meta, type Project, KINDS, MEASURES, QUALIFIERS, STAGES } from '../schema.js';
import { InvalidExtractionError, MIGRATIONS, openStore, type Store } from './index.js';

// --- fixtures: small Chinese documents with hand-made extractions ---

type FactFields = Omit<Fact, 'quote' | 'span'>;

/** A fact whose span is where `quote` first occurs in `text`. */
function factIn(text: string, quote: string, fields: Partial<FactFields> & Pick<FactFields, 'indicator' | 'value' | 'unit'>): Fact {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return {
    period: '2020',
    kind: 'actual',
    measure: 'level',
    qualifier: 'exact',
    estimated: false,
    ...fields,
    quote,
    span: [start, start + quote.length],
  };
}

function projectIn(text: string, quote: string, fields: Partial<Omit<Project, 'quote' | 'span'>>): Project {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return {
    name: null, count: null, investment: null, stage: 'signed', location: null, investor: null, industry: null, date: null,
    ...fields,
    quote,
    span: [start, start + quote.length],
  };
}

const emptyMeta: Meta = { title: null, doc_type: 'other', region: null, date: null, review_period: null, plan_period: null, speaker: null };

const yueyanglou = (() => {
  const text =
    '政府工作报告\n岳阳楼区人民政府代区长 白再兴\n一、2020年工作回顾\n' +
    '全区地区生产总值完成670.68亿元，增长4.1%；规模以上工业增加值增长4.6%；' +
    '城镇新增就业1.2万人。\n二、2021年主要预期目标\n地区生产总值增长7.5%左右。\n';
  const extraction: Extraction = {
    doc: 'yueyanglou-2021',
    meta: {
      ...emptyMeta,
      doc_type: 'work_report',
      region: { name: '岳阳楼区', code: '430602', level: 'county' },
      review_period: '2020',
      plan_period: '2021',
      speaker: { name: '白再兴', title: '代区长' },
    },
    facts: [
      factIn(text, '地区生产总值完成670.68亿元', { indicator: 'gdp', value: 670.68, unit: '亿元' }),
      factIn(text, '地区生产总值完成670.68亿元，增长4.1%', { indicator: 'gdp', measure: 'growth', value: 4.1, unit: '%' }),
      factIn(text, '规模以上工业增加值增长4.6%', { indicator: 'industrial_value_added', measure: 'growth', value: 4.6, unit: '%' }),
      factIn(text, '城镇新增就业1.2万人', { indicator: 'new_urban_jobs', value: 1.2, unit: '万人' }),
      factIn(text, '地区生产总值增长7.5%左右', {
        indicator: 'gdp', period: '2021', kind: 'target', measure: 'growth', value: 7.5, unit: '%', qualifier: 'approx',
      }),
    ],
    projects: [],
  };
  return { name: 'yueyanglou-2021', text, extraction };
})();

const furong = (() => {
  const text =
    '芙蓉区2020年上半年工作报告\n上半年，全区地区生产总值完成610.5亿元（预计数），' +
    '一般公共预算收入完成19.8亿元。\n签约总投资16亿元的数字经济产业园项目。\n';
  const extraction: Extraction = {
    doc: 'furong-2020h1',
    meta: {
      ...emptyMeta,
      title: '芙蓉区2020年上半年工作报告',
      doc_type: 'midyear_report',
      region: { name: '芙蓉区', code: '430102', level: 'county' },
      review_period: '2020H1',
      plan_period: '2020H2',
    },
    facts: [
      factIn(text, '地区生产总值完成610.5亿元（预计数）', { indicator: 'gdp', period: '2020H1', value: 610.5, unit: '亿元', estimated: true }),
      factIn(text, '一般公共预算收入完成19.8亿元', { indicator: 'general_budget_revenue', period: '2020H1', value: 19.8, unit: '亿元' }),
    ],
    projects: [
      projectIn(text, '签约总投资16亿元的数字经济产业园项目', {
        name: '数字经济产业园项目', investment: { value: 16, unit: '亿元', qualifier: 'exact' }, stage: 'signed',
      }),
    ],
  };
  return { name: 'furong-2020h1', text, extraction };
})();

// --- tests ---

let dir: string;
let store: Store | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhengbao-store-'));
});

afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function open(file = join(dir, 'zhengbao.db')): Store {
  store?.close();
  store = openStore(file);
  return store;
}

function counts(s: Store): { documents: number; facts: number; projects: number } {
  const one = (table: string): number => (s.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { documents: one('documents'), facts: one('facts'), projects: one('projects') };
}

/** A database as an older zhengbao left it: the first `version` migrations applied. */
function databaseAt(file: string, version: number): Database.Database {
  const db = new Database(file);
  for (const step of MIGRATIONS.slice(0, version)) {
    if (typeof step === 'string') db.exec(step);
    else step(db);
  }
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('openStore and migrations', () => {
  it('creates the parent folder and migrates a fresh database', () => {
    const file = join(dir, 'nested', 'deeper', 'zhengbao.db');
    const s = open(file);
    expect(existsSync(file)).toBe(true);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['document_texts', 'documents', 'facts', 'paragraphs', 'projects']));
  });

  it('is idempotent on reopen and keeps the data', () => {
    const file = join(dir, 'zhengbao.db');
    open(file).ingest({ ...yueyanglou, path: null, encoding: 'utf-8' });
    const s = open(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(counts(s)).toEqual({ documents: 1, facts: 5, projects: 0 });
  });

  it('rolls back a migration that fails partway', () => {
    const file = join(dir, 'clash.db');
    const db = new Database(file);
    db.exec('CREATE TABLE projects (x)'); // the step creates documents and facts, then fails here
    db.close();
    expect(() => openStore(file)).toThrow(/already exists/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'projects' }]);
    after.close();
  });

  it('moves the texts of a version-2 database into document_texts', () => {
    const file = join(dir, 'v2.db');
    const db = databaseAt(file, 2);
    db.prepare(
      `INSERT INTO documents (name, encoding, content_hash, text, meta, doc_type, ingested_at)
       VALUES ('old', 'utf-8', 'h', '全区地区生产总值完成670.68亿元。', ?, 'other', '2026-01-01')`,
    ).run(JSON.stringify(emptyMeta));
    db.close();
    const s = open(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const columns = (s.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('text');
    expect(s.documents()[0]?.name).toBe('old');
    expect(s.document(s.documents()[0]!.id)?.text).toBe('全区地区生产总值完成670.68亿元。');
  });

  it('brings a version-3 database to files and pages: its documents are text files stored without their bytes', () => {
    const file = join(dir, 'v3.db');
    const db = databaseAt(file, 3);
    const id = Number(
      db.prepare(`INSERT INTO documents (name, encoding, content_hash, meta, doc_type, ingested_at) VALUES ('old', 'gb18030', 'h', ?, 'other', '2026-01-01')`)
        .run(JSON.stringify(emptyMeta)).lastInsertRowid,
    );
    db.prepare('INSERT INTO document_texts (document_id, text) VALUES (?, ?)').run(id, '全区地区生产总值完成670.68亿元。');
    db.close();
    const s = open(file);
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.document(id)).toMatchObject({ name: 'old', encoding: 'gb18030', format: 'text', media_type: 'text/plain', pages: null, original: null });
    expect(s.originalFile(id)).toBeNull();
  });

  it('refuses a database from a newer schema', () => {
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(/newer/);
  });
});

describe('original files', () => {
  it('keeps the file beside the text, with its media type and pages, and gives it back byte for byte', () => {
    const s = open();
    const bytes = Buffer.from('%PDF-1.7 … pretend bytes …');
    const pages = [0, 20];
    const extraction = { ...yueyanglou.extraction, facts: yueyanglou.extraction.facts.map((f, k) => ({ ...f, page: k === 0 ? 1 : 2 })) };
    const { id } = s.ingest({
      ...yueyanglou,
      extraction,
      path: null,
      encoding: null,
      format: 'pdf',
      pages,
      file: { mediaType: 'application/pdf', sha256: 'abc', bytes },
    });
    const doc = s.document(id)!;
    expect(doc).toMatchObject({ encoding: null, format: 'pdf', media_type: 'application/pdf', pages, original: { media_type: 'application/pdf', sha256: 'abc', size: bytes.length } });
    expect(doc.facts.map((f) => f.page)).toEqual(extraction.facts.map((f) => f.page));
    const original = s.originalFile(id)!;
    expect(original).toMatchObject({ mediaType: 'application/pdf', sha256: 'abc', name: yueyanglou.name, format: 'pdf' });
    expect(original.bytes.equals(bytes)).toBe(true);
  });

  it('drops the file with its document', () => {
    const s = open();
    const { id } = s.ingest({ ...furong, path: null, encoding: 'utf-8', file: { mediaType: 'text/plain', sha256: 'x', bytes: Buffer.from('x') } });
    s.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(s.db.prepare('SELECT count(*) AS n FROM document_files').get()).toEqual({ n: 0 });
  });
});

describe('ingest', () => {
  it('adds a document with its facts and projects', () => {
    const s = open();
    const result = s.ingest({ ...furong, path: '/corpus/furong-2020h1.txt', encoding: 'utf-8' });
    expect(result.status).toBe('added');
    const [doc] = s.documents();
    expect(doc).toMatchObject({
      id: result.id, name: 'furong-2020h1', doc_type: 'midyear_report', title: '芙蓉区2020年上半年工作报告',
      region_code: '430102', region_name: '芙蓉区', region_level: 'county', review_period: '2020H1', plan_period: '2020H2',
      fact_count: 2, project_count: 1, path: '/corpus/furong-2020h1.txt', encoding: 'utf-8',
    });
  });

  it('stores the same text only once', () => {
    const s = open();
    const first = s.ingest({ ...yueyanglou, path: null, encoding: 'utf-8' });
    const before = counts(s);
    const again = s.ingest({ ...yueyanglou, path: null, encoding: 'utf-8' });
    const renamed = s.ingest({ ...yueyanglou, name: '岳阳楼区副本', path: '/elsewhere/copy.txt', encoding: 'gb18030' });
    expect(first.status).toBe('added');
    expect(again).toEqual({ id: first.id, status: 'unchanged' });
    expect(renamed).toEqual({ id: first.id, status: 'unchanged' });
    expect(counts(s)).toEqual(before);
  });

  it('rejects an extraction that fails validation and stores nothing', () => {
    const s = open();
    const bad = structuredClone(yueyanglou.extraction);
    (bad.facts[1] as { period: string }).period = '2020年';
    expect(() => s.ingest({ ...yueyanglou, extraction: bad, path: null, encoding: 'utf-8' })).toThrow(InvalidExtractionError);
    expect(() => s.ingest({ ...yueyanglou, extraction: bad, path: null, encoding: 'utf-8' })).toThrow(/facts\[1\]\.period/);
    expect(counts(s)).toEqual({ documents: 0, facts: 0, projects: 0 });
  });

  it('rolls back the whole document when a write fails midway', () => {
    const s = open();
    s.ingest({ ...furong, path: null, encoding: 'utf-8' });
    const before = counts(s);
    // Valid for the schema, but the table's CHECK rejects an inverted span: the
    // document row and the first facts are already written when it fails.
    const bad = structuredClone(yueyanglou.extraction);
    bad.facts[3]!.span = [50, 40];
    expect(() => s.ingest({ ...yueyanglou, extraction: bad, path: null, encoding: 'utf-8' })).toThrow(/CHECK constraint/);
    expect(counts(s)).toEqual(before);
    expect(s.documents().map((d) => d.name)).toEqual(['furong-2020h1']);
    // The store is still usable, and the corrected document goes in.
    expect(s.ingest({ ...yueyanglou, path: null, encoding: 'utf-8' }).status).toBe('added');
  });

  it('deletes facts and projects with their document', () => {
    const s = open();
    const { id } = s.ingest({ ...furong, path: null, encoding: 'utf-8' });
    s.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(counts(s)).toEqual({ documents: 0, facts: 0, projects: 0 });
  });
});

describe('values in base units', () => {
  it('converts levels and keeps percentages', () => {
    const s = open();
    s.ingest({ ...yueyanglou, path: null, encoding: 'utf-8' });
    const gdp = s.facts({ indicator: 'gdp', period: '2020' });
    expect(gdp.map((r) => [r.measure, r.value, r.unit, r.value_base, r.base_unit])).toEqual([
      ['growth', 4.1, '%', 4.1, '%'],
      ['level', 670.68, '亿元', 67068000000, '元'],
    ]);
    const [jobs] = s.facts({ indicator: 'new_urban_jobs' });
    expect(jobs).toMatchObject({ value: 1.2, unit: '万人', value_base: 12000, base_unit: '人' });
  });

  it('leaves value_base null for a unit it does not know', () => {
    const s = open();
    const text = '全区粮食播种面积稳定在3.2万公顷。';
    const extraction: Extraction = {
      ...yueyanglou.extraction,
      facts: [factIn(text, '粮食播种面积稳定在3.2万公顷', { indicator: 'grain_output', value: 3.2, unit: '万公顷' })],
    };
    s.ingest({ name: 'area', text, extraction, path: null, encoding: 'utf-8' });
    expect(s.facts()[0]).toMatchObject({ value: 3.2, unit: '万公顷', value_base: null, base_unit: null });
  });

  it('converts project investments', () => {
    const s = open();
    const { id } = s.ingest({ ...furong, path: null, encoding: 'utf-8' });
    expect(s.document(id)?.projects[0]?.investment_base).toBe(1600000000);
  });
});

describe('facts panel filters', () => {
  function loaded(): Store {
    const s = open();
    s.ingest({ ...yueyanglou, path: null, encoding: 'utf-8' });
    s.ingest({ ...furong, path: null, encoding: 'utf-8' });
    return s;
  }

  it('returns every fact with its region and document', () => {
    const rows = loaded().facts();
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({
      region_code: '430102', region_name: '芙蓉区', region_level: 'county', period: '2020H1', indicator: 'gdp',
      kind: 'actual', measure: 'level', value: 610.5, value_high: null, unit: '亿元', value_base: 61050000000,
      base_unit: '元', qualifier: 'exact', text: null, estimated: true, document: 'furong-2020h1',
      quote: '地区生产总值完成610.5亿元（预计数）', span_start: furong.text.indexOf('地区生产总值'), span_end: expect.any(Number),
    });
  });

  it('filters by region name and by code', () => {
    const s = loaded();
    expect(s.facts({ region: '岳阳楼区' })).toHaveLength(5);
    expect(s.facts({ region: '430602' })).toHaveLength(5);
    expect(s.facts({ region: '430102' }).every((r) => r.region_name === '芙蓉区')).toBe(true);
    expect(s.facts({ region: '430102000000' })).toHaveLength(0);
    expect(s.facts({ region: '长沙市' })).toHaveLength(0);
  });

  it('filters by indicator, period and kind, alone and together', () => {
    const s = loaded();
    expect(s.facts({ indicator: 'gdp' })).toHaveLength(4);
    expect(s.facts({ period: '2020H1' }).map((r) => r.indicator)).toEqual(['gdp', 'general_budget_revenue']);
    expect(s.facts({ kind: 'target' })).toMatchObject([{ indicator: 'gdp', period: '2021', value: 7.5, qualifier: 'approx' }]);
    expect(s.facts({ region: '岳阳楼区', indicator: 'gdp', kind: 'actual' })).toHaveLength(2);
    expect(s.facts({ indicator: 'gdp', period: '2019' })).toEqual([]);
  });

  it('treats filter values as data, not SQL', () => {
    expect(loaded().facts({ region: "岳阳楼区' OR '1'='1" })).toEqual([]);
  });
});

describe('document', () => {
  it('gives back the extraction it was given', () => {
    const s = open();
    const { id } = s.ingest({ ...yueyanglou, path: null, encoding: 'utf-8' });
    const doc = s.document(id)!;
    expect(doc.text).toBe(yueyanglou.text);
    expect(doc.meta).toEqual(yueyanglou.extraction.meta);
    const back = Extraction.parse({ doc: yueyanglou.extraction.doc, meta: doc.meta, facts: doc.facts, projects: doc.projects });
    expect(back.facts).toEqual(yueyanglou.extraction.facts.map((f) => ({ ...f, value_high: null, text: null })));
    expect(s.document(id + 100)).toBeNull();
  });

  it('keeps which batch a breakdown is part of', () => {
    const s = open();
    const text = '1-6月份全市新签约亿元以上项目174个，分别为：霍山县34个、金寨县32个。';
    const total = projectIn(text, '新签约亿元以上项目174个', { count: 174, stage: 'signed' });
    const part = { ...projectIn(text, '霍山县34个', { count: 34, stage: 'signed', location: '霍山县' }), part_of: 0 };
    const extraction: Extraction = {
      doc: 'luan',
      meta: { title: null, doc_type: 'investment_news', region: null, date: null, review_period: '2024H1', plan_period: null, speaker: null },
      facts: [],
      projects: [total, part],
    };
    const { id } = s.ingest({ name: 'luan', text, extraction, path: null, encoding: 'utf-8' });
    const back = s.document(id)!.projects;
    expect(back[0]).not.toHaveProperty('part_of');
    expect(back[1]).toMatchObject({ count: 34, part_of: 0 });
  });

  it('round-trips any valid extraction (property)', () => {
    const s = open(':memory:');
    const text = '区属地区生产总值、一般公共预算收入、城镇新增就业和重点项目签约情况。';
    const arbSpan = fc.tuple(fc.nat(text.length), fc.nat(10)).map(([a, n]): [number, number] => [a, a + n]);
    // SQLite keeps no negative zero; -0 + 0 is 0.
    const arbNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0);
    const arbFact: fc.Arbitrary<Fact> = fc.record({
      indicator: fc.constantFrom('gdp', 'tax_revenue', 'new_urban_jobs'),
      period: fc.constantFrom('2020', '2020H1', '2021Q3', '2020M01-05', '2016-2020'),
      kind: fc.constantFrom(...KINDS),
      measure: fc.constantFrom(...MEASURES),
      value: fc.option(arbNumber, { nil: null }),
      value_high: fc.option(arbNumber, { nil: null }),
      unit: fc.constantFrom('亿元', '万元', '%', '万人', '億元', '家'),
      qualifier: fc.constantFrom(...QUALIFIERS),
      text: fc.option(fc.constantFrom('正增长', '与经济增长同步'), { nil: null }),
      estimated: fc.boolean(),
      quote: fc.string({ maxLength: 20 }),
      span: arbSpan,
    });
    const arbProject: fc.Arbitrary<Project> = fc.record({
      name: fc.option(fc.constantFrom('锂离子动力电池项目', '云计算中心'), { nil: null }),
      count: fc.option(fc.nat(50), { nil: null }),
      investment: fc.option(
        fc.record({ value: fc.double({ min: 0, max: 1e4, noNaN: true }).map((v) => v + 0), unit: fc.constantFrom('亿元', '万美元'), qualifier: fc.constantFrom(...QUALIFIERS) }),
        { nil: null },
      ),
      stage: fc.constantFrom(...STAGES),
      location: fc.option(fc.constant('邵阳经济技术开发区'), { nil: null }),
      investor: fc.option(fc.constant('山西易高能源有限公司'), { nil: null }),
      industry: fc.option(fc.constant('新能源'), { nil: null }),
      date: fc.option(fc.constant('2023'), { nil: null }),
      quote: fc.string({ maxLength: 20 }),
      span: arbSpan,
    });
    let n = 0;
    fc.assert(
      fc.property(fc.array(arbFact, { maxLength: 8 }), fc.array(arbProject, { maxLength: 4 }), (facts, projects) => {
        const extraction: Extraction = { doc: 'prop', meta: yueyanglou.extraction.meta, facts, projects };
        const { id, status } = s.ingest({ name: 'prop', text: `${text}${n++}`, extraction, path: null, encoding: 'utf-8' });
        expect(status).toBe('added');
        const doc = s.document(id)!;
        expect(doc.facts.map(({ value_base: _b, base_unit: _u, ...f }) => f)).toEqual(facts);
        expect(doc.projects.map(({ investment_base: _b, ...p }) => p)).toEqual(projects);
      }),
      { numRuns: 60 },
    );
  });
});
