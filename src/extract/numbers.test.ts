import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArabic, readChinese, readNumber, toChineseNumeral } from './numbers.js';

// Each row: text, value as written, scale word, characters read.
const EXAMPLES: Array<[string, number, string, number]> = [
  ['670.68亿元', 670.68, '亿', 7],
  ['十四亿', 14, '亿', 3],
  ['十二个项目', 12, '', 2],
  ['1.49万人', 1.49, '万', 5],
  ['7416人', 7416, '', 4],
  ['１２.５％', 12.5, '', 4],
  ['1,234,567元', 1234567, '', 9],
  ['两千三百万', 2300, '万', 5],
  ['一百零五', 105, '', 4],
  ['三千五百万', 3500, '万', 5],
  ['十四亿五千万', 1450000000, '', 6],
  ['二百五', 250, '', 3],
  ['5万亿元', 5, '万亿', 3],
  ['0.46亿元', 0.46, '亿', 5],
  ['8.6%8.42%', 8.6, '', 3],
  ['26756元、10046元', 26756, '', 5],
];

describe('readNumber', () => {
  it.each(EXAMPLES)('%s → %d %s', (text, value, scale, length) => {
    const n = readNumber(text, 0);
    expect(n).not.toBeNull();
    expect(n!.value).toBeCloseTo(value, 9);
    expect(n!.scale).toBe(scale);
    expect(n!.end).toBe(length);
  });

  it.each(['元', '以上', '', '%', '.5'])('%j is no number', (text) => {
    expect(readNumber(text, 0)).toBeNull();
  });

  it('keeps a thousands comma only in groups of three', () => {
    expect(readArabic('8.6,8.42', 0)!.value).toBe(8.6);
    expect(readArabic('12,34', 0)!.value).toBe(12);
  });
});

describe('number parser properties', () => {
  it('round-trips integers written in Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const written = toChineseNumeral(n);
        const read = readChinese(written, 0);
        expect(read).not.toBeNull();
        expect(read!.end).toBe(written.length);
        expect(read!.value).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips decimals written in Arabic digits, with a scale word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('', '万', '亿'), (int, frac, scale) => {
        const written = `${int}.${String(frac).padStart(2, '0')}${scale}元`;
        const n = readNumber(written, 0)!;
        expect(n.value).toBeCloseTo(int + frac / 100, 6);
        expect(n.scale).toBe(scale);
        expect(written.slice(n.end)).toBe('元');
      }),
    );
  });

  it('never throws and never reads past the text on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,，一二三四五六七八九十百千万亿零两〇元%％以上左右-－ ') }), fc.nat(), (text, at) => {
        const pos = text.length ? at % text.length : 0;
        const n = readNumber(text, pos);
        if (n) {
          expect(n.end).toBeGreaterThan(pos);
          expect(n.end).toBeLessThanOrEqual(text.length);
          expect(Number.isFinite(n.value)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, at) => {
        expect(() => readNumber(text, text.length ? at % text.length : 0)).not.toThrow();
      }),
    );
  });
});
