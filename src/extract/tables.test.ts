// Pipe-separated tables read with their header rows.
import { describe, expect, it } from 'vitest';
import { extract } from './pipeline.js';
import { showFact } from './examples.js';
import { cellsOf } from './tables.js';
import { splitLines } from './structure.js';

function tableFacts(text: string): string[] {
  return extract(text, { doc: 't' }).facts.filter((f) => /[|\t]/.test(f.quote)).map((f) => `${showFact(f)}${f.estimated ? ' (预计)' : ''}`);
}

// A mid-year plan report: two header rows, a merged target cell, qualitative targets.
const MIDYEAR = [
  '**区2021年上半年国民经济和社会发展计划执行情况报告',
  '一、2021年上半年国民经济和社会发展计划执行情况',
  '指 标 名 称 | 单位 | 2021年 预期目标 | 2021年上半年 | 备注 | |',
  '完成数 | 增长% | ||||',
  '地区生产总值 | 亿元 | 增长8% | 747.70 | 7.1 | 含空港区 |',
  '固定资产投资(不含农户) | 亿元 | 正增长 | —— | 11.5 | |',
  '城镇常住居民人均可支配收入 | 元 | 与经济增长 基本同步 | 27478 | 11.0 | |',
  '农村常住居民人均可支配收入 | 元 | 15341 | 14.3 | ||',
  '城镇登记失业率 | % | 5以内 | 3.22 | ||',
  '单位生产总值能耗 | % | 完成市下达任务 | 3.8 |',
  '二、2021年下半年工作计划',
].join('\n');

// A plan report: target, estimated result and next year's target side by side.
const PLAN = [
  '关于2020年国民经济和社会发展计划执行情况与2021年计划草案的报告',
  '一、2020年国民经济和社会发展计划执行情况',
  '指标 | 单位 | 2020年计划 | 2020年预计完成 | 增长(%) | 2021年预期目标',
  '一般公共预算收入 | 亿元 | 增长5% | 320.6 | -2.3 | 增长4%',
  '规模工业增加值 | % | 8 | 3.8 | | 8',
  '二、2021年计划草案',
].join('\n');

