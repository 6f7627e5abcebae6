// A plain-text document rendered as each kind of file zhengbao reads: the
// fixtures of the format-parity test and of `npm run bench`. Renderers use
// the libraries a publisher would (pdfkit, docx), so the readers meet files
// they did not write themselves.
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { renderDocx } from './docx.js';
import { renderPortalHtml } from './html.js';
import { renderPdf } from './pdf.js';

export const FIXTURE_KINDS = ['html', 'pdf', 'pdf-2col', 'docx', 'gbk', 'big5-traditional'] as const;
export type FixtureKind = (typeof FIXTURE_KINDS)[number];

export interface Fixture {
  /** The file name's extension, with its dot. */
  extension: string;
  bytes: Buffer;
}

let toTraditional: ((s: string) => string) | null = null;

/** The text as a Taiwan reprint would write it (OpenCC mainland → Taiwan). */
export function traditionalOf(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

export async function renderFixture(kind: FixtureKind, text: string): Promise<Fixture> {
  switch (kind) {
    case 'html':
      return { extension: '.html', bytes: Buffer.from(renderPortalHtml(text), 'utf8') };
    case 'pdf':
      return { extension: '.pdf', bytes: await renderPdf(text, { columns: 1 }) };
    case 'pdf-2col':
      return { extension: '.pdf', bytes: await renderPdf(text, { columns: 2 }) };
    case 'docx':
      return { extension: '.docx', bytes: await renderDocx(text) };
    case 'gbk':
      return { extension: '.txt', bytes: iconv.encode(text, 'gbk') };
    case 'big5-traditional':
      return { extension: '.txt', bytes: iconv.encode(traditionalOf(text), 'big5') };
  }
}
