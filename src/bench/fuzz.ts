// `npm run fuzz`: extraction never throws and never stalls. Mutations of the
// sample documents (corpus/dev and corpus/wild) — slices deleted or repeated,
// long runs of pathological pieces (、12.5%, 增长, Chinese numerals, brackets,
// list markers), line breaks dropped, punctuation swapped — are fed to
// `extract`, timed, and checked for grounding (quote === text.slice(span)).
// Seeded: input N of seed S is the same on every run (`--only N` replays it).
// A throw, a stall or an ungrounded quote writes the input into --out and
// makes the run exit 1.
//
//   node --expose-gc dist/bench/fuzz.js [--count 100000] [--seed 1] [--max-ms 1000] [--hang-ms 60000]
//                                       [--out fuzz-failures] [--only N] [--json]
//
// --max-ms is the allowed time per 100 KB of input (a stall is slower than
// that, and slower than a floor of --floor-ms for tiny inputs, on the best of
// three runs so that a GC pause or a busy core is not counted). An input that
// does not return within --hang-ms is written by a watchdog thread, which then
// ends the run.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { extract } from '../extract/pipeline.js';
import type { Extraction } from '../schema.js';
import { prng } from './random.js';
import { benchArgs } from './args.js';

// ---------------------------------------------------------------- randomness

/** murmur3's finaliser: a bijection of 32-bit integers that spreads every input bit. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The generator of input `n` under `seed`: every input is reproducible on its
 * own. Both are mixed before they meet, so two seeds give two different sets of
 * inputs, not the same inputs in another order.
 */
function inputRng(seed: number, n: number): () => number {
  return prng(mix(mix(seed + 0x632be5ab) ^ mix(n + 0x9e3779b9)));
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1)); // [lo, hi]
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// ---------------------------------------------------------------- mutations

/** Pieces whose long runs have broken rules before: lists, growth verbs, numerals, brackets, list markers. */
export const PIECES: readonly string[] = [
  '、12.5%', '、12.5', '12.5%', '增长', '增长12.5%，', '，增长', '，同比增长8.1%', '下降', '分别增长', '年均增长',
  '一', '二十', '十', '百', '万', '亿', '一二三四五六七八九十', '〇', '两千三百', '十四亿', '第一', '前三',
  '（', '）', '(', ')', '（预计数）', '（一）', '(二季度', '“', '”', '“十三五”', '【', '】',
  '一、', '（一）', '1.', '1、', '①', '第一，', '其一，', '——',
  '从', '到', '至', '由', '从2015年的', '到2020年', '增长到', '2020年', '2020年上半年', '1-6月', '1月', '1-', '12月', '年', '月', '日',
  '2020年7月31日', '20222211日', '二〇二一年一月八日', '年以来', '以来', '上半年', '一季度', '1至', '亿元', '万元', '元', '人', '户',
  '，', '、', '；', '。', ',', ':', '：', ' ', '\u3000', '\n', '|', '\t',
  '实现', '完成', '达到', '为', '是', '其中', '分别为', '预计', '累计', '左右', '以上', '个百分点', '近', '约', '余', '多', '和', '与', '及',
];

const PUNCT_SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['，', '、'], ['、', '，'], ['。', '，'], ['，', '。'], ['，', ','], ['（', '('], ['）', ')'], ['%', '％'], ['；', '，'], ['：', ''], ['\n', '。'],
];

function deleteSlice(r: Rand, s: string): string {
  if (s.length < 2) return s;
  const a = int(r, 0, s.length - 1);
  const len = int(r, 1, Math.min(400, s.length - a));
  return s.slice(0, a) + s.slice(a + len);
}

function repeatSlice(r: Rand, s: string): string {
  if (s.length < 1) return s;
  const a = int(r, 0, s.length - 1);
  const len = int(r, 1, Math.min(r() < 0.7 ? 12 : 200, s.length - a));
  const times = int(r, 2, r() < 0.8 ? 20 : 200);
  const piece = s.slice(a, a + len);
  return s.slice(0, a) + piece.repeat(times) + s.slice(a + len);
}

