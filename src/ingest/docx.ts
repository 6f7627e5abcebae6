// Word .docx → HTML. A .docx is a zip archive, and zip archives can be built
// to expand to gigabytes (zip bombs) or to lie about their sizes, so the
// archive is checked with yauzl BEFORE mammoth (which inflates whole parts into
// memory with JSZip) ever sees it:
//   1. sniff the first bytes: old .doc / encrypted Word (OLE), HTML, RTF, PDF
//      saved with a .docx name get a reason of their own;
//   2. read the central directory only: entry count, every declared size, the
//      declared total and every declared compression ratio against the limits
//      (an honest bomb is refused here, nothing inflated);
//   3. make sure JSZip (inside mammoth) will see exactly the directory yauzl
//      checked (no hidden extra entries, no shifted offsets);
//   4. stream-inflate every deflated entry into a byte counter that aborts as
//      soon as the count passes the entry's declared size (a lying bomb is
//      refused after at most one 16 KB chunk past the declared size; nothing
//      is kept: memory stays at a few zlib buffers).
// Only then mammoth converts the body; images are dropped unread.

import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputError, formatMB } from './errors.js';

export interface DocxLimits {
  /** Largest uncompressed size of any one entry (default 64 MB). */
  maxEntryBytes?: number;
  /** Largest total uncompressed size (default 128 MB). */
  maxTotalBytes?: number;
  /** Largest compression ratio of an entry bigger than 1 MB (default 100). */
  maxRatio?: number;
  /** Most entries (default 10,000). */
  maxEntries?: number;
}

const MB = 1024 * 1024;
const DEFAULT_LIMITS: Required<DocxLimits> = {
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 128 * MB,
  maxRatio: 100,
  maxEntries: 10_000,
};
/** Entries at most this big are never refused for their ratio (small XML parts compress very well). */
const RATIO_FLOOR = MB;

/** Heading styles kept as h1–h4, English and Chinese (WPS and localized Word write 标题 1). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Heading 1'] => h1:fresh",
  "p[style-name='Heading 2'] => h2:fresh",
  "p[style-name='Heading 3'] => h3:fresh",
  "p[style-name='Heading 4'] => h4:fresh",
  "p[style-name='heading 1'] => h1:fresh",
  "p[style-name='heading 2'] => h2:fresh",
  "p[style-name='heading 3'] => h3:fresh",
  "p[style-name='heading 4'] => h4:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题1'] => h1:fresh",
  "p[style-name='标题2'] => h2:fresh",
  "p[style-name='标题3'] => h3:fresh",
  "p[style-name='标题4'] => h4:fresh",
];

/** Images become `<img src="">` without their bytes ever being read. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** A .docx file's body as HTML (paragraphs, headings h1–h6, tables, lists), after checking the archive is safe to open. */
export async function docxToHtml(bytes: Buffer, file: string, limits?: DocxLimits): Promise<string> {
  const lim: Required<DocxLimits> = { ...DEFAULT_LIMITS, ...definedOnly(limits) };
  const notZip = sniffNonZip(bytes);
  if (notZip !== null) throw new InputError(file, notZip);
  await checkArchive(bytes, file, lim);

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, {
      styleMap: STYLE_MAP,
      // a document must not bring its own HTML mapping (mammoth/style-map part)
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      convertImage: NO_IMAGES,
    });
    html = result.value;
  } catch (e) {
    throw new InputError(file, `damaged .docx file (${shortMessage(e)})`);
  }
  return html;
}

function definedOnly(limits: DocxLimits | undefined): DocxLimits {
  const out: DocxLimits = {};
  if (!limits) return out;
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof DocxLimits>) {
    const v = limits[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------
// 1. Sniffing

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** null when the bytes start like a zip; otherwise the reason to refuse them. */
function sniffNonZip(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'not a Word .docx file (empty file)';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const a = bytes[2];
    const b = bytes[3];
    // local file header, empty archive, spanned archive marker
    if ((a === 3 && b === 4) || (a === 5 && b === 6) || (a === 7 && b === 8)) return null;
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    // Office "Agile"/"Standard" encryption wraps the real .docx in an OLE file
    // whose directory names the stream EncryptedPackage (UTF-16LE).
    if (bytes.includes(ENCRYPTED_PACKAGE)) return 'encrypted Word file (password required)';
    return 'legacy Word .doc format is not supported (save it as .docx)';
  }
  const head = headText(bytes);
  if (head.startsWith('{\\rtf')) return 'not a Word .docx file (it is an RTF file)';
  if (head.startsWith('%PDF-')) return 'not a Word .docx file (it is a PDF file)';
  const lower = head.toLowerCase();
  if (lower.startsWith('<') && /<!doctype\s+html|<html[\s>]/.test(lower)) {
    return 'not a Word .docx file (it is an HTML page)';
  }
  if (/^mime-version:/m.test(lower.slice(0, 512)) && lower.includes('multipart/related')) {
    return 'not a Word .docx file (it is a saved web page, .mht)';
  }
  if (lower.startsWith('<?xml') && (lower.includes('word.document') || lower.includes('<w:worddocument'))) {
    return 'not a Word .docx file (it is a Word 2003 XML file)';
  }
  return 'not a Word .docx file';
}

/** The first KB as text, BOM and leading whitespace dropped. */
function headText(bytes: Buffer): string {
  const head = bytes.subarray(0, 1024);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) {
    const swapped = Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1)));
    text = swapped.swap16().toString('utf16le');
  } else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) text = head.subarray(3).toString('utf8');
  else text = head.toString('latin1');
  return text.replace(/^\s+/, '');
}

