// End to end: the built CLI (node dist/cli/main.js) on the sample corpus and on bad input.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Extraction } from '../schema.js';
import { openStore } from '../store/index.js';
import { defaultCorpus, packageRoot } from './paths.js';

const MAIN = join(packageRoot, 'dist', 'cli', 'main.js');
const corpusFiles = readdirSync(defaultCorpus).filter((f) => f.endsWith('.txt')).sort();
const corpusNames = corpusFiles.map((f) => f.slice(0, -'.txt'.length));

let tmp: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI from a scratch working directory, without a ZHENGBAO_DB from the caller. */
function zhengbao(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env = { ...process.env, ...options.env };
  if (!options.env?.ZHENGBAO_DB) delete env.ZHENGBAO_DB;
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: options.cwd ?? tmp, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Minimal RFC 4180 reader: quotes in the panel may hold commas. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  return rows;
}

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: packageRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  tmp = mkdtempSync(join(tmpdir(), 'zhengbao-e2e-'));
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('zhengbao --help', () => {
  it.each(['extract', 'ingest', 'facts', 'docs', 'eval'])('%s has examples', (command) => {
    const run = zhengbao([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: zhengbao ${command}`);
    expect(run.stdout).toContain('Examples:');
  });
});

describe('zhengbao extract', () => {
  it('--out writes one NAME.json per input that passes the schema', () => {
    const out = join(tmp, 'extracted');
    const run = zhengbao(['extract', ...corpusFiles.map((f) => join(defaultCorpus, f)), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual(corpusNames.map((n) => join(out, `${n}.json`)));
    expect(readdirSync(out).sort()).toEqual(corpusNames.map((n) => `${n}.json`));
    for (const name of corpusNames) {
      const parsed = Extraction.safeParse(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
      expect(parsed.success, `${name}.json: ${parsed.error?.message}`).toBe(true);
      expect(parsed.data?.doc).toBe(name);
    }
  });

  it('prints one object for one file, an array for several, a line each for jsonl', () => {
    const [a, b] = corpusFiles.slice(0, 2).map((f) => join(defaultCorpus, f));
    const one = zhengbao(['extract', a!]);
    expect(one.code).toBe(0);
    expect(Extraction.parse(JSON.parse(one.stdout)).doc).toBe(corpusNames[0]);
    const two = zhengbao(['extract', a!, b!, '--format', 'json']);
    expect((JSON.parse(two.stdout) as unknown[]).map((e) => Extraction.parse(e).doc)).toEqual(corpusNames.slice(0, 2));
    const jsonl = zhengbao(['extract', a!, b!, '--format', 'jsonl']);
    expect(lines(jsonl.stdout).map((l) => Extraction.parse(JSON.parse(l)).doc)).toEqual(corpusNames.slice(0, 2));
    const table = zhengbao(['extract', a!, '--format', 'table']);
    expect(table.stdout).toContain(`== ${corpusNames[0]}: `);
  });
});

describe('zhengbao ingest, facts and docs on the corpus', () => {
  let db: string;
  beforeAll(() => {
    db = join(tmp, 'corpus', 'zhengbao.db');
  });

  it('ingests the folder, then reports it unchanged', () => {
    const first = zhengbao(['ingest', defaultCorpus, '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`added 10, unchanged 0, failed 0 (db: ${db})\n`);
    const again = zhengbao(['ingest', defaultCorpus, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`added 0, unchanged 10, failed 0 (db: ${db})\n`);
  });

  it('docs lists the 10 documents', () => {
    const json = zhengbao(['docs', '--db', db, '--format', 'json']);
    expect(json.code).toBe(0);
    const docs = JSON.parse(json.stdout) as { name: string; fact_count: number }[];
    expect(docs.map((d) => d.name)).toEqual(corpusNames);
    const table = zhengbao(['docs'], { env: { ZHENGBAO_DB: db } });
    expect(table.code).toBe(0);
    for (const name of corpusNames) expect(table.stdout).toContain(name);
  });

  it('facts --format csv has the header and one row per stored fact', () => {
    const docs = JSON.parse(zhengbao(['docs', '--db', db, '--format', 'json']).stdout) as { fact_count: number }[];
    const run = zhengbao(['facts', '--db', db, '--format', 'csv']);
    expect(run.code).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual(expect.arrayContaining(['region_code', 'region_name', 'period', 'indicator', 'kind', 'value', 'unit', 'value_base', 'document', 'quote']));
    expect(rows).toHaveLength(docs.reduce((n, d) => n + d.fact_count, 0));
  });

  it('uses ./zhengbao.db when neither --db nor ZHENGBAO_DB is given', () => {
    const cwd = join(tmp, 'cwd');
    mkdirSync(cwd);
    const run = zhengbao(['ingest', join(defaultCorpus, corpusFiles[0]!)], { cwd });
    expect(run.stdout).toBe('added 1, unchanged 0, failed 0 (db: zhengbao.db)\n');
    expect(existsSync(join(cwd, 'zhengbao.db'))).toBe(true);
  });
});

describe('zhengbao facts on known facts', () => {
  it('writes the rows and filters by region name and code', () => {
    // A store filled with hand-checked facts, so the rows do not depend on the extractor.
    const db = join(tmp, 'known.db');
    const store = openStore(db);
    const text = '2020年，岳阳楼区地区生产总值完成670.68亿元，增长4.1%，城镇新增就业9000人。';
    const fact = (quote: string, indicator: string, measure: 'level' | 'growth', value: number, unit: string) => {
      const start = text.indexOf(quote);
      return { indicator, period: '2020', kind: 'actual' as const, measure, value, unit, qualifier: 'exact' as const, estimated: false, quote, span: [start, start + quote.length] as [number, number] };
    };
    store.ingest({
      name: 'yueyanglou-2021', path: null, encoding: 'utf-8', text,
      extraction: {
        doc: 'yueyanglou-2021',
        meta: { title: null, doc_type: 'work_report', region: { name: '岳阳楼区', code: '430602', level: 'county' }, date: null, review_period: '2020', plan_period: '2021', speaker: null },
        facts: [
          fact('地区生产总值完成670.68亿元', 'gdp', 'level', 670.68, '亿元'),
          fact('地区生产总值完成670.68亿元，增长4.1%', 'gdp', 'growth', 4.1, '%'),
          fact('城镇新增就业9000人', 'new_urban_jobs', 'level', 9000, '人'),
        ],
        projects: [],
      },
    });
    store.close();

    const csv = parseCsv(zhengbao(['facts', '--db', db, '--format', 'csv', '--region', '岳阳楼区', '--indicator', 'gdp']).stdout);
    const [header, ...rows] = csv;
    const record = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(record).toMatchObject([
      { region_code: '430602', region_name: '岳阳楼区', period: '2020', measure: 'growth', value: '4.1', unit: '%', value_base: '4.1' },
      { region_code: '430602', measure: 'level', value: '670.68', unit: '亿元', value_base: '67068000000', base_unit: '元', estimated: '0', quote: '地区生产总值完成670.68亿元', document: 'yueyanglou-2021' },
    ]);
    const byCode = JSON.parse(zhengbao(['facts', '--db', db, '--format', 'json', '--region', '430602']).stdout) as unknown[];
    expect(byCode).toHaveLength(3);
    const table = zhengbao(['facts', '--db', db, '--period', '2020', '--kind', 'actual']);
    expect(lines(table.stdout)).toHaveLength(2 + 3);
    expect(zhengbao(['facts', '--db', db, '--format', 'json', '--region', '芙蓉区']).stdout).toBe('[]\n');
  });
});

describe('bad input', () => {
  let bad: string;
  const cases = {
    'empty.txt': Buffer.alloc(0),
    'binary.txt': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(16), Buffer.from([1, 2, 3])]),
    'undecodable.txt': Buffer.from([0x41, 0x42, 0xff, 0xff, 0xfe, 0xff, 0x43]),
  };
  const reasons: Record<string, RegExp> = { 'empty.txt': /empty/i, 'binary.txt': /binary/i, 'undecodable.txt': /decode/i };

  beforeAll(() => {
    bad = join(tmp, 'mixed');
    mkdirSync(bad);
    for (const [name, bytes] of Object.entries(cases)) writeFileSync(join(bad, name), bytes);
    for (const name of corpusFiles.slice(0, 2)) copyFileSync(join(defaultCorpus, name), join(bad, name));
  });

  it.each(Object.keys(cases))('extract %s: one line naming the file and reason, exit 1', (name) => {
    const file = join(bad, name);
    const run = zhengbao(['extract', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^zhengbao: ${escape(file)}: .+\n$`));
    expect(run.stderr).toMatch(reasons[name]!);
  });

  it('extract of a missing path: one line, exit 1', () => {
    const missing = join(tmp, '不存在.txt');
    const run = zhengbao(['extract', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`zhengbao: ${missing}: no such file or directory\n`);
  });

  it('extract of a folder with broken files writes the good ones and fails', () => {
    const out = join(tmp, 'mixed-out');
    const run = zhengbao(['extract', bad, '--out', out]);
    expect(run.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(corpusNames.slice(0, 2).map((n) => `${n}.json`));
    expect(lines(run.stderr).sort()).toEqual(Object.keys(cases).sort().map((name) => expect.stringMatching(new RegExp(`^zhengbao: ${escape(join(bad, name))}: `))));
  });

  it('ingest stores the good files, reports the bad ones and keeps nothing of them', () => {
    const db = join(tmp, 'mixed.db');
    const missing = join(tmp, 'missing-folder');
    const run = zhengbao(['ingest', bad, missing, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`added 2, unchanged 0, failed 4 (db: ${db})\n`);
    const errors = lines(run.stderr);
    expect(errors).toHaveLength(4);
    expect(errors).toContain(`zhengbao: ${missing}: no such file or directory`);
    for (const name of Object.keys(cases)) {
      expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^zhengbao: ${escape(join(bad, name))}: `)));
    }
    const store = openStore(db);
    expect(store.documents().map((d) => d.name)).toEqual(corpusNames.slice(0, 2));
    expect(store.documents().some((d) => d.path?.includes('empty') || d.path?.includes('binary') || d.path?.includes('undecodable'))).toBe(false);
    store.close();
  });
});

describe('bad files of every format', () => {
  let bad: string;
  let rssPreload: string;
  const MB = 1024 * 1024;
  // Each: the file, the reason printed for it.
  const reasons: Record<string, RegExp> = {
    'truncated.pdf': /: truncated PDF \(no end-of-file marker\)$/,
    'encrypted.pdf': /: encrypted PDF \(password required\)$/,
    'bomb.docx': /: refused: the archive expands to more than 64 MB \(zip bomb\?\)$/,
    'huge.html': /: web page too large \(50 MB > 16 MB\): save the article alone$/,
    'page.pdf': /: not a PDF file \(it is an HTML page\)$/,
  };

  beforeAll(async () => {
    const { renderPdf } = await import('../ingest/render/pdf.js');
    const { docxBomb } = await import('../ingest/render/zip.js');
    bad = join(tmp, 'bad-formats');
    mkdirSync(bad);
    const text = readFileSync(join(defaultCorpus, corpusFiles[0]!), 'utf8');
    const good = await renderPdf(text, { columns: 1 });
    writeFileSync(join(bad, 'good.pdf'), good);
    writeFileSync(join(bad, 'truncated.pdf'), good.subarray(0, good.length >> 1));
    writeFileSync(join(bad, 'encrypted.pdf'), await renderPdf(text, { columns: 1, userPassword: 'secret' }));
    writeFileSync(join(bad, 'bomb.docx'), await docxBomb(200 * MB));
    const para = Buffer.from('<p>全区实现地区生产总值670.68亿元，同比增长10%。</p>\n');
    const huge = Buffer.alloc(50 * MB);
    for (let at = 0; at < huge.length; at += para.length) para.copy(huge, at);
    writeFileSync(join(bad, 'huge.html'), huge);
    writeFileSync(join(bad, 'page.pdf'), '<!DOCTYPE html><html><head><title>报告</title></head><body><p>增长10%</p></body></html>');
    // The CLI process writes its peak RSS here on exit.
    rssPreload = join(tmp, 'rss.mjs');
    writeFileSync(rssPreload, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n");
  }, 60_000);

  it('ingest stores the good PDF, names each bad file and its reason, keeps nothing of them, in bounded memory', () => {
    const db = join(tmp, 'bad-formats.db');
    const rssOut = join(tmp, 'bad-formats.rss');
    const run = spawnSync(process.execPath, ['--import', rssPreload, MAIN, 'ingest', bad, '--db', db], {
      cwd: tmp,
      env: { ...process.env, RSS_OUT: rssOut },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`added 1, unchanged 0, failed 5 (db: ${db})\n`);
    const errors = lines(run.stderr);
    expect(errors).toHaveLength(5);
    for (const [name, reason] of Object.entries(reasons)) {
      const line = errors.find((l) => l.startsWith(`zhengbao: ${join(bad, name)}: `));
      expect(line, name).toMatch(reason);
    }
    const store = openStore(db);
    const docs = store.documents();
    expect(docs.map((d) => [d.name, d.format, d.media_type])).toEqual([['good', 'pdf', 'application/pdf']]);
    expect(store.originalFile(docs[0]!.id)!.bytes.equals(readFileSync(join(bad, 'good.pdf')))).toBe(true);
    store.close();
    const peakMB = Number(readFileSync(rssOut, 'utf8')) / 1024;
    expect(peakMB).toBeLessThan(300);
  });

  it('show prints the text a PDF was read into, and the original byte for byte', () => {
    const db = join(tmp, 'bad-formats.db');
    const text = zhengbao(['show', '1', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('地区生产总值');
    const out = join(tmp, 'original.pdf');
    const original = zhengbao(['show', '1', '--original', '--out', out, '--db', db]);
    expect(original.code).toBe(0);
    expect(original.stderr).toMatch(/^wrote .*original\.pdf \([\d,]+ bytes, application\/pdf\)\n$/);
    expect(readFileSync(out).equals(readFileSync(join(bad, 'good.pdf')))).toBe(true);
    expect(zhengbao(['show', '9', '--db', db]).stderr).toBe(`zhengbao: no document 9 in ${db} (see "zhengbao docs")\n`);
  });

  it.each(Object.keys(reasons))('extract %s alone: its reason, exit 1', (name) => {
    const run = zhengbao(['extract', join(bad, name)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^zhengbao: ${escape(join(bad, name))}: `));
    expect(run.stderr.trimEnd()).toMatch(reasons[name]!);
  });
});

describe('zhengbao eval', () => {
  it('scores the bundled corpus from any working directory', () => {
    const keep = join(tmp, 'eval-pred');
    const run = zhengbao(['eval', '--keep', keep], { cwd: tmpdir() });
    expect(run.code).toBe(0);
    expect(lines(run.stdout).at(-1)).toMatch(/^facts P [\d.]+ R [\d.]+ F1 [\d.]+ \| projects F1 .* \| docs 28$/);
    expect(lines(run.stdout)).toEqual(expect.arrayContaining([expect.stringMatching(/^dev +facts P .* \| docs 10$/), expect.stringMatching(/^wild +facts P .* \| docs 18$/)]));
    expect(readdirSync(join(keep, 'dev'))).toHaveLength(10);
    expect(readdirSync(join(keep, 'wild'))).toHaveLength(18);
  });
});

describe('zhengbao serve', () => {
  /** Starts the built server, resolves with its base URL once the banner names the port. */
  function serve(args: string[]): Promise<{ base: string; child: ChildProcess; banner: () => string }> {
    const child = spawn(process.execPath, [MAIN, 'serve', '--port', '0', ...args], { cwd: tmp, env: { ...process.env, ZHENGBAO_DB: '' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
    return new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /API +(http:\/\/[^/]+)\/api\//.exec(out);
        if (m) {
          clearInterval(timer);
          resolve({ base: m[1]!, child, banner: () => out });
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`serve exited ${child.exitCode}: ${out}`));
        }
      }, 50);
    });
  }

  it.each([[1], [2]])('serves the API and the dashboard with %i worker(s), and stops on SIGTERM', async (workers) => {
    const db = join(tmp, `serve-${workers}.db`);
    expect(zhengbao(['ingest', defaultCorpus, '--db', db]).code).toBe(0);
    const { base, child, banner } = await serve(['--db', db, '--workers', String(workers)]);
    try {
      expect(banner()).toMatch(/upload token \(投稿\): \S{8,}/);
      const docs = (await (await fetch(`${base}/api/documents`)).json()) as { total: number };
      expect(docs.total).toBe(10);
      const page = await fetch(`${base}/regions/430602`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>政报');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses a token a browser cannot send', () => {
    const run = zhengbao(['serve', '--db', join(tmp, 'x.db'), '--token', '投稿令牌12345']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('visible ASCII');
  });
});
