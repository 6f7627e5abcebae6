// Pages of a document read from a paged file (PDF): where each begins in the
// text, and which page holds an offset.

/** The 1-based page holding `offset`, given where each page begins (pages[k] = offset of page k + 1). */
export function pageAt(pages: readonly number[], offset: number): number {
  if (pages.length === 0) return 1;
  // The last page beginning at or before the offset.
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