describe('tables', () => {
  it('reads a two-row header and a row whose target cell is merged with the row above', () => {
    expect(tableFacts(MIDYEAR)).toEqual([
      'gdp 2021 target growth 8 % exact',
      'gdp 2021H1 actual level 747.7 亿元 exact',
      'gdp 2021H1 actual growth 7.1 % exact',
      'fixed_asset_investment 2021 target growth 正增长 % qualitative',
      'fixed_asset_investment 2021H1 actual growth 11.5 % exact',
      'urban_income_pc 2021 target growth 与经济增长基本同步 % qualitative',
      'urban_income_pc 2021H1 actual level 27478 元 exact',
      'urban_income_pc 2021H1 actual growth 11 % exact',
      'rural_income_pc 2021H1 actual level 15341 元 exact',
      'rural_income_pc 2021H1 actual growth 14.3 % exact',
      'registered_unemployment_rate 2021 target level 5 % max',
      'registered_unemployment_rate 2021H1 actual level 3.22 % exact',
      'energy_intensity 2021 target growth 完成市下达任务 % qualitative',
      'energy_intensity 2021H1 actual growth 3.8 % exact',
    ]);
  });

  it('reads target, estimated result, signed growth and next year’s target columns', () => {
    expect(tableFacts(PLAN)).toEqual([
      'general_budget_revenue 2020 target growth 5 % exact',
      'general_budget_revenue 2020 actual level 320.6 亿元 exact (预计)',
      'general_budget_revenue 2020 actual growth -2.3 % exact (预计)',
      'general_budget_revenue 2021 target growth 4 % exact',
      'industrial_value_added 2020 target growth 8 % exact',
      'industrial_value_added 2020 actual growth 3.8 % exact (预计)',
      'industrial_value_added 2021 target growth 8 % exact',
    ]);
  });

  it('quotes a row from its name to the cell of the value', () => {
    const { facts } = extract(MIDYEAR, { doc: 't' });
    const gdp = facts.find((f) => f.indicator === 'gdp' && f.measure === 'growth' && f.kind === 'actual')!;
    expect(gdp.quote).toBe('地区生产总值 | 亿元 | 增长8% | 747.70 | 7.1');
    expect(MIDYEAR.slice(gdp.span[0], gdp.span[1])).toBe(gdp.quote);
  });

  it('reads a markdown table whose units stand in brackets after the names', () => {
    const text = [
      '某县2021年国民经济和社会发展计划执行情况',
      '一、2021年计划执行情况',
      '| 指标 | 2021年目标 | 2021年完成 | 增长(%) |',
      '|---|---|---|---|',
      '| 地区生产总值(亿元) | 增长7% | 312.5 | 6.8 |',
      '| 其中：规模以上工业增加值(%) | 8 | | 9.1 |',
    ].join('\n');
    expect(tableFacts(text)).toEqual([
      'gdp 2021 target growth 7 % exact',
      'gdp 2021 actual level 312.5 亿元 exact',
      'gdp 2021 actual growth 6.8 % exact',
      'industrial_value_added 2021 target growth 8 % exact',
      'industrial_value_added 2021 actual growth 9.1 % exact',
    ]);
  });

  // A statistics release's appendix table, its cells kept apart by tabs (as copied from a <table>).
  it.each([
    [
      ['2023年1-10月绵阳市经济运行情况', '附表：2023年1-10月全市主要经济指标', '指标名称\t单位\t1-10月\t同比增长（%）', '进出口总额\t亿元\t228.4\t-6.8', '一般公共预算收入\t亿元\t156.2\t12.3'],
      ['trade_total 2023M01-10 actual level 228.4 亿元 exact', 'trade_total 2023M01-10 actual growth -6.8 % exact', 'general_budget_revenue 2023M01-10 actual level 156.2 亿元 exact', 'general_budget_revenue 2023M01-10 actual growth 12.3 % exact'],
    ],
    // invented: another place, tab runs and indentation, a unit in brackets
    [
      ['青禾县2022年上半年主要经济指标', '\t指标\t\t1-6月\t\t增长(%)', '\t地区生产总值(亿元)\t\t61.3\t\t5.2', '\t规模以上工业增加值(%)\t\t—\t\t7.9'],
      ['gdp 2022H1 actual level 61.3 亿元 exact', 'gdp 2022H1 actual growth 5.2 % exact', 'industrial_value_added 2022H1 actual growth 7.9 % exact'],
    ],
  ])('reads a tab-separated table %#', (lines, expected) => {
    expect(tableFacts(lines.join('\n'))).toEqual(expected);
  });

  // A PDF's text layer printed with its layout: columns apart by runs of spaces; a target column whose
  // header says 增长 holds growth rates (a rate's own level for 失业率); 9—10 is a range (report2-juxian-2019).
  it.each([
    [
      [
        '莒县2019年政府工作报告',
        '二、2019年工作总体要求和主要预期目标',
        '指标名称                    单位        2018年预计              增长（%）           2019年目标增长（%）',
        '地区生产总值                亿元        421.6                   6.8                 7左右',
        '社会消费品零售总额          亿元        218.4                   9.6                 9—10',
        '城镇登记失业率              %           3.1                     —                  4以内',
        '单位地区生产总值能耗        %           —                      -4.2                完成市下达任务',
      ],
      [
        'gdp 2018 actual level 421.6 亿元 exact (预计)',
        'gdp 2018 actual growth 6.8 % exact (预计)',
        'gdp 2019 target growth 7 % approx',
        'retail_sales 2018 actual level 218.4 亿元 exact (预计)',
        'retail_sales 2018 actual growth 9.6 % exact (预计)',
        'retail_sales 2019 target growth 9-10 % range',
        'registered_unemployment_rate 2018 actual level 3.1 % exact (预计)',
        'registered_unemployment_rate 2019 target level 4 % max',
        'energy_intensity 2018 actual growth -4.2 % exact (预计)',
        'energy_intensity 2019 target growth 完成市下达任务 % qualitative',
      ],
    ],
    // invented: another place and widths, no unit column
    [
      ['青禾县2022年政府工作报告', '二、2022年主要预期目标', '指标   2021年完成   2022年预期增长', '一般公共预算收入（亿元）   12.6   6以上', '城镇调查失业率（%）   5.2   5.5以内'],
      ['general_budget_revenue 2021 actual level 12.6 亿元 exact', 'general_budget_revenue 2022 target growth 6 % min', 'surveyed_unemployment_rate 2021 actual level 5.2 % exact', 'surveyed_unemployment_rate 2022 target level 5.5 % max'],
    ],
  ])('reads a table whose columns a layout keeps apart with spaces %#', (lines, expected) => {
    const facts = extract(lines.join('\n'), { doc: 't' }).facts.filter((f) => / {3}/.test(f.quote));
    expect(facts.map((f) => `${showFact(f)}${f.estimated ? ' (预计)' : ''}`)).toEqual(expected);
  });

  it('keeps a speaker line or a chrome line with single or double spaces out of tables', () => {
    const text = '莒县人民政府县长  刘建军\n信息来源：醴陵市融媒体中心  发布时间：2024-06-19 16:20  【字体：大 中 小】';
    expect(splitLines(text).map((l) => l.table)).toEqual([false, false]);
  });

  it('reads prose that tabs indent or break as prose, not as a table', () => {
    const text = '青禾县2022年国民经济和社会发展统计公报\n\t\t2022年，全县地区生产总值实现120.5亿元，比上年增长6.1%。\t其中第一产业增加值21.3亿元，增长4.2%；\t第二产业增加值45.6亿元，增长7.4%。';
    const lines = splitLines(text);
    expect(lines.map((l) => l.table)).toEqual([false, false]);
    expect(extract(text, { doc: 't' }).facts.some((f) => f.indicator === 'gdp' && f.value === 120.5)).toBe(true);
  });

  it('gives no facts for a table without catalog indicators', () => {
    const text = '一、2021年上半年执行情况\n项目类别 | 年度计划 投资(亿元) | 1-6月累计完成投资(亿元)\n合计99项 | 57.76 | 13.01\n';
    expect(tableFacts(text)).toEqual([]);
  });

  it('splits cells with their offsets and drops trailing empty cells', () => {
    const text = '地区生产总值 | 亿元 | 增长8% | ||';
    const cells = cellsOf(text, splitLines(text)[0]!);
    expect(cells.map((c) => c.text)).toEqual(['地区生产总值', '亿元', '增长8%']);
    for (const c of cells) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
