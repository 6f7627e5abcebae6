// The referee's matching (../shared/tools/score.mjs, vendored as tools/score.mjs)
// in TypeScript, so eval and the layout bench can score per document without
// spawning it: facts match on indicator, period, kind, measure, qualifier and
// the value in a base unit; projects on stage, investment and name overlap (or
// batch count); meta field by field. src/bench/score.test.ts holds this module
// to the referee's numbers on the sample corpus.

/** Unit -> [dimension, factor to the base unit], as the referee converts. */
const UNITS: Record<string, readonly [string, number]> = {
  '元': ['CNY', 1], '千元': ['CNY', 1e3], '万元': ['CNY', 1e4], '亿元': ['CNY', 1e8], '万亿元': ['CNY', 1e12],
  '美元': ['USD', 1], '万美元': ['USD', 1e4], '亿美元': ['USD', 1e8],
  '人': ['person', 1], '名': ['person', 1], '万人': ['person', 1e4], '万名': ['person', 1e4],
  '人次': ['visit', 1], '万人次': ['visit', 1e4],
  '户': ['household', 1], '万户': ['household', 1e4],
  '家': ['unit', 1], '个': ['unit', 1], '项': ['unit', 1],
  '%': ['%', 1], '％': ['%', 1],
  '斤': ['kg', 0.5], '万斤': ['kg', 5e3], '亿斤': ['kg', 5e7], '万亿斤': ['kg', 5e11],
  '公斤': ['kg', 1], '吨': ['kg', 1e3], '万吨': ['kg', 1e7],
  '平方米': ['m2', 1], '万平方米': ['m2', 1e4], '亩': ['mu', 1], '万亩': ['mu', 1e4],
};

export const META_FIELDS = ['doc_type', 'region.code', 'region.level', 'date', 'review_period', 'plan_period'] as const;

/** The parts of a fact the referee reads (gold files and extractions alike). */
export interface ScoredFact {
  indicator: string;
  period: string;
  kind: string;
  measure: string;
  qualifier: string;
  value?: number | null;
  value_high?: number | null;
  unit?: string;
  text?: string | null;
  estimated?: boolean;
  quote?: string;
  span?: readonly [number, number] | number[] | null;
}

export interface ScoredProject {
  name?: string | null;
  count?: number | null;
  stage: string;
  investment?: { value: number; unit: string } | null;
}

/** A gold file or an extraction, as the referee reads it. */
export interface Scorable {
  meta?: Record<string, unknown> | null;
  facts?: ScoredFact[] | null;
  projects?: ScoredProject[] | null;
}

interface Base {
  dim: string;
  v: number;
}

function base(value: number | null | undefined, unit: string | undefined): Base | null {
  if (value === null || value === undefined) return null;
  const u = UNITS[unit ?? ''];
  if (!u) return { dim: `raw:${String(unit)}`, v: Number(value) };
  return { dim: u[0], v: Number(value) * u[1] };
}

function close(a: Base | null, b: Base | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.dim !== b.dim) return false;
  return Math.abs(a.v - b.v) <= 1e-9 * Math.max(1, Math.abs(a.v), Math.abs(b.v));
}

function keyOf(f: ScoredFact): string {
  return [f.indicator, f.period, f.kind, f.measure, f.qualifier].join('|');
}

export function sameFact(g: ScoredFact, p: ScoredFact): boolean {
  if (keyOf(g) !== keyOf(p)) return false;
  if (g.qualifier === 'qualitative') return true;
  const unitG = g.measure === 'level' ? g.unit : '%';
  const unitP = p.measure === 'level' ? p.unit : '%';
  if (!close(base(g.value, unitG), base(p.value, unitP))) return false;
  if (g.qualifier === 'range' && !close(base(g.value_high, unitG), base(p.value_high, unitP))) return false;
  return true;
}

function chars(s: string | null | undefined): Set<string> {
  return new Set([...(s ?? '')]);
}

