// The indicator catalog (data/indicators.json) and a scanner that finds its
// names in text: a character trie, longest name from the earliest start, spaces
// inside a name tolerated (scraped tables write 地区生产 总值).
import { loadData } from '../data.js';

export interface Indicator {
  key: string;
  label: string;
  aliases: string[];
  /** What a bare X% after the name means. */
  percent: 'level' | 'growth';
  /** A level over a multi-year span is the span's total. */
  cumulative?: boolean;
  /** Unit dimensions a level may have (CNY, USD, person, %, ...). */
  dims: string[];
  /** Which way a result beats its target: higher unless the data says lower (失业率, 能耗). */
  better?: 'higher' | 'lower';
  /** The only units a level may be written in, where given (per-person amounts: 元, 万元). */
  units?: string[];
}

interface CatalogFile {
  indicators: Array<Indicator & { weak_aliases?: string[] }>;
  split: { tails: string[]; verbs: string[] };
  elided: { tails: string[] };
  merged: Record<string, string[]>;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  indicator?: Indicator;
}

// Spaces inside a name, and a line break of hard-wrapped text (全社会固定资产投\n资).
const SKIPPABLE = new Set([0x20, 0x3000, 0xa0, 0x0a, 0x0d]);

function bigram(a: number, b: number): number {
  return ((a * 40503) ^ b) & 0xfffff;
}

class Catalog {
  readonly indicators: Indicator[];
  readonly byKey = new Map<string, Indicator>();
  private readonly root: TrieNode = { next: new Map() };
  /** First characters of all names, for a fast reject while scanning. */
  private readonly first = new Uint8Array(65536);
  /** Hashed first two characters of all names: a second, sharper reject. */
  private readonly firstTwo = new Uint8Array(1 << 20);
  /** Every name -> its indicator (exact lookups, list completion). */
  readonly byAlias = new Map<string, Indicator>();
  /** Bare names that yield to the full name when both give a level (财政收入). */
  readonly weak = new Set<string>();
  /** Tail of a name -> the heads that complete it (产量 -> 粮食 -> grain_output), for elided names. */
  readonly elided = new Map<string, Map<string, Indicator>>();
  /** A word naming two indicators at once (存贷款 -> 存款, 贷款). */
  readonly merged: Record<string, string[]>;

  constructor(file: CatalogFile) {
    this.indicators = file.indicators;
    this.merged = file.merged;
    for (const ind of file.indicators) {
      this.byKey.set(ind.key, ind);
      for (const alias of ind.aliases) this.add(alias, ind);
      for (const w of ind.weak_aliases ?? []) this.weak.add(w);
    }
    // 第一产业实现增加值: a verb between the head and the tail of a name.
    for (const ind of file.indicators) {
      for (const alias of ind.aliases) {
        const tail = file.split.tails.find((t) => alias.endsWith(t) && alias.length - t.length >= 2);
        if (!tail) continue;
        const head = alias.slice(0, -tail.length);
        for (const v of file.split.verbs) if (!this.byAlias.has(head + v + tail)) this.add(head + v + tail, ind);
      }
    }
    for (const tail of file.elided.tails) {
      const heads = new Map<string, Indicator>();
      for (const [alias, ind] of this.byAlias) if (alias.endsWith(tail) && alias.length - tail.length >= 2) heads.set(alias.slice(0, -tail.length), ind);
      this.elided.set(tail, heads);
    }
  }

  private add(alias: string, ind: Indicator): void {
    this.byAlias.set(alias, ind);
    let node = this.root;
    for (let i = 0; i < alias.length; i++) {
      const c = alias.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map() };
        node.next.set(c, n);
      }
      node = n;
    }
    node.indicator = ind;
    this.first[alias.charCodeAt(0)] = 1;
    this.firstTwo[bigram(alias.charCodeAt(0), alias.charCodeAt(1))] = 1;
  }

  /** The longest catalog name starting exactly at `pos`, with its end. */
  matchAt(text: string, pos: number): { indicator: Indicator; end: number } | null {
    if (!this.first[text.charCodeAt(pos)]) return null;
    let node: TrieNode | undefined = this.root;
    let best: { indicator: Indicator; end: number } | null = null;
    let i = pos;
    while (i < text.length && node) {
      const c = text.charCodeAt(i);
      const n: TrieNode | undefined = node.next.get(c);
      if (!n) {
        // A space inside a name (not at its start): skip it.
        if (i > pos && SKIPPABLE.has(c)) {
          i++;
          continue;
        }
        break;
      }
      node = n;
      i++;
      if (node.indicator) best = { indicator: node.indicator, end: i };
    }
    return best;
  }

  /** Every catalog name in [from, to), left to right, non-overlapping. */
  scan(text: string, from = 0, to = text.length): IndicatorMention[] {
    const out: IndicatorMention[] = [];
    const first = this.first;
    const firstTwo = this.firstTwo;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (!first[c] || !firstTwo[bigram(c, text.charCodeAt(i + 1))]) continue;
      const m = this.matchAt(text, i);
      if (m && m.end <= to) {
        out.push({ indicator: m.indicator, start: i, end: m.end });
        i = m.end - 1;
      }
    }
    return out;
  }
}

export interface IndicatorMention {
  indicator: Indicator;
  start: number;
  end: number;
}

let catalog: Catalog | null = null;
export function getCatalog(): Catalog {
  catalog ??= new Catalog(loadData<CatalogFile>('indicators.json'));
  return catalog;
}

/** Look up an indicator by a name as written (a table cell, with spaces or scope words in brackets). */
export function indicatorOfName(name: string): Indicator | null {
  // 其中：规模以上工业增加值, 1.地区生产总值, （一）...: list markers stay out of the name.
  const clean = name.replace(/[\s\u3000]+/g, '').replace(/^(其中[:：]?|[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]|[①-⑩])/, '');
  const c = getCatalog();
  const exact = c.byAlias.get(clean);
  if (exact) return exact;
  // 固定资产投资(不含农户), 一般公共预算收入（亿元）: scope words in brackets stay out of the key.
  const bare = clean.replace(/[(（][^)）]*[)）]/g, '');
  return c.byAlias.get(bare) ?? null;
}

/** The Chinese name of an indicator key (gdp → 地区生产总值); the key itself when the catalog lacks it. */
export function labelOf(key: string): string {
  return getCatalog().byKey.get(key)?.label ?? key;
}
