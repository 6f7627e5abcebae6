// A file path -> the document text, and the file it came from.
//
// The format is named by the extension and checked against the bytes
// (formats.ts): a web page gives the text of its article (html.ts), a PDF its
// text in reading order with where each page begins (pdf.ts), a Word file its
// paragraphs and tables (docx.ts), and a text file its text exactly as it is
// in the file, decoded as below. Offsets of facts refer to that text.
//
// For text files:
// No normalisation of any kind happens here: no Unicode normalisation, no
// full-width/half-width folding, no line-ending conversion, no trimming. Every
// span the system reports is `[start, end)` in UTF-16 code units of the `text`
// returned by `readDocument`, so this text is the ground truth for offsets.
//
// The one exception is a byte-order mark: a leading BOM (UTF-8 EF BB BF,
// UTF-16 FF FE / FE FF, GB18030 84 31 95 33) is *not* part of `text`, so
// offsets count from the first character after the BOM. (`bytes` and `sha256`
// still cover the whole file, BOM included.)
//
// Detection order, when no encoding is forced:
//   1. a BOM (UTF-8, UTF-16 LE, UTF-16 BE);
//   2. NUL bytes: UTF-16 without a BOM (NULs mostly in one parity and the
//      decoded text is sensible), otherwise a binary file;
//   3. strict UTF-8 (pure ASCII is reported as 'utf-8');
//   4. GB18030 (a superset of GBK and GB2312: Chinese government text in a
//      legacy encoding is almost always GBK). Big5 is chosen instead only when
//      chardet is confident it is Big5 and the GB18030 reading looks wrong;
//   5. UTF-16 without a BOM and without NULs (pure CJK text), last resort.
// A decoding is rejected when too many of its characters are U+FFFD,
// private-use or unassigned code points.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { docxToHtml } from './docx.js';
import { formatMB, InputError } from './errors.js';
import { declaredCharset, formatOf, FORMATS, unsupportedReason, type Format } from './formats.js';
import { htmlToText } from './html.js';
import { pdfToText } from './pdf.js';

export { InputError } from './errors.js';

export interface ReadResult {
  path: string;
  /** The file name without its extension. */
  name: string;
  /** The document text: a text file's text exactly as in the file (after a BOM); the text read from a page, PDF or Word file. */
  text: string;
  /** The text's encoding in the file: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5', or the forced encoding (lower case); null for PDF and Word files. */
  encoding: string | null;
  format: Format;
  /** The file's media type: text/plain, text/html, application/pdf, or the .docx type. */
  mediaType: string;
  /** Where each page begins in `text` (pages[k] = offset of page k + 1), for PDF; else null. */
  pages: number[] | null;
  /** The file's bytes, BOM included. */
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
}


export interface ReadOptions {
  /** Force an encoding of a text or HTML file (any name iconv-lite knows); skips detection. */
  encoding?: string;
  /** Size limit in bytes; default 64 MB (HTML pages: 16 MB). */
  maxBytes?: number;
}

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.values(FORMATS).flatMap((f) => f.extensions));

const MB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 64 * MB;
/** A government web page is well under 1 MB; a parsed page takes ~10× its size in memory. */
export const MAX_HTML_BYTES = 16 * MB;

const UNDECODABLE = 'cannot decode as UTF-8, UTF-16 or GB18030';
const BINARY = 'binary file (not text)';
const EMPTY = 'empty file';

/** Share of bad characters (U+FFFD, private use, unassigned) above which a decoding is rejected. */
const MAX_BAD_SHARE = 0.005;
/** Share of control characters (other than tab, newlines, form feed) above which the file is binary. */
const MAX_CONTROL_SHARE = 0.01;
/** Bytes given to chardet. */
const CHARDET_SAMPLE = 64 * 1024;

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return code ? `cannot read file (${code})` : `cannot read file (${String((err as Error)?.message ?? err)})`;
  }
}


