// Throughput per input format: the corpus rendered as each kind of file
// (src/ingest/render), then read (format reader + decoding) and extracted,
// as `zhengbao ingest` would, short of the store. MB/s counts the file's
// bytes: what a user has on disk.
import { extract } from '../extract/pipeline.js';
import { readBytes } from '../ingest/read.js';
import { FIXTURE_KINDS, renderFixture, type FixtureKind } from '../ingest/render/index.js';
import type { BenchDoc } from './corpus.js';

export type InputKind = 'text' | FixtureKind;

export interface FormatThroughput {
  kind: InputKind;
  /** Bytes of files read, and how many. */
  bytes: number;
  files: number;
  seconds: number;
  mbps: number;
  /** Share of the time spent reading the file (the rest is extraction). */
  readShare: number;
  facts: number;
}

interface Rendered {
  name: string;
  file: string;
  bytes: Buffer;
}

async function render(kind: InputKind, docs: readonly BenchDoc[]): Promise<Rendered[]> {
  const out: Rendered[] = [];
  for (const d of docs) {
    if (kind === 'text') {
      out.push({ name: d.name, file: `${d.name}.txt`, bytes: Buffer.from(d.text, 'utf8') });
    } else {
      const f = await renderFixture(kind, d.text);
      out.push({ name: d.name, file: `${d.name}${f.extension}`, bytes: f.bytes });
    }
  }
  return out;
}

/** Reads and extracts the rendered corpus round-robin until `targetBytes` of files (at least one round). */
export async function measureFormat(kind: InputKind, docs: readonly BenchDoc[], targetBytes: number): Promise<FormatThroughput> {
  const files = await render(kind, docs);
  // One untimed round warms the readers (pdf.js loads its worker code, OpenCC its dictionaries).
  for (const f of files) extract((await readBytes(f.file, f.bytes)).text, { doc: f.name });
  let bytes = 0;
  let count = 0;
  let readMs = 0;
  let totalMs = 0;
  let facts = 0;
  for (let i = 0; bytes < targetBytes || i < files.length; i++) {
    const f = files[i % files.length]!;
    const t0 = performance.now();
    const read = await readBytes(f.file, f.bytes);
    const t1 = performance.now();
    facts += extract(read.text, { doc: f.name, pages: read.pages }).facts.length;
    const t2 = performance.now();
    readMs += t1 - t0;
    totalMs += t2 - t0;
    bytes += f.bytes.length;
    count++;
  }
  const seconds = totalMs / 1000;
  return { kind, bytes, files: count, seconds, mbps: bytes / 1e6 / seconds, readShare: readMs / totalMs, facts };
}

export const INPUT_KINDS: readonly InputKind[] = ['text', ...FIXTURE_KINDS];
