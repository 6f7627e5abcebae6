// The document: pages of text items into reading-order text (the gutter of
// pages that show it serves the others; then furniture, then paragraphs).

import { dropFurniture } from './furniture.js';
import type { Gutter } from './gutter.js';
import { median, type PageInput, type PdfText } from './items.js';
import { analysePage, layoutRows } from './page.js';
import { assemble } from './paragraphs.js';

/** Reading-order text of pages of text items: columns, tables, headers and page numbers, paragraphs. */
export function layoutDocument(pages: readonly PageInput[]): PdfText {
  const analysed = pages.map(analysePage);
  // The gutter of pages that show it clearly serves the others.
  const strong = analysed.filter((p) => p.finding?.strong);
  const withText = analysed.filter((p) => p.rows.length >= 5).length;
  const docBand: Gutter | null =
    strong.length > 0 && strong.length >= 0.2 * withText
      ? { x0: median(strong.map((p) => p.finding!.x0)), x1: median(strong.map((p) => p.finding!.x1)) }
      : null;
  const lines = analysed.map((p, page) => {
    let band: Gutter | null = p.finding?.strong ? p.finding : null;
    if (!band && docBand && p.rows.some((r) => r.items.some((it) => it.x >= docBand.x1 - 1))) band = docBand;
    return layoutRows(p.rows, band).map((l) => ({ ...l, page }));
  });
  const kept = dropFurniture(
    lines,
    pages.map((p) => p.height),
  );
  return assemble(kept, pages.length);
}
