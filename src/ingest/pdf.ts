// PDF → plain text in reading order, with pdfjs-dist (legacy build, in the
// main thread).
//
// The text is what the extraction engine reads: one paragraph per line, a
// table row as `cell | cell | cell`. How the page becomes that text:
//
//   1. pdfjs text items (a run of glyphs with a position, a width and a font
//      size) are grouped into rows by baseline;
//   2. two-column pages: a vertical gutter is a band in the middle of the page
//      that no body text crosses while many rows end just left of it and many
//      begin just right of it (pages too short to show it use the gutter of
//      the document's other pages). Rows that cross the band (a title, a
//      full-width table) keep their place; between them, the left column is
//      read top to bottom, then the right one;
//   3. tables: a row whose items fall into two or more groups separated by
//      gaps of 1.5 characters or more, next to another such row with a
//      column edge in common, is a table row; rows of one table share its
//      columns (an empty cell between two others is kept);
//   4. running headers and footers (a line at the top or the foot of the page
//      repeated on two or more pages) and page numbers (`3`, `- 3 -`,
//      `— 3 —`, `第3页`, `第 3 页 共 10 页`, `3/10`) are dropped;
//   5. lines are joined into paragraphs: without a separator (Chinese), with
//      one space between two Latin letters (`increase` / `by`; never inside
//      a number: `670.` / `68亿元`). A line starts a paragraph when it is
//      indented, when the line before it ended short of the column's right
//      edge (short enough for the line's first word to have fitted there; in
//      a document that marks its paragraphs by indents or gaps, a quarter of
//      the column short), after a gap well above the line spacing, on a
//      change of font size, or when it starts like a heading (一、 （一） 1.)
//      in another font after a finished sentence. A paragraph goes on across
//      a column or page break, and in two columns past a table across the
//      page.
//
// Not done: text in images (no OCR), a table cell of several lines (each line
// reads as a row of its own), vertical (top-to-bottom) writing, more than two
// columns. Whitespace is what the PDF shows: a space that fell at a line
// break is gone unless it stood between two Latin letters.
//
// Every failure is an InputError with a reason a person can act on.
//
// Where each part lives, under ./pdf/: items.ts (types, thresholds, text
// items into rows and runs, letter spacing: step 1), gutter.ts (step 2),
// tables.ts (step 3), page.ts (one page into lines: columns and tables),
// furniture.ts (step 4), paragraphs.ts (step 5), layout.ts (the whole
// document). Here: loading pdfjs, reading a PDF's pages into text items, and
// the error mapping (pdfToText).

import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { InputError } from './errors.js';
import { layoutDocument } from './pdf/layout.js';
import type { PageInput, PdfText, TextItem } from './pdf/items.js';

export type { Line, PageInput, PdfText, TextItem } from './pdf/items.js';
export { unspace } from './pdf/items.js';
export type { Gutter } from './pdf/gutter.js';
export { layoutPage } from './pdf/page.js';
export { layoutDocument } from './pdf/layout.js';
export { pageAt } from './pages.js';

export interface PdfOptions {
  /** Most pages read (default 2000); a longer PDF is refused. */
  maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 2000;

// ------------------------------------------------------------------ pdfjs

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<Pdfjs> | null = null;

function pdfjs(): Promise<Pdfjs> {
  return (pdfjsLoading ??= (async () => {
    // While it loads, pdfjs warns on the console (`Warning: Cannot load
    // "@napi-rs/canvas"` when that optional package is missing): nothing a
    // user of zhengbao can act on.
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      log(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })());
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + sep;
const STANDARD_FONT_URL = join(PDFJS_DIR, 'standard_fonts') + sep;

function indexOfAscii(bytes: Uint8Array, ascii: string, from: number, to: number): number {
  const first = ascii.charCodeAt(0);
  outer: for (let i = Math.max(0, from); i <= Math.min(bytes.length, to) - ascii.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/\0/g, '').toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head);
}

function shortMessage(err: unknown): string {
  const m = String((err as Error | null)?.message ?? err ?? 'unknown error')
    .replace(/\s+/g, ' ')
    .trim();
  return m.length > 80 ? m.slice(0, 77) + '...' : m || 'unknown error';
}

/** Share of characters pdfjs could not map to Unicode (private use, U+FFFD). */
function unmappedShare(text: string): number {
  let bad = 0;
  let all = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    all++;
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) bad++;
  }
  return all ? bad / all : 0;
}

