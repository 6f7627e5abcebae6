// Lines into paragraphs: column edges, line spacing, what starts a
// paragraph, and the text with the offset where each page begins.

import {
  HANGING,
  HEADING,
  INDENT,
  SENTENCE_END,
  isAsciiLetter,
  lastChar,
  leadWidth,
  median,
  type Line,
  type PageLine,
  type PdfText,
} from './items.js';

interface Edges {
  left: number;
  right: number;
}

/** Paragraphs from lines: the text and, per page, the offset where it begins. */
export function assemble(pages: PageLine[][], pageCount: number): PdfText {
  const all = pages.flat();
  // The body size: the size most characters are set in.
  const weight = new Map<number, number>();
  for (const l of all) if (!l.cells) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let body = 10;
  let bw = -1;
  for (const [s, w] of weight) if (w > bw) [body, bw] = [s, w];
  const isBody = (l: Line) => !l.cells && Math.abs(l.size - body) <= 0.12 * body;

  // Column edges per page and region, with the document's as a fallback.
  const edgeOf = (ls: Line[]): Edges | null => {
    if (ls.length === 0) return null;
    let left = Infinity;
    let all = -Infinity;
    // Punctuation may hang past the right edge.
    let flush = -Infinity;
    for (const l of ls) {
      left = Math.min(left, l.x0);
      all = Math.max(all, l.x1);
      if (!HANGING.has(lastChar(l.text))) flush = Math.max(flush, l.x1);
    }
    return { left, right: all - flush <= 1.2 * body ? flush : all };
  };
  const pageEdges = pages.map((ls) => {
    const b = ls.filter(isBody);
    const m = new Map<number, { e: Edges | null; n: number }>();
    for (const region of [0, 1, 2] as const) {
      const rs = region === 0 ? b : b.filter((l) => l.region === region);
      m.set(region, { e: edgeOf(rs), n: rs.length });
    }
    return m;
  });
  const docEdges = new Map<number, Edges | null>();
  for (const region of [0, 1, 2]) {
    const es = pageEdges.map((m) => m.get(region)!).filter((x) => x.e && x.n >= 4);
    docEdges.set(
      region,
      es.length
        ? { left: median(es.map((x) => x.e!.left)), right: median(es.map((x) => x.e!.right)) }
        : edgeOf(all.filter((l) => isBody(l) && (region === 0 || l.region === region))),
    );
  }
  const edgesOf = (l: PageLine): Edges => {
    const pe = pageEdges[l.page]!.get(l.region)!;
    if (pe.e && pe.n >= 4) return pe.e;
    const de = docEdges.get(l.region) ?? null;
    if (de) return de;
    if (pe.e) return pe.e;
    return { left: l.x0, right: l.x1 };
  };

  // Line spacing by font size.
  const pitches = new Map<number, number[]>();
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (a.cells || b.cells || a.page !== b.page || a.section !== b.section || Math.abs(a.size - b.size) > 0.05 * b.size) continue;
    const dy = b.y - a.y;
    if (dy > 0.5 * b.size && dy < 4 * b.size) {
      const k = Math.round(b.size * 2) / 2;
      let arr = pitches.get(k);
      if (!arr) pitches.set(k, (arr = []));
      arr.push(dy);
    }
  }
  const pitchBySize = new Map<number, number>();
  for (const [k, arr] of pitches) if (arr.length >= 3) pitchBySize.set(k, median(arr));
  const bodyPitch = pitchBySize.get(body) ?? (median(pitches.get(body) ?? []) || 1.5 * body);
  const pitchOf = (size: number) => pitchBySize.get(Math.round(size * 2) / 2) ?? (bodyPitch * size) / body;

  // Does the document mark its paragraphs (by an indent or a gap after a
  // line that ends well short)? Then a line ending a little short (before a
  // long word or number, or a run of marks the line breaker kept together)
  // does not end a paragraph; only one ending far short.
  let shortEnds = 0;
  let indentAfter = 0;
  let gapAfter = 0;
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (a.cells || b.cells || a.page !== b.page || a.section !== b.section) continue;
    if (Math.abs(a.size - b.size) > 0.08 * b.size) continue;
    if (edgesOf(a).right - a.x1 < 4 * a.size) continue;
    shortEnds++;
    if (b.x0 - edgesOf(b).left >= INDENT * b.size) indentAfter++;
    else if (b.y - a.y > 1.4 * pitchOf(b.size)) gapAfter++;
  }
  const byIndent = shortEnds >= 3 && indentAfter >= 0.7 * shortEnds;
  // A gap does not show across a column or page break.
  const byGap = shortEnds >= 3 && indentAfter + gapAfter >= 0.7 * shortEnds;

  const centred = (l: Line, e: Edges) => Math.abs((l.x0 + l.x1) / 2 - (e.left + e.right) / 2) <= l.size;

  const startsParagraph = (prev: PageLine | null, cur: PageLine): boolean => {
    if (!prev || prev.cells || cur.cells) return true;
    if (Math.abs(prev.size - cur.size) > 0.08 * Math.max(prev.size, cur.size)) return true;
    const em = cur.size;
    const sameBlock = prev.page === cur.page && prev.section === cur.section && prev.region === cur.region;
    if (sameBlock) {
      const dy = cur.y - prev.y;
      if (dy <= 0.3 * em || dy > 1.4 * pitchOf(cur.size)) return true;
    }
    const e = edgesOf(cur);
    const ep = edgesOf(prev);
    const lead = leadWidth(cur.text) * em;
    // A title set centred over several lines.
    if (cur.size >= 1.15 * body && centred(prev, ep) && centred(cur, e)) {
      return prev.x1 - prev.x0 < ep.right - ep.left - lead - em;
    }
    if (cur.x0 - e.left >= INDENT * em) return true;
    const short = byIndent || (byGap && sameBlock) ? Math.max(lead + 0.5 * em, 0.25 * (ep.right - ep.left)) : lead + 0.5 * em;
    if (ep.right - prev.x1 >= short) return true;
    if (HEADING.test(cur.text) && cur.font !== prev.font && SENTENCE_END.test(prev.text)) return true;
    return false;
  };

  const paras: { text: string; page: number; table: boolean }[] = [];
  const append = (k: number, text: string) => {
    const p = paras[k]!;
    p.text += (isAsciiLetter(lastChar(p.text)) && isAsciiLetter(text[0]) ? ' ' : '') + text;
  };
  let prev: PageLine | null = null;
  /** The last line of text (not table) and its paragraph. */
  let lastText: { line: PageLine; para: number } | null = null;
  for (const l of all) {
    if (!l.text) continue;
    if (l.cells) {
      // A bar closes every row, as scraped report tables write them: a two-cell
      // row (完成数 | 增长% |) must still read as a table row.
      paras.push({ text: `${l.text} |`, page: l.page, table: true });
    } else if (
      // A paragraph of a column goes on past a table across the page.
      prev?.cells &&
      lastText &&
      lastText.line.region !== 0 &&
      l.region !== 0 &&
      !startsParagraph(lastText.line, l)
    ) {
      append(lastText.para, l.text);
      lastText = { line: l, para: lastText.para };
    } else if (!prev || startsParagraph(prev, l)) {
      paras.push({ text: l.text, page: l.page, table: false });
      lastText = { line: l, para: paras.length - 1 };
    } else {
      // prev is a line of text: lastText is its paragraph.
      append(lastText!.para, l.text);
      lastText = { line: l, para: lastText!.para };
    }
    prev = l;
  }

  let text = '';
  const starts: number[] = [];
  for (const p of paras) {
    if (text) text += '\n';
    // A stray '|' would make a paragraph read as a table row.
    const t = !p.table && (p.text.match(/\|/g) ?? []).length >= 2 ? p.text.replace(/\|/g, '｜') : p.text;
    starts.push(text.length);
    text += t;
  }
  const pageStarts: number[] = [];
  let j = 0;
  for (let k = 0; k < pageCount; k++) {
    while (j < paras.length && paras[j]!.page < k) j++;
    pageStarts.push(k === 0 ? 0 : j < paras.length ? starts[j]! : text.length);
  }
  return { text, pages: pageStarts };
}
