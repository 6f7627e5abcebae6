// The dashboard in a real browser (Debian's chromium through playwright-core)
// against the real server over a temp store holding the sample corpus and a
// hostile document. Each test leaves a screenshot in test-output/browser/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import type {
  DocumentDetail,
  DocumentList,
  RegionProfile,
  RegionSummary,
  SearchResult,
} from '../../src/api/schemas.js';
import { extract } from '../../src/extract/pipeline.js';
import { readDocument } from '../../src/ingest/read.js';
import { ingestInput, openStore, type Store } from '../../src/store/index.js';
import { renderPdf } from '../../src/ingest/render/pdf.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(REPO, 'corpus', 'dev');
const SHOTS = join(REPO, 'test-output', 'browser');
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'e2e-token-Zh3ngBa0';

/** Everything a hostile document could try: it must all show up as plain text. */
const XSS_SCRIPT = '<script>window.__xss_script=1;alert(1)</script>';
const XSS_IMG = '<img src=x onerror="window.__xss_img=1;alert(1)">';
const XSS_LINK = '<a href="javascript:alert(1)">点我</a>';
const XSS_WORD = '注入防护检验';
const XSS_TEXT = [
  '安全测试区2024年政府工作报告',
  '',
  `${XSS_WORD}一：${XSS_SCRIPT}。`,
  '',
  `${XSS_WORD}二：${XSS_IMG}。`,
  '',
  `${XSS_WORD}三：${XSS_LINK}。`,
  '',
  '2023年，全区实现地区生产总值512.3亿元，同比增长6.2%；固定资产投资同比增长8.1%。',
  '',
  '2024年主要预期目标是：地区生产总值增长6.5%左右。',
  '',
].join('\n');

const UPLOAD_WORD = '翡翠湾数字港';
const UPLOAD_TEXT = [
  '示例县2023年上半年经济运行情况',
  '',
  `上半年，全县实现地区生产总值88.6亿元，同比增长5.9%。${UPLOAD_WORD}项目完成投资3.2亿元。`,
  '',
  '规模以上工业增加值同比增长7.3%，社会消费品零售总额同比增长6.8%。',
  '',
].join('\n');

let tmp: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dialogs: string[];
let pageErrors: string[];