// ---------------------------------------------------------------------------
// 2–3. The archive

class Refusal extends Error {}

/** An entry whose data inflates past the size its headers declare. */
const LYING_BOMB = 'refused: the archive expands to more than its headers declare (zip bomb?)';

function bombBySize(limit: number): Refusal {
  return new Refusal(`refused: the archive expands to more than ${formatMB(limit)} MB (zip bomb?)`);
}

/** Opens the zip, checks its directory against the limits and stream-inflates every deflated entry. */
async function checkArchive(bytes: Buffer, file: string, lim: Required<DocxLimits>): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, z) =>
        err ? reject(err) : resolve(z),
      );
    });
  } catch (e) {
    throw new InputError(file, damagedReason(e));
  }
  try {
    if (zip.entryCount > lim.maxEntries) {
      throw new Refusal(`refused: the archive has more than ${lim.maxEntries} entries (zip bomb?)`);
    }
    const toInflate = await readDirectory(zip, lim);
    const cursor = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
    if (!jszipSeesTheSameDirectory(bytes, cursor)) throw new Error('inconsistent zip directory');
    for (const entry of toInflate) await inflateAndCount(zip, entry);
  } catch (e) {
    if (e instanceof Refusal) throw new InputError(file, e.message);
    throw new InputError(file, damagedReason(e));
  } finally {
    zip.close();
  }
}

/** Reads the central directory (no data), refusing what the limits forbid; returns the deflated entries. */
function readDirectory(zip: ZipFile, lim: Required<DocxLimits>): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const deflated: Entry[] = [];
    let total = 0;
    let hasDocument = false;
    let settled = false;
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      zip.removeAllListeners('entry');
      reject(e);
    };
    zip.on('error', fail);
    zip.on('entry', (entry: Entry) => {
      if (settled) return;
      const size = entry.uncompressedSize;
      if (size > lim.maxEntryBytes) return fail(bombBySize(lim.maxEntryBytes));
      total += size;
      if (total > lim.maxTotalBytes) return fail(bombBySize(lim.maxTotalBytes));
      if (size > RATIO_FLOOR && size > entry.compressedSize * lim.maxRatio) {
        return fail(new Refusal(`refused: an entry is compressed more than ${lim.maxRatio}× (zip bomb?)`));
      }
      if (entry.isEncrypted()) return fail(new Error('a zip entry is encrypted'));
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      // Stored entries cannot lie (yauzl checked compressed == uncompressed);
      // other methods JSZip cannot open at all, so mammoth fails cleanly.
      if (entry.compressionMethod === 8) deflated.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => {
      if (settled) return;
      settled = true;
      if (!hasDocument) reject(new Refusal('not a Word document (no word/document.xml)'));
      else resolve(deflated);
    });
    zip.readEntry();
  });
}

const EOCD_SIG = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_LOCATOR_SIG = Buffer.from([0x50, 0x4b, 0x06, 0x07]);

/**
 * mammoth opens the archive again with JSZip, which reads zip structure a
 * little differently from yauzl: it takes every central-directory header it
 * finds (not just the declared count), shifts all offsets when the directory
 * does not end where the end record says, and finds the zip64 records by
 * searching. A crafted file could so show JSZip entries yauzl never checked.
 * Accept only archives where both must read the same directory: the end
 * record is the last one in the file, the directory is exactly
 * [offset, offset + size) as declared, yauzl's last entry ends right there,
 * and both agree on whether it is zip64.
 */