function nameOverlap(a: string | null | undefined, b: string | null | undefined): number {
  const A = chars(a);
  const B = chars(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const c of A) if (B.has(c)) n++;
  return n / Math.min(A.size, B.size);
}

export function sameProject(g: ScoredProject, p: ScoredProject): boolean {
  if (g.stage !== p.stage) return false;
  const gi = g.investment ? base(g.investment.value, g.investment.unit) : null;
  const pi = p.investment ? base(p.investment.value, p.investment.unit) : null;
  if (!close(gi, pi)) return false;
  if (g.count != null || p.count != null) return g.count === p.count;
  return nameOverlap(g.name, p.name) >= 0.5;
}

/** Greedy one-to-one matching in gold order, as the referee does. */
function match<T>(gold: readonly T[], pred: readonly T[], same: (g: T, p: T) => boolean): { pairs: [T, T][]; missed: T[]; extra: T[] } {
  const used = new Set<number>();
  const pairs: [T, T][] = [];
  const missed: T[] = [];
  for (const g of gold) {
    const j = pred.findIndex((p, k) => !used.has(k) && same(g, p));
    if (j < 0) missed.push(g);
    else {
      used.add(j);
      pairs.push([g, pred[j]!]);
    }
  }
  return { pairs, missed, extra: pred.filter((_, k) => !used.has(k)) };
}

