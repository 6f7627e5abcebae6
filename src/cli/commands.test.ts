// The commands run in-process, with their output captured and, where a test
// needs control over what is extracted, a substitute extractor.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Extraction } from '../schema.js';
import { openStore } from '../store/index.js';
import { PANEL_COLUMNS, extractionTable, runDocs, runExtract, runFacts, runIngest, runEval, scoreCorpus, type Extractor } from './commands/index.js';
import { memoryIo } from './io.js';
import { defaultCorpus, packageRoot, scorerPath } from './paths.js';

/** A gold file as an extraction: projects it did not annotate are none, a missing span is where the quote is. */
function goldExtraction(dir: string, name: string, text: string): Extraction {
  const gold = JSON.parse(readFileSync(join(dir, `${name}.gold.json`), 'utf8')) as Record<string, unknown> & {
    facts: { quote: string; span?: [number, number] }[];
    projects: { quote: string; span?: [number, number] }[] | null;
  };
  const located = <T extends { quote: string; span?: [number, number] }>(item: T): T => {
    const start = text.indexOf(item.quote);
    return { ...item, span: item.span ?? [start, start + item.quote.length] };
  };
  return Extraction.parse({ ...gold, facts: gold.facts.map(located), projects: (gold.projects ?? []).map(located) });
}

/** An extractor that answers with the gold file of the document. */
const goldExtractor = (dir: string): Extractor => (text, { doc }) => goldExtraction(dir, doc, text);

