import { describe, expect, it } from 'vitest';
import { displayWidth, pad, renderTable, toCsv, truncate, type Column } from './format.js';

describe('display width', () => {
  it('counts Chinese characters and full-width punctuation as two columns', () => {
    expect(displayWidth('gdp')).toBe(3);
    expect(displayWidth('岳阳楼区')).toBe(8);
    expect(displayWidth('增长4.1%，')).toBe(4 + 4 + 2);
    expect(displayWidth('𠀀')).toBe(2); // an ideograph outside the BMP: one character, two code units
  });

  it('pads and truncates by columns, not string length', () => {
    expect(pad('芙蓉区', 8)).toBe('芙蓉区  ');
    expect(pad('9.6', 5, 'right')).toBe('  9.6');
    expect(truncate('地区生产总值完成670.68亿元', 10)).toBe('地区生产…');
    expect(displayWidth(truncate('地区生产总值完成670.68亿元', 10))).toBeLessThanOrEqual(10);
    expect(truncate('短句', 10)).toBe('短句');
  });
});

describe('renderTable', () => {
  const columns: Column<{ region: string; value: number }>[] = [
    { header: 'region', value: (r) => r.region },
    { header: 'value', value: (r) => String(r.value), align: 'right' },
  ];

  it('aligns columns under Chinese text', () => {
    const lines = renderTable(columns, [
      { region: '岳阳楼区', value: 670.68 },
      { region: 'Furong', value: 7.5 },
    ]).trimEnd().split('\n');
    expect(lines).toEqual(['region     value', '--------  ------', '岳阳楼区  670.68', 'Furong       7.5']);
    // The value column ends at the same display column on every row.
    expect(new Set(lines.map(displayWidth))).toEqual(new Set([16]));
  });

  it('keeps a row on one line when a cell holds a newline', () => {
    const out = renderTable(columns, [{ region: '岳阳\n楼区', value: 1 }]);
    expect(out.split('\n')).toHaveLength(4);
  });
});

describe('toCsv', () => {
  it('writes a header, quotes commas, leaves null empty and writes booleans as 1/0', () => {
    const csv = toCsv(
      [
        { indicator: 'gdp', quote: '增长到735亿元(预计数),年均增长8.1%', value: 735, high: null, estimated: true },
        { indicator: 'cpi', quote: '居民消费价格涨幅3%', value: 3, high: null, estimated: false },
      ],
      ['indicator', 'quote', 'value', 'high', 'estimated'],
    );
    expect(csv).toBe(
      'indicator,quote,value,high,estimated\n' +
        'gdp,"增长到735亿元(预计数),年均增长8.1%",735,,1\n' +
        'cpi,居民消费价格涨幅3%,3,,0\n',
    );
  });

  it('writes the header even without rows', () => {
    expect(toCsv([] as { a: number; b: number }[], ['a', 'b'])).toBe('a,b\n');
  });
});
