// Hard-wrapped text read as prose (data/reflow.json, its examples): a break
// inside a wrapped paragraph is dropped in the view, its offsets kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from './pipeline.js';
import { normalizeText } from './normalize.js';
import { PAGE_LINE, softBreaks } from './reflow.js';

const DATA = JSON.parse(readFileSync(new URL('../../data/reflow.json', import.meta.url), 'utf8')) as {
  page_line_examples: string[];
  examples: [string, string][];
  counter_examples: string[];
};
const lines = (s: string): string => s.replaceAll('⏎', '\n');

describe('soft line breaks of hard-wrapped text', () => {
  it.each(DATA.examples)('%s', (wrapped, read) => {
    expect(normalizeText(lines(wrapped)).text).toBe(lines(read));
  });

  it.each(DATA.page_line_examples)('a page number: %s', (line) => {
    expect(PAGE_LINE.test(line)).toBe(true);
  });

  it.each(DATA.counter_examples)('keeps every break: %s', (text) => {
    expect(softBreaks(lines(text))).toEqual([]);
  });

  it('reads the facts of a wrapped paragraph, each quote the characters of the page with its breaks', () => {
    const text = lines(DATA.examples[0]![0]);
    const { facts } = extract(text, { doc: 'wrapped' });
    const revenue = facts.find((f) => f.indicator === 'general_budget_revenue' && f.measure === 'level')!;
    expect([revenue.period, revenue.value, revenue.unit]).toEqual(['2024', 8.2, '亿元']);
    expect(revenue.quote).toContain('\n');
    expect(revenue.quote.replaceAll('\n', '')).toBe('一般公共预算收入8.2亿元');
    expect(text.slice(revenue.span[0], revenue.span[1])).toBe(revenue.quote);
    const retail = facts.find((f) => f.indicator === 'retail_sales' && f.measure === 'level')!;
    expect(retail.value).toBe(45.6);
    expect(facts.find((f) => f.indicator === 'gdp' && f.kind === 'target')?.period).toBe('2025');
  });

  it('keeps the break after a title that reaches the margin and after a line wider than the margin', () => {
    const body = DATA.examples[0]![0].split('⏎').slice(2, 7).join('\n');
    const title = '【青禾招商】总投资16亿元的锂离子动力电池项目签约青禾县 助力新能源产业升级';
    const view = normalizeText(`${title}\n${body}`).text;
    expect(view.startsWith(`${title}\n`)).toBe(true);
  });
});
