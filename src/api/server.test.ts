// The HTTP API through Fastify's inject: real routes, real store, the sample corpus.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.js';
import { readDocument } from '../ingest/read.js';
import { defaultCorpus } from '../cli/paths.js';
import { ingestInput, openStore, type Store } from '../store/index.js';
import { renderFixture } from '../ingest/render/index.js';
import { renderPdf } from '../ingest/render/pdf.js';
import type { DocumentDetail, DocumentList, RegionProfile, SearchResult } from './schemas.js';
import { buildServer } from './server.js';

const TOKEN = 'test-token-8c1f'; // browsers send only ASCII in headers
const LIMIT = 256 * 1024; // a small PDF with its embedded CJK font subset is ~60 KB

async function sampleStore(): Promise<Store> {
  const store = openStore(':memory:');
  for (const file of readdirSync(defaultCorpus).filter((f) => f.endsWith('.txt')).sort()) {
    const read = await readDocument(join(defaultCorpus, file));
    store.ingest(ingestInput(read, read.name, read.path, extract(read.text, { doc: read.name })));
  }
  return store;
}

/** A multipart/form-data body with one file field. */
function multipart(filename: string, content: string | Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----zhengbao-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { payload: Buffer.concat([head, body, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** No response may leak internals: no stack frame, no file path of ours. */
function expectNoInternals(res: LightMyRequestResponse): void {
  expect(res.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  expect(res.body).not.toMatch(/node_modules|\/work\/|dist\//);
}

let store: Store;
let app: FastifyInstance;
const docCount = () => store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()!.n;

beforeAll(async () => {
  store = await sampleStore();
  app = await buildServer({ store, token: TOKEN, webRoot: null, uploadLimitBytes: LIMIT });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('GET /api/documents', () => {
  it('lists the sample corpus, newest first, without server paths', async () => {
    const res = await app.inject('/api/documents');
    expect(res.statusCode).toBe(200);
    const list = res.json<DocumentList>();
    expect(list.total).toBe(10);
    expect(list.items).toHaveLength(10);
    expect(res.body).not.toContain('"path"');
    const dates = list.items.map((d) => d.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.each([
    ['type=investment_news', (d: DocumentList) => d.items.every((x) => x.doc_type === 'investment_news') && d.total === 7],
    ['region=430602', (d: DocumentList) => d.total === 1 && d.items[0]!.region_name === '岳阳楼区'],
    [`region=${encodeURIComponent('岳阳楼区')}`, (d: DocumentList) => d.total === 1 && d.items[0]!.region_code === '430602'],
    ['year=2021&type=work_report', (d: DocumentList) => d.items.some((x) => x.name === 'yueyanglou-2021')],
    ['limit=3&offset=3', (d: DocumentList) => d.items.length === 3 && d.offset === 3 && d.total === 10],
    ['region=999999', (d: DocumentList) => d.total === 0 && d.items.length === 0],
  ])('filters: %s', async (query, check) => {
    const res = await app.inject(`/api/documents?${query}`);
    expect(res.statusCode).toBe(200);
    expect(check(res.json<DocumentList>())).toBe(true);
  });

  it.each(['limit=0', 'limit=100000', 'offset=-1', 'type=poem', 'year=abc', 'year=20210'])('rejects %s with 400', async (query) => {
    const res = await app.inject(`/api/documents?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});

describe('GET /api/documents/:id', () => {
  it('returns text, meta, labelled facts whose spans hold their quotes, and projects', async () => {
    const id = store.documents().find((d) => d.name === 'yueyanglou-2021')!.id;
    const res = await app.inject(`/api/documents/${id}`);
    expect(res.statusCode).toBe(200);
    const doc = res.json<DocumentDetail>();
    expect(doc.meta.region?.code).toBe('430602');
    expect(doc.facts.length).toBeGreaterThan(20);
    for (const f of doc.facts) expect(doc.text.slice(f.span[0], f.span[1])).toBe(f.quote);
    expect(doc.facts.find((f) => f.indicator === 'gdp')?.label).toBe('地区生产总值');
    expect(doc.facts.map((f) => f.ordinal)).toEqual(doc.facts.map((_, i) => i));
  });

  it.each([
    ['/api/documents/99999', 404],
    ['/api/documents/abc', 400],
    ['/api/documents/0', 400],
    ['/api/documents/1e3', 404],
    ['/api/documents/-1', 400],
    [`/api/documents/${'9'.repeat(40)}`, 400],
  ])('%s → %i', async (url, status) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(status);
    expectNoInternals(res);
  });
});

describe('GET /api/search', () => {
  it('finds 地区生产总值 with highlights at the right offsets', async () => {
    const res = await app.inject(`/api/search?q=${encodeURIComponent('地区生产总值')}`);
    expect(res.statusCode).toBe(200);
    const result = res.json<SearchResult>();
    expect(result.total).toBeGreaterThan(2);
    for (const hit of result.hits) {
      const doc = store.document(hit.document_id)!;
      for (const [s, e] of hit.matches) expect(doc.text.slice(s, e)).toBe('地区生产总值');
      for (const [s, e] of hit.snippet.highlights) expect(hit.snippet.text.slice(s, e)).toBe('地区生产总值');
      expect(doc.text.slice(hit.snippet.start, hit.snippet.start + hit.snippet.text.length)).toBe(hit.snippet.text);
    }
  });

  it('filters by region and type', async () => {
    const res = await app.inject(`/api/search?q=${encodeURIComponent('项目')}&type=investment_news`);
    const result = res.json<SearchResult>();
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.doc_type === 'investment_news')).toBe(true);
  });

  // Every one of these must be answered: 200 with sane results or 400, never 500, never a stack.
  it.each([
    '"', '""', '"地区', '*', '地区*', 'NEAR(a b)', 'a AND', 'OR', 'NOT 地区', '-地区', '+', '^地区', '{a b}: c', '(((', ')',
    'col:地区', '地区生产总值" OR "1', "' OR 1=1 --", '%', '%25', '\\', '\u0000', '%00', '😀'.repeat(100),
    '<script>alert(1)</script>', '地'.repeat(200), '地'.repeat(201), ' ', '', '&q=x', 'a'.repeat(5000),
  ])('survives q=%j', async (q) => {
    const res = await app.inject(`/api/search?q=${encodeURIComponent(q)}`);
    expect([200, 400, 414]).toContain(res.statusCode);
    expectNoInternals(res);
    if (res.statusCode === 200) expect(res.json<SearchResult>().hits.length).toBeLessThanOrEqual(10);
  });

  it.each(['q=x&limit=51', 'q=x&limit=-1', 'q=x&offset=abc', 'q=x&type=<b>', 'q=a&q=b'])('rejects %s with 4xx', async (query) => {
    const res = await app.inject(`/api/search?${query}`);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectNoInternals(res);
  });

  // Bytes that are not UTF-8 (a lone surrogate, 0xFF, a cut-off character, a bare %).
  it.each(['%ED%A0%80', '%FF', '%E5%9C', '%', '%G1', '%E5%9C%B0%E5%8C%BA%00'])('survives raw q=%s', async (raw) => {
    const res = await app.inject(`/api/search?q=${raw}`);
    expect([200, 400]).toContain(res.statusCode);
    expectNoInternals(res);
  });

  it.each(['q[]=a&q[]=b', 'q[a]=1', 'x=1'])('finds nothing for %s (no q)', async (query) => {
    const res = await app.inject(`/api/search?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<SearchResult>().total).toBe(0);
  });
});

describe('GET /api/regions', () => {
  it('lists regions with counts', async () => {
    const res = await app.inject('/api/regions');
    const { items } = res.json<{ items: { code: string; document_count: number; fact_count: number }[] }>();
    expect(items.find((r) => r.code === '430602')).toMatchObject({ document_count: 1 });
    expect(items.every((r) => r.fact_count >= 0)).toBe(true);
  });

  it('profiles a region: series in catalog order, each point quoting its source', async () => {
    const res = await app.inject('/api/regions/430602');
    expect(res.statusCode).toBe(200);
    const profile = res.json<RegionProfile>();
    expect(profile.region.name).toBe('岳阳楼区');
    const gdp = profile.indicators.find((s) => s.indicator === 'gdp' && s.measure === 'growth');
    expect(gdp?.label).toBe('地区生产总值');
    expect(gdp?.results.length).toBeGreaterThan(0);
    expect(gdp?.targets.length).toBeGreaterThan(0);
    expect(profile.documents.map((d) => d.name)).toContain('yueyanglou-2021');
  });

  it.each([
    ['/api/regions/110101', 404],
    ['/api/regions/abc', 400],
    ['/api/regions/4306021', 400],
    [`/api/regions/${encodeURIComponent('<script>')}`, 400],
  ])('%s → %i', async (url, status) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(status);
    expectNoInternals(res);
  });
});

describe('GET /api/facts', () => {
  it('pages the panel as JSON', async () => {
    const res = await app.inject('/api/facts?region=430602&limit=5');
    const body = res.json<{ total: number; items: { region_code: string }[] }>();
    expect(body.total).toBeGreaterThan(5);
    expect(body.items).toHaveLength(5);
    expect(body.items.every((r) => r.region_code === '430602')).toBe(true);
  });

  it('downloads the filtered panel as CSV', async () => {
    const res = await app.inject('/api/facts?format=csv&indicator=gdp');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'region_code,region_name,region_level,period,indicator,kind,measure,value,value_high,unit,value_base,base_unit,qualifier,text,estimated,document,quote,span_start,span_end',
    );
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1).every((l) => l.includes(',gdp,'))).toBe(true);
  });
});

describe('GET /api/compare', () => {
  it('puts regions side by side on one indicator', async () => {
    const res = await app.inject(`/api/compare?indicator=gdp&regions=430602,${encodeURIComponent('芙蓉区')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ label: string; regions: { name: string; found: boolean; results: unknown[] }[] }>();
    expect(body.label).toBe('地区生产总值');
    expect(body.regions.map((r) => [r.name, r.found])).toEqual([
      ['岳阳楼区', true],
      ['芙蓉区', true],
    ]);
  });

  it.each(['indicator=gdp', 'regions=430602', 'indicator=gdp&regions=,,', 'indicator=gdp&regions=430602&measure=x'])('%s → 400', async (q) => {
    const res = await app.inject(`/api/compare?${q}`);
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route from its schema', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const spec = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/documents', '/api/documents/{id}', '/api/search', '/api/regions', '/api/regions/{code}', '/api/facts', '/api/compare']) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(spec.paths['/api/documents']).toHaveProperty('post');
    expect(JSON.stringify(spec.paths['/api/search'])).toContain('"q"');
  });
});

describe('POST /api/documents (投稿)', () => {
  const text = '2021年某区人民政府工作报告\n一、2020年工作回顾\n全区地区生产总值完成88.8亿元，增长6.6%。\n';
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('stores an upload, returns it, and a second upload of the same text changes nothing', async () => {
    const before = docCount();
    const body = multipart('新区报告.txt', text);
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...auth } });
    expect(res.statusCode).toBe(201);
    const { status, document } = res.json<{ status: string; document: DocumentDetail }>();
    expect(status).toBe('added');
    expect(document.name).toBe('新区报告');
    expect(document.facts.some((f) => f.indicator === 'gdp' && f.value === 88.8)).toBe(true);
    expect(docCount()).toBe(before + 1);
    const again = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...auth } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'unchanged' });
    expect(docCount()).toBe(before + 1);
  });

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { authorization: 'Bearer nope' }, 401],
    ['a malformed header', { authorization: `Basic ${TOKEN}` }, 401],
  ])('refuses %s with %i and stores nothing', async (_name, headers: Record<string, string>, status) => {
    const before = docCount();
    const body = multipart('x.txt', text + '甲');
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...headers } });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ statusCode: status });
    expect(docCount()).toBe(before);
  });

  it.each([
    ['an oversized file', () => multipart('big.txt', '地'.repeat(LIMIT)), 413],
    ['a file type it cannot read', () => multipart('report.exe', 'MZ'), 415],
    ['an empty file', () => multipart('empty.txt', ''), 422],
    ['binary bytes', () => multipart('noise.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), 422],
    ['a field with another name', () => multipart('x.txt', text, 'document'), 400],
  ])('answers %s with %i and stores nothing', async (_name, make, status) => {
    const before = docCount();
    const body = make();
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...auth } });
    expect(res.statusCode).toBe(status);
    expect(res.json<{ message: string }>().message.length).toBeGreaterThan(0);
    expectNoInternals(res);
    expect(docCount()).toBe(before);
  });

  it.each([
    ['a saved portal page', 'html', '.html', 'text/html'],
    ['a PDF', 'pdf', '.pdf', 'application/pdf'],
    ['a Word file', 'docx', '.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a Big5 Traditional text', 'big5-traditional', '.txt', 'text/plain'],
  ] as const)('stores %s with its original file, served back as it was sent', async (_name, kind, extension, mediaType) => {
    const report = `2021年某${kind}区人民政府工作报告\n一、2020年工作回顾\n全区地区生产总值完成88.8亿元，增长6.6%。\n`;
    const fixture = await renderFixture(kind, report);
    expect(fixture.extension).toBe(extension);
    const body = multipart(`报告${extension}`, fixture.bytes);
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...auth } });
    expect(res.statusCode).toBe(201);
    const { document } = res.json<{ document: DocumentDetail }>();
    expect(document.format).toBe(kind === 'big5-traditional' ? 'text' : kind);
    expect(document.media_type).toBe(mediaType);
    expect(document.original).toMatchObject({ media_type: mediaType, size: fixture.bytes.length });
    const gdp = document.facts.find((f) => f.indicator === 'gdp' && f.measure === 'level')!;
    expect(gdp.value).toBe(88.8);
    expect(document.text.slice(gdp.span[0], gdp.span[1])).toBe(gdp.quote);
    if (kind === 'pdf') expect(gdp.page).toBe(1);
    const original = await app.inject({ method: 'GET', url: `/api/documents/${document.id}/original` });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toContain(mediaType);
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);
    expect(original.headers['content-security-policy']).toContain('sandbox');
    expect(original.rawPayload.equals(fixture.bytes)).toBe(true);
  });

  it.each([
    ['a .pdf that is a web page', () => multipart('report.pdf', '<!DOCTYPE html><html><body><p>增长10%</p></body></html>'), /not a PDF file \(it is an HTML page\)/],
    ['an encrypted PDF', async () => multipart('secret.pdf', await renderPdf('某区报告\n地区生产总值增长6.6%。', { columns: 1, userPassword: 'pw' })), /encrypted PDF/],
    ['a truncated PDF', async () => {
      const pdf = await renderPdf('某区报告\n地区生产总值增长6.6%。', { columns: 1 });
      return multipart('cut.pdf', pdf.subarray(0, pdf.length >> 1));
    }, /truncated PDF/],
    ['random bytes named .docx', () => multipart('x.docx', Buffer.from('not a zip at all')), /not a Word \.docx file/],
  ])('answers %s with 422 naming the reason, and stores nothing', async (_name, make, reason) => {
    const before = docCount();
    const body = await make();
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...auth } });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ message: string }>().message).toMatch(reason);
    expectNoInternals(res);
    expect(docCount()).toBe(before);
  });

  it('reads an upload in the encoding the query names, and refuses an unknown one with 422', async () => {
    const big5 = iconv.encode('某區報告\n一、2020年工作回顧\n全區地區生產總值完成77.7億元。\n', 'big5');
    const post = (query: string) => {
      const body = multipart('短稿.txt', big5);
      return app.inject({ method: 'POST', url: `/api/documents${query}`, payload: body.payload, headers: { ...body.headers, ...auth } });
    };
    const res = await post('?encoding=big5');
    expect(res.statusCode).toBe(201);
    const { document } = res.json<{ document: DocumentDetail }>();
    expect(document.encoding).toBe('big5');
    expect(document.text).toContain('全區地區生產總值完成77.7億元');
    expect(document.facts.find((f) => f.indicator === 'gdp')).toMatchObject({ value: 77.7, unit: '亿元', quote: expect.stringContaining('77.7億元') });
    const before = docCount();
    const bad = await post('?encoding=klingon');
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ message: string }>().message).toBe("短稿: unknown encoding 'klingon'");
    expect(docCount()).toBe(before);
  });

  it('says 404 for the original of a document stored without its file', async () => {
    const id = store.db.prepare<[], { id: number }>('SELECT id FROM documents ORDER BY id LIMIT 1').get()!.id;
    store.db.prepare('DELETE FROM document_files WHERE document_id = ?').run(id);
    const res = await app.inject({ method: 'GET', url: `/api/documents/${id}/original` });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toBe(`document ${id} was stored without its file`);
    expect((await app.inject({ method: 'GET', url: '/api/documents/999999/original' })).statusCode).toBe(404);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: { text }, headers: auth });
    expect(res.statusCode).toBe(415);
  });

  it('refuses uploads when the server has no token', async () => {
    const closed = await buildServer({ store, token: null, webRoot: null });
    const body = multipart('x.txt', text);
    const res = await closed.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, ...auth } });
    expect(res.statusCode).toBe(403);
    await closed.close();
  });
});

describe('hostile query strings on every route', () => {
  const nasty = ['<script>alert(1)</script>', "' OR 1=1 --", '"', '%', '\u0000', '😀'.repeat(30), '../../etc/passwd', 'a'.repeat(3000)];
  const routes = ['/api/documents?region=', '/api/documents?type=', '/api/facts?region=', '/api/facts?period=', '/api/facts?indicator=',
    '/api/facts?format=csv&region=', '/api/compare?indicator=gdp&regions=', '/api/compare?regions=430602&indicator=', '/api/regions/'];
  it.each(routes.flatMap((route) => nasty.map((value) => [route, value] as const)))('%s%j → 2xx/4xx, no internals', async (route, value) => {
    const res = await app.inject(`${route}${encodeURIComponent(value)}`);
    expect(res.statusCode).toBeLessThan(500);
    expectNoInternals(res);
  });
});

describe('every response', () => {
  it('carries a content security policy and nosniff', async () => {
    const res = await app.inject('/api/regions');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers malformed JSON bodies with 4xx, not 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: '{"a":', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectNoInternals(res);
  });
});
