import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from './dates.js';

const EXAMPLES: Array<[string, string | null]> = [
  ['2020年7月31日', '2020-07-31'],
  ['发布时间 : 2020-07-31', '2020-07-31'],
  ['2021-09-15 15:43', '2021-09-15'],
  ['2020.7.1', '2020-07-01'],
  ['——2021年8月31****人大常委会第35次会上', '2021-08-31'],
  ['2022211日', '2022-02-11'],
  ['20221011日', '2022-10-11'],
  ['2021年1月', '2021-01'],
  ['2021年2月30日', '2021-02'],
  ['二〇一二年八月十三日', '2012-08-13'],
  ['二〇二一年十二月三十一日', '2021-12-31'],
  ['十四五规划', null],
];

describe('dates', () => {
  it.each(EXAMPLES)('%s → %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
  it('finds dates with their offsets', () => {
    const s = '会议于2021年1月8日召开，2021-01-10发布';
    expect(findDates(s).map((d) => [d.date, s.slice(d.start, d.end)])).toEqual([
      ['2021-01-08', '2021年1月8日'],
      ['2021-01-10', '2021-01-10'],
    ]);
  });
});
