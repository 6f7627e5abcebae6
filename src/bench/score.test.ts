// The TypeScript scorer against the referee (score.mjs): the same numbers on
// the real extractions of the sample corpus, per document and pooled; and the
// matching rules of ../shared/spec/EXTRACTION.md as an example table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus, refereeScore, scoreDocs } from '../cli/commands/eval.js';
import { memoryIo } from '../cli/io.js';
import { SAMPLE_SETS } from '../cli/paths.js';
import { pool, sameFact, sameProject, scoreDocument, type ScoredFact, type ScoredProject } from './score.js';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'zhengbao-score-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the TypeScript scorer agrees with the referee', () => {
  it.each(SAMPLE_SETS.map((s) => [s.name, s.dir] as const))('%s: per document and pooled', async (name, dir) => {
    const pred = join(out, name);
    expect(await extractCorpus(dir, pred, memoryIo())).toBe(0);
    const referee = await refereeScore(dir, pred, dir);
    const ours = scoreDocs(dir, pred, dir);
    const summary = pool(ours);
    for (const key of ['docs', 'facts', 'projects'] as const) expect(summary[key]).toEqual(referee.summary[key]);
    for (const key of ['meta', 'estimated_agreement', 'quotes_grounded'] as const) {
      expect(summary[key]).toBeCloseTo(referee.summary[key]!, 12);
    }
    const report = referee.report as { doc: string; facts: { tp: number; gold: number; pred: number }; projects: { tp: number; gold: number; pred: number }; meta: Record<string, boolean> }[];
    expect(ours.map((d) => d.doc)).toEqual(report.map((r) => r.doc));
    for (const [i, r] of report.entries()) {
      const d = ours[i]!;
      expect({ tp: d.facts.tp, gold: d.facts.gold, pred: d.facts.pred }, d.doc).toEqual({ tp: r.facts.tp, gold: r.facts.gold, pred: r.facts.pred });
      expect({ tp: d.projects?.tp ?? 0, gold: d.projects?.gold ?? 0, pred: d.projects?.pred ?? 0 }, d.doc).toEqual({ tp: r.projects.tp, gold: r.projects.gold, pred: r.projects.pred });
      expect(d.metaWrong, d.doc).toEqual(Object.entries(r.meta).filter(([, ok]) => !ok).map(([k]) => k));
    }
  }, 120_000);
});

const fact = (over: Partial<ScoredFact>): ScoredFact => ({
  indicator: 'gdp', period: '2020', kind: 'actual', measure: 'level', qualifier: 'exact', value: 735, unit: '亿元', ...over,
});

describe('fact matching', () => {
  it.each<[string, ScoredFact, ScoredFact, boolean]>([
    ['地区生产总值735亿元 = 7350000万元 (base unit)', fact({}), fact({ value: 7350000, unit: '万元' }), true],
    ['735亿元 ≠ 735万元', fact({}), fact({ unit: '万元' }), false],
    ['another period', fact({}), fact({ period: '2021' }), false],
    ['another qualifier (左右)', fact({}), fact({ qualifier: 'approx' }), false],
    ['增长8% growth: the unit is %, whatever is written', fact({ measure: 'growth', value: 8, unit: '%' }), fact({ measure: 'growth', value: 8, unit: '' }), true],
    ['qualitative 正增长 matches on the keys alone', fact({ measure: 'growth', qualifier: 'qualitative', value: null, text: '正增长' }), fact({ measure: 'growth', qualifier: 'qualitative', value: null, text: '同步' }), true],
    ['range 6%－6.5% needs the upper end', fact({ measure: 'growth', qualifier: 'range', value: 6, value_high: 6.5, unit: '%' }), fact({ measure: 'growth', qualifier: 'range', value: 6, value_high: 7, unit: '%' }), false],
    ['粮食产量45万吨 = 4.5亿公斤', fact({ indicator: 'grain_output', value: 45, unit: '万吨' }), fact({ indicator: 'grain_output', value: 450000000, unit: '公斤' }), true],
  ])('%s', (_, g, p, same) => {
    expect(sameFact(g, p)).toBe(same);
  });
});

describe('project matching', () => {
  const project = (over: Partial<ScoredProject>): ScoredProject => ({ name: '锂离子动力电池项目', count: null, stage: 'signed', investment: { value: 16, unit: '亿元' }, ...over });
  it.each<[string, ScoredProject, ScoredProject, boolean]>([
    ['half the characters shared', project({}), project({ name: '动力电池项目' }), true],
    ['another stage', project({}), project({ stage: 'started' }), false],
    ['16亿元 = 160000万元', project({}), project({ investment: { value: 160000, unit: '万元' } }), true],
    ['签约十一个重点项目: batch counts agree', project({ name: null, count: 11 }), project({ name: '重点项目', count: 11 }), true],
    ['batch counts differ', project({ name: null, count: 11 }), project({ name: null, count: 6 }), false],
  ])('%s', (_, g, p, same) => {
    expect(sameProject(g, p)).toBe(same);
  });
});

describe('one document', () => {
  const text = '全区地区生产总值735亿元，增长4%。';
  it('scores facts, meta and grounding; skips projects a gold file did not annotate', () => {
    const gold = {
      meta: { doc_type: 'work_report', region: { code: '430602', level: 'county' }, date: null, review_period: '2020', plan_period: '2021' },
      facts: [fact({ quote: '地区生产总值735亿元', estimated: false }), fact({ measure: 'growth', value: 4, unit: '%', estimated: false })],
      projects: null,
    };
    const pred = {
      meta: { ...gold.meta, plan_period: null },
      facts: [fact({ quote: '地区生产总值735亿元', span: [2, 13], estimated: true }), fact({ measure: 'growth', value: 5, unit: '%', quote: '增长5%' })],
      projects: [{ name: '某项目', stage: 'signed', investment: null }],
    };
    const d = scoreDocument('yueyanglou', gold, pred, text);
    expect(d.facts).toMatchObject({ tp: 1, gold: 2, pred: 2, p: 0.5, r: 0.5, f: 0.5 });
    expect(d.projects).toBeNull();
    expect(d.meta).toEqual({ ok: 5, n: 6 });
    expect(d.metaWrong).toEqual(['plan_period']);
    expect(d.estimated).toEqual({ ok: 0, n: 1 });
    expect(d.grounded).toEqual({ ok: 1, n: 2 });
  });
});
