// The bench's input: the sample corpus, repeated into distinct copies.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../ingest/read.js';

export interface BenchDoc {
  name: string;
  text: string;
  bytes: number; // UTF-8 bytes of text
}

export interface BenchCopy {
  /** Copy number, from 1. */
  n: number;
  name: string;
  text: string;
  bytes: number;
}

/** corpus/dev of the package, from the compiled file (dist/bench/*.js) or the source (src/bench/*.ts). */
export function defaultCorpusDir(): string {
  return fileURLToPath(new URL('../../corpus/dev/', import.meta.url));
}

export async function loadCorpus(dir = defaultCorpusDir()): Promise<BenchDoc[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.startsWith('.'))
    .sort();
  const docs: BenchDoc[] = [];
  for (const f of files) {
    const r = await readDocument(join(dir, f));
    docs.push({ name: r.name, text: r.text, bytes: Buffer.byteLength(r.text, 'utf8') });
  }
  if (docs.length === 0) throw new Error(`no .txt documents in ${dir}`);
  return docs;
}

/**
 * Copies of the documents, round-robin, until `targetBytes` UTF-8 bytes have
 * been produced. Each copy ends with its own line `（副本 N）`, so no two have
 * the same content hash. Built lazily: only one copy is alive at a time.
 */
export function* copies(docs: readonly BenchDoc[], targetBytes: number): Generator<BenchCopy> {
  let total = 0;
  for (let n = 1; total < targetBytes; n++) {
    const doc = docs[(n - 1) % docs.length]!;
    const suffix = `\n（副本 ${n}）\n`;
    const text = doc.text + suffix;
    const bytes = doc.bytes + Buffer.byteLength(suffix, 'utf8');
    total += bytes;
    yield { n, name: `${doc.name}#${n}`, text, bytes };
  }
}
