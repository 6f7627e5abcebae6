// Units, qualifiers and lists around numbers.
import { describe, expect, it } from 'vitest';
import { completeUnit, QUALITATIVE, readQuantity, readQuantityList } from './quantities.js';
import { toBase } from './units.js';

// Each row: text, value, value_high, unit as written, qualifier.
const QUANTITIES: Array<[string, number, number | null, string, string | null]> = [
  ['670.68亿元', 670.68, null, '亿元', null],
  ['１２.５％', 12.5, null, '%', null],
  ['9.6%以上', 9.6, null, '%', 'min'],
  ['8%左右', 8, null, '%', 'approx'],
  ['4.6%以内', 4.6, null, '%', 'max'],
  ['近20亿元', 20, null, '亿元', 'approx'],
  ['约5亿元', 5, null, '亿元', 'approx'],
  ['290多亿元', 290, null, '亿元', 'min'],
  ['200余名', 200, null, '名', 'min'],
  ['1.2万余人', 1.2, null, '万人', 'min'],
  ['超过300亿元', 300, null, '亿元', 'min'],
  ['不低于98%', 98, null, '%', 'min'],
  ['不超过3%', 3, null, '%', 'max'],
  ['6%－6.5%', 6, 6.5, '%', 'range'],
  ['6-6.5%', 6, 6.5, '%', 'range'],
  ['6%至6.5%', 6, 6.5, '%', 'range'],
  ['1000亿台阶', 1000, null, '亿', 'min'],
  ['2000万美元', 2000, null, '万美元', null],
  ['7050家', 7050, null, '家', null],
  ['6.5亿斤', 6.5, null, '亿斤', null],
  ['16亿元人民币', 16, null, '亿元', null],
  ['億元', NaN, null, '', null],
  // A gap between a number and its unit: a space, or a page's furniture left by a scrape.
  ['158.86 亿元', 158.86, null, '亿元', null],
  ['35.49 %', 35.49, null, '%', null],
  ['12　万人', 12, null, '万人', null],
  ['4022\n- 1 -\n万元', 4022, null, '万元', null],
  ['4022- 1 -万元', 4022, null, '万元', null],
  ['356 - 12 - 亿元', 356, null, '亿元', null],
  ['86\n— 12 —\n亿元以上', 86, null, '亿元', 'min'],
];

describe('readQuantity', () => {
  it.each(QUANTITIES)('%s', (text, value, high, unit, qualifier) => {
    const q = readQuantity(text, 0);
    if (Number.isNaN(value)) {
      expect(q).toBeNull();
      return;
    }
    expect(q).not.toBeNull();
    expect(q!.value).toBe(value);
    expect(q!.high).toBe(high);
    expect(q!.unit).toBe(unit);
    expect(q!.qualifier).toBe(qualifier);
  });

  it('reads percentage points apart from rates', () => {
    expect(readQuantity('9.1个百分点', 0)?.percentPoint).toBe(true);
  });
});

describe('lists', () => {
  it.each([
    ['26756元、10046元', [26756, 10046], ['元', '元']],
    ['11.0%、14.3%', [11, 14.3], ['%', '%']],
    ['8.6%8.42%', [8.6, 8.42], ['%', '%']],
    ['7%和8%左右', [7, 8], ['%', '%']],
    ['27478元、15341元,分别', [27478, 15341], ['元', '元']],
    ['8%、10亿元', [8], ['%']],
  ])('%s', (text, values, units) => {
    const list = readQuantityList(text, 0);
    expect(list.map((q) => q.value)).toEqual(values);
    expect(list.map((q) => q.unit)).toEqual(units);
  });
  it('a modifier after a list applies to every item', () => {
    expect(readQuantityList('7%和8%左右', 0).map((q) => q.qualifier)).toEqual(['approx', 'approx']);
  });
});

describe('units', () => {
  it.each([
    ['亿', ['CNY'], '亿元'],
    ['万', ['person'], '万人'],
    ['亿元', ['CNY'], '亿元'],
    ['万美元', ['USD', 'CNY'], '万美元'],
    ['万人', ['CNY'], null],
    ['', ['CNY'], null],
  ])('%s for %j → %s', (unit, dims, expected) => {
    expect(completeUnit(unit, dims)).toBe(expected);
  });
  it.each([
    [670.68, '亿元', 67068000000],
    [1.49, '万人', 14900],
    [6.5, '亿斤', 325000000],
    [12, '億元', 1200000000],
    [3, '公里', null],
  ])('%d %s in base units', (v, u, base) => {
    expect(toBase(v, u)).toBe(base);
  });
});

describe('qualitative targets', () => {
  it.each(['正增长', '完成国家下达的目标任务', '完成州下达目标', '控制在省下达目标以内', '与地区生产总值增长基本同步', '和经济发展同步', '回稳向好', '稳中提质', '继续下降'])(
    '%s is one',
    (phrase) => {
      expect(QUALITATIVE.is(phrase)).toBe(true);
    },
  );
  // Followed by a number it is a growth (its first words are fillers), and half a phrase is none.
  it.each(['同步增长9%', '继续下降3%', '稳步增长 12%', '完成省下达'])('%s is none', (phrase) => {
    expect(QUALITATIVE.is(phrase)).toBe(false);
    if (/\d/.test(phrase)) expect(QUALITATIVE.at(phrase, 0)).toBeNull();
  });
});
