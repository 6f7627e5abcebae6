// What the store knows of a region: its indicators as series of results and
// targets over periods, each target set against the result reported for its
// period, and the comparison of one indicator across regions.
import type Database from 'better-sqlite3';
import type {
  CompareResult,
  Frequency,
  IndicatorSeries,
  RegionProfile,
  RegionSummary,
  SeriesPoint,
  TargetPair,
  TargetStatus,
} from '../api/schemas.js';
import { getCatalog, labelOf } from '../extract/catalog.js';
import { unitInfo } from '../extract/units.js';
import type { Fact } from '../schema.js';
import { listDocuments } from './documents.js';
import { regionClause, REGION_CODE } from './filters.js';
import { prepared } from './prepared.js';
import type { FactRow } from './store.js';

/** A stored fact with the document it came from. */
export interface FactOfRegion extends FactRow {
  document_id: number;
  document_date: string | null;
  ordinal: number;
}

/**
 * Where a period ends, as a sortable number: 2020 → 202012, 2020H1 → 202006,
 * 2020M01-05 → 202005, 2016-2020 → 202012. Periods that end together sort the
 * shorter first, so 2020Q4 comes before 2020.
 */
export function periodOrder(period: string): [number, number] {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(4);
  let end = year * 100 + 12;
  let months = 12;
  let m: RegExpExecArray | null;
  if ((m = /^H([12])$/.exec(rest))) [end, months] = [year * 100 + Number(m[1]) * 6, 6];
  else if ((m = /^Q([1-4])$/.exec(rest))) [end, months] = [year * 100 + Number(m[1]) * 3, 3];
  else if ((m = /^M(\d{2})(?:-(\d{2}))?$/.exec(rest))) {
    const first = Number(m[1]);
    const last = Number(m[2] ?? m[1]);
    [end, months] = [year * 100 + last, last - first + 1];
  } else if ((m = /^-(\d{4})$/.exec(rest))) [end, months] = [Number(m[1]) * 100 + 12, (Number(m[1]) - year + 1) * 12];
  return [end, months];
}

/** year, half, quarter, month or span: series of different frequencies are never drawn as one line. */
export function frequencyOf(period: string): Frequency {
  const rest = period.slice(4);
  if (rest === '') return 'year';
  if (rest.startsWith('H')) return 'half';
  if (rest.startsWith('Q')) return 'quarter';
  if (rest.startsWith('M')) return 'month';
  return 'span';
}

export function comparePeriods(a: string, b: string): number {
  const [ea, ma] = periodOrder(a);
  const [eb, mb] = periodOrder(b);
  return ea - eb || ma - mb || a.localeCompare(b);
}

const DATE_NONE = '0000';

/**
 * The one fact a chart shows for a period. Results: a final figure over an
 * estimate, then the latest report (a later report revises). Targets: the
 * earliest report, which set the target; later ones only restate it. Within a
 * report, the first mention.
 */
export function preferredFact(a: FactOfRegion, b: FactOfRegion): FactOfRegion {
  if (a.kind === 'actual' && a.estimated !== b.estimated) return a.estimated ? b : a;
  const da = a.document_date ?? DATE_NONE;
  const db = b.document_date ?? DATE_NONE;
  if (a.document_id !== b.document_id) {
    const later = da !== db ? da > db : a.document_id > b.document_id;
    if (a.kind === 'actual') return later ? a : b;
    return later ? b : a;
  }
  return a.ordinal <= b.ordinal ? a : b;
}

/** The unit of a series: the most common among its points (growth is in %). */
export function seriesUnit(facts: readonly FactOfRegion[]): string {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.unit, (counts.get(f.unit) ?? 0) + 1);
  let best = facts[0]?.unit ?? '';
  for (const [unit, n] of counts) if (n > (counts.get(best) ?? 0)) best = unit;
  return best;
}

/** A value converted to another unit of the same dimension (万元 → 亿元), else null. */
export function inUnit(value: number | null, unit: string, target: string): number | null {
  if (value === null) return null;
  if (unit === target) return value;
  const from = unitInfo(unit);
  const to = unitInfo(target);
  if (!from || !to || from.dimension !== to.dimension) return null;
  return Number(((value * from.factor) / to.factor).toPrecision(12));
}

export function toPoint(f: FactOfRegion, unit: string): SeriesPoint {
  return {
    period: f.period,
    kind: f.kind,
    value: f.value,
    value_high: f.value_high,
    unit: f.unit,
    value_base: f.value_base,
    value_in_series_unit: inUnit(f.value, f.unit, unit),
    qualifier: f.qualifier,
    text: f.text,
    estimated: f.estimated === 1,
    document_id: f.document_id,
    document_date: f.document_date,
    ordinal: f.ordinal,
    quote: f.quote,
    span: [f.span_start, f.span_end],
  };
}

