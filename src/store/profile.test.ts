import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../api/schemas.js';
import { extract } from '../extract/pipeline.js';
import { openStore, type Store } from './index.js';
import { compareRegions, comparePeriods, frequencyOf, inUnit, listRegions, periodOrder, regionProfile, targetStatus } from './profile.js';

describe('periodOrder: where a period ends, shorter first', () => {
  it.each([
    ['2020', [202012, 12]],
    ['2020H1', [202006, 6]],
    ['2020Q3', [202009, 3]],
    ['2020M01-05', [202005, 5]],
    ['2020M03', [202003, 1]],
    ['2016-2020', [202012, 60]],
  ] as const)('%s → %j', (period, expected) => {
    expect(periodOrder(period)).toEqual(expected);
  });

  it('sorts a mixed series the way a chart reads it', () => {
    const periods = ['2021', '2016-2020', '2020', '2020H1', '2020M01-05', '2019'];
    expect([...periods].sort(comparePeriods)).toEqual(['2019', '2020M01-05', '2020H1', '2020', '2016-2020', '2021']);
  });
});

describe('frequencyOf: series never mix annual and half-year figures', () => {
  it.each([
    ['2020', 'year'],
    ['2020H1', 'half'],
    ['2020Q2', 'quarter'],
    ['2020M01-05', 'month'],
    ['2020M03', 'month'],
    ['2016-2020', 'span'],
  ] as const)('%s → %s', (period, expected) => {
    expect(frequencyOf(period)).toBe(expected);
  });
});

describe('inUnit', () => {
  it.each([
    [12000, '万元', '亿元', 1.2],
    [1.2, '亿元', '万元', 12000],
    [5, '%', '%', 5],
    [3, '万人', '人', 30000],
    [3, '万人', '亿元', null],
    [null, '亿元', '亿元', null],
  ] as const)('%s %s in %s → %s', (value, unit, target, expected) => {
    expect(inUnit(value, unit, target)).toBe(expected);
  });
});

function point(value: number | null, qualifier: SeriesPoint['qualifier'], extra: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    period: '2021', kind: 'target', value, value_high: null, unit: '%', value_base: value, value_in_series_unit: value,
    qualifier, text: null, estimated: false, document_id: 1, document_date: null, ordinal: 0, quote: '', span: [0, 0],
    ...extra,
  };
}

describe('targetStatus: a result against its target', () => {
  it.each([
    ['增长7.5%左右, 实际8%', point(7.5, 'approx'), point(8, 'exact'), 'higher', 'met'],
    ['增长7.5%左右, 实际7.2%', point(7.5, 'approx'), point(7.2, 'exact'), 'higher', 'missed'],
    ['增长7%以上, 实际7%', point(7, 'min'), point(7, 'exact'), 'higher', 'met'],
    ['增长6%-7%, 实际6.5%', point(6, 'range', { value_high: 7 }), point(6.5, 'exact'), 'higher', 'met'],
    ['增长6%-7%, 实际5.9%', point(6, 'range', { value_high: 7 }), point(5.9, 'exact'), 'higher', 'missed'],
    ['失业率4.5%以内, 实际4.2%', point(4.5, 'max'), point(4.2, 'exact'), 'lower', 'met'],
    ['失业率4.5%以内, 实际4.8%', point(4.5, 'max'), point(4.8, 'exact'), 'lower', 'missed'],
    ['物价涨幅3%左右, 实际2.5%', point(3, 'approx'), point(2.5, 'exact'), 'lower', 'met'],
    ['能耗下降在区间3%-4%之内: 实际4.5%', point(3, 'range', { value_high: 4 }), point(4.5, 'exact'), 'lower', 'missed'],
    ['总量100亿元, 实际120亿元 (万元写法)', point(100, 'exact', { unit: '亿元' }), point(1200000, 'exact', { unit: '万元' }), 'higher', 'met'],
    ['正增长 (定性)', point(null, 'qualitative', { text: '正增长' }), point(3, 'exact'), 'higher', 'unknown'],
    ['不同量纲', point(100, 'exact', { unit: '亿元' }), point(3, 'exact', { unit: '万人' }), 'higher', 'unknown'],
    ['尚无结果', point(7, 'approx'), null, 'higher', 'pending'],
  ] as const)('%s → %s', (_name, target, result, better, expected) => {
    expect(targetStatus(target, result, better)).toBe(expected);
  });
});