function jszipSeesTheSameDirectory(bytes: Buffer, cursor: number): boolean {
  const eocd = bytes.lastIndexOf(EOCD_SIG);
  if (eocd < 0 || eocd + 22 > bytes.length) return false;
  let cdSize = bytes.readUInt32LE(eocd + 12);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  const maxed =
    bytes.readUInt16LE(eocd + 4) === 0xffff ||
    bytes.readUInt16LE(eocd + 6) === 0xffff ||
    bytes.readUInt16LE(eocd + 8) === 0xffff ||
    bytes.readUInt16LE(eocd + 10) === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff;
  const locator = eocd - 20;
  const hasLocator = locator >= 0 && bytes.readUInt32LE(locator) === 0x07064b50;
  if (hasLocator !== maxed) return false; // yauzl keys zip64 on the locator, JSZip on the maxed fields
  let end = eocd;
  if (hasLocator) {
    if (bytes.lastIndexOf(ZIP64_LOCATOR_SIG) !== locator) return false;
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (!(record >= 0 && record + 56 <= locator) || bytes.readUInt32LE(record) !== 0x06064b50) return false;
    if (record + 12 + Number(bytes.readBigUInt64LE(record + 4)) + 20 !== eocd) return false;
    cdSize = Number(bytes.readBigUInt64LE(record + 40));
    cdOffset = Number(bytes.readBigUInt64LE(record + 48));
    end = record;
  }
  return cdOffset + cdSize === end && cursor === end;
}

/**
 * Inflates one entry into a counter that keeps nothing, failing as soon as
 * the output passes the declared size (already checked against the limits).
 */
/** Parts up to this size are inflated in one call (bounded by their declared size); larger ones are streamed. */
const INFLATE_AT_ONCE = 4 * MB;

async function inflateAndCount(zip: ZipFile, entry: Entry): Promise<void> {
  const raw = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, { decodeFileData: false }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  const declared = entry.uncompressedSize;
  if (declared <= INFLATE_AT_ONCE) {
    // A small part: one synchronous inflate that may not write a byte past
    // what the headers declare (a thread-pool round trip per chunk costs more
    // than the work on the small parts of a report).
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(Buffer.concat(chunks), { maxOutputLength: Math.max(1, declared + 1) });
    } catch (e) {
      if (e instanceof RangeError) throw new Refusal(LYING_BOMB);
      throw e;
    }
    if (inflated.length > declared) throw new Refusal(LYING_BOMB);
    if (inflated.length < declared) throw new Error(`${entry.fileName} is shorter than declared`);
    return;
  }
  let count = 0;
  const counter = new Writable({
    write(chunk: Buffer, _enc, cb) {
      count += chunk.length;
      if (count > declared) cb(new Refusal(LYING_BOMB));
      else cb();
    },
  });
  await pipeline(raw, createInflateRaw(), counter);
  if (count < declared) throw new Error(`${entry.fileName} is shorter than declared`);
}

// ---------------------------------------------------------------------------
// Reasons

function damagedReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/too many bytes in the stream/i.test(msg)) return LYING_BOMB;
  return `damaged .docx file (${shortMessage(e)})`;
}

/** A yauzl / zlib / JSZip / mammoth error as a few words. */
function shortMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  if (/end of central directory record signature not found/i.test(msg)) return 'truncated or not a zip archive';
  if (/end of central directory|central directory/i.test(msg) && /can't find|corrupted/i.test(msg)) {
    return 'truncated or not a zip archive';
  }
  if (/invalid .*signature|invalid zip64/i.test(msg)) return 'broken zip structure';
  if (/invalid comment length/i.test(msg)) return 'extra bytes after the end of the archive';
  if (/unexpected EOF|overflows file bounds|unexpected end of file/i.test(msg) || code === 'Z_BUF_ERROR') {
    return 'truncated';
  }
  if (/^Z_|invalid (block type|stored block|distance|code|literal)|incorrect header/i.test(msg) || code === 'Z_DATA_ERROR') {
    return 'corrupt compressed data';
  }
  if (/xmldom|parse error|not well-formed|unclosed|invalid tagname/i.test(msg)) return 'invalid XML inside the archive';
  if (/multi-disk/i.test(msg)) return 'split (multi-part) zip archives are not supported';
  if (/encrypt/i.test(msg)) return 'a zip entry is encrypted';
  if (/unsupported compression method/i.test(msg)) return 'unsupported compression method';
  const first = (msg.split('\n')[0] ?? '').trim().replace(/[.:]+$/, '');
  return first.length > 80 ? `${first.slice(0, 77)}...` : first || 'unreadable archive';
}