/**
 * Whether a result meets its target. The qualifier says which bound binds:
 * 以内 (max) is a ceiling; 以上 (min), 左右 (approx), a plain figure and the low
 * end of a range are floors, unless the indicator is one where lower is better
 * (失业率, 能耗, 物价), where the figure is a ceiling. A qualitative target, a
 * missing result or values in different dimensions cannot be judged.
 */
export function targetStatus(target: SeriesPoint, result: SeriesPoint | null, better: 'higher' | 'lower'): TargetStatus {
  if (!result) return 'pending';
  if (target.qualifier === 'qualitative' || target.value === null || result.value === null) return 'unknown';
  const actual = inUnit(result.value, result.unit, target.unit);
  if (actual === null) return 'unknown';
  const low = target.value;
  const high = target.value_high ?? target.value;
  const EPS = 1e-9;
  if (target.qualifier === 'max') return actual <= high + EPS ? 'met' : 'missed';
  if (target.qualifier === 'min') return actual >= low - EPS ? 'met' : 'missed';
  if (better === 'lower') return actual <= high + EPS ? 'met' : 'missed';
  return actual >= low - EPS ? 'met' : 'missed';
}

const REGION_FACTS = `SELECT f.document_id, d.date AS document_date, f.ordinal, f.indicator, f.period, f.kind,
    f.measure, f.value, f.value_high, f.unit, f.value_base, f.base_unit, f.qualifier, f.text, f.estimated, f.quote,
    f.span_start, f.span_end, f.page
  FROM documents d JOIN facts f ON f.document_id = d.id`;

type FactTuple = [
  number, string | null, number, string, string, Fact['kind'], Fact['measure'], number | null, number | null, string,
  number | null, string | null, Fact['qualifier'], string | null, number, string, number, number, number | null,
];

/**
 * A region's facts, read as arrays and made into objects here: better-sqlite3
 * builds a row object by name lookups that cost half the request on a county
 * with hundreds of facts.
 */
function readFacts(db: Database.Database, where: string, params: unknown[]): FactOfRegion[] {
  const rows = prepared<unknown[], FactTuple>(db, `${REGION_FACTS} WHERE ${where}`).raw(true).all(...params);
  return rows.map((r) => ({
    document_id: r[0], document_date: r[1], ordinal: r[2], indicator: r[3], period: r[4], kind: r[5], measure: r[6],
    value: r[7], value_high: r[8], unit: r[9], value_base: r[10], base_unit: r[11], qualifier: r[12], text: r[13],
    estimated: r[14], quote: r[15], span_start: r[16], span_end: r[17], page: r[18],
  }));
}