// Two work reports of one county a year apart: the 2021 report sets targets
// for 2021, the 2022 report reviews 2021. Extracted by the real pipeline.
const REPORT_2021 = [
  '2021年某县政府工作报告',
  '云溪区人民政府区长 张三',
  '一、2020年工作回顾',
  '全区地区生产总值完成210.5亿元，增长4.2%；城镇登记失业率4.1%。',
  '二、2021年工作安排',
  '主要预期目标是：地区生产总值增长7.5%左右，城镇登记失业率控制在4.5%以内。',
].join('\n');
const REPORT_2022 = [
  '2022年某县政府工作报告',
  '云溪区人民政府区长 张三',
  '一、2021年工作回顾',
  '全区地区生产总值完成2350000万元，增长8%；城镇登记失业率4.8%。',
  '二、2022年工作安排',
  '主要预期目标是：地区生产总值增长7%以上。',
].join('\n');

describe('regionProfile on two reports of one region', () => {
  let store: Store;
  let code: string;
  beforeEach(() => {
    store = openStore(':memory:');
    for (const [name, text] of [['yunxi-2021', REPORT_2021], ['yunxi-2022', REPORT_2022]] as const) {
      const extraction = extract(text, { doc: name });
      store.ingest({ name, path: null, encoding: 'utf-8', text, extraction });
    }
    code = listRegions(store.db)[0]!.code;
  });
  afterEach(() => store.close());

  it('lists the region with its counts', () => {
    const [region] = listRegions(store.db);
    expect(region).toMatchObject({ name: '云溪区', document_count: 2 });
    expect(region!.fact_count).toBeGreaterThanOrEqual(8);
  });

  it('pairs each target with the result a later report gives', () => {
    const profile = regionProfile(store.db, code)!;
    const show = profile.pairs.map((p) => `${p.indicator} ${p.measure} ${p.period} ${p.status}`);
    expect(show).toContain('gdp growth 2021 met'); // 7.5%左右 → 8%
    expect(show).toContain('registered_unemployment_rate level 2021 missed'); // 4.5%以内 → 4.8%
    expect(show).toContain('gdp growth 2022 pending');
  });

  it('puts results and targets on one scale per series, in period order', () => {
    const profile = regionProfile(store.db, code)!;
    const level = profile.indicators.find((s) => s.indicator === 'gdp' && s.measure === 'level')!;
    expect(level.unit).toBe('亿元');
    expect(level.results.map((p) => [p.period, p.value_in_series_unit])).toEqual([
      ['2020', 210.5],
      ['2021', 235],
    ]);
    const growth = profile.indicators.find((s) => s.indicator === 'gdp' && s.measure === 'growth')!;
    expect(growth.frequency).toBe('year');
    expect(growth.targets.map((p) => p.period)).toEqual(['2021', '2022']);
    expect(growth.latest_target?.period).toBe('2022');
    expect(growth.latest_status).toBe('pending');
    expect(profile.documents).toHaveLength(2);
  });

  it('every point quotes its document', () => {
    const profile = regionProfile(store.db, code)!;
    for (const series of profile.indicators) {
      for (const p of [...series.results, ...series.targets]) {
        const doc = store.document(p.document_id)!;
        expect(doc.text.slice(p.span[0], p.span[1])).toBe(p.quote);
      }
    }
  });

  it('is null for a region with no documents', () => {
    expect(regionProfile(store.db, '110101')).toBeNull();
  });

  it('compares an indicator across regions by code or name, saying which were not found', () => {
    const result = compareRegions(store.db, 'gdp', [code, '不存在县'], 'growth');
    expect(result.label).toBe('地区生产总值');
    expect(result.periods).toEqual(['2020', '2021', '2022']);
    expect(result.regions.map((r) => [r.name, r.found])).toEqual([
      ['云溪区', true],
      ['不存在县', false],
    ]);
    expect(result.regions[0]!.results.map((p) => p.value)).toEqual([4.2, 8]);
  });
});