function nameOf(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A bad encoding name is reported before the file is touched.
  if (options.encoding !== undefined && !iconv.encodingExists(options.encoding)) {
    throw new InputError(path, `unknown encoding '${options.encoding}'`);
  }

  let st: Stats;
  try {
    st = await stat(path);
  } catch (err) {
    throw new InputError(path, fsReason(err));
  }
  if (st.isDirectory()) throw new InputError(path, 'is a directory');
  if (!st.isFile()) throw new InputError(path, 'not a regular file');
  if (st.size > maxBytes) {
    throw new InputError(path, `file too large (${formatMB(st.size)} MB > ${formatMB(maxBytes)} MB)`);
  }
  // A page named .html is refused by its size before it is read.
  if (formatOf(path, new Uint8Array(0)) === 'html' && st.size > MAX_HTML_BYTES) throw pageTooLarge(path, st.size);

  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new InputError(path, fsReason(err));
  }
  // The file may have grown between stat and read.
  return readBytes(path, bytes, options);
}

/**
 * A document from bytes already in memory (an upload): `path` names it in
 * errors, gives its name and, by its extension, its format. Same checks as
 * readDocument.
 */
export async function readBytes(path: string, bytes: Buffer, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(path, `file too large (${formatMB(bytes.length)} MB > ${formatMB(maxBytes)} MB)`);
  }
  if (options.encoding !== undefined && !iconv.encodingExists(options.encoding)) {
    throw new InputError(path, `unknown encoding '${options.encoding}'`);
  }
  if (bytes.length === 0) throw new InputError(path, EMPTY);
  const format = formatOf(path, bytes);
  // A .doc or a scan given as a file (or named .txt) is named for what it is.
  const other = format === 'text' ? unsupportedReason(bytes) : null;
  if (other) throw new InputError(path, other);
  const { text, encoding, pages } = await readFormat(format, path, bytes, options);
  if (isBlank(text)) throw new InputError(path, format === 'text' ? EMPTY : `no text in the ${FORMATS[format].label}`);
  if (looksBinary(text)) throw new InputError(path, BINARY);

  return {
    path,
    name: nameOf(path),
    text,
    encoding,
    format,
    mediaType: FORMATS[format].mediaType,
    pages,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

interface FormatText {
  text: string;
  encoding: string | null;
  pages: number[] | null;
}

async function readFormat(format: Format, path: string, bytes: Buffer, options: ReadOptions): Promise<FormatText> {
  switch (format) {
    case 'pdf': {
      const { text, pages } = await pdfToText(bytes, path);
      return { text, encoding: null, pages };
    }
    case 'docx': {
      const html = await docxToHtml(bytes, path);
      return { text: htmlToText(html, { main: false }).text, encoding: null, pages: null };
    }
    case 'html': {
      if (bytes.length > MAX_HTML_BYTES) throw pageTooLarge(path, bytes.length);
      const { text, encoding } = decodeHtml(path, bytes, options.encoding);
      return { text: htmlToText(text).text, encoding, pages: null };
    }
    case 'text':
      return { ...decodeText(path, bytes, options.encoding), pages: null };
  }
}

/**
 * A page's characters: the forced encoding, else UTF-8 when the bytes are
 * UTF-8 (pages that declare gb2312 and are not exist), else the charset the
 * page declares, else detected.
 */
function decodeHtml(path: string, bytes: Buffer, forced: string | undefined): Decoded {
  if (forced !== undefined) return decodeForced(path, bytes, forced);
  const declared = supersetOf(declaredCharset(bytes));
  if (declared && canonicalEncodingName(declared) !== 'utf-8' && iconv.encodingExists(declared) && tryUtf8(bytes) === null) {
    const decoded = decodeForced(path, bytes, declared);
    if (badShare(decoded.text) <= MAX_BAD_SHARE) return decoded;
  }
  return decodeDetect(path, bytes);
}

/** Pages that say gb2312 or gbk hold GBK characters: read them as GB18030, the superset of both. */
function supersetOf(charset: string | null): string | null {
  if (charset === null) return null;
  return /^(gb2312|gbk|x-gbk|cp936|windows-936|euc-cn|gb_2312-80)$/i.test(charset.trim()) ? 'gb18030' : charset;
}

function pageTooLarge(path: string, size: number): InputError {
  return new InputError(path, `web page too large (${formatMB(size)} MB > ${formatMB(MAX_HTML_BYTES)} MB): save the article alone`);
}

/** A text file's characters: in the forced encoding, else detected. */
function decodeText(path: string, bytes: Buffer, forced: string | undefined): Decoded {
  if (forced !== undefined) return decodeForced(path, bytes, forced);
  return decodeDetect(path, bytes);
}

// ---------------------------------------------------------------- decoding

interface Decoded {
  text: string;
  encoding: string;
}

function canonicalEncodingName(enc: string): string {
  const e = enc.toLowerCase().replace(/[^a-z0-9]/g, '');
  switch (e) {
    case 'utf8':
      return 'utf-8';
    case 'utf16le':
    case 'ucs2':
      return 'utf-16le';
    case 'utf16be':
      return 'utf-16be';
    case 'utf16':
      return 'utf-16';
    case 'gb18030':
      return 'gb18030';
    default:
      return enc.toLowerCase();
  }
}

function decodeForced(path: string, bytes: Buffer, enc: string): Decoded {
  if (bytes.length === 0) throw new InputError(path, EMPTY);
  let text: string;
  try {
    // iconv-lite strips a leading BOM (stripBOM defaults to true).
    text = iconv.decode(bytes, enc);
  } catch (err) {
    throw new InputError(path, `cannot decode as ${enc} (${(err as Error).message})`);
  }
  return { text, encoding: canonicalEncodingName(enc) };
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16leStrict = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

function tryUtf16(bytes: Uint8Array, bigEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  let le: Uint8Array = bytes;
  if (bigEndian) {
    const copy = Buffer.from(bytes);
    copy.swap16();
    le = copy;
  }
  try {
    return utf16leStrict.decode(le);
  } catch {
    return null;
  }
}

function decodeDetect(path: string, bytes: Buffer): Decoded {
  if (bytes.length === 0) throw new InputError(path, EMPTY);

  // 1. Byte-order marks. The BOM is not part of the text: offsets count from after it.
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text === null) throw new InputError(path, UNDECODABLE);
    return { text, encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const bigEndian = bytes[0] === 0xfe;
    const text = tryUtf16(bytes.subarray(2), bigEndian);
    if (text === null || badShare(text) > MAX_BAD_SHARE) throw new InputError(path, UNDECODABLE);
    return { text, encoding: bigEndian ? 'utf-16be' : 'utf-16le' };
  }

  // 2. NUL bytes never occur in UTF-8 or GB18030 text: UTF-16 without a BOM, or binary.
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    }
  }
  if (nulEven + nulOdd > 0) {
    const utf16 = bytes.length % 2 === 0 ? detectUtf16(bytes, nulEven, nulOdd) : null;
    if (utf16) return utf16;
    throw new InputError(path, BINARY);
  }

  // 3. Strict UTF-8.
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  // 4. Legacy Chinese encodings.
  const legacy = detectLegacy(bytes);
  if (legacy) return legacy;

  // 5. UTF-16 without BOM and without NULs (text with no ASCII at all).
  if (bytes.length % 2 === 0) {
    const utf16 = detectUtf16(bytes, 0, 0);
    if (utf16) return utf16;
  }

  // Is it binary rather than some text we cannot read? Many C0 controls say so.
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (controls > bytes.length * MAX_CONTROL_SHARE) throw new InputError(path, BINARY);
  throw new InputError(path, UNDECODABLE);
}

