import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../extract/pipeline.js';
import { openStore, type Store } from './index.js';
import { countPanel, PANEL_COLUMNS, panelCsvStream, queryPanel, toCsv } from './panel.js';

const REPORT = [
  '岳阳楼区人民政府区长 张三',
  '一、2020年工作回顾',
  '全区地区生产总值完成670.68亿元，增长4.1%；规模以上工业增加值增长4.6%；城镇新增就业1.2万人。',
  '二、2021年工作安排',
  '地区生产总值增长7.5%左右，城镇登记失业率控制在4.5%以内。',
].join('\n');

describe('the panel as CSV', () => {
  let dir: string;
  let store: Store;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhengbao-panel-'));
    store = openStore(join(dir, 'panel.db'));
    store.ingest({ name: 'yueyanglou', path: null, encoding: 'utf-8', text: REPORT, extraction: extract(REPORT, { doc: 'yueyanglou' }) });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams through its own connection exactly what the in-memory export writes', async () => {
    const streamed = await text(panelCsvStream(store.db, {}));
    expect(streamed).toBe(toCsv(queryPanel(store.db, {}), PANEL_COLUMNS));
    expect(streamed.split('\n')[0]).toBe(PANEL_COLUMNS.join(','));
  });

  it('leaves the store usable while and after streaming', async () => {
    const stream = panelCsvStream(store.db, { indicator: 'gdp' });
    expect(countPanel(store.db, {})).toBeGreaterThan(3); // the server connection is not busy
    const csv = await text(stream);
    expect(csv.trim().split('\n').slice(1).every((line) => line.includes(',gdp,'))).toBe(true);
    expect(countPanel(store.db, { indicator: 'gdp' })).toBe(csv.trim().split('\n').length - 1);
  });

  it('pages in SQL', () => {
    const all = queryPanel(store.db, {});
    expect(queryPanel(store.db, {}, { limit: 2, offset: 1 })).toEqual(all.slice(1, 3));
  });
});
