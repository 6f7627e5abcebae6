// Units of measure: the written unit, its dimension and its factor to the base
// unit (亿元 -> 1e8 元). The table is data/units.json.
import { loadData } from '../data.js';

interface UnitsFile {
  units: Record<string, [string, number]>;
  traditional: Record<string, string>;
}

const file = loadData<UnitsFile>('units.json');

/** Simplified spelling of a unit as written (億元 -> 亿元, ％ -> %). */
export function normalizeUnit(unit: string): string {
  let out = '';
  for (const ch of unit) out += file.traditional[ch] ?? (ch === '％' ? '%' : ch);
  return out;
}

export function unitInfo(unit: string): { dimension: string; factor: number } | null {
  const u = file.units[normalizeUnit(unit)];
  return u ? { dimension: u[0], factor: u[1] } : null;
}

/** A value in the base unit of its dimension (670.68 亿元 -> 67068000000), or null when the unit is unknown. */
export function toBase(value: number | null, unit: string): number | null {
  if (value === null) return null;
  const info = unitInfo(unit);
  if (!info) return null;
  // Round away binary noise (0.1 * 1e8) without losing meaningful digits.
  return Number((value * info.factor).toPrecision(15));
}

export function baseUnitOf(unit: string): string | null {
  const info = unitInfo(unit);
  if (!info) return null;
  return { CNY: '元', USD: '美元', person: '人', visit: '人次', household: '户', unit: '个', '%': '%', kg: '公斤', m2: '平方米', mu: '亩' }[info.dimension] ?? null;
}

/** All written units, longest first: what the number grammar tries after a number. */
export const KNOWN_UNITS: readonly string[] = Object.keys(file.units).sort((a, b) => b.length - a.length);
