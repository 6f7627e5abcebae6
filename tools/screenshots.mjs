#!/usr/bin/env node
// Screenshots of the dashboard for the README, taken with Debian's chromium
// from a running server: node tools/screenshots.mjs [BASE_URL] [OUT_DIR]
//   npm run build && zhengbao serve --db zhengbao.db &   then   node tools/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8787';
const out = process.argv[3] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
const api = async (path) => (await fetch(`${base}${path}`)).json();

async function shot(name, path, ready, act) {
  await page.goto(`${base}${path}`);
  await page.waitForSelector(ready);
  if (act) await act();
  await page.waitForTimeout(600); // charts animate in
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`${name}.png  ${path}`);
}

const regions = (await api('/api/regions')).items.sort((a, b) => b.fact_count - a.fact_count);
const region = regions[0];
const docs = (await api(`/api/documents?region=${region.code}`)).items;
await shot('search', `/search?q=${encodeURIComponent('地区生产总值')}`, '[data-testid=search-hit]');
await shot('region', `/regions/${region.code}`, '[data-testid=region-chart] canvas', async () => {
  await page.locator('[data-testid=region-chart]').first().scrollIntoViewIfNeeded();
});
const compared = regions.filter((r) => r.fact_count > 0).slice(0, 3).map((r) => r.code).join(',');
await shot('compare', `/compare?indicator=gdp&regions=${compared}`, '[data-testid=compare-chart] canvas');
await shot('document', `/documents/${docs[0].id}`, '[data-testid=fact-row]', async () => {
  await page.locator('[data-testid=fact-row]').nth(3).click();
});
await shot('upload', '/upload', '[data-testid=upload-form]');
await browser.close();