function insertRun(r: Rand, s: string, long = false): string {
  const at = int(r, 0, s.length);
  // A run of one piece, or of a few pieces mixed (、12.5%增长、一（).
  const parts = r() < 0.6 ? [pick(r, PIECES)] : Array.from({ length: int(r, 2, 4) }, () => pick(r, PIECES));
  const times = long ? int(r, 2000, 20_000) : int(r, 1, r() < 0.7 ? 40 : 600);
  const cap = long ? LONG_CHARS : 3000;
  let run = '';
  for (let k = 0; k < times && run.length < cap; k++) run += r() < 0.8 ? parts[k % parts.length]! : pick(r, parts);
  return s.slice(0, at) + run + s.slice(at);
}

function dropLineBreaks(r: Rand, s: string): string {
  if (r() < 0.4) return s.replace(/\r?\n/g, '');
  const a = int(r, 0, s.length);
  const b = Math.min(s.length, a + int(r, 50, 2000));
  return s.slice(0, a) + s.slice(a, b).replace(/\r?\n/g, '') + s.slice(b);
}

function swapPunctuation(r: Rand, s: string): string {
  const [from, to] = pick(r, PUNCT_SWAPS);
  const a = int(r, 0, s.length);
  const b = Math.min(s.length, a + int(r, 20, 3000));
  return s.slice(0, a) + s.slice(a, b).split(from).join(to) + s.slice(b);
}

const MUTATIONS = [deleteSlice, repeatSlice, insertRun, insertRun, dropLineBreaks, swapPunctuation] as const;

/** Characters of most inputs (a few KB), and of the long ones. */
const SHORT_CHARS = 4000;
const LONG_CHARS = 40_000;

/**
 * Input `n`: a window of one document (a few KB), mutated one to five times.
 * One input in a hundred is long (up to ~120 KB): a run of thousands of
 * pieces, where a rule that recurses once per piece or rescans the run
 * at each of its positions shows.
 */
export function makeInput(docs: readonly string[], seed: number, n: number): string {
  const r = inputRng(seed, n);
  const long = r() < 0.01;
  const doc = pick(r, docs);
  // Chinese text is ~3 bytes a character: 200-1500 characters is 0.6-4.5 KB.
  const len = Math.min(doc.length, int(r, 200, 1500));
  const start = int(r, 0, doc.length - len);
  let s = doc.slice(start, start + len);
  // Most windows begin where the document does, so its title and date stay in play.
  if (r() < 0.3) s = doc.slice(0, len);
  const rounds = int(r, 1, 5);
  for (let k = 0; k < rounds; k++) s = pick(r, MUTATIONS)(r, s);
  if (long) s = insertRun(r, s, true);
  // Keep inputs small: a few KB (a long run may have grown it).
  const cap = long ? LONG_CHARS : SHORT_CHARS;
  return s.length > cap ? s.slice(0, cap) : s;
}

// ---------------------------------------------------------------- corpus

/** corpus/dev and corpus/wild of the package if present, else ../shared/corpus beside the repository. */
function corpusDirs(): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dirs: string[] = [];
  for (const name of ['dev', 'wild']) {
    const own = join(root, 'corpus', name);
    const shared = join(root, '..', 'shared', 'corpus', name);
    if (existsSync(own)) dirs.push(own);
    else if (existsSync(shared)) dirs.push(shared);
  }
  return dirs;
}

function loadDocs(): string[] {
  const docs: string[] = [];
  for (const dir of corpusDirs()) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) docs.push(readFileSync(join(dir, f), 'utf8'));
  }
  if (docs.length === 0) throw new Error('no corpus documents found (corpus/dev, corpus/wild, ../shared/corpus)');
  return docs;
}

// ---------------------------------------------------------------- run

interface Cli {
  count: number;
  seed: number;
  maxMs: number;
  floorMs: number;
  hangMs: number;
  out: string;
  only: number | null;
  json: boolean;
}

function usage(): never {
  console.error('usage: fuzz [--count N] [--seed S] [--max-ms MS_PER_100KB] [--floor-ms MS] [--hang-ms MS] [--out DIR] [--only N] [--json]');
  process.exit(2);
}