function dedupe<T>(items: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const f of items) if (!out.some((o) => same(o, f))) out.push(f);
  return out;
}

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export function prf(tp: number, nGold: number, nPred: number): Prf {
  const p = nPred ? tp / nPred : nGold ? 0 : 1;
  const r = nGold ? tp / nGold : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

function get(o: unknown, path: string): unknown {
  let x: unknown = o;
  for (const k of path.split('.')) x = x == null ? null : (x as Record<string, unknown>)[k];
  return x ?? null;
}

/** Ratio counts: `ok` of `n` agree. */
export interface Tally {
  ok: number;
  n: number;
}

/** One document scored as the referee scores it, with the counts the pooled summary adds up. */
export interface DocScore {
  doc: string;
  facts: Prf & { tp: number; gold: number; pred: number };
  /** null when the gold file did not annotate projects (the referee skips them). */
  projects: (Prf & { tp: number; gold: number; pred: number }) | null;
  /** Meta fields that agree, of those scored. */
  meta: Tally;
  /** Fields that disagree. */
  metaWrong: string[];
  /** Matched gold facts with a boolean `estimated`, and how many the extraction agrees on. */
  estimated: Tally;
  /** Extracted facts whose quote is in the text at its span. */
  grounded: Tally;
  missed: ScoredFact[];
  extra: ScoredFact[];
  missedProjects: ScoredProject[];
  extraProjects: ScoredProject[];
}

/** Scores one extraction against its gold; `text` (the document) checks the quotes, when given. */
export function scoreDocument(doc: string, gold: Scorable, pred: Scorable, text: string | null): DocScore {
  const gFacts = dedupe(gold.facts ?? [], sameFact);
  const pFacts = dedupe(Array.isArray(pred.facts) ? pred.facts : [], sameFact);
  const facts = match(gFacts, pFacts, sameFact);
  const estimated: Tally = { ok: 0, n: 0 };
  for (const [g, p] of facts.pairs) {
    if (typeof g.estimated === 'boolean') {
      estimated.n++;
      if (Boolean(p.estimated) === g.estimated) estimated.ok++;
    }
  }
  const grounded: Tally = { ok: 0, n: 0 };
  if (text !== null) {
    for (const p of pFacts) {
      grounded.n++;
      if (p.quote && text.includes(p.quote) && (!p.span || text.slice(p.span[0], p.span[1]) === p.quote)) grounded.ok++;
    }
  }
  const annotated = Array.isArray(gold.projects);
  const gProj = annotated ? gold.projects! : [];
  const pProj = annotated && Array.isArray(pred.projects) ? pred.projects : [];
  const projects = match(gProj, pProj, sameProject);
  const meta: Tally = { ok: 0, n: 0 };
  const metaWrong: string[] = [];
  if (gold.meta) {
    for (const field of META_FIELDS) {
      meta.n++;
      if (JSON.stringify(get(gold.meta, field)) === JSON.stringify(get(pred.meta ?? {}, field))) meta.ok++;
      else metaWrong.push(field);
    }
  }
  const count = (tp: number, g: number, p: number) => ({ ...prf(tp, g, p), tp, gold: g, pred: p });
  return {
    doc,
    facts: count(facts.pairs.length, gFacts.length, pFacts.length),
    projects: annotated ? count(projects.pairs.length, gProj.length, pProj.length) : null,
    meta,
    metaWrong,
    estimated,
    grounded,
    missed: facts.missed,
    extra: facts.extra,
    missedProjects: projects.missed,
    extraProjects: projects.extra,
  };
}

/** The referee's pooled summary (score.mjs --json `summary`). */
export interface Summary {
  docs: number;
  facts: Prf & { tp: number; gold: number; pred: number };
  projects: Prf & { tp: number; gold: number; pred: number };
  meta: number | null;
  estimated_agreement: number | null;
  quotes_grounded: number | null;
}

const ratio = (t: Tally): number | null => (t.n ? t.ok / t.n : null);

/** Pools document scores as the referee pools them: over unique facts and projects, not by averaging. */
export function pool(scores: readonly DocScore[]): Summary {
  const sum = (f: (s: DocScore) => number): number => scores.reduce((n, s) => n + f(s), 0);
  const tally = (f: (s: DocScore) => Tally): Tally => ({ ok: sum((s) => f(s).ok), n: sum((s) => f(s).n) });
  const facts = { tp: sum((s) => s.facts.tp), gold: sum((s) => s.facts.gold), pred: sum((s) => s.facts.pred) };
  const projects = { tp: sum((s) => s.projects?.tp ?? 0), gold: sum((s) => s.projects?.gold ?? 0), pred: sum((s) => s.projects?.pred ?? 0) };
  return {
    docs: scores.length,
    facts: { ...prf(facts.tp, facts.gold, facts.pred), ...facts },
    projects: { ...prf(projects.tp, projects.gold, projects.pred), ...projects },
    meta: ratio(tally((s) => s.meta)),
    estimated_agreement: ratio(tally((s) => s.estimated)),
    quotes_grounded: ratio(tally((s) => s.grounded)),
  };
}

export const pct = (x: number | null): string => (x === null ? 'n/a' : (100 * x).toFixed(1));

/** The referee's one-line summary: `facts P .. R .. F1 .. | projects F1 .. | meta .. | estimated .. | grounded .. | docs N`. */
export function summaryLine(s: Summary): string {
  return (
    `facts P ${pct(s.facts.p)} R ${pct(s.facts.r)} F1 ${pct(s.facts.f)} | projects F1 ${pct(s.projects.f)} | meta ${pct(s.meta)}` +
    ` | estimated ${pct(s.estimated_agreement)} | grounded ${pct(s.quotes_grounded)} | docs ${s.docs}`
  );
}

/** A fact as the referee prints it in missed/extra lines. */
export function showFact(f: ScoredFact): string {
  const value = f.value ?? f.text ?? '';
  const high = f.value_high != null ? `-${f.value_high}` : '';
  return `${f.indicator} ${f.period} ${f.kind} ${f.measure} ${value}${high} ${f.measure === 'level' ? f.unit : '%'} ${f.qualifier}`;
}

export function showProject(p: ScoredProject): string {
  const inv = p.investment ? ` ${p.investment.value}${p.investment.unit}` : '';
  return `${p.stage} ${p.name ?? `batch of ${p.count ?? '?'}`}${inv}`;
}