/** A tiny extractor: every 增长X% becomes a gdp growth fact of 2020. */
const growthExtractor: Extractor = (text, { doc }) => {
  const facts = [...text.matchAll(/增长(\d+(?:\.\d+)?)%/g)].map((m) => ({
    indicator: 'gdp', period: '2020', kind: 'actual' as const, measure: 'growth' as const, value: Number(m[1]), unit: '%',
    qualifier: 'exact' as const, estimated: false, quote: m[0], span: [m.index, m.index + m[0].length] as [number, number],
  }));
  return {
    doc,
    meta: { title: null, doc_type: 'work_report', region: { name: '岳阳楼区', code: '430602', level: 'county' }, date: null, review_period: '2020', plan_period: null, speaker: null },
    facts,
    projects: [],
  };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhengbao-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('runIngest', () => {
  it('stores good files, reports a failed write, and keeps nothing of it', async () => {
    write('docs/a.txt', '2020年全区地区生产总值增长4.1%。');
    write('docs/b.txt', '2020年规模以上工业增加值增长4.6%，固定资产投资增长9%。');
    write('docs/broken.txt', '2020年社会消费品零售总额增长2.5%，城镇新增就业增长1.2%。');
    // Valid for the schema, but the store's CHECK rejects the inverted span of the
    // second fact: the document row and the first fact are already written then.
    const extractor: Extractor = (text, options) => {
      const extraction = growthExtractor(text, options);
      if (options.doc === 'broken') extraction.facts[1]!.span = [9, 3];
      return extraction;
    };
    const db = join(dir, 'out', 'zhengbao.db');
    const io = memoryIo();
    expect(await runIngest([join(dir, 'docs')], { db, extractor }, io)).toBe(1);
    expect(io.out).toBe(`added 2, unchanged 0, failed 1 (db: ${db})\n`);
    expect(lines(io.err)).toEqual([expect.stringMatching(/^zhengbao: .*broken\.txt: CHECK constraint failed/)]);

    const store = openStore(db);
    expect(store.documents().map((d) => [d.name, d.fact_count])).toEqual([['a', 1], ['b', 2]]);
    expect(store.facts()).toHaveLength(3);
    expect(store.facts().some((r) => r.document === 'broken')).toBe(false);
    store.close();
  });

  it('reports an extractor that throws or returns an invalid extraction', async () => {
    write('good.txt', '地区生产总值增长6.5%。');
    write('throws.txt', '增长1%');
    write('invalid.txt', '增长2%');
    const extractor: Extractor = (text, options) => {
      if (options.doc === 'throws') throw new Error('无法解析\n(stack details)');
      const extraction = growthExtractor(text, options);
      return options.doc === 'invalid' ? { ...extraction, facts: [{ ...extraction.facts[0]!, period: '去年' }] } : extraction;
    };
    const io = memoryIo();
    const db = join(dir, 'z.db');
    expect(await runIngest([dir], { db, extractor }, io)).toBe(1);
    expect(lines(io.err)).toEqual([
      expect.stringMatching(/^zhengbao: .*invalid\.txt: invalid extraction: facts\[0\]\.period: /),
      expect.stringMatching(/^zhengbao: .*throws\.txt: 无法解析$/),
    ]);
    expect(io.out).toMatch(/^added 1, unchanged 0, failed 2 /);
  });

  it('says unchanged for the same texts, under any name', async () => {
    write('a.txt', '地区生产总值增长6.5%。');
    const db = join(dir, 'z.db');
    await runIngest([dir], { db, extractor: growthExtractor }, memoryIo());
    write('copy/a-copy.txt', '地区生产总值增长6.5%。');
    const io = memoryIo();
    expect(await runIngest([dir], { db, extractor: growthExtractor }, io)).toBe(0);
    expect(io.out).toBe(`added 0, unchanged 2, failed 0 (db: ${db})\n`);
  });
});

describe('runExtract', () => {
  it('prints one object for one file and an array for several', async () => {
    const a = write('a.txt', '地区生产总值增长6.5%。');
    const b = write('b.txt', '固定资产投资增长9%。');
    const one = memoryIo();
    expect(await runExtract([a], { format: 'json', extractor: growthExtractor }, one)).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ doc: 'a', facts: [{ value: 6.5, quote: '增长6.5%' }] });
    const two = memoryIo();
    await runExtract([a, b], { format: 'json', extractor: growthExtractor }, two);
    expect((JSON.parse(two.out) as Extraction[]).map((e) => e.doc)).toEqual(['a', 'b']);
    const folder = memoryIo();
    await runExtract([dir], { format: 'jsonl', extractor: growthExtractor }, folder);
    expect(lines(folder.out).map((l) => (JSON.parse(l) as Extraction).doc)).toEqual(['a', 'b']);
  });

  it('prints a fact table per file', async () => {
    const a = write('岳阳楼区.txt', '地区生产总值增长6.5%。');
    const io = memoryIo();
    await runExtract([a], { format: 'table', extractor: growthExtractor }, io);
    expect(io.out).toContain('== 岳阳楼区: 1 facts, 0 projects ==');
    expect(io.out).toMatch(/indicator\s+period\s+kind\s+measure\s+value\s+unit\s+qualifier\s+quote/);
    expect(io.out).toMatch(/gdp\s+2020\s+actual\s+growth\s+6\.5\s+%\s+exact\s+增长6\.5%/);
  });

  it('refuses to let two inputs with one name overwrite each other in --out', async () => {
    const a = write('x/报告.txt', '增长1%');
    const b = write('y/报告.txt', '增长2%');
    const out = join(dir, 'out');
    const io = memoryIo();
    expect(await runExtract([a, b], { format: 'json', out, extractor: growthExtractor }, io)).toBe(1);
    expect(readdirSync(out)).toEqual(['报告.json']);
    expect(lines(io.err)).toEqual([expect.stringMatching(/y\/报告\.txt: .*报告\.json was already written from .*x\/报告\.txt$/)]);
  });

  it('reports paths that are missing and folders without input files', async () => {
    const io = memoryIo();
    const missing = join(dir, '没有这个文件.txt');
    expect(await runExtract([missing], { format: 'json' }, io)).toBe(1);
    expect(io.err).toBe(`zhengbao: ${missing}: no such file or directory\n`);
    expect(io.out).toBe('');
    mkdirSync(join(dir, 'empty-folder'));
    const none = memoryIo();
    expect(await runExtract([join(dir, 'empty-folder')], { format: 'json' }, none)).toBe(1);
    expect(none.err).toMatch(/empty-folder: no input files/);
  });
});