function parseCli(): Cli {
  const values = benchArgs(
    {
      options: {
        count: { type: 'string', default: '100000' },
        seed: { type: 'string', default: '1' },
        'max-ms': { type: 'string', default: '1000' },
        'floor-ms': { type: 'string', default: '25' },
        'hang-ms': { type: 'string', default: '60000' },
        out: { type: 'string', default: 'fuzz-failures' },
        only: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
  );
  const cli: Cli = {
    count: Number(values.count),
    seed: Number(values.seed),
    maxMs: Number(values['max-ms']),
    floorMs: Number(values['floor-ms']),
    hangMs: Number(values['hang-ms']),
    out: values.out,
    only: values.only === undefined ? null : Number(values.only),
    json: values.json,
  };
  if (!(cli.count > 0) || !Number.isInteger(cli.seed) || !(cli.maxMs > 0) || !(cli.floorMs >= 0) || !(cli.hangMs > 0)) usage();
  if (cli.only !== null && !(Number.isInteger(cli.only) && cli.only >= 0)) usage();
  return cli;
}

/** The first fact or project whose quote is not the text at its span, or null. */
function ungrounded(text: string, x: Extraction): string | null {
  for (const item of [...x.facts, ...x.projects]) {
    if (item.quote !== text.slice(item.span[0], item.span[1])) return `quote ${JSON.stringify(item.quote)} ≠ text at [${item.span.join(', ')}]`;
  }
  return null;
}

const gc = (globalThis as { gc?: () => void }).gc;
const rssMB = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

function main(): void {
  const cli = parseCli();
  const docs = loadDocs();
  const failures: Array<{ n: number; kind: 'throw' | 'stall' | 'ungrounded'; detail: string; file: string }> = [];
  const written = new Map<string, number>(); // inputs written per kind of failure: at most 5 per throw site, 20 stalls
  let throws = 0;
  let stalls = 0;
  let bad = 0;
  let bytes = 0;
  let maxMsPer100KB = 0;
  let maxMsPer100KBInput = -1;
  let slowestMs = 0;
  let inputs = 0;

  const record = (n: number, kind: 'throw' | 'stall' | 'ungrounded', detail: string, text: string): void => {
    // A throw is known by its message and the frame it was thrown in; a stall or a bad quote by its kind.
    const key = kind === 'throw' ? detail.split('\n').slice(0, 2).join('|') : kind;
    const seen = written.get(key) ?? 0;
    written.set(key, seen + 1);
    let file = '';
    if (seen < (kind === 'throw' ? 5 : 20)) {
      mkdirSync(cli.out, { recursive: true });
      file = join(cli.out, `seed${cli.seed}-${n}-${kind}.txt`);
      writeFileSync(file, text);
    }
    failures.push({ n, kind, detail, file });
    if (!cli.json) console.log(`${kind} at input ${n} (${Buffer.byteLength(text)} B)${file ? ` -> ${file}` : ''}: ${detail.split('\n').slice(0, 4).join(' | ')}`);
  };

  const t0 = performance.now();
  // Warm-up, so the first inputs are not timed through the interpreter.
  for (let k = 0; k < 3; k++) for (const d of docs) extract(d, { doc: 'warm' });
  gc?.();

  const first = cli.only ?? 0;
  const last = cli.only ?? cli.count - 1;
  const current = startWatchdog(cli);
  for (let n = first; n <= last; n++) {
    const text = makeInput(docs, cli.seed, n);
    Atomics.store(current, 0, n + 1);
    const size = Buffer.byteLength(text, 'utf8');
    inputs++;
    bytes += size;
    let ms: number;
    let x: Extraction;
    try {
      const s = performance.now();
      x = extract(text, { doc: `fuzz-${n}` });
      ms = performance.now() - s;
    } catch (err) {
      throws++;
      const e = err as Error;
      record(n, 'throw', `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`, text);
      continue;
    }
    const limit = Math.max(cli.floorMs, (cli.maxMs * size) / 100_000);
    if (ms > limit) {
      // Best of three: a GC pause or a busy core is not a stall.
      for (let k = 0; k < 2 && ms > limit; k++) {
        const s = performance.now();
        extract(text, { doc: `fuzz-${n}` });
        ms = Math.min(ms, performance.now() - s);
      }
      if (ms > limit) {
        stalls++;
        record(n, 'stall', `${ms.toFixed(1)} ms for ${size} B (limit ${limit.toFixed(1)} ms)`, text);
      }
    }
    // Per-KB figures from inputs of at least 1 KB: below that the fixed cost of a call dominates.
    if (size >= 1000 && (ms * 100_000) / size > maxMsPer100KB) {
      // A new maximum is the best of three, like a stall.
      for (let k = 0; k < 2; k++) {
        const s = performance.now();
        extract(text, { doc: `fuzz-${n}` });
        ms = Math.min(ms, performance.now() - s);
      }
      const per = (ms * 100_000) / size;
      if (per > maxMsPer100KB) {
        maxMsPer100KB = per;
        maxMsPer100KBInput = n;
      }
    }
    if (ms > slowestMs) slowestMs = ms;
    const g = ungrounded(text, x);
    if (g) {
      bad++;
      record(n, 'ungrounded', g, text);
    }
    if (!cli.json && cli.only === null && (n + 1) % 10_000 === 0) {
      const s = (performance.now() - t0) / 1000;
      console.log(`  ${n + 1} inputs, ${throws} throws, ${stalls} stalls, ${s.toFixed(0)} s`);
    }
  }
  Atomics.store(current, 0, 0);
  const seconds = (performance.now() - t0) / 1000;
  const summary = {
    seed: cli.seed,
    inputs,
    mb: bytes / 1e6,
    seconds,
    throws,
    stalls,
    ungrounded: bad,
    maxMsPer100KB,
    maxMsPer100KBInput,
    maxMsPerKB: maxMsPer100KB / 100,
    slowestMs,
    peakRssMB: rssMB(),
    failures,
  };
  if (cli.json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`fuzz seed ${cli.seed}: ${inputs} inputs (${summary.mb.toFixed(1)} MB) in ${seconds.toFixed(1)} s`);
    console.log(`  throws ${throws}, stalls ${stalls} (> ${cli.maxMs} ms per 100 KB, floor ${cli.floorMs} ms), ungrounded ${bad}`);
    console.log(
      `  max ${maxMsPer100KB.toFixed(1)} ms per 100 KB (${summary.maxMsPerKB.toFixed(2)} ms per KB, input ${maxMsPer100KBInput}), slowest input ${slowestMs.toFixed(1)} ms, peak RSS ${summary.peakRssMB.toFixed(0)} MB`,
    );
    console.log(failures.length ? `FAIL: ${failures.length} failing inputs; the first of each kind written to ${cli.out}/` : 'ok');
  }
  process.exit(failures.length ? 1 : 0);
}

// ---------------------------------------------------------------- watchdog

/**
 * A call that never returns cannot be timed from the thread it blocks: a
 * watchdog thread reads the number of the input being extracted (slot 0, n + 1;
 * 0 when none) and, when one input has run for --hang-ms, writes it to --out,
 * says so and ends the process with status 1.
 */
function startWatchdog(cli: Cli): Int32Array {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), { workerData: { watchdog: true, shared, cli } });
  worker.unref();
  return shared;
}

function watchdog(shared: Int32Array, cli: Cli): void {
  let seen = 0;
  let since = Date.now();
  setInterval(() => {
    const now = Atomics.load(shared, 0);
    if (now !== seen) {
      seen = now;
      since = Date.now();
      return;
    }
    if (now === 0 || Date.now() - since < cli.hangMs) return;
    const n = now - 1;
    const text = makeInput(loadDocs(), cli.seed, n);
    mkdirSync(cli.out, { recursive: true });
    const file = join(cli.out, `seed${cli.seed}-${n}-hang.txt`);
    writeFileSync(file, text);
    // Written to the file descriptor: a worker's console goes through the main thread, which is blocked.
    writeSync(1, `hang at input ${n} (${Buffer.byteLength(text)} B) -> ${file}: no return after ${cli.hangMs} ms\nFAIL: extraction hung\n`);
    process.kill(process.pid, 'SIGTERM');
  }, Math.min(1000, cli.hangMs / 4));
}

// Run only as a script, not when imported (the property test reuses makeInput).
if (!isMainThread && (workerData as { watchdog?: boolean } | null)?.watchdog) {
  const { shared, cli } = workerData as { shared: Int32Array; cli: Cli };
  watchdog(shared, cli);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