/** One point per period and kind: the preferred fact of each. */
function choosePoints(facts: readonly FactOfRegion[], unit: string): { results: SeriesPoint[]; targets: SeriesPoint[] } {
  const chosen = new Map<string, FactOfRegion>();
  for (const f of facts) {
    const key = `${f.kind}|${f.period}`;
    const held = chosen.get(key);
    chosen.set(key, held ? preferredFact(held, f) : f);
  }
  const points = [...chosen.values()].sort((a, b) => comparePeriods(a.period, b.period)).map((f) => toPoint(f, unit));
  return { results: points.filter((p) => p.kind === 'actual'), targets: points.filter((p) => p.kind === 'target') };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function catalogRank(): Map<string, number> {
  return new Map(getCatalog().indicators.map((ind, i) => [ind.key, i]));
}

const MEASURE_ORDER = { level: 0, growth: 1, avg_growth: 2 } as const;
const FREQUENCY_ORDER: Record<Frequency, number> = { year: 0, span: 1, half: 2, quarter: 3, month: 4 };

/** The series of one region's facts, in catalog order, and its target ↔ result pairs. */
export function buildSeries(facts: readonly FactOfRegion[]): { indicators: IndicatorSeries[]; pairs: TargetPair[] } {
  const rank = catalogRank();
  const indicators: IndicatorSeries[] = [];
  const pairs: TargetPair[] = [];
  const groups = [...groupBy(facts, (f) => `${f.indicator}|${f.measure}|${frequencyOf(f.period)}`).values()].sort(
    (a, b) =>
      (rank.get(a[0]!.indicator) ?? 1e6) - (rank.get(b[0]!.indicator) ?? 1e6) ||
      MEASURE_ORDER[a[0]!.measure] - MEASURE_ORDER[b[0]!.measure] ||
      FREQUENCY_ORDER[frequencyOf(a[0]!.period)] - FREQUENCY_ORDER[frequencyOf(b[0]!.period)],
  );
  for (const group of groups) {
    const { indicator, measure } = group[0]!;
    const frequency = frequencyOf(group[0]!.period);
    const label = labelOf(indicator);
    const better = getCatalog().byKey.get(indicator)?.better ?? 'higher';
    const unit = seriesUnit(group);
    const { results, targets } = choosePoints(group, unit);
    const resultOf = new Map(results.map((r) => [r.period, r]));
    for (const target of targets) {
      const result = resultOf.get(target.period) ?? null;
      pairs.push({ indicator, label, measure, period: target.period, target, result, status: targetStatus(target, result, better) });
    }
    const latestTarget = targets.at(-1) ?? null;
    indicators.push({
      indicator,
      label,
      measure,
      frequency,
      unit,
      results,
      targets,
      latest_result: results.at(-1) ?? null,
      latest_target: latestTarget,
      latest_status: latestTarget ? targetStatus(latestTarget, resultOf.get(latestTarget.period) ?? null, better) : null,
    });
  }
  return { indicators, pairs };
}

/** Every region with stored documents, most documents first. */
export function listRegions(db: Database.Database): RegionSummary[] {
  return prepared<[], RegionSummary>(db,
      `SELECT d.region_code AS code, max(d.region_name) AS name, max(d.region_level) AS level,
         count(*) AS document_count,
         sum(d.fact_count) AS fact_count,
         max(d.date) AS latest_date
       FROM documents d WHERE d.region_code IS NOT NULL
       GROUP BY d.region_code ORDER BY document_count DESC, fact_count DESC, d.region_code`,
    )
    .all();
}

/** A region's profile, or null when no stored document is of this region. */
export function regionProfile(db: Database.Database, code: string): RegionProfile | null {
  const region = prepared<[string], { code: string; name: string | null; level: RegionProfile['region']['level'] }>(db,
      `SELECT region_code AS code, max(region_name) AS name, max(region_level) AS level
       FROM documents WHERE region_code = ? GROUP BY region_code`,
    )
    .get(code);
  if (!region) return null;
  const facts = readFacts(db, 'd.region_code = ?', [code]);
  const { indicators, pairs } = buildSeries(facts);
  const documents = listDocuments(db, { region: code }, { limit: 1000, offset: 0 }).items;
  return { region, indicators, pairs, documents };
}

/** The value of `key` shared by the most facts (a comparison's default measure and frequency). */
function mostCommon<K extends string>(facts: readonly FactOfRegion[], key: (f: FactOfRegion) => K, fallback: K): K {
  let best = fallback;
  let n = 0;
  for (const [value, list] of groupBy(facts, key)) {
    if (list.length > n) [best, n] = [value as K, list.length];
  }
  return best;
}

/** One indicator across regions (codes or names), on one scale. */
export function compareRegions(
  db: Database.Database,
  indicator: string,
  regions: readonly string[],
  measure?: Fact['measure'],
  frequency?: Frequency,
): CompareResult {
  const perRegion = regions.map((r) => {
    const where = regionClause(r);
    const facts = readFacts(db, `${where.sql} AND f.indicator = ?`, [...where.params, indicator]);
    const found = prepared<unknown[], { code: string | null; name: string | null }>(db,
        `SELECT d.region_code AS code, d.region_name AS name FROM documents d WHERE ${where.sql} LIMIT 1`,
      )
      .get(...where.params);
    const code = found?.code ?? (REGION_CODE.test(r.trim()) ? r.trim() : null);
    const name = found?.name ?? (REGION_CODE.test(r.trim()) ? null : r.trim());
    return { code, name, found: found !== undefined, facts };
  });
  const all = perRegion.flatMap((r) => r.facts);
  const chosenMeasure = measure ?? mostCommon(all, (f) => f.measure, 'growth');
  const chosenFrequency =
    frequency ?? mostCommon(all.filter((f) => f.measure === chosenMeasure), (f) => frequencyOf(f.period), 'year');
  const shown = (f: FactOfRegion): boolean => f.measure === chosenMeasure && frequencyOf(f.period) === chosenFrequency;
  const inMeasure = all.filter(shown);
  const unit = inMeasure.length ? seriesUnit(inMeasure) : chosenMeasure === 'level' ? '' : '%';
  const periods = new Set<string>();
  const series = perRegion.map((r) => {
    const { results, targets } = choosePoints(r.facts.filter(shown), unit);
    for (const p of [...results, ...targets]) periods.add(p.period);
    return { code: r.code, name: r.name, found: r.found, results, targets };
  });
  return {
    indicator,
    label: labelOf(indicator),
    measure: chosenMeasure,
    frequency: chosenFrequency,
    unit,
    periods: [...periods].sort(comparePeriods),
    regions: series,
  };
}

/** The catalog's indicators with how many facts each has, most first. */
export function listIndicators(db: Database.Database): { key: string; label: string; fact_count: number }[] {
  const counts = new Map(
    prepared<[], { indicator: string; n: number }>(db, 'SELECT indicator, count(*) AS n FROM facts GROUP BY indicator')
      .all()
      .map((r) => [r.indicator, r.n]),
  );
  return getCatalog()
    .indicators.map((ind) => ({ key: ind.key, label: ind.label, fact_count: counts.get(ind.key) ?? 0 }))
    .sort((a, b) => b.fact_count - a.fact_count);
}