describe('runFacts and runDocs', () => {
  async function goldStore(): Promise<string> {
    const db = join(dir, 'gold.db');
    const files = ['yueyanglou-2021.txt', 'furong-2020h1.txt', 'news-shaoyang-battery.txt'].map((f) => join(defaultCorpus, f));
    expect(await runIngest(files, { db, extractor: goldExtractor(defaultCorpus) }, memoryIo())).toBe(0);
    return db;
  }

  it('writes the panel as CSV with a header row', async () => {
    const db = await goldStore();
    const io = memoryIo();
    expect(runFacts({ db, format: 'csv', region: '岳阳楼区', indicator: 'gdp', period: '2020' }, io)).toBe(0);
    const [header, ...rows] = lines(io.out);
    expect(header).toBe(PANEL_COLUMNS.join(','));
    expect(rows).toContain('430602,岳阳楼区,county,2020,gdp,actual,level,735,,亿元,73500000000,元,exact,,1,yueyanglou-2021,地区生产总值从2015年的528亿元增长到2020年的735亿元(预计数),257,294');
    expect(rows.every((r) => r.startsWith('430602,岳阳楼区,county,2020,gdp,'))).toBe(true);
  });

  it('filters by region code and kind, and prints JSON and tables', async () => {
    const db = await goldStore();
    const json = memoryIo();
    runFacts({ db, format: 'json', region: '430102', kind: 'target' }, json);
    expect(JSON.parse(json.out)).toMatchObject([{ region_name: '芙蓉区', indicator: 'new_urban_jobs', period: '2020', value: 1.49, unit: '万人', value_base: 14900 }]);
    const table = memoryIo();
    runFacts({ db, format: 'table', region: '芙蓉区', indicator: 'retail_sales' }, table);
    expect(table.out).toMatch(/芙蓉区\s+430102\s+2020H1\s+retail_sales\s+actual\s+growth\s+-7\.6\s+%/);
    const none = memoryIo();
    expect(runFacts({ db, format: 'table', region: '长沙市' }, none)).toBe(0);
    expect(none.err).toBe('no facts match\n');
  });

  it('lists documents with their meta', async () => {
    const db = await goldStore();
    const io = memoryIo();
    runDocs({ db, format: 'json' }, io);
    expect(JSON.parse(io.out)).toMatchObject([
      { name: 'furong-2020h1', doc_type: 'midyear_report', region_code: '430102', review_period: '2020H1' },
      { name: 'news-shaoyang-battery', doc_type: 'investment_news', region_name: '邵阳市', fact_count: 0, project_count: 1 },
      { name: 'yueyanglou-2021', speaker_name: '白再兴', speaker_title: '代区长', plan_period: '2021' },
    ]);
    const table = memoryIo();
    runDocs({ db, format: 'table' }, table);
    expect(lines(table.out)).toHaveLength(2 + 3);
  });

  it('does not create a database that does not exist', () => {
    const db = join(dir, 'typo.db');
    const io = memoryIo();
    expect(runFacts({ db, format: 'csv' }, io)).toBe(1);
    expect(runDocs({ db, format: 'table' }, io)).toBe(1);
    expect(lines(io.err)).toEqual([expect.stringContaining(`${db}: no such database`), expect.stringContaining(`${db}: no such database`)]);
    expect(existsSync(db)).toBe(false);
  });
});

