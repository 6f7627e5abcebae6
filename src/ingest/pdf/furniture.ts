// Running headers and footers (a line at the top or the foot of the page
// repeated on two or more pages) and page numbers, dropped.

import { FOLIO_BAND, HEADER_BAND, type PageLine } from './items.js';

const FOLIO = [
  /^[-—–_~·•.\s]*\d{1,4}[-—–_~·•.\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

function isFolio(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 24) return false;
  if (FOLIO.some((re) => re.test(t))) return true;
  // Roman page numbers of front matter: ii, - IV -
  const roman = t.replace(/[-—–\s]/g, '');
  return roman.length > 0 && /^(x{0,3})(ix|iv|v?i{0,3})$/i.test(roman);
}

function normHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#').replace(/[…．.]+$/, '');
}

/** Drops running headers, footers and page numbers. */
export function dropFurniture(pages: PageLine[][], heights: number[]): PageLine[][] {
  const top = (l: PageLine) => l.y < HEADER_BAND * heights[l.page]!;
  const bottom = (l: PageLine) => l.y > (1 - HEADER_BAND) * heights[l.page]!;
  /** Lines among the first / last two baselines of the page. */
  const edgeLines = (ls: PageLine[]): { first: Set<PageLine>; last: Set<PageLine> } => {
    const ys = [...new Set(ls.map((l) => Math.round(l.y)))].sort((a, b) => a - b);
    const firstYs = ys.slice(0, 2);
    const lastYs = ys.slice(-2);
    return {
      first: new Set(ls.filter((l) => firstYs.includes(Math.round(l.y)))),
      last: new Set(ls.filter((l) => lastYs.includes(Math.round(l.y)))),
    };
  };
  const counts = new Map<string, Set<number>>();
  const edges = pages.map(edgeLines);
  pages.forEach((ls, p) => {
    for (const l of ls) {
      if (l.cells) continue;
      const isTop = edges[p]!.first.has(l) && top(l);
      const isBottom = edges[p]!.last.has(l) && bottom(l);
      if (!isTop && !isBottom) continue;
      const norm = normHeader(l.text);
      if ((norm.match(/\p{L}/gu) ?? []).length < 2) continue;
      const key = (isTop ? 't' : 'b') + norm;
      let s = counts.get(key);
      if (!s) counts.set(key, (s = new Set()));
      s.add(p);
    }
  });
  // The title printed again as the header of a one-page document.
  const firstBody = pages
    .flat()
    .filter((l) => !top(l) && !bottom(l) && !l.cells)
    .slice(0, 5)
    .map((l) => normHeader(l.text))
    .join('');
  return pages.map((ls, p) =>
    ls.filter((l) => {
      if (l.cells) return true;
      const h = heights[p]!;
      const { first, last } = edges[p]!;
      if ((first.has(l) && l.y < FOLIO_BAND * h) || (last.has(l) && l.y > (1 - FOLIO_BAND) * h)) {
        if (isFolio(l.text)) return false;
      }
      const isTop = first.has(l) && top(l);
      const isBottom = last.has(l) && bottom(l);
      if (!isTop && !isBottom) return true;
      const norm = normHeader(l.text);
      if ((counts.get((isTop ? 't' : 'b') + norm)?.size ?? 0) >= 2) return false;
      if (isTop && p === 0 && norm.length >= 4 && firstBody.startsWith(norm)) return false;
      return true;
    }),
  );
}
