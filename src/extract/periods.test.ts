import { describe, expect, it } from 'vitest';
import { findPeriods, fiveYearPlan, readPeriod, type PeriodContext } from './periods.js';

const CTX: PeriodContext = { year: 2020, planYear: 2021 };

// Each row: text, the period read at its start, characters read.
const EXAMPLES: Array<[string, string, number]> = [
  ['2020年', '2020', 5],
  ['2020年上半年', '2020H1', 8],
  ['2020年下半年', '2020H2', 8],
  ['2021年1-6月', '2021H1', 9],
  ['2023年1至10月', '2023M01-10', 10],
  ['2019年前5个月', '2019M01-05', 9],
  ['2020年二季度', '2020Q2', 8],
  ['2020年第三季度', '2020Q3', 9],
  ['2020年3月份', '2020M03', 8],
  ['2016-2020年', '2016-2020', 10],
  ['2016年至2020年', '2016-2020', 11],
  ['“十三五”时期', '2016-2020', 7],
  ['“十四五”期间', '2021-2025', 7],
  ['十二五期间', '2011-2015', 5],
  ['五年来', '2016-2020', 3],
  ['过去五年', '2016-2020', 4],
  ['过去的五年', '2016-2020', 5],
  ['近三年', '2018-2020', 3],
  ['过去四年', '2017-2020', 4],
  ['四年来', '2017-2020', 3],
  ['近10年来', '2011-2020', 5],
  // a bare count before what it measures (national reports: 五年年均增长5.2%，十年增加近70万亿元)
  ['五年年均增长', '2016-2020', 2],
  ['十年增加', '2011-2020', 2],
  ['三年累计', '2018-2020', 2],
  ['上半年', '2020H1', 3],
  ['二季度', '2020Q2', 3],
  ['1-9月', '2020M01-09', 4],
  ['前三季度', '2020M01-09', 4],
  ['全年', '2020', 2],
  ['今年以来', '2020', 4],
  ['去年', '2019', 2],
  ['明年', '2021', 2],
  ['到2025年', '2025', 6],
  ['2021年以来', '2021', 7],
  ['2021上半年', '2021H1', 7],
  // A full work report's five-year review and outlook (test/invented/report-anfu-2016: 五年累计完成428.6亿元).
  ['五年累计完成', '2016-2020', 2],
  ['三年共计', '2018-2020', 2],
  ['今后五年', '2021-2025', 4],
  ['未来五年内', '2021-2025', 5],
  ['由2010年的', '2010', 6],
];

describe('readPeriod', () => {
  it('reads no span in a run of years (连续十年增长)', () => {
    expect(findPeriods('财政收入连续十年增长', 0, 10, CTX)).toEqual([]);
  });

  it.each(EXAMPLES)('%s → %s', (text, period, length) => {
    const p = readPeriod(text, 0, CTX);
    expect(p?.period).toBe(period);
    expect(p?.end).toBe(length);
  });

  it.each(['2020年代', '12345年', '十三五个', '去年同期', '7月31日', '年均', '三年行动', '五年规划'])('%s is no period', (text) => {
    expect(readPeriod(text, 0, CTX)).toBeNull();
  });

  it('leaves bare words unresolved when the document has no year', () => {
    expect(readPeriod('全年', 0, { year: null, planYear: null })).toBeNull();
    expect(readPeriod('2020年', 0, { year: null, planYear: null })?.period).toBe('2020');
  });

  it('marks the role of 从, 到 and 以来', () => {
    expect(readPeriod('从2015年', 0, CTX)?.role).toBe('from');
    expect(readPeriod('由2010年', 0, CTX)?.role).toBe('from');
    expect(readPeriod('到2025年', 0, CTX)?.role).toBe('to');
    expect(readPeriod('今年以来', 0, CTX)?.role).toBe('since');
  });

  it('finds every period in a sentence without overlaps', () => {
    const s = '2023年1至10月，湖南省工业投资增长，十大项目于2024年起投产';
    expect(findPeriods(s, 0, s.length, CTX).map((p) => [p.period, s.slice(p.start, p.end)])).toEqual([
      ['2023M01-10', '2023年1至10月'],
      ['2024', '2024年'],
    ]);
  });

  it.each([
    [11, '2006-2010'],
    [13, '2016-2020'],
    [14, '2021-2025'],
    [15, '2026-2030'],
  ])('the %dth five-year plan is %s', (n, span) => {
    expect(fiveYearPlan(n)).toBe(span);
  });
});
