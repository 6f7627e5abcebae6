// Finding regions by what the user types: part of a name (岳阳), a code prefix
// (4306), or the name of a province or city above it (湖南 finds its counties).
// Shared by the regions list and the compare page's picker; pure, so it is unit-tested.

export interface RegionLike {
  code: string;
  name: string | null;
  level: string | null;
  fact_count: number;
}

/** Codes of the regions above a code: 430602 → 430600, 430000; 430602001000 → 430602, 430600, 430000. */
export function ancestorCodes(code: string): string[] {
  if (!/^\d{6}(\d{6})?$/.test(code)) return [];
  const six = code.slice(0, 6);
  const out: string[] = [];
  if (code.length === 12) out.push(six);
  const prefecture = six.slice(0, 4) + '00';
  const province = six.slice(0, 2) + '0000';
  if (prefecture !== six) out.push(prefecture);
  if (province !== six && province !== prefecture) out.push(province);
  return out.filter((c) => c !== code);
}

export interface RegionIndex<R extends RegionLike> {
  /** Every region, most facts first (then by code). */
  ordered: R[];
  /** Names of the listed regions above each region, nearest last: `湖南省 · 岳阳市`. */
  parentOf(code: string): string;
  /** Regions matching the query, best first; every region when the query is blank. */
  find(query: string): R[];
}

interface Entry<R> {
  region: R;
  name: string;
  parents: string;
}

const byFacts = (a: RegionLike, b: RegionLike): number => b.fact_count - a.fact_count || a.code.localeCompare(b.code);

/** Normalized query terms: lower case, split on spaces and common separators. */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s,，、;；/]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** How well one term fits a region (lower is better), or -1 for no match. */
function termRank(entry: Entry<RegionLike>, term: string): number {
  const { name, parents } = entry;
  const code = entry.region.code;
  if (name === term) return 0;
  if (name.startsWith(term)) return 1;
  if (/^\d+$/.test(term) && code.startsWith(term)) return code === term ? 0 : 2;
  if (name.includes(term)) return 3;
  if (parents.includes(term)) return 4;
  if (/^\d+$/.test(term) && code.includes(term)) return 5;
  return -1;
}

export function regionIndex<R extends RegionLike>(items: readonly R[]): RegionIndex<R> {
  const byCode = new Map(items.map((r) => [r.code, r]));
  const parentNames = new Map<string, string>();
  const parentOf = (code: string): string => {
    let s = parentNames.get(code);
    if (s === undefined) {
      s = ancestorCodes(code)
        .reverse()
        .map((c) => byCode.get(c)?.name)
        .filter((n): n is string => !!n)
        .join(' · ');
      parentNames.set(code, s);
    }
    return s;
  };
  const ordered = [...items].sort(byFacts);
  const entries: Entry<R>[] = ordered.map((region) => ({
    region,
    name: (region.name ?? '').toLowerCase(),
    parents: parentOf(region.code).toLowerCase(),
  }));
  return {
    ordered,
    parentOf,
    find(query) {
      const terms = queryTerms(query);
      if (terms.length === 0) return ordered;
      const hits: { region: R; rank: number; i: number }[] = [];
      entries.forEach((entry, i) => {
        let rank = 0;
        for (const term of terms) {
          const r = termRank(entry, term);
          if (r < 0) return;
          rank = Math.max(rank, r);
        }
        hits.push({ region: entry.region, rank, i });
      });
      // An exact name or code first, then regions with data before those without,
      // then by how well the name fits, then most facts.
      const key = (h: { region: R; rank: number }) => (h.rank === 0 ? 0 : h.region.fact_count > 0 ? 1 : 2);
      hits.sort((a, b) => key(a) - key(b) || a.rank - b.rank || a.i - b.i);
      return hits.map((h) => h.region);
    },
  };
}
