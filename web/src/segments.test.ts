// The pure parts of the dashboard: cutting text at highlights and spans, period labels.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightPieces, paragraphAt, paragraphs } from './segments.js';
import { comparePeriods, periodLabel, valueText } from './labels.js';

describe('highlightPieces', () => {
  it('marks each highlight and keeps the rest as text', () => {
    expect(highlightPieces('全区地区生产总值增长', [[2, 8]])).toEqual([
      { text: '全区', marked: false },
      { text: '地区生产总值', marked: true },
      { text: '增长', marked: false },
    ]);
  });

  it('merges overlapping highlights and ignores ones out of range', () => {
    expect(highlightPieces('abcdef', [[1, 3], [2, 4], [10, 12], [5, 5]])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'ef', marked: false },
    ]);
  });

  it('always gives back the text unchanged', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 }))), (text, hs) => {
        expect(highlightPieces(text, hs).map((p) => p.text).join('')).toBe(text);
      }),
    );
  });
});

describe('paragraphs', () => {
  const text = '第一段地区生产总值747.7亿元\n\n第二段增长7.1%目标8%';

  it('splits at newlines and drops blank lines', () => {
    const paras = paragraphs(text, []);
    expect(paras.map((p) => text.slice(p.start, p.end))).toEqual(['第一段地区生产总值747.7亿元', '第二段增长7.1%目标8%']);
  });

  it('cuts nested and overlapping spans into segments that list every covering span', () => {
    // 地区生产总值747.7亿元 = [3, 16); 747.7亿元 = [9, 16); 生产总值747 overlaps both
    const paras = paragraphs(text, [
      { id: 1, span: [3, 16] },
      { id: 2, span: [9, 16] },
      { id: 3, span: [5, 12] },
    ]);
    const first = paras[0]!;
    const covering = (id: number) =>
      first.segments
        .filter((s) => s.ids.includes(id))
        .map((s) => s.text)
        .join('');
    expect(covering(1)).toBe('地区生产总值747.7亿元');
    expect(covering(2)).toBe('747.7亿元');
    expect(covering(3)).toBe('生产总值747');
    expect(first.segments.find((s) => s.text.startsWith('747'))?.ids).toEqual([1, 2, 3]);
  });

  it('splits a span that crosses a newline into both paragraphs', () => {
    const paras = paragraphs('ab\ncd', [{ id: 7, span: [1, 4] }]);
    expect(paras.flatMap((p) => p.segments.filter((s) => s.ids.includes(7)).map((s) => s.text))).toEqual(['b', 'c']);
  });

  it('finds the paragraph at an offset', () => {
    const paras = paragraphs(text, []);
    expect(paragraphAt(paras, 0)?.start).toBe(0);
    expect(paragraphAt(paras, text.indexOf('第二段') + 2)?.start).toBe(text.indexOf('第二段'));
  });

  it('keeps every non-blank line and every span exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '数', '\n', ' ', '7') }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(40))),
        (t, raw) => {
          const spans = raw.map(([a, b], i) => ({ id: i, span: [Math.min(a, b), Math.max(a, b)] as [number, number] }));
          const paras = paragraphs(t, spans);
          expect(paras.map((p) => p.segments.map((s) => s.text).join(''))).toEqual(t.split('\n').filter((l) => l.trim() !== ''));
          for (const p of paras) for (const s of p.segments) expect(t.slice(s.start, s.end)).toBe(s.text);
          for (const { id, span } of spans) {
            const [a, b] = [Math.min(span[0], t.length), Math.min(span[1], t.length)];
            let expected = '';
            let ls = 0;
            for (const line of t.split('\n')) {
              const le = ls + line.length;
              if (line.trim() !== '') expected += t.slice(Math.max(a, ls), Math.max(Math.max(a, ls), Math.min(b, le)));
              ls = le + 1;
            }
            const got = paras.flatMap((p) => p.segments.filter((s) => s.ids.includes(id)).map((s) => s.text)).join('');
            expect(got).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('labels', () => {
  it.each([
    ['2020', '2020年'],
    ['2020H1', '2020年上半年'],
    ['2020H2', '2020年下半年'],
    ['2020Q2', '2020年二季度'],
    ['2020M01-05', '2020年1—5月'],
    ['2020M03', '2020年3月'],
    ['2016-2020', '2016—2020年'],
  ])('period %s is %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });

  it('orders periods on a time line', () => {
    expect(['2021', '2020H1', '2016-2020', '2020Q1', '2020'].sort(comparePeriods)).toEqual(['2020Q1', '2020H1', '2020', '2016-2020', '2021']);
  });

  it('writes values as reports do', () => {
    const v = { value: 8, value_high: null, unit: '%', text: null };
    expect(valueText({ ...v, qualifier: 'approx' })).toBe('约8%');
    expect(valueText({ ...v, qualifier: 'max' })).toBe('8%以内');
    expect(valueText({ ...v, qualifier: 'min' })).toBe('8%以上');
    expect(valueText({ ...v, value_high: 9, qualifier: 'range' })).toBe('8—9%');
    expect(valueText({ ...v, value: null, text: '正增长', qualifier: 'qualitative' })).toBe('正增长');
  });
});