/**
 * UTF-16 without a BOM. ASCII characters give a NUL high byte: at odd offsets
 * in little-endian, even offsets in big-endian. Both readings are tried,
 * the one the NULs favour first; a reading must be strictly valid and sensible.
 */
function detectUtf16(bytes: Buffer, nulEven: number, nulOdd: number): Decoded | null {
  const units = bytes.length / 2;
  const order: boolean[] = nulEven > nulOdd ? [true, false] : [false, true];
  const lopsided = Math.max(nulEven, nulOdd) >= 2 * Math.min(nulEven, nulOdd) && Math.max(nulEven, nulOdd) >= units * 0.01;
  let best: { d: Decoded; bad: number; cjk: number } | null = null;
  for (const bigEndian of order) {
    const text = tryUtf16(bytes, bigEndian);
    if (text === null) continue;
    const bad = badShare(text) + controlShare(text);
    if (bad > MAX_BAD_SHARE) continue;
    const cand = { d: { text, encoding: bigEndian ? 'utf-16be' : 'utf-16le' }, bad, cjk: cjkShare(text) };
    if (lopsided) return cand.d; // the NULs decide when they clearly favour one byte order
    // Otherwise the fewer bad characters win; on a tie, the byte order the NULs favour.
    if (best === null || cand.bad < best.bad) best = cand;
  }
  // Without NUL evidence, only accept text that is clearly CJK.
  if (best && nulEven + nulOdd === 0 && best.cjk < 0.5) return null;
  return best?.d ?? null;
}

