// Bisection over things kept in text order (sentence ends, clause ends, dates, names).

/** The first index in [0, n) at which `before(i)` is false; `before` must be true up to some index and false after it. */
export function firstNotBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