describe('eval', () => {
  it('finds the scorer beside the checkout or vendored, byte-identical', () => {
    const vendored = join(packageRoot, 'tools', 'score.mjs');
    expect(existsSync(scorerPath())).toBe(true);
    const shared = join(packageRoot, '..', 'shared', 'tools', 'score.mjs');
    if (existsSync(shared)) {
      expect(scorerPath()).toBe(shared);
      expect(readFileSync(vendored).equals(readFileSync(shared))).toBe(true);
    }
  });

  it('scores the gold extractions as perfect', async () => {
    const summary = await scoreCorpus({ set: 'dev', extractor: goldExtractor(defaultCorpus) }, memoryIo());
    expect(summary.docs).toBe(10);
    expect(summary.facts).toMatchObject({ p: 1, r: 1, f: 1 });
    expect(summary.projects.f).toBe(1);
    expect(summary.meta).toBe(1);
    expect(summary.quotes_grounded).toBe(1);
  });

  it('scores the real extractor and keeps its extractions when asked', async () => {
    const keep = join(dir, 'pred');
    const io = memoryIo();
    const summary = await scoreCorpus({ keep }, io);
    expect(summary.docs).toBe(28);
    for (const x of [summary.facts.p, summary.facts.r, summary.facts.f]) expect(x).toBeGreaterThanOrEqual(0);
    expect(readdirSync(keep).sort()).toEqual(['dev', 'wild']);
    expect(readdirSync(join(keep, 'dev')).filter((f) => f.endsWith('.json'))).toHaveLength(10);
    expect(readdirSync(join(keep, 'wild')).filter((f) => f.endsWith('.json'))).toHaveLength(18);
    expect(io.err).toBe('');
  });

  it('prints the report with the pooled summary last', async () => {
    const io = memoryIo();
    expect(await runEval({ set: 'dev', extractor: goldExtractor(defaultCorpus) }, io)).toBe(0);
    expect(lines(io.out)).toContain('yueyanglou-2021: facts P 100.0 R 100.0 F1 100.0 (33/33 gold, 33 extracted) | projects F1 n/a (not annotated) | meta 100.0 | estimated 100.0 | grounded 100.0');
    expect(lines(io.out).at(-1)).toBe('facts P 100.0 R 100.0 F1 100.0 | projects F1 100.0 | meta 100.0 | estimated 100.0 | grounded 100.0 | docs 10');
  });
});

describe('extract --format table', () => {
  const fact = (page?: number): Extraction['facts'][number] => ({
    indicator: 'gdp', period: '2020', kind: 'actual', measure: 'level', value: 670.68, unit: '亿元', qualifier: 'exact',
    estimated: false, quote: '地区生产总值670.68亿元', span: [0, 15], ...(page === undefined ? {} : { page }),
  });
  const base: Omit<Extraction, 'facts'> = {
    doc: 'x',
    meta: { title: null, doc_type: 'other', region: null, date: null, review_period: null, plan_period: null, speaker: null },
    projects: [],
  };

  it('shows the page of each fact of a document read from pages, and no page column otherwise', () => {
    const paged = extractionTable({ ...base, facts: [fact(3)] });
    expect(paged.split('\n')[1]).toMatch(/\bqualifier\s+page\s+quote$/);
    expect(paged.split('\n')[3]).toMatch(/exact\s+3\s+地区生产总值670\.68亿元$/);
    expect(extractionTable({ ...base, facts: [fact()] })).not.toMatch(/\bpage\b/);
  });
});

describe('extract --explain', () => {
  it('adds every decision with the cues weighed, in JSON and as text after the table', async () => {
    const file = join(dir, 'jingxian.txt');
    writeFileSync(
      file,
      '发布时间:2007-03-02 00:00 来源:泾县人民政府\n2007年政府工作报告\n——2007年2月8日在泾县第十五届人民代表大会第一次会议上\n一、过去四年政府工作回顾\n2006年地区生产总值26.8亿元，年均增长11%。\n',
    );
    const io = memoryIo();
    expect(await runExtract([file], { format: 'json', explain: true }, io)).toBe(0);
    const out = JSON.parse(io.out) as Extraction & { explain: { decisions: Array<{ field: string; value: string; cues: Array<{ rule: string; text: string }> }> } };
    const date = out.explain.decisions.find((d) => d.field === 'date')!;
    expect(date.value).toBe('2007-02-08');
    expect(date.cues.map((c) => c.rule)).toEqual(expect.arrayContaining(['date:meeting-line', 'date:发布时间']));
    expect(out.explain.decisions.find((d) => d.field === 'region')!.value).toMatch(/^341823 泾县/);
    const table = memoryIo();
    expect(await runExtract([file], { format: 'table', explain: true }, table)).toBe(0);
    expect(table.out).toMatch(/date 日期: 2007-02-08\n\s+\+\s+10\s+date:meeting-line/);
    expect(table.out).toMatch(/review\s+2003-2006\s+一、过去四年政府工作回顾/);
  });
});