/** The text of a PDF in reading order. */
export async function pdfToText(bytes: Uint8Array, file: string, options: PdfOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (indexOfAscii(bytes, '%PDF-', 0, 1024) < 0) {
    throw new InputError(file, looksLikeHtml(bytes) ? 'not a PDF file (it is an HTML page)' : 'not a PDF file');
  }
  if (indexOfAscii(bytes, '%%EOF', bytes.length - 2048, bytes.length) < 0) {
    throw new InputError(file, 'truncated PDF (no end-of-file marker)');
  }

  const lib = await pdfjs();
  const task = lib.getDocument({
    // A copy: pdfjs takes the buffer over.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise> | null = null;
  try {
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as Error | null)?.name;
      if (name === 'PasswordException') throw new InputError(file, 'encrypted PDF (password required)');
      throw new InputError(file, `damaged PDF (${shortMessage(err)})`);
    }
    const n = doc.numPages;
    if (n > maxPages) throw new InputError(file, `too many pages (${n} > ${maxPages})`);
    const pages: PageInput[] = [];
    for (let p = 1; p <= n; p++) {
      let page;
      try {
        page = await doc.getPage(p);
      } catch (err) {
        throw new InputError(file, `damaged PDF (page ${p}: ${shortMessage(err)})`);
      }
      try {
        const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
        const content = await page.getTextContent({ disableNormalization: true });
        const raw: { str: string; t: number[]; w: number; h: number; font: string }[] = [];
        for (const it of content.items) {
          if (!('str' in it) || !it.str) continue;
          raw.push({ str: it.str, t: it.transform as number[], w: it.width, h: it.height, font: it.fontName });
        }
        pages.push(pageInput(raw, vx0, vy0, vx1, vy1, page.rotate));
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(file, `damaged PDF (page ${p}: ${shortMessage(err)})`);
      } finally {
        page.cleanup();
      }
    }
    const result = layoutDocument(pages);
    if (!result.text.trim()) throw new InputError(file, 'no text in PDF (scanned images? run OCR first)');
    if (unmappedShare(result.text) > 0.5) {
      throw new InputError(file, 'no readable text in PDF (its fonts have no Unicode map; run OCR first)');
    }
    return result;
  } finally {
    try {
      if (doc) await doc.destroy();
      else await task.destroy();
    } catch {
      // already torn down
    }
  }
}

/**
 * Page items in the page's reading frame: text turned by the page's /Rotate
 * or drawn turned (a landscape table) is turned back when most of the page's
 * text shares that direction; text at other angles (watermarks) is dropped.
 */
function pageInput(
  raw: { str: string; t: number[]; w: number; h: number; font: string }[],
  vx0: number,
  vy0: number,
  vx1: number,
  vy1: number,
  rotate: number,
): PageInput {
  // Direction of each run, in quarter turns.
  const quarter = (t: number[]) => {
    const a = Math.atan2(t[1] ?? 0, t[0] ?? 1);
    const q = Math.round(a / (Math.PI / 2));
    return Math.abs(a - q * (Math.PI / 2)) < 0.05 ? (((q % 4) + 4) % 4) : -1;
  };
  const votes = [0, 0, 0, 0];
  for (const r of raw) {
    const q = quarter(r.t);
    if (q >= 0) votes[q]! += r.str.length;
  }
  let dir = (((Math.round(rotate / 90) % 4) + 4) % 4);
  if (votes[dir]! * 2 < votes.reduce((a, b) => a + b, 0)) dir = votes.indexOf(Math.max(...votes));
  const W = vx1 - vx0;
  const H = vy1 - vy0;
  const items: TextItem[] = [];
  for (const r of raw) {
    if (quarter(r.t) !== dir) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = r.t;
    const size = Math.hypot(c, d) || r.h || Math.hypot(a, b);
    const px = e - vx0;
    const py = f - vy0;
    // Turn so the text runs left to right, top to bottom.
    let x: number;
    let y: number;
    switch (dir) {
      case 1: // runs upwards
        x = py;
        y = px;
        break;
      case 2:
        x = W - px;
        y = py;
        break;
      case 3: // runs downwards
        x = H - py;
        y = W - px;
        break;
      default:
        x = px;
        y = H - py;
    }
    items.push({ str: r.str, x, y, w: Math.abs(r.w), size, font: r.font });
  }
  const [width, height] = dir % 2 ? [H, W] : [W, H];
  return { width, height, items };
}