function detectLegacy(bytes: Buffer): Decoded | null {
  const gb = iconv.decode(bytes, 'gb18030');
  const gbBad = badShare(gb);
  const gbOk = gbBad <= MAX_BAD_SHARE && controlShare(gb) <= MAX_CONTROL_SHARE;
  // A clean GB18030 reading made mostly of common characters is GB text: Big5
  // bytes read as GB18030 give rare characters (under 10% common, against
  // over 70% for GBK text). chardet is asked only when that is not clear.
  const clear = hanCount(gb, CLEAR_HAN) >= CLEAR_HAN;
  const gbCommon = commonShare(gb);
  if (gbOk && clear && gbCommon >= CLEARLY_GB) return { text: gb, encoding: 'gb18030' };
  if (clear && gbCommon < CLEARLY_GB) {
    // The same test the other way: a clean Big5 reading of common characters.
    const big5 = iconv.decode(bytes, 'big5');
    if (badShare(big5) <= MAX_BAD_SHARE && controlShare(big5) <= MAX_CONTROL_SHARE && commonShare(big5) >= CLEARLY_GB) {
      return { text: big5, encoding: 'big5' };
    }
  }

  // Big5 only when chardet is confident and the GB18030 reading looks wrong.
  // (chardet is slow, about 0.5 s per MB: a sample is enough for its opinion.)
  const matches = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE));
  const big5Conf = matches.find((m) => m.name === 'Big5')?.confidence ?? 0;
  const gbConf = matches.find((m) => m.name === 'GB18030')?.confidence ?? 0;
  if (big5Conf >= 50 && big5Conf > gbConf) {
    const big5 = iconv.decode(bytes, 'big5');
    const big5Bad = badShare(big5);
    const big5Ok = big5Bad <= MAX_BAD_SHARE && controlShare(big5) <= MAX_CONTROL_SHARE;
    if (big5Ok && (!gbOk || (big5Bad <= gbBad && commonShare(big5) >= commonShare(gb) + 0.15))) {
      return { text: big5, encoding: 'big5' };
    }
  }
  if (gbOk) return { text: gb, encoding: 'gb18030' };
  return null;
}

// ---------------------------------------------------------------- text statistics

const OTHER_BAD = /[\p{Cn}\p{Co}\p{Cs}\uFFFD]/u;

function isBadCode(c: number, text: string, i: number): boolean {
  // Fast paths for the common ranges of Chinese text.
  if (c < 0x80) return false;
  if (c >= 0x4e00 && c <= 0x9fff) return false; // CJK unified ideographs (all assigned)
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK symbols and punctuation (all assigned)
  if (c >= 0xff01 && c <= 0xff5e) return false; // full-width ASCII
  if (c === 0xfffd) return true;
  if (c >= 0xe000 && c <= 0xf8ff) return true; // private use
  const cp = text.codePointAt(i)!;
  if (cp >= 0xf0000) return true; // supplementary private use planes
  return OTHER_BAD.test(String.fromCodePoint(cp));
}

