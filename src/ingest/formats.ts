// The formats zhengbao reads, and which one a file is. The extension names
// the format and the bytes must agree (a .pdf that is an HTML page is an
// error, not a guess); a file without a known extension is sniffed.
import { extname } from 'node:path';
import { Parser } from 'htmlparser2';
import type { FORMAT_NAMES } from '../schema.js';

export type Format = (typeof FORMAT_NAMES)[number];

export interface FormatInfo {
  extensions: string[];
  mediaType: string;
  /** What a person calls it, in errors: `no text in the PDF`. */
  label: string;
}

export const FORMATS: Record<Format, FormatInfo> = {
  text: { extensions: ['.txt', '.text'], mediaType: 'text/plain', label: 'text file' },
  html: { extensions: ['.html', '.htm', '.shtml', '.xhtml'], mediaType: 'text/html', label: 'web page' },
  pdf: { extensions: ['.pdf'], mediaType: 'application/pdf', label: 'PDF' },
  docx: {
    extensions: ['.docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word file',
  },
};

const BY_EXTENSION = new Map<string, Format>(
  (Object.keys(FORMATS) as Format[]).flatMap((f) => FORMATS[f].extensions.map((e) => [e, f] as [string, Format])),
);

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** The first bytes, as Latin-1 without leading whitespace or a BOM, lower case: enough to sniff. */
function head(bytes: Uint8Array, n = 1024): string {
  let s = Buffer.from(bytes.subarray(0, n)).toString('latin1');
  s = s.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  // UTF-16 pages: drop the NULs so the tags read.
  if (s.includes('\0')) s = s.replace(/\0/g, '');
  return s.trimStart().toLowerCase();
}

/** The bytes start like an HTML document (doctype, html, head, body or a comment before one). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const h = head(bytes);
  return /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--[\s\S]*?-->\s*<(!doctype html|html))/.test(h);
}

/** Files people have that zhengbao does not read, by their first bytes, with what to do instead. */
const UNSUPPORTED: Array<{ magic: number[]; reason: string }> = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], reason: 'legacy Office file (.doc, .xls, .wps) is not supported (save it as .docx or .pdf)' },
  { magic: [...'{\\rtf'].map((c) => c.charCodeAt(0)), reason: 'RTF is not supported (save it as .docx or .txt)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], reason: 'an image (PNG) has no text layer: run OCR first' },
  { magic: [0xff, 0xd8, 0xff], reason: 'an image (JPEG) has no text layer: run OCR first' },
  { magic: [...'GIF8'].map((c) => c.charCodeAt(0)), reason: 'an image (GIF) has no text layer: run OCR first' },
];

/** Why a file of another kind cannot be read, or null when it may be one zhengbao reads. */
export function unsupportedReason(bytes: Uint8Array): string | null {
  for (const { magic, reason } of UNSUPPORTED) if (magic.every((b, i) => bytes[i] === b)) return reason;
  return null;
}

/** The format a file is: by its extension, else by its first bytes. */
export function formatOf(path: string, bytes: Uint8Array): Format {
  const byName = BY_EXTENSION.get(extname(path).toLowerCase());
  if (byName) return byName;
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\x03\x04')) return 'docx';
  if (looksLikeHtml(bytes)) return 'html';
  return 'text';
}

/**
 * The charset a page declares in its first 4 KB (`<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`),
 * read with the HTML tokenizer; null when none.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  let found: string | null = null;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (found || name !== 'meta') return;
      if (attrs.charset) found = attrs.charset.trim();
      else if (attrs['http-equiv']?.toLowerCase() === 'content-type' && attrs.content) {
        const at = attrs.content.toLowerCase().indexOf('charset=');
        if (at >= 0) found = attrs.content.slice(at + 8).replace(/["';\s].*$/, '').trim();
      }
    },
  });
  parser.write(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
  parser.end();
  return found || null;
}
