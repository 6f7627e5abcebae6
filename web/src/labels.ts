// Chinese names for the contract's enums, and the display forms of periods and values.
import type { Frequency, SeriesPoint, StoredFact, TargetStatus } from '../../src/api/schemas.js';

export type DocType =
  | 'work_report'
  | 'midyear_report'
  | 'plan_report'
  | 'budget_report'
  | 'statistical_bulletin'
  | 'investment_news'
  | 'other';
export type Kind = 'actual' | 'target';
export type Measure = 'level' | 'growth' | 'avg_growth';
export type Qualifier = 'exact' | 'approx' | 'min' | 'max' | 'range' | 'qualitative';
export type RegionLevel = 'national' | 'province' | 'prefecture' | 'county' | 'township';
export type Stage = 'signed' | 'started' | 'under_construction' | 'completed' | 'in_production' | 'planned';

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  work_report: '政府工作报告',
  midyear_report: '半年工作报告',
  plan_report: '计划执行报告',
  budget_report: '预算报告',
  statistical_bulletin: '统计公报',
  investment_news: '招商新闻',
  other: '其他',
};
export const DOC_TYPES = Object.keys(DOC_TYPE_LABELS) as DocType[];

export const KIND_LABELS: Record<Kind, string> = { actual: '实际', target: '目标' };
export const MEASURE_LABELS: Record<Measure, string> = { level: '总量', growth: '增速', avg_growth: '年均增速' };
export const MEASURES = Object.keys(MEASURE_LABELS) as Measure[];
export type { Frequency };
/** How often a series is observed (the API splits series by it). */
export const FREQUENCY_LABELS: Record<Frequency, string> = { year: '年度', half: '半年度', quarter: '季度', month: '月度', span: '多年' };
export const FREQUENCIES = Object.keys(FREQUENCY_LABELS) as Frequency[];
export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: '精确',
  approx: '约',
  min: '以上',
  max: '以内',
  range: '区间',
  qualitative: '定性',
};
export const LEVEL_LABELS: Record<RegionLevel, string> = {
  national: '全国',
  province: '省级',
  prefecture: '地市级',
  county: '区县级',
  township: '乡镇级',
};
export const STAGE_LABELS: Record<Stage, string> = {
  signed: '签约',
  started: '开工',
  under_construction: '在建',
  completed: '竣工',
  in_production: '投产',
  planned: '计划',
};
export const STATUS_LABELS: Record<TargetStatus, string> = {
  met: '达成',
  missed: '未达成',
  pending: '待公布',
  unknown: '不可比',
};

export function isDocType(value: string | null | undefined): value is DocType {
  return value != null && Object.prototype.hasOwnProperty.call(DOC_TYPE_LABELS, value);
}
export function isMeasure(value: string | null | undefined): value is Measure {
  return value != null && Object.prototype.hasOwnProperty.call(MEASURE_LABELS, value);
}
export function isFrequency(value: string | null | undefined): value is Frequency {
  return value != null && Object.prototype.hasOwnProperty.call(FREQUENCY_LABELS, value);
}

export function docTypeLabel(type: string): string {
  return isDocType(type) ? DOC_TYPE_LABELS[type] : type;
}
export function levelLabel(level: string | null | undefined): string {
  if (level == null) return '';
  return (LEVEL_LABELS as Record<string, string>)[level] ?? level;
}

const CN_QUARTERS = ['一', '二', '三', '四'];

/** `2020` 2020年, `2020H1` 2020年上半年, `2020Q2` 2020年二季度, `2020M01-05` 2020年1—5月, `2016-2020` 2016—2020年. */
export function periodLabel(period: string | null | undefined): string {
  if (!period) return '';
  let m = /^(\d{4})$/.exec(period);
  if (m) return `${m[1]}年`;
  m = /^(\d{4})H([12])$/.exec(period);
  if (m) return `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`;
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return `${m[1]}年${CN_QUARTERS[Number(m[2]) - 1]}季度`;
  m = /^(\d{4})M(\d{2})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}—${Number(m[3])}月`;
  m = /^(\d{4})M(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-(\d{4})$/.exec(period);
  if (m) return `${m[1]}—${m[2]}年`;
  return period;
}

/** Orders periods on a time line: by start, then by end (2020Q1 < 2020H1 < 2020 < 2020Q2). */
export function periodSortKey(period: string): [number, number] {
  const ym = (y: string, mo: number) => Number(y) * 12 + mo;
  let m = /^(\d{4})$/.exec(period);
  if (m) return [ym(m[1]!, 0), ym(m[1]!, 11)];
  m = /^(\d{4})H([12])$/.exec(period);
  if (m) return m[2] === '1' ? [ym(m[1]!, 0), ym(m[1]!, 5)] : [ym(m[1]!, 6), ym(m[1]!, 11)];
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) {
    const q = Number(m[2]) - 1;
    return [ym(m[1]!, q * 3), ym(m[1]!, q * 3 + 2)];
  }
  m = /^(\d{4})M(\d{2})(?:-(\d{2}))?$/.exec(period);
  if (m) return [ym(m[1]!, Number(m[2]) - 1), ym(m[1]!, Number(m[3] ?? m[2]) - 1)];
  m = /^(\d{4})-(\d{4})$/.exec(period);
  if (m) return [ym(m[1]!, 0), ym(m[2]!, 11)];
  return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

export function comparePeriods(a: string, b: string): number {
  const [a0, a1] = periodSortKey(a);
  const [b0, b1] = periodSortKey(b);
  return a1 - b1 || b0 - a0 || a.localeCompare(b);
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

export function formatNumber(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return numberFormat.format(value);
}

type ValueLike = Pick<StoredFact, 'value' | 'value_high' | 'unit' | 'qualifier' | 'text'>;

/** The value as the report says it: `约8%`, `5%以内`, `6—7%`, `1000亿元以上`, or the qualitative text. */
export function valueText(v: ValueLike, withUnit = true): string {
  const unit = withUnit ? v.unit : '';
  if (v.qualifier === 'qualitative' || v.value == null) return v.text ?? '—';
  const n = formatNumber(v.value);
  switch (v.qualifier) {
    case 'approx':
      return `约${n}${unit}`;
    case 'min':
      return `${n}${unit}以上`;
    case 'max':
      return `${n}${unit}以内`;
    case 'range':
      return v.value_high != null ? `${n}—${formatNumber(v.value_high)}${unit}` : `${n}${unit}`;
    default:
      return `${n}${unit}`;
  }
}

export function pointValueText(p: SeriesPoint | null | undefined): string {
  if (!p) return '—';
  return valueText(p) + (p.estimated ? '（预计）' : '');
}

export function qualifierLabel(q: string): string {
  return (QUALIFIER_LABELS as Record<string, string>)[q] ?? q;
}
export function measureLabel(m: string): string {
  return (MEASURE_LABELS as Record<string, string>)[m] ?? m;
}
export function frequencyLabel(f: string | null | undefined): string {
  if (f == null) return '';
  return (FREQUENCY_LABELS as Record<string, string>)[f] ?? f;
}
/** A series as named on cards and captions: `地区生产总值 · 增速 · 年度` (label left out when empty). */
export function seriesName(s: { label?: string; measure: string; frequency?: string | null }): string {
  return [s.label, measureLabel(s.measure), frequencyLabel(s.frequency)].filter(Boolean).join(' · ');
}
export function kindLabel(k: string): string {
  return (KIND_LABELS as Record<string, string>)[k] ?? k;
}
export function stageLabel(s: string): string {
  return (STAGE_LABELS as Record<string, string>)[s] ?? s;
}
