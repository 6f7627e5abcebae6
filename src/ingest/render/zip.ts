// Zip archives built byte by byte, for the bad-file fixtures a library would
// refuse to write: a zip bomb whose one entry inflates to hundreds of MB,
// headers that lie about sizes (patch the offsets returned), a zip64 end record.
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

const MB = 1024 * 1024;

export interface ZipPart {
  name: string;
  /** the stored bytes (deflated when method is 8) */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
}

export function part(name: string, content: Buffer | string, method: 0 | 8 = 8): ZipPart {
  const buf = Buffer.from(content);
  return { name, data: method === 8 ? deflateRawSync(buf) : buf, method, crc: crc32(buf), size: buf.length };
}

/**
 * The fields a local header and a central-directory header share, in the
 * same order (version needed, flags: UTF-8 names, method, time, date, CRC,
 * sizes, name length), written from `at`; the extra-field length stays 0.
 */
function writeEntryFields(h: Buffer, at: number, p: ZipPart, nameLength: number): void {
  h.writeUInt16LE(20, at);
  h.writeUInt16LE(0x0800, at + 2);
  h.writeUInt16LE(p.method, at + 4);
  h.writeUInt16LE(0, at + 6);
  h.writeUInt16LE(0x5a21, at + 8);
  h.writeUInt32LE(p.crc, at + 10);
  h.writeUInt32LE(p.data.length, at + 14);
  h.writeUInt32LE(p.size, at + 18);
  h.writeUInt16LE(nameLength, at + 22);
}

/** A classic zip archive; returns where each part's local and central headers start, for patching. */
export function buildZip(parts: ZipPart[], zip64 = false): { zip: Buffer; local: number[]; central: number[] } {
  const chunks: Buffer[] = [];
  const local: number[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(h, 4, p, name.length);
    local.push(offset);
    chunks.push(h, name, p.data);
    offset += h.length + name.length + p.data.length;
  }
  const cdStart = offset;
  const central: number[] = [];
  parts.forEach((p, i) => {
    const name = Buffer.from(p.name, 'utf8');
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4); // version made by
    writeEntryFields(h, 6, p, name.length);
    h.writeUInt32LE(local[i] ?? 0, 42);
    central.push(offset);
    chunks.push(h, name);
    offset += h.length + name.length;
  });
  const cdSize = offset - cdStart;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  if (zip64) {
    // zip64 end record + locator, and the classic end record's fields maxed out
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(parts.length), 24);
    rec.writeBigUInt64LE(BigInt(parts.length), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdStart), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset), 8);
    loc.writeUInt32LE(1, 16);
    chunks.push(rec, loc);
    eocd.writeUInt16LE(0xffff, 8);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(0xffffffff, 12);
    eocd.writeUInt32LE(0xffffffff, 16);
  } else {
    eocd.writeUInt16LE(parts.length, 8);
    eocd.writeUInt16LE(parts.length, 10);
    eocd.writeUInt32LE(cdSize, 12);
    eocd.writeUInt32LE(cdStart, 16);
  }
  chunks.push(eocd);
  return { zip: Buffer.concat(chunks), local, central };
}

/** `prefix` then `unit` repeated up to `total` bytes, deflated as a stream (never held inflated). */
export async function deflatedRepeat(name: string, prefix: string, unit: string, total: number): Promise<ZipPart> {
  const head = Buffer.from(prefix);
  const chunk = Buffer.alloc(MB, unit);
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    d.on('end', resolve);
    d.on('error', reject);
  });
  let crc = crc32(head);
  d.write(head);
  let left = total - head.length;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    left -= piece.length;
    if (!d.write(piece)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await ended;
  return { name, data: Buffer.concat(out), method: 8, crc, size: total };
}

/** Runs `fn`, sampling memory every few ms: the largest growth of rss and of external (incl. ArrayBuffers). */

/** A .docx-looking zip whose word/document.xml inflates to `total` bytes of one repeated paragraph. */
export async function docxBomb(total = 200 * MB): Promise<Buffer> {
  const doc = await deflatedRepeat(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ' ',
    total,
  );
  return buildZip([part('[Content_Types].xml', '<?xml version="1.0"?><Types/>'), doc]).zip;
}

/** Every entry of a (small, trusted) zip, inflated: to take a library-made file apart. */
export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const s = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return out;
}
