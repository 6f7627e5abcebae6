// `npm run bench`: throughput of extraction, of extraction + ingest into a
// fresh SQLite store, and of a reference (Microsoft Recognizers-Text number +
// percentage recognition for Chinese) on the same text. A measurement, not a
// test: it exits 0 whether or not the bars are met, and says FAIL when not.
//
// Then, per input format (text, web page, PDF, Word, GBK, Big5 Traditional),
// reading + extraction in MB/s of file bytes.
//
//   node --expose-gc dist/bench/bench.js [--mb 50] [--ref-mb 2] [--format-mb 5] [--json]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { extract } from '../extract/pipeline.js';
import { openStore } from '../store/index.js';
import { copies, loadCorpus, type BenchDoc } from './corpus.js';
import { INPUT_KINDS, measureFormat, type FormatThroughput } from './formats.js';
import { convenienceApi, reusedModels, runReference, type ReferenceResult } from './reference.js';
import { benchArgs } from './args.js';

const BARS = { extractionMBps: 10, ratio: 15, ingestMBps: 3 } as const;

interface Phase {
  bytes: number;
  seconds: number;
  mbps: number;
}

function phase(bytes: number, seconds: number): Phase {
  return { bytes, seconds, mbps: bytes / 1e6 / seconds };
}

const gc = (globalThis as { gc?: () => void }).gc;
const collect = (): void => gc?.();
const rssMB = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const heapMB = (): number => getHeapStatistics().used_heap_size / (1024 * 1024);

