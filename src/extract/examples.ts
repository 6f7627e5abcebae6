// Helpers for the example tables in tests: wrap sentences in a small report
// and show facts the way the referee prints them.
import type { Fact } from '../schema.js';
import { extract } from './pipeline.js';

/** A work report with a review of 2020 and a plan for 2021 around the given paragraphs. */
export function workReport(review: string, plan = ''): string {
  return ['某某区人民政府区长 张三', '各位代表：', '一、2020年工作回顾', review, '二、2021年工作安排', plan].join('\n');
}

/** `gdp 2020 actual growth 10 % exact`, as score.mjs shows a fact. */
export function showFact(f: Fact): string {
  const value = f.value ?? f.text ?? '';
  const high = f.value_high != null ? `-${f.value_high}` : '';
  return `${f.indicator} ${f.period} ${f.kind} ${f.measure} ${value}${high} ${f.measure === 'level' ? f.unit : '%'} ${f.qualifier}`;
}

export function factsOf(text: string): string[] {
  return extract(text, { doc: 'example' }).facts.map(showFact);
}