/** Share of U+FFFD, private-use, unassigned and lone-surrogate characters. */
function badShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (isBadCode(c, text, i)) bad++;
        i++;
        continue;
      }
      bad++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      bad++;
      continue;
    }
    if (isBadCode(c, text, i)) bad++;
  }
  return bad / text.length;
}

function isControl(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f)
  );
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) n++;
  return n / text.length;
}

/** Binary content: any NUL, or a high share of control characters, in the decoded text. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  return controlShare(text) > MAX_CONTROL_SHARE;
}

function isBlank(text: string): boolean {
  // \s covers ASCII whitespace, U+3000 ideographic space and U+FEFF.
  return /^[\s\u200b]*$/u.test(text);
}

function cjkShare(text: string): number {
  let cjk = 0;
  let counted = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    counted++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return counted === 0 ? 0 : cjk / counted;
}

// Frequent characters of Chinese (government) text, simplified and traditional
// forms. A correct decoding of Chinese text has a high share of them among
// its ideographs; a wrong one (Big5 read as GB18030 or the reverse) does not.
const COMMON = new Set(
  (
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型王按格养易置派层片始却专状育厂京识适属包火住调满县局照参红细引听该铁价严龙飞亿项目投资增长同比完成全年实现推进加快企业服务城乡镇村街道园区招商引资固定资产税收财政预算收入支出生产总值规模以上工业销售消费社会零售民生就业疫情防控' +
    '個們這來時國會對說為過發經動種樣現與開關進還長點應當從實學業義頭機員問題產區濟設項資億萬總額增幹場務華將專體環準費價記許認該請談論議調質購運達遠選邊鄉鎮縣廣東雲貴澤濱灣電氣熱農門間陽陰隊隨際險難順領類風飛養館馬驗黨齊'
  ).split(''),
);

/** Enough Han characters for the share of common ones to say something. */
const CLEAR_HAN = 200;
const CLEARLY_GB = 0.4;

/** Han characters in `text`, counting up to `enough`. */
function hanCount(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) if (text.charCodeAt(i) >= 0x3400) n++;
  return n;
}

function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x3400) continue;
    han++;
    if (COMMON.has(ch)) common++;
  }
  return han === 0 ? 0 : common / han;
}

// ---------------------------------------------------------------- listing inputs

function hasSupportedExtension(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name.toLowerCase().endsWith('.gold.json');
}

/**
 * Paths -> input files. Files given explicitly are kept whatever their
 * extension; folders are expanded recursively, in sorted order, to files with
 * a supported extension, skipping hidden entries and `*.gold.json`. A file
 * reached twice is listed once.
 */
export function listInputFiles(paths: string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();

  const add = (file: string): void => {
    let key = file;
    try {
      key = realpathSync(file);
    } catch {
      // keep the path as given
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };

  const walk = (dir: string, visiting: Set<string>): void => {
    let real = dir;
    try {
      real = realpathSync(dir);
    } catch {
      // keep the path as given
    }
    if (visiting.has(real)) return; // symlink loop
    visiting.add(real);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (err) {
      errors.push(new InputError(dir, fsReason(err)));
      visiting.delete(real);
      return;
    }
    names.sort();
    for (const name of names) {
      if (skipped(name)) continue;
      const p = join(dir, name);
      let st: Stats;
      try {
        st = statSync(p);
      } catch {
        continue; // e.g. a dangling symlink inside a folder
      }
      if (st.isDirectory()) walk(p, visiting);
      else if (st.isFile() && hasSupportedExtension(name)) add(p);
    }
    visiting.delete(real);
  };

  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (err) {
      errors.push(new InputError(p, fsReason(err)));
      continue;
    }
    if (st.isDirectory()) walk(p, new Set());
    else add(p);
  }
  return { files, errors };
}
