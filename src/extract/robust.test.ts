// Robustness: whatever text comes in — real reports cut, repeated, run
// together, or long runs of one pathological piece — `extract` returns, and
// every quote is the text at its span. Timing is the fuzz bench's business
// (`npm run fuzz`); here only no-throw and grounding are asserted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIECES } from '../bench/fuzz.js';
import type { Extraction } from '../schema.js';
import { showFact, workReport } from './examples.js';
import { extract } from './pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/robust/', import.meta.url));

/** The sample documents: corpus/dev and corpus/wild of the repository, else of ../shared/corpus. */
function sampleDocs(): string[] {
  const docs: string[] = [];
  for (const name of ['dev', 'wild']) {
    const dir = [join(ROOT, 'corpus', name), join(ROOT, '..', 'shared', 'corpus', name)].find((d) => existsSync(d));
    if (!dir) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) docs.push(readFileSync(join(dir, f), 'utf8'));
  }
  return docs;
}

/** Every quote is the text at its span; every span lies in the text. */
function expectGrounded(text: string, x: Extraction): void {
  for (const item of [...x.facts, ...x.projects]) {
    const [start, end] = item.span;
    expect(0 <= start && start <= end && end <= text.length).toBe(true);
    expect(item.quote).toBe(text.slice(start, end));
  }
  const d = x.meta.disclosure;
  if (d) expect(0 <= d.span[0] && d.span[0] <= d.span[1] && d.span[1] <= text.length).toBe(true);
}

function extractGrounded(text: string): Extraction {
  const x = extract(text, { doc: 'robust' });
  expectGrounded(text, x);
  return x;
}

interface Fixture {
  found: string;
  text: Array<string | { repeat: string; times: number }>;
}

function fixtureText(f: Fixture): string {
  return f.text.map((p) => (typeof p === 'string' ? p : p.repeat.repeat(p.times))).join('');
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Fixture] as const);

describe('inputs the fuzzer found (fixtures/robust)', () => {
  it('has the regression inputs', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });
  it.each(fixtures)('%s: no throw, grounded', (_name, f) => {
    const text = fixtureText(f);
    expect(text.length).toBeGreaterThan(5000);
    expect(() => extractGrounded(text)).not.toThrow();
  });
});

// Each row: the words before a run, the run's piece and length, the words after, and facts that must
// still be read around it (as the referee prints them). Runs like these once threw or took seconds.
const RUNS: Array<[string, string, number, string, string[]]> = [
  ['地区生产总值747.7亿元', '，增长12.5%', 5000, '。', ['gdp 2020 actual level 747.7 亿元 exact', 'gdp 2020 actual growth 12.5 % exact']],
  ['城镇居民人均可支配收入27478元', '，2020年的528亿元', 3000, '。', ['urban_income_pc 2020 actual level 27478 元 exact']],
  ['地区生产总值增长7.1%，居民消费价格上涨4.9', '两千三百', 7000, '%。', ['gdp 2020 actual growth 7.1 % exact']],
  ['地区生产总值747.7亿元，增长', '到', 8000, '2020年的735亿元。', ['gdp 2020 actual level 747.7 亿元 exact']],
  ['规模以上工业增加值增长8.8%，', '从至到', 3000, '。', ['industrial_value_added 2020 actual growth 8.8 % exact']],
  ['全年实现地区生产总值1.6万亿元、增长7%，固定资', '上半年', 12000, '产投资增长15%。', ['gdp 2020 actual level 1.6 万亿元 exact', 'gdp 2020 actual growth 7 % exact']],
];

describe('long runs of one piece', () => {
  it.each(RUNS)('%s + %s × %i', (head, piece, times, tail, facts) => {
    const text = workReport(`${head}${piece.repeat(times)}${tail}`);
    const x = extractGrounded(text);
    expect(x.facts.map(showFact)).toEqual(expect.arrayContaining(facts));
  });
});

// ------------------------------------------------------------------ properties

const DOCS = sampleDocs();

type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number; times: number }
  | { op: 'run'; at: number; pieces: string[]; times: number }
  | { op: 'lines'; at: number; len: number }
  | { op: 'swap'; at: number; len: number; from: string; to: string };

const SWAPS: Array<[string, string]> = [['，', '、'], ['、', '，'], ['。', '，'], ['，', ','], ['（', '('], ['）', ')'], ['%', '％'], ['；', '，'], ['\n', '。']];

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('repeat' as const), at, len: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({ op: fc.constant('run' as const), at, pieces: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }), times: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('lines' as const), at, len: fc.integer({ min: 10, max: 2000 }) }),
  fc.record({ op: fc.constant('swap' as const), at, len: fc.integer({ min: 10, max: 2000 }), from: fc.constant(''), to: fc.constant('') }).chain((m) =>
    fc.constantFrom(...SWAPS).map(([from, to]) => ({ ...m, from, to })),
  ),
);

function mutate(s: string, m: Mutation): string {
  const i = Math.floor(m.at * (s.length + 1));
  switch (m.op) {
    case 'delete':
      return s.slice(0, i) + s.slice(i + m.len);
    case 'repeat':
      return s.slice(0, i) + s.slice(i, i + m.len).repeat(m.times) + s.slice(i + m.len);
    case 'run': {
      let run = '';
      for (let k = 0; k < m.times; k++) run += m.pieces[k % m.pieces.length]!;
      return s.slice(0, i) + run + s.slice(i);
    }
    case 'lines':
      return s.slice(0, i) + s.slice(i, i + m.len).replace(/\n/g, '') + s.slice(i + m.len);
    case 'swap':
      return s.slice(0, i) + s.slice(i, i + m.len).split(m.from).join(m.to) + s.slice(i + m.len);
  }
}

/** A window of one sample document (from its start, so title and date stay in play, or anywhere), mutated. */
const mutatedReport = fc
  .record({
    doc: fc.nat({ max: Math.max(0, DOCS.length - 1) }),
    start: at,
    fromTop: fc.boolean(),
    len: fc.integer({ min: 100, max: 1500 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }),
  })
  .map(({ doc, start, fromTop, len, mutations }) => {
    const d = DOCS[doc] ?? '';
    const s0 = fromTop ? 0 : Math.floor(start * Math.max(0, d.length - len));
    return mutations.reduce(mutate, d.slice(s0, s0 + len));
  });

describe('extract on arbitrary text', () => {
  it('reads the sample documents', () => {
    expect(DOCS.length).toBeGreaterThanOrEqual(10);
  });

  it('mutated reports: no throw, every quote at its span', () => {
    fc.assert(
      fc.property(mutatedReport, (text) => {
        extractGrounded(text);
      }),
      { numRuns: 1000, seed: 20240601 },
    );
  });

  it('text made only of pathological pieces: no throw, grounded', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 400 }), (pieces) => {
        extractGrounded(pieces.join(''));
      }),
      { numRuns: 300, seed: 20240602 },
    );
  });

  it('any string of report characters: no throw, grounded', () => {
    const chars = fc.constantFrom(...'0123456789.%，、。；（）()“”一二三四五六七八九十百千万亿年月日季度上下半从到至增长下降为亿元\n ');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 2000 }), (cs) => {
        extractGrounded(cs.join(''));
      }),
      { numRuns: 300, seed: 20240603 },
    );
  });
});
