// Headings found by their form wherever they stand: on a line of their own,
// or run into their paragraph when a scrape lost the line breaks.
import { describe, expect, it } from 'vitest';
import { factsOf } from './examples.js';
import { findSections, splitLines, topHeadings } from './structure.js';

function headingsOf(text: string): string[] {
  return topHeadings(text, splitLines(text)).map((h) => h.text);
}

describe('headings, whole lines and run in', () => {
  it.each([
    // A line of its own, as before.
    ['一、2024年工作回顾\n2024年，全县实现地区生产总值120.5亿元。', ['一、2024年工作回顾']],
    ['三、2026年的工作\n正文。', ['三、2026年的工作']],
    // Decorated with emoji or a colon.
    ['展望2025年工作目标🎯\n正文。', ['展望2025年工作目标']],
    ['二、2021年工作安排🎯\n正文。', ['二、2021年工作安排']],
    // Run into the paragraph after it.
    ['一、2024年工作回顾2024年，全县实现地区生产总值120.5亿元。', ['一、2024年工作回顾']],
    ['各位代表：现在我代表县人民政府作报告。一、2020年工作回顾2020年，全区生产总值增长4%。二、2021年工作安排2021年是开局之年。', ['一、2020年工作回顾', '二、2021年工作安排']],
    ['提出意见。 一、2022年国民经济和社会发展计划执行情况2022年，全区上下…', ['一、2022年国民经济和社会发展计划执行情况']],
    ['正文。  三、2026年的工作2026年是关键之年。', ['三、2026年的工作']],
    // An unnumbered heading at a sentence start, followed by a year or a colon.
    ['全年任务圆满完成。2025年工作安排2025年是关键之年。', ['2025年工作安排']],
    ['正文。2023年主要预期目标：地区生产总值增长6.5%左右。', ['2023年主要预期目标']],
  ])('%s', (text, expected) => {
    expect(headingsOf(text)).toEqual(expected);
  });

  it.each([
    // Prose that names a year's targets is no heading.
    '2020年工作目标全面完成，全区生产总值增长4%。',
    '我们要做好2025年工作安排，确保开好局。',
    // A numbered clause that does not end as a heading does.
    '主要做了以下工作：一、加快项目建设，全年完成投资50亿元。',
    // A bulleted item of a list.
    '●单位生产总值能耗完成国家下达的目标任务',
    '• 2024年工作目标',
    // A table row.
    '| 一、2024年工作回顾 | 120.5 |',
  ])('%s → none', (text) => {
    expect(headingsOf(text)).toEqual([]);
  });

  it('opens review and plan sections at run-in headings', () => {
    const text = '各位代表：一、2024年工作回顾2024年，全县实现地区生产总值120.5亿元。二、2025年工作安排2025年是关键之年。';
    expect(findSections(text, splitLines(text)).map((s) => s.kind)).toEqual(['preamble', 'review', 'plan']);
  });
});

describe('a list of targets under an unnumbered heading', () => {
  it.each([
    ['2023年预期目标\n●地区生产总值增长6.5%左右\n●居民消费价格涨幅3%左右', ['gdp 2023 target growth 6.5 % approx', 'cpi 2023 target growth 3 % approx']],
    ['2026年主要预期目标\n• 地区生产总值增长5%左右\n• 城镇调查失业率控制在5.5%以内', ['gdp 2026 target growth 5 % approx', 'surveyed_unemployment_rate 2026 target level 5.5 % max']],
  ])('%s', (text, facts) => {
    expect(factsOf(text)).toEqual(facts);
  });
});

describe('a work report whose line breaks were lost', () => {
  it.each([
    [
      '2025年青禾县政府工作报告\n——2025年1月8日在青禾县第十八届人民代表大会第四次会议上各位代表:现在我代表县人民政府向大会作报告。 一、2024年工作回顾2024年,全县实现地区生产总值120.5亿元,增长6.1%。 二、2025年工作安排2025年是关键之年。主要预期目标:地区生产总值增长6.5%左右。',
      ['gdp 2024 actual level 120.5 亿元 exact', 'gdp 2024 actual growth 6.1 % exact', 'gdp 2025 target growth 6.5 % approx'],
    ],
    [
      '2023年浏阳市政府工作报告 各位代表：现在我代表市人民政府作报告。一、2022年工作回顾 2022年，全市地区生产总值完成1400亿元，增长5%。二、2023年工作任务 今年全市地区生产总值增长7%左右。',
      ['gdp 2022 actual level 1400 亿元 exact', 'gdp 2022 actual growth 5 % exact', 'gdp 2023 target growth 7 % approx'],
    ],
  ])('%s', (text, facts) => {
    expect(factsOf(text)).toEqual(facts);
  });
});
