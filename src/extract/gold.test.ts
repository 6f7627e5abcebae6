// The development gold set, scored by the referee (score.mjs) exactly as the
// held-out set is judged. The thresholds are the bars.
import { describe, expect, it } from 'vitest';
import { scoreCorpus } from '../cli/commands/eval.js';

describe('development gold set', () => {
  it('meets the bars: facts F1 ≥ 0.95, meta ≥ 0.95, projects F1 ≥ 0.80, grounded 100%', async () => {
    const summary = await scoreCorpus();
    expect(summary.docs).toBe(10);
    expect(summary.facts.f).toBeGreaterThanOrEqual(0.95);
    expect(summary.meta).toBeGreaterThanOrEqual(0.95);
    expect(summary.projects.f).toBeGreaterThanOrEqual(0.8);
    expect(summary.quotes_grounded).toBe(1);
  });
});