async function ingestFile(s: Store, file: string): Promise<void> {
  const read = await readDocument(file);
  s.ingest(ingestInput(read, read.name, read.path, extract(read.text, { doc: read.name, pages: read.pages })));
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function shot(name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Waits until the app has rendered something other than its loading state. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), null, { timeout: 15_000 });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  tmp = mkdtempSync(join(tmpdir(), 'zhengbao-e2e-'));
  mkdirSync(SHOTS, { recursive: true });

  // The dashboard as it is now, built into the temp folder (dist/web stays untouched).
  const webRoot = join(tmp, 'web');
  await build({
    configFile: join(REPO, 'web', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: webRoot, emptyOutDir: true },
  });

  // A temp SQLite store: the sample corpus plus the hostile document.
  store = openStore(join(tmp, 'e2e.db'));
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) await ingestFile(store, join(CORPUS, file));
  const xssFile = join(tmp, 'xss-probe.txt');
  writeFileSync(xssFile, XSS_TEXT, 'utf8');
  await ingestFile(store, xssFile);

  app = await buildServer({ store, token: TOKEN, webRoot, uploadLimitBytes: 1024 * 1024 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async (ctx) => {
  ctx.onTestFailed(async () => {
    const name = ctx.task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
    await page?.screenshot({ path: join(SHOTS, `failed-${name}.png`), fullPage: true }).catch(() => {});
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  page = await context.newPage();
  dialogs = [];
  pageErrors = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context?.close();
});

describe('dashboard', () => {
  test('search 地区生产总值 shows highlighted hits', async () => {
    await page.goto(base + '/');
    await page.getByTestId('search-input').fill('地区生产总值');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-hit').first().waitFor();
    await settled();

    expect(new URL(page.url()).pathname).toBe('/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('地区生产总值');
    const hits = await page.getByTestId('search-hit').count();
    expect(hits).toBeGreaterThan(0);
    const marks = await page.locator('[data-testid="search-hit"] mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(hits);
    for (const m of marks) expect(m).toBe('地区生产总值');
    await expect.poll(() => page.getByTestId('search-total').textContent()).toMatch(/\d+/);

    // The hit links to the document at the paragraph.
    const href = await page.getByTestId('search-hit-link').first().getAttribute('href');
    expect(href).toMatch(/^\/documents\/\d+\?at=\d+$/);
    await shot('search');

    await page.getByTestId('search-hit-link').first().click();
    await page.getByTestId('document-text').waitFor();
    const target = page.locator('.para.is-target');
    await expect.poll(() => target.count()).toBe(1);
    expect(await target.textContent()).toContain('地区生产总值');
    await expect.poll(() => inViewport(target.first())).toBe(true);
    await shot('search-open-at');
    expect(pageErrors).toEqual([]);
  });

  test('a region page draws a chart with data', async () => {
    const regions = await getJson<{ items: { code: string; fact_count: number }[] }>('/api/regions');
    const best = [...regions.items].sort((a, b) => b.fact_count - a.fact_count)[0]!;
    expect(best.fact_count).toBeGreaterThan(0);
    const profile = await getJson<RegionProfile>(`/api/regions/${best.code}`);

    await page.goto(`${base}/regions`);
    await page.getByTestId('region-row').first().waitFor();
    // Found through the filter box, as one would among hundreds of regions.
    await page.getByTestId('regions-filter').fill(best.code);
    await expect.poll(() => page.getByTestId('region-row').count()).toBe(1);
    await page.locator(`[data-testid="region-row"][data-code="${best.code}"] a`).click();
    await page.getByTestId('region-chart').first().locator('canvas').waitFor();
    await settled();
    expect(await page.getByTestId('region-name').textContent()).toBe(profile.region.name ?? profile.region.code);
    expect(await page.getByTestId('indicator-card').count()).toBe(profile.indicators.length);

    // Series are split by frequency: each card and chart says which, and no two share a key.
    const keyed = await page.evaluate(() => ({
      cards: [...document.querySelectorAll<HTMLElement>('[data-testid="indicator-card"]')].map((el) => ({
        series: el.dataset.series ?? '',
        frequency: el.dataset.frequency ?? '',
        head: el.querySelector('.card-head')?.textContent ?? '',
      })),
      charts: [...document.querySelectorAll<HTMLElement>('[data-testid="region-chart"]')].map((el) => ({
        frequency: el.dataset.frequency ?? '',
        series: el.closest<HTMLElement>('figure')?.dataset.series ?? '',
        caption: el.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
      })),
    }));
    const FREQ: Record<string, string> = { year: '年度', half: '半年度', quarter: '季度', month: '月度', span: '多年' };
    expect(keyed.cards.map((c) => c.series)).toEqual(profile.indicators.map((s) => `${s.indicator}:${s.measure}:${s.frequency}`));
    expect(new Set(keyed.cards.map((c) => c.series)).size).toBe(keyed.cards.length);
    expect(new Set(keyed.charts.map((c) => c.series)).size).toBe(keyed.charts.length);
    for (const c of [...keyed.cards, ...keyed.charts]) expect(Object.keys(FREQ)).toContain(c.frequency);
    for (const c of keyed.cards) expect(c.head).toContain(FREQ[c.frequency]!);
    for (const c of keyed.charts) expect(c.caption).toContain(FREQ[c.frequency]!);

    const charts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="region-chart"]')].map((el) => {
        const chart = window.__echarts?.getInstanceByDom(el);
        const option = chart?.getOption() as { series?: { data?: (number | null)[] }[] } | undefined;
        const points = (option?.series ?? []).flatMap((s) => s.data ?? []).filter((v) => typeof v === 'number').length;
        const canvas = el.querySelector('canvas');
        let inked = 0;
        if (canvas) {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
        }
        return { points, inked, width: canvas?.width ?? 0 };
      }),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.points).toBeGreaterThan(0);
      expect(c.width).toBeGreaterThan(0);
      expect(c.inked).toBeGreaterThan(500);
    }
    await shot('region');
    await shot('region-full', true);

    // Compare: the same region against others, one series each.
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-chart').locator('canvas').waitFor();
    await settled();
    const seriesCount = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="compare-chart"]')!;
      const option = window.__echarts?.getInstanceByDom(el)?.getOption() as { series?: unknown[] } | undefined;
      return option?.series?.length ?? 0;
    });
    expect(seriesCount).toBeGreaterThan(0);
    await shot('compare');
    expect(pageErrors).toEqual([]);
  });

  test('the regions list filters by name, code and level', async () => {
    const regions = await getJson<{ items: RegionSummary[] }>('/api/regions');
    const named = regions.items.filter((r) => r.name).sort((a, b) => b.fact_count - a.fact_count);
    const target = named[0]!;
    await page.goto(`${base}/regions`);
    await page.getByTestId('region-row').first().waitFor();
    expect(await page.getByTestId('region-row').count()).toBe(regions.items.length);

    // Part of a name: the region is listed, and every row listed matches somehow.
    const part = target.name!.slice(0, 2);
    await page.getByTestId('regions-filter').fill(part);
    await expect.poll(() => page.locator(`[data-testid="region-row"][data-code="${target.code}"]`).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe(part);
    const rows = await page.getByTestId('region-row').allTextContents();
    for (const row of rows) expect(row).toContain(part);
    await shot('regions-filter');

    // A level narrows the list; a filter that matches nothing says so; Esc clears.
    await page.getByTestId('regions-filter').fill('');
    await page.getByTestId('regions-level').selectOption(target.level!);
    const levels = await page.locator('[data-testid="region-row"] td:nth-child(3)').allTextContents();
    expect(levels.length).toBe(regions.items.filter((r) => r.level === target.level).length);
    expect(new Set(levels).size).toBe(1);
    await page.getByTestId('regions-filter').fill('不存在的地区名');
    await page.getByTestId('regions-nomatch').waitFor();
    await page.getByTestId('regions-filter').press('Escape');
    await expect.poll(() => page.getByTestId('region-row').count()).toBe(levels.length);

    // The filter is in the URL, so a reload keeps it.
    await page.goto(`${base}/regions?q=${encodeURIComponent(target.code)}`);
    await page.getByTestId('region-row').first().waitFor();
    expect(await page.getByTestId('regions-filter').inputValue()).toBe(target.code);
    expect(await page.getByTestId('region-row').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  test('the compare picker finds a region by part of its name and charts it', async () => {
    const regions = await getJson<{ items: RegionSummary[] }>('/api/regions');
    const withFacts = regions.items.filter((r) => r.fact_count > 0 && r.name).sort((a, b) => b.fact_count - a.fact_count);
    expect(withFacts.length).toBeGreaterThanOrEqual(2);
    const [first, second] = withFacts as [RegionSummary, RegionSummary];
    // A series (indicator, measure, frequency) the second region has numbers for; one the first
    // region has numbers for too when there is one (the sample corpus may have none in common).
    const numeric = async (code: string) =>
      (await getJson<RegionProfile>(`/api/regions/${code}`)).indicators
        .filter((s) => s.results.some((p) => p.value_in_series_unit != null))
        .map((s) => `${s.indicator}|${s.measure}|${s.frequency}`);
    const ofFirst = new Set(await numeric(first.code));
    const ofSecond = await numeric(second.code);
    expect(ofSecond.length).toBeGreaterThan(0);
    const key = ofSecond.find((k) => ofFirst.has(k)) ?? ofSecond[0]!;
    const [indicator, measure, frequency] = key.split('|') as [string, string, string];
    const firstHasData = ofFirst.has(key);

    await page.goto(`${base}/compare?indicator=${indicator}&measure=${measure}&frequency=${frequency}&regions=${first.code}`);
    await page.getByTestId('compare-region-chip').waitFor();
    await settled();
    if (firstHasData) await page.getByTestId('compare-chart').locator('canvas').waitFor();
    else await page.getByTestId('compare-nodata').waitFor();
    expect(await page.getByTestId('compare-region-chip').count()).toBe(1);
    expect(await page.getByTestId('compare-measure').inputValue()).toBe(measure);
    expect(await page.getByTestId('compare-frequency').inputValue()).toBe(frequency);
    expect(await page.getByTestId('compare-title').getAttribute('data-frequency')).toBe(frequency);
    // The picker lists a bounded number of options, never the chosen region.
    const listed = await page.getByTestId('compare-region-option').count();
    expect(listed).toBeLessThanOrEqual(30);
    expect(await page.locator(`[data-testid="compare-region-option"][data-code="${first.code}"]`).count()).toBe(0);

    // Type part of the name, move to the region with the arrow keys, Enter adds it.
    const filter = page.getByTestId('compare-region-filter');
    const part = second.name!.slice(0, 2);
    await filter.fill(part);
    const option = page.locator(`[data-testid="compare-region-option"][data-code="${second.code}"]`);
    await option.waitFor();
    for (const text of await page.getByTestId('compare-region-option').allTextContents()) expect(text).toContain(part);
    const optionId = `compare-opt-${second.code}`;
    for (let i = 0; i < 30 && (await filter.getAttribute('aria-activedescendant')) !== optionId; i++) await filter.press('ArrowDown');
    expect(await filter.getAttribute('aria-activedescendant')).toBe(optionId);
    await shot('compare-picker');
    await filter.press('Enter');

    await expect.poll(() => new URL(page.url()).searchParams.get('regions')).toBe(`${first.code},${second.code}`);
    expect(new URL(page.url()).searchParams.get('frequency')).toBe(frequency);
    await page.locator(`[data-testid="compare-region-chip"][data-code="${second.code}"]`).waitFor();
    await page.getByTestId('compare-chart').locator('canvas').waitFor();
    await settled();
    const seriesOf = (name: string) =>
      page.evaluate((n) => {
        const el = document.querySelector<HTMLElement>('[data-testid="compare-chart"]');
        const option = el && (window.__echarts?.getInstanceByDom(el)?.getOption() as { series?: { name?: string; data?: unknown[] }[] } | undefined);
        const s = option?.series?.find((x) => x.name === n);
        return s ? (s.data ?? []).filter((v) => typeof v === 'number').length : -1;
      }, name);
    await expect.poll(() => seriesOf(second.name!)).toBeGreaterThan(0);
    if (firstHasData) expect(await seriesOf(first.name!)).toBeGreaterThan(0);
    else expect(await seriesOf(first.name!)).toBe(0);
    // The filter text stays for picking more, and focus stays in the box.
    expect(await filter.inputValue()).toBe(part);
    expect(await filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot('compare-picked');

    // A chip's × removes its region.
    await page.locator(`[data-testid="compare-region-chip"][data-code="${first.code}"] [data-testid="compare-region-remove"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('regions')).toBe(second.code);
    await expect.poll(() => page.getByTestId('compare-region-chip').count()).toBe(1);

    // The frequency select goes into the URL like the measure.
    await page.getByTestId('compare-frequency').selectOption('');
    await expect.poll(() => new URL(page.url()).searchParams.has('frequency')).toBe(false);
    await page.getByTestId('compare-chart').locator('canvas').waitFor();
    expect(pageErrors).toEqual([]);
  });

  test('clicking a fact row scrolls its span into view and marks it', async () => {
    const list = await getJson<DocumentList>('/api/documents?limit=100');
    const richest = [...list.items].sort((a, b) => b.fact_count - a.fact_count)[0]!;
    const doc = await getJson<DocumentDetail>(`/api/documents/${richest.id}`);
    // The fact furthest down that sits within one paragraph.
    const fact = [...doc.facts]
      .filter((f) => f.span[1] > f.span[0] && !doc.text.slice(f.span[0], f.span[1]).includes('\n'))
      .sort((a, b) => b.span[0] - a.span[0])[0]!;
    const expected = doc.text.slice(fact.span[0], fact.span[1]);

    await page.goto(`${base}/documents/${doc.id}`);
    await page.getByTestId('fact-row').first().waitFor();
    expect(await page.getByTestId('fact-row').count()).toBe(doc.facts.length);
    expect(await page.getByTestId('document-title').textContent()).toBe(doc.title || doc.name);
    // The whole text is there, as text.
    const shown = await page.getByTestId('document-text').evaluate((el) =>
      [...el.querySelectorAll('.para')].map((p) => p.textContent).join(''),
    );
    expect(shown).toBe(doc.text.split('\n').filter((l) => l.trim() !== '').join(''));

    const row = page.locator(`[data-testid="fact-row"][data-ordinal="${fact.ordinal}"]`);
    await row.click();
    await expect.poll(() => row.getAttribute('class')).toContain('is-active');
    const active = page.locator('[data-testid="fact-span"].is-active');
    await expect.poll(() => active.count()).toBeGreaterThan(0);
    const activeText = (await active.allTextContents()).join('');
    expect(activeText).toBe(expected);
    expect(fact.quote).toContain(expected.slice(0, 4));
    await expect.poll(() => inViewport(active.first())).toBe(true);

    // Hovering a highlight explains it.
    await active.first().hover();
    const tip = page.getByTestId('fact-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(fact.label);
    await shot('document-fact');
    expect(pageErrors).toEqual([]);
  });

  test('a document with a 政府信息公开 block shows its fields', async () => {
    const list = await getJson<DocumentList>('/api/documents?limit=100');
    const item = list.items.find((d) => d.name === 'guandu-2021h1-plan')!;
    const doc = await getJson<DocumentDetail>(`/api/documents/${item.id}`);
    expect(doc.meta.disclosure?.subject).toBe('规划计划');
    await page.goto(`${base}/documents/${item.id}`);
    const block = page.getByTestId('document-disclosure');
    await block.waitFor();
    const text = await block.textContent();
    expect(text).toContain('主题分类规划计划');
    expect(text).toContain('发布日期2021-09-15');
    expect(text).not.toContain('有效性'); // a field the page did not give is not shown
    expect(pageErrors).toEqual([]);
  });

  test('判定依据 shows why the document was typed and dated, each cue linked to its words', async () => {
    const list = await getJson<DocumentList>('/api/documents?limit=100');
    const item = list.items.find((d) => d.name === 'guandu-2021h1-plan')!;
    await page.goto(`${base}/documents/${item.id}`);
    const why = page.getByTestId('document-explain');
    await why.waitFor();
    await why.locator('summary').click();
    const docType = why.locator('[data-field="doc_type"]');
    await docType.waitFor();
    expect(await docType.locator('.explain-value').textContent()).toBe(`计划执行报告（${item.doc_type}）`);
    const date = why.locator('[data-field="date"]');
    expect(await date.locator('.explain-value').textContent()).toBe('2021-08-31');
    // The winning cue for the date is the meeting line, linked to where it stands in the text.
    const cue = date.locator('.cue.is-winner').first();
    expect(await cue.textContent()).toContain('date:meeting-line');
    expect(await cue.locator('a').getAttribute('href')).toMatch(new RegExp(`^/documents/${item.id}\\?at=\\d+$`));
    await shot('document-explain');
    expect(pageErrors).toEqual([]);
  });

  test('upload a two-column PDF: the document shows its pages, each fact its page, and the original downloads', async () => {
    // Not the text of a stored document: the same text is stored once, whatever file it came in.
    const text = `${readFileSync(join(CORPUS, 'yueyanglou-2021.txt'), 'utf8').trimEnd()}\n（印发稿）\n`;
    const pdf = await renderPdf(text, { columns: 2 });
    await page.goto(`${base}/upload`);
    await page.getByTestId('upload-form').waitFor();
    await page.getByTestId('upload-file').setInputFiles({ name: '岳阳楼区报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('upload-token').fill(TOKEN);
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('upload-success').waitFor();
    const id = Number((await page.getByTestId('upload-document-link').getAttribute('href'))!.split('/').pop());
    const doc = await getJson<DocumentDetail>(`/api/documents/${id}`);
    expect(doc.format).toBe('pdf');
    expect(doc.pages!.length).toBeGreaterThan(1);

    await page.goto(`${base}/documents/${id}`);
    await page.getByTestId('fact-row').first().waitFor();
    expect(await page.getByTestId('document-file').textContent()).toContain(`PDF · ${doc.pages!.length} 页`);
    const pages = (await page.getByTestId('fact-page').allTextContents()).map(Number);
    expect(pages.length).toBe(doc.facts.length);
    expect(new Set(pages).size).toBeGreaterThan(1);
    expect(Math.max(...pages)).toBeLessThanOrEqual(doc.pages!.length);

    const download = page.waitForEvent('download');
    await page.getByTestId('document-original').click();
    const file = await (await download).path();
    expect(readFileSync(file).equals(pdf)).toBe(true);
    await shot('document-pdf');
    expect(pageErrors).toEqual([]);
  });

  test('upload a document with the token, then find it by search', async () => {
    await page.goto(`${base}/upload`);
    await page.getByTestId('upload-form').waitFor();
    await page.getByTestId('upload-file').setInputFiles({
      name: 'shili-2023h1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(UPLOAD_TEXT, 'utf8'),
    });
    await page.getByTestId('upload-token').fill(TOKEN);
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('upload-success').waitFor();
    await shot('upload-success');
    expect(await page.evaluate(() => localStorage.getItem('zhengbao.token'))).toBe(TOKEN);

    const link = page.getByTestId('upload-document-link');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/documents\/\d+$/);
    const id = Number(href.split('/').pop());
    await link.click();
    await page.getByTestId('document-text').waitFor();
    expect(await page.getByTestId('document-text').textContent()).toContain(UPLOAD_WORD);

    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill(UPLOAD_WORD);
    await page.getByTestId('search-submit').click();
    const hit = page.locator(`[data-testid="search-hit"][data-document-id="${id}"]`);
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toBe(UPLOAD_WORD);
    await shot('upload-search');

    // The token is remembered for the next visit.
    await page.goto(`${base}/upload`);
    await page.getByTestId('upload-form').waitFor();
    expect(await page.getByTestId('upload-token').inputValue()).toBe(TOKEN);
    expect(pageErrors).toEqual([]);
  });

  test('hostile document text is shown as text and never runs', async () => {
    const found = await getJson<SearchResult>(`/api/search?q=${encodeURIComponent(XSS_WORD)}`);
    expect(found.total).toBeGreaterThan(0);
    const id = found.hits[0]!.document_id;
    const doc = await getJson<DocumentDetail>(`/api/documents/${id}`);
    expect(doc.text).toContain(XSS_SCRIPT);

    const assertInert = async () => {
      const state = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return {
          flags: [w.__xss_script, w.__xss_img].filter((v) => v !== undefined),
          scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('alert')).length,
          imgs: document.querySelectorAll('#app img').length,
          jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
        };
      });
      expect(state).toEqual({ flags: [], scripts: 0, imgs: 0, jsLinks: 0 });
      expect(dialogs).toEqual([]);
    };

    // The document page.
    await page.goto(`${base}/documents/${id}`);
    await page.getByTestId('document-text').waitFor();
    await settled();
    const text = (await page.getByTestId('document-text').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(XSS_SCRIPT);
    expect(text).toContain(XSS_IMG);
    expect(text).toContain(XSS_LINK);
    await expect.poll(() => page.getByText(XSS_SCRIPT, { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByTestId('fact-row').count()).toBe(doc.facts.length);
    expect(doc.facts.length).toBeGreaterThan(0);
    await assertInert();
    await shot('xss-document');

    // Its search hits: one paragraph per payload, each snippet shown exactly as the API gave it.
    await page.goto(`${base}/search?q=${encodeURIComponent(XSS_WORD)}`);
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(found.hits.length);
    const snippets = await page.getByTestId('search-snippet').allInnerTexts();
    expect(snippets.map((t) => t.replace(/^…|…$/g, ''))).toEqual(found.hits.map((h) => h.snippet.text));
    const all = snippets.join('\n');
    expect(all).toContain(XSS_SCRIPT);
    expect(all).toContain(XSS_IMG);
    expect(all).toContain(XSS_LINK);
    expect(await page.locator('[data-testid="search-hit"] mark').first().textContent()).toBe(XSS_WORD);
    await assertInert();
    await shot('xss-search');

    // Hovering the marked facts and clicking rows runs nothing either.
    await page.goto(`${base}/documents/${id}`);
    await page.getByTestId('fact-row').first().click();
    await page.getByTestId('fact-span').first().hover();
    await page.waitForTimeout(200);
    await assertInert();
    expect(pageErrors).toEqual([]);
  });

  test('upload without a token shows the 401 message', async () => {
    await page.goto(`${base}/upload`);
    await page.getByTestId('upload-form').waitFor();
    await page.getByTestId('upload-token').fill('');
    await page.getByTestId('upload-file').setInputFiles({
      name: 'no-token.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('无令牌投稿测试。全县地区生产总值增长5%。', 'utf8'),
    });
    await page.getByTestId('upload-submit').click();
    const error = page.getByTestId('upload-error');
    await error.waitFor();
    const shown = await error.textContent();
    expect(shown).toContain('401');
    // The server's own ApiError message is what the user reads.
    const res = await fetch(`${base}/api/documents`, { method: 'POST' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { message: string };
    expect(await page.getByTestId('upload-error-message').textContent()).toContain(body.message);
    await shot('upload-401');

    // A wrong token is refused the same way.
    await page.getByTestId('upload-token').fill('wrong-token');
    await page.getByTestId('upload-submit').click();
    await expect.poll(() => page.getByTestId('upload-error').textContent()).toContain('401');
    expect(pageErrors).toEqual([]);
  });
});

async function inViewport(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 56 && r.bottom <= window.innerHeight;
  });
}