let peakHeapMB = 0;
function sampleHeap(): void {
  const h = heapMB();
  if (h > peakHeapMB) peakHeapMB = h;
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function usage(): never {
  console.error('usage: bench [--mb N] [--ref-mb N] [--format-mb N] [--json]');
  process.exit(2);
}

function parseCli(): { mb: number; refMb: number; formatMb: number; json: boolean } {
  const values = benchArgs(
    {
      options: {
        mb: { type: 'string', default: '50' },
        'ref-mb': { type: 'string', default: '2' },
        'format-mb': { type: 'string', default: '5' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
  );
  const mb = Number(values.mb);
  const refMb = Number(values['ref-mb']);
  const formatMb = Number(values['format-mb']);
  if (!(mb > 0) || !(refMb > 0) || !(formatMb > 0)) usage();
  return { mb, refMb, formatMb, json: values.json };
}

/**
 * Untimed work before each timed phase, the same rule for the extractor and
 * the reference: at least WARM_MS of calls, so that V8 has compiled the hot
 * paths of each before it is timed (a fixed number of calls favours the one
 * with less code to compile).
 */
const WARM_MS = 2000;

function warmUp(run: () => void): number {
  const t0 = performance.now();
  let rounds = 0;
  do {
    run();
    rounds++;
  } while (performance.now() - t0 < WARM_MS);
  return rounds;
}

function measureExtraction(docs: readonly BenchDoc[], targetBytes: number) {
  let bytes = 0;
  let ms = 0;
  let count = 0;
  let facts = 0;
  let projects = 0;
  for (const c of copies(docs, targetBytes)) {
    const t0 = performance.now();
    const x = extract(c.text, { doc: c.name });
    ms += performance.now() - t0;
    bytes += c.bytes;
    facts += x.facts.length;
    projects += x.projects.length;
    if (++count % 64 === 0) sampleHeap();
  }
  sampleHeap();
  return { ...phase(bytes, ms / 1000), copies: count, facts, projects };
}

function measureIngest(docs: readonly BenchDoc[], targetBytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'zhengbao-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    const t0 = performance.now();
    const store = openStore(file);
    let bytes = 0;
    let added = 0;
    let count = 0;
    for (const c of copies(docs, targetBytes)) {
      const extraction = extract(c.text, { doc: c.name });
      // As `zhengbao ingest` stores it: the text and, beside it, the original file.
      const raw = Buffer.from(c.text, 'utf8');
      const file = { mediaType: 'text/plain', sha256: createHash('sha256').update(raw).digest('hex'), bytes: raw };
      const r = store.ingest({ name: c.name, path: null, encoding: 'utf-8', text: c.text, extraction, file });
      if (r.status === 'added') added++;
      bytes += c.bytes;
      if (++count % 64 === 0) sampleHeap();
    }
    store.close();
    const seconds = (performance.now() - t0) / 1000;
    sampleHeap();
    let dbBytes = 0;
    for (const f of [file, `${file}-wal`]) {
      try {
        dbBytes += statSync(f).size;
      } catch {
        // no WAL left after close
      }
    }
    return { ...phase(bytes, seconds), copies: count, added, dbMB: dbBytes / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureReference(docs: readonly BenchDoc[], refBytes: number) {
  const sample: string[] = [];
  for (const c of copies(docs, refBytes)) sample.push(c.text);
  const warm = sample.slice(0, 2);
  const results: Record<'reused' | 'convenience', ReferenceResult & Phase> = {} as never;
  for (const [key, make] of [['reused', reusedModels], ['convenience', convenienceApi]] as const) {
    const recognise = make();
    warmUp(() => runReference(warm, recognise));
    collect();
    const r = runReference(sample, recognise);
    results[key] = { ...r, ...phase(r.bytes, r.seconds) };
    sampleHeap();
  }
  return results;
}

async function main(): Promise<void> {
  const { mb, refMb, formatMb, json } = parseCli();
  const targetBytes = mb * 1e6;
  const docs = await loadCorpus();
  const corpusBytes = docs.reduce((s, d) => s + d.bytes, 0);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`zhengbao bench — node ${process.version}, ${cpu}${gc ? '' : ' (run with --expose-gc for steadier numbers)'}`);
  console.log(`corpus: ${docs.length} documents, ${fmt(corpusBytes / 1e3)} kB, repeated to ≥ ${fmt(mb)} MB`);

  warmUp(() => {
    for (const d of docs) extract(d.text, { doc: d.name });
  });
  console.log(`warm-up: ${fmt(WARM_MS / 1000)} s of untimed calls before each timed phase (extraction, each reference API)`);
  collect();
  const ex = measureExtraction(docs, targetBytes);
  const rssAfterExtraction = rssMB();
  console.log(`  extraction done: ${ex.copies} copies, ${fmt(ex.seconds, 2)} s`);

  collect();
  const ing = measureIngest(docs, targetBytes);
  const rssAfterIngest = rssMB();
  console.log(`  extraction + ingest done: ${ing.added} documents stored, ${fmt(ing.seconds, 2)} s`);

  collect();
  const ref = measureReference(docs, refMb * 1e6);
  const rssAfterReference = rssMB();
  console.log(`  reference done: ${ref.reused.lines} lines, ${fmt(ref.reused.seconds + ref.convenience.seconds, 2)} s`);

  const formats: FormatThroughput[] = [];
  for (const kind of INPUT_KINDS) {
    collect();
    formats.push(await measureFormat(kind, docs, formatMb * 1e6));
    sampleHeap();
  }
  const rssAfterFormats = rssMB();
  console.log(`  formats done: ${formats.map((f) => f.kind).join(', ')}`);

  const refBest = ref.reused.mbps >= ref.convenience.mbps ? ref.reused : ref.convenience;
  const ratio = ex.mbps / refBest.mbps;
  const bars = {
    extraction: ex.mbps >= BARS.extractionMBps,
    ratio: ratio >= BARS.ratio,
    ingest: ing.mbps >= BARS.ingestMBps,
  };
  const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  const peakRss = rssMB();

  const lines = [
    '',
    '──────── zhengbao bench ────────',
    `extraction: ${fmt(ex.bytes / 1e6)} MB in ${fmt(ex.seconds, 2)} s = ${fmt(ex.mbps)} MB/s (one core; ${ex.copies} documents, ${ex.facts} facts, ${ex.projects} projects)`,
    `extraction + ingest: ${fmt(ing.bytes / 1e6)} MB in ${fmt(ing.seconds, 2)} s = ${fmt(ing.mbps)} MB/s (fresh SQLite store, ${ing.added} documents added, ${fmt(ing.dbMB)} MB on disk)`,
    `reference (@microsoft/recognizers-text-number zh number+percentage, models reused): ${fmt(ref.reused.bytes / 1e6)} MB in ${fmt(ref.reused.seconds, 2)} s = ${fmt(ref.reused.mbps, 2)} MB/s (${ref.reused.lines} lines, ${ref.reused.matches} matches)`,
    `reference (recognizeNumber + recognizePercentage per line, Culture.Chinese): ${fmt(ref.convenience.bytes / 1e6)} MB in ${fmt(ref.convenience.seconds, 2)} s = ${fmt(ref.convenience.mbps, 2)} MB/s`,
    `ratio: ${fmt(ratio, 1)}x (extraction vs the faster reference)`,
    `per input format (read + extract; MB/s of file bytes, ≥ ${fmt(formatMb)} MB of files each):`,
    ...formats.map(
      (f) =>
        `  ${f.kind.padEnd(17)} ${fmt(f.mbps, 2).padStart(7)} MB/s  (${fmt(f.bytes / 1e6)} MB in ${f.files} files, ${fmt(f.seconds, 2)} s, reading ${fmt(f.readShare * 100, 0)}% of the time, ${f.facts} facts)`,
    ),
    `peak RSS: ${fmt(peakRss, 0)} MB (after extraction ${fmt(rssAfterExtraction, 0)} MB, after ingest ${fmt(rssAfterIngest, 0)} MB, after reference ${fmt(rssAfterReference, 0)} MB, after formats ${fmt(rssAfterFormats, 0)} MB); peak heap used (sampled): ${fmt(peakHeapMB, 0)} MB`,
    'bars:',
    `  ${mark(bars.extraction)}  extraction ≥ ${BARS.extractionMBps} MB/s: ${fmt(ex.mbps)} MB/s`,
    `  ${mark(bars.ratio)}  extraction ≥ ${BARS.ratio}× reference: ${fmt(ratio, 1)}x`,
    `  ${mark(bars.ingest)}  extraction + ingest ≥ ${BARS.ingestMBps} MB/s: ${fmt(ing.mbps)} MB/s`,
  ];
  if (ex.facts === 0) lines.push('note: extraction found no facts — the numbers are not meaningful until the extractor is implemented.');
  const failed = Object.values(bars).filter((ok) => !ok).length;
  lines.push(failed === 0 ? 'result: all bars PASS' : `result: ${failed} bar(s) FAIL`);
  console.log(lines.join('\n'));

  if (json) {
    console.log(
      JSON.stringify({
        node: process.version,
        cpu,
        target_mb: mb,
        extraction: { mb: ex.bytes / 1e6, seconds: ex.seconds, mbps: ex.mbps, documents: ex.copies, facts: ex.facts, projects: ex.projects },
        ingest: { mb: ing.bytes / 1e6, seconds: ing.seconds, mbps: ing.mbps, documents: ing.added, db_mb: ing.dbMB },
        reference: {
          library: '@microsoft/recognizers-text-number',
          reused_models: { mb: ref.reused.bytes / 1e6, seconds: ref.reused.seconds, mbps: ref.reused.mbps, lines: ref.reused.lines, matches: ref.reused.matches },
          per_call: { mb: ref.convenience.bytes / 1e6, seconds: ref.convenience.seconds, mbps: ref.convenience.mbps, lines: ref.convenience.lines, matches: ref.convenience.matches },
          mbps: refBest.mbps,
        },
        ratio,
        formats: formats.map((f) => ({ kind: f.kind, mb: f.bytes / 1e6, files: f.files, seconds: f.seconds, mbps: f.mbps, read_share: f.readShare, facts: f.facts })),
        peak_rss_mb: peakRss,
        peak_heap_mb: peakHeapMB,
        bars: { extraction_mbps: BARS.extractionMBps, ratio: BARS.ratio, ingest_mbps: BARS.ingestMBps },
        pass: bars,
      }),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
