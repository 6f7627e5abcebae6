// `npm run bench:serve`: latency of the HTTP API over a realistic store.
//
// Generates N documents from the sample corpus (other real regions, years and
// figures: serve-corpus.ts), extracts and ingests them into a SQLite store
// (cached under the OS temp dir by seed and size), starts `zhengbao serve` on
// it in a child process (so the load generator does not share the server's
// thread), then drives each endpoint separately with autocannon: C concurrent
// connections, a warm-up, then a fixed duration, every request different
// (rotating document ids, region codes and search queries). Latency
// percentiles come from every response time, not autocannon's histogram.
//
// Bar: p95 ≤ 50 ms for each endpoint and no non-2xx; exit code 1 otherwise.
//
// The CPU column shows the cores the server, autocannon and every other
// process used during each run: on a shared machine, "other" > 0 means the
// figures are disturbed.
//
//   node dist/bench/serve.js [--docs 10000] [--duration 10] [--connections 20]
//                            [--warmup 3] [--seed 1] [--fresh] [--json]
//                            [--endpoints search,regions,documents] [--workers N]
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { extract } from '../extract/pipeline.js';
import { MIGRATIONS, openStore } from '../store/index.js';
import { loadCorpus } from './corpus.js';
import { prng } from './random.js';
import { generateServeCorpus, SERVE_CORPUS_VERSION, SERVE_DEFAULTS, type ServeCorpusPlan } from './serve-corpus.js';
import { benchArgs } from './args.js';

const BAR_P95_MS = 50;

interface Cli {
  docs: number;
  duration: number;
  connections: number;
  warmup: number;
  seed: number;
  fresh: boolean;
  json: boolean;
  endpoints: Endpoint[];
  /** Server processes (zhengbao serve --workers). */
  workers: number;
}

const ENDPOINTS = ['search', 'regions', 'documents'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

function usage(): never {
  console.error(
    'usage: bench:serve [--docs N] [--duration S] [--connections C] [--warmup S] [--seed N] [--fresh] [--json] [--endpoints search,regions,documents] [--workers N]',
  );
  process.exit(2);
}

function parseCli(): Cli {
  const values = benchArgs(
    {
      options: {
        docs: { type: 'string', default: String(SERVE_DEFAULTS.docs) },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '20' },
        warmup: { type: 'string', default: '3' },
        seed: { type: 'string', default: String(SERVE_DEFAULTS.seed) },
        fresh: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        endpoints: { type: 'string', default: ENDPOINTS.join(',') },
        workers: { type: 'string', default: String(availableParallelism()) },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
  );
  const cli = {
    docs: Number(values.docs),
    duration: Number(values.duration),
    connections: Number(values.connections),
    warmup: Number(values.warmup),
    seed: Number(values.seed),
    fresh: values.fresh,
    json: values.json,
    endpoints: values.endpoints.split(',').map((e) => e.trim()) as Endpoint[],
    workers: Number(values.workers),
  };
  if (!cli.endpoints.length || cli.endpoints.some((e) => !ENDPOINTS.includes(e))) usage();
  const int = (n: number, min: number): boolean => Number.isInteger(n) && n >= min;
  if (!int(cli.docs, 1) || !(cli.duration > 0) || !int(cli.connections, 1) || !(cli.warmup >= 0) || !int(cli.seed, 0) || !int(cli.workers, 1)) usage();
  return cli;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ─── The store: generate, extract, ingest (or reuse) ─────────────────────────

/** What ingest learnt; kept beside the cached store so a reused store reports the same. */
interface StoreInfo {
  key: string;
  docs: number;
  seed: number;
  added: number;
  unchanged: number;
  textMB: number;
  /** Non-blank lines of the texts (what a search scans paragraph by paragraph). */
  lines: number;
  facts: number;
  projects: number;
  /** Generated documents whose extracted meta.region.code is the intended one. */
  regionHits: number;
  plan: ServeCorpusPlan;
  seconds: { total: number; generate: number; extract: number; ingest: number };
  builtAt: string;
}

/** A short hash of the schema a fresh store gets, so a cached store built under other migrations is not reused. */
function schemaFingerprint(): string {
  const store = openStore(':memory:');
  try {
    const sql = store.db
      .prepare<[], { sql: string | null }>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
      .all()
      .map((r) => r.sql)
      .join(';\n');
    return createHash('sha256').update(sql).digest('hex').slice(0, 10);
  } finally {
    store.close();
  }
}

function cacheFiles(cli: Cli): { dir: string; db: string; info: string; key: string } {
  const dir = join(tmpdir(), 'zhengbao-bench-serve');
  const key = `docs${cli.docs}-seed${cli.seed}-gen${SERVE_CORPUS_VERSION}-schema${MIGRATIONS.length}-${schemaFingerprint()}`;
  return { dir, key, db: join(dir, `${key}.sqlite`), info: join(dir, `${key}.json`) };
}

function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

async function buildStore(cli: Cli): Promise<{ file: string; info: StoreInfo; reused: boolean }> {
  const cache = cacheFiles(cli);
  mkdirSync(cache.dir, { recursive: true });
  if (!cli.fresh && existsSync(cache.db) && existsSync(cache.info)) {
    try {
      const info = JSON.parse(readFileSync(cache.info, 'utf8')) as StoreInfo;
      if (info.key === cache.key) {
        log(`store: reusing ${cache.db} (built ${info.builtAt}; --fresh to rebuild)`);
        return { file: cache.db, info, reused: true };
      }
    } catch {
      // unreadable: rebuild
    }
  }
  // Stores of the same size and seed built by an older generator or schema are stale: remove them.
  const prefix = `docs${cli.docs}-seed${cli.seed}-`;
  for (const f of readdirSync(cache.dir)) if (f.startsWith(prefix) && !f.startsWith(`${cache.key}.`)) rmSync(join(cache.dir, f), { force: true });
  removeDb(cache.db);
  rmSync(cache.info, { force: true });
  const building = `${cache.db}.building`;
  removeDb(building);

  const samples = await loadCorpus();
  const t0 = performance.now();
  const corpus = generateServeCorpus(samples, { docs: cli.docs, seed: cli.seed });
  const store = openStore(building);
  const s = { generate: 0, extract: 0, ingest: 0 };
  let added = 0;
  let unchanged = 0;
  let bytes = 0;
  let lines = 0;
  let facts = 0;
  let projects = 0;
  let regionHits = 0;
  let lastShown = 0;
  const tty = process.stderr.isTTY;
  const progress = (n: number, done = false): void => {
    const now = performance.now();
    if (!done && now - lastShown < (tty ? 250 : 5000)) return;
    lastShown = now;
    const line = `ingest: ${n}/${cli.docs} documents, ${fmt(bytes / 1e6)} MB, ${facts} facts, ${fmt((now - t0) / 1000)} s`;
    if (tty) process.stderr.write(`\r${line}${done ? '\n' : ''}`);
    else log(line);
  };
  log(`store: generating and ingesting ${cli.docs} documents (seed ${cli.seed}) into ${building}`);
  try {
    let n = 0;
    for (let tg = performance.now(); ; tg = performance.now()) {
      const next = corpus.docs.next();
      if (next.done) break;
      const doc = next.value;
      const te = performance.now();
      s.generate += te - tg;
      const extraction = extract(doc.text, { doc: doc.name });
      const ti = performance.now();
      s.extract += ti - te;
      const r = store.ingest({ name: doc.name, path: null, encoding: 'utf-8', text: doc.text, extraction });
      s.ingest += performance.now() - ti;
      if (r.status === 'added') added++;
      else unchanged++;
      if (extraction.meta.region?.code === doc.region.code) regionHits++;
      bytes += doc.bytes;
      for (const l of doc.text.split('\n')) if (l.trim()) lines++;
      facts += extraction.facts.length;
      projects += extraction.projects.length;
      progress(++n);
    }
    progress(n, true);
    const to = performance.now();
    store.optimize(); // as zhengbao ingest does after a bulk load
    s.ingest += performance.now() - to;
  } finally {
    store.close();
  }
  const info: StoreInfo = {
    key: cache.key,
    docs: cli.docs,
    seed: cli.seed,
    added,
    unchanged,
    textMB: bytes / 1e6,
    lines,
    facts,
    projects,
    regionHits,
    plan: corpus.plan,
    seconds: { total: (performance.now() - t0) / 1000, generate: s.generate / 1000, extract: s.extract / 1000, ingest: s.ingest / 1000 },
    builtAt: new Date().toISOString(),
  };
  renameSync(building, cache.db);
  for (const ext of ['-wal', '-shm']) if (existsSync(building + ext)) renameSync(building + ext, cache.db + ext);
  writeFileSync(cache.info, JSON.stringify(info, null, 2));
  return { file: cache.db, info, reused: false };
}

function fileMB(file: string): number {
  let bytes = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      bytes += statSync(f).size;
    } catch {
      // no WAL
    }
  }
  return bytes / 1e6;
}

// ─── Request mixes ───────────────────────────────────────────────────────────

/** Realistic searches: indicators that match thousands of paragraphs, topics of the news, rarer words, several words. */
const SEARCH_TERMS = [
  '地区生产总值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '规模以上工业增加值', '同比增长',
  '招商引资', '疫情防控', '高质量发展', '营商环境', '项目建设', '乡村振兴', '脱贫攻坚', '生态环境', '污染防治',
  '新能源', '锂离子电池', '大数据', '人工智能', '跨境电商', '产业园', '签约', '总投资', '居民人均可支配收入',
  '就业', '教育', '医疗卫生', '养老', '棚户区改造', '文明城市', '旅游', '5G', '减税降费', '减免租金', '专项债',
  '进出口', '高新区', '楼宇经济', '河长', '垃圾分类', '地区生产总值 增长', '固定资产投资 项目', '招商引资 签约',
  '疫情 复工复产', '新能源 汽车', '污水 管网', '营商环境 改革', '民生 支出', '科技 创新', '城镇 就业',
];
const DOC_TYPES = ['work_report', 'midyear_report', 'plan_report', 'investment_news'] as const;

interface Mixes {
  documents: string[];
  regions: string[];
  search: string[];
  ids: number;
  regionCodes: number;
}

function buildMixes(file: string, seed: number): Mixes {
  const db = new Database(file, { readonly: true });
  try {
    const ids = db.prepare<[], { id: number }>('SELECT id FROM documents ORDER BY id').all().map((r) => r.id);
    const regions = db
      .prepare<[], { code: string; name: string | null }>(
        'SELECT region_code AS code, max(region_name) AS name FROM documents WHERE region_code IS NOT NULL GROUP BY region_code ORDER BY region_code',
      )
      .all();
    const years = db
      .prepare<[], { y: string }>("SELECT DISTINCT substr(review_period, 1, 4) AS y FROM documents WHERE review_period IS NOT NULL ORDER BY y")
      .all()
      .map((r) => r.y);
    const rand = prng(seed ^ 0x5eed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const shuffle = <T>(xs: T[]): T[] => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [xs[i], xs[j]] = [xs[j]!, xs[i]!];
      }
      return xs;
    };
    const documents = shuffle(ids.map((id) => `/api/documents/${id}`));
    const regionPaths = shuffle(regions.map((r) => `/api/regions/${r.code}`));
    // Each term unfiltered (pages 1-5, and 50 a page), then filtered by many regions, every type and every
    // year; some searches for a place name. Several thousand distinct requests, cycled in a fixed shuffled
    // order: more than the server's result cache holds (512), so every request is answered afresh.
    const search = new Set<string>();
    const q = (params: Record<string, string | number>): string =>
      `/api/search?${Object.entries(params)
        .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
        .join('&')}`;
    for (const term of SEARCH_TERMS) {
      for (let page = 0; page < 5; page++) search.add(page ? q({ q: term, offset: page * 10 }) : q({ q: term }));
      search.add(q({ q: term, limit: 50 }));
      for (const type of DOC_TYPES) search.add(q({ q: term, type }));
      for (const year of years) search.add(q({ q: term, year }));
      for (let i = 0; i < 40 && regions.length; i++) search.add(q({ q: term, region: pick(regions).code }));
      for (let i = 0; i < 3 && regions.length && years.length; i++) search.add(q({ q: term, region: pick(regions).code, year: pick(years) }));
    }
    for (let i = 0; i < 100 && regions.length; i++) {
      const r = pick(regions);
      if (r.name) search.add(q({ q: r.name }));
    }
    return { documents, regions: regionPaths, search: shuffle([...search]), ids: ids.length, regionCodes: regions.length };
  } finally {
    db.close();
  }
}

// ─── The server, in a child process ──────────────────────────────────────────

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(file: string, workers: number): Promise<{ child: ChildProcess; base: string }> {
  const main = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  const port = await freePort();
  const token = randomBytes(12).toString('base64url');
  const child = spawn(process.execPath, [main, 'serve', '--db', file, '--port', String(port), '--host', '127.0.0.1', '--token', token, '--workers', String(workers)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`zhengbao serve exited (${child.exitCode ?? child.signalCode}):\n${output.trim()}`);
    }
    try {
      const res = await fetch(`${base}/api/documents?limit=1`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`zhengbao serve did not answer within 120 s:\n${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base };
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** One request of each path answers 200 with JSON; a search for a common term finds something. */
async function smokeTest(base: string, mixes: Mixes, endpoints: readonly Endpoint[]): Promise<string[]> {
  const notes: string[] = [];
  const paths = [
    endpoints.includes('documents') ? mixes.documents[0] : undefined,
    endpoints.includes('regions') ? mixes.regions[0] : undefined,
    ...(endpoints.includes('search') ? [mixes.search[0], `/api/search?q=${encodeURIComponent('地区生产总值')}`] : []),
  ];
  for (const path of paths) {
    if (!path) continue;
    const res = await fetch(base + path);
    const body = await res.text();
    if (!res.ok) throw new Error(`GET ${decodeURI(path)} -> ${res.status}: ${body.slice(0, 300)}`);
    if (path.includes('q=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC')) {
      const total = (JSON.parse(body) as { total?: number }).total;
      notes.push(`search 地区生产总值: ${total ?? '?'} matching paragraphs`);
    }
  }
  return notes;
}

// ─── Load ────────────────────────────────────────────────────────────────────

// ─── CPU accounting (Linux /proc; absent elsewhere) ──────────────────────────

const TICKS_PER_SECOND = 100; // USER_HZ of /proc/stat and /proc/<pid>/stat on Linux

interface CpuSample {
  wall: number;
  /** Busy ticks of the whole machine. */
  busy: number | null;
  /** Ticks of the server process. */
  server: number | null;
  /** This process (autocannon), in µs. */
  self: number;
}

function readTicks(file: string, parse: (text: string) => number): number | null {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function processTicks(pid: number): number | null {
  return readTicks(`/proc/${pid}/stat`, (t) => {
    const f = t.slice(t.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
  });
}

/** Ticks of a process and its children (the server's workers, with --workers). */
function treeTicks(pid: number): number | null {
  const own = processTicks(pid);
  if (own === null) return null;
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // no children file: count the process alone
  }
  return children.reduce((sum, child) => sum + (processTicks(Number(child)) ?? 0), own);
}

function sampleCpu(serverPid: number | undefined): CpuSample {
  const busy = readTicks('/proc/stat', (t) => {
    const f = t.split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
    return f.slice(0, 8).reduce((a, b, i) => (i === 3 || i === 4 ? a : a + b), 0);
  });
  const server = serverPid === undefined ? null : treeTicks(serverPid);
  const u = process.cpuUsage();
  return { wall: performance.now(), busy, server, self: u.user + u.system };
}

/** Cores used over the interval by the server, by the load generator, and by everything else on the machine. */
function cpuBetween(a: CpuSample, b: CpuSample): { server: number | null; client: number; others: number | null } {
  const seconds = (b.wall - a.wall) / 1000;
  const client = (b.self - a.self) / 1e6 / seconds;
  const server = a.server !== null && b.server !== null ? (b.server - a.server) / TICKS_PER_SECOND / seconds : null;
  const busy = a.busy !== null && b.busy !== null ? (b.busy - a.busy) / TICKS_PER_SECOND / seconds : null;
  const others = busy !== null && server !== null ? Math.max(0, busy - server - client) : null;
  return { server, client, others };
}

interface Measured {
  endpoint: string;
  variants: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  kB: number;
  /** Cores busy during the measured run: the server, autocannon, other processes. */
  cpu: { server: number | null; client: number; others: number | null };
  pass: boolean;
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

async function load(
  base: string,
  paths: readonly string[],
  seconds: number,
  connections: number,
): Promise<{ times: number[]; non2xx: number; result: autocannon.Result }> {
  let next = 0;
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }),
          },
        ],
      },
      (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
  return { times, non2xx, result };
}

async function measure(endpoint: string, base: string, paths: readonly string[], cli: Cli, serverPid: number | undefined): Promise<Measured> {
  if (cli.warmup > 0) {
    log(`load: ${endpoint} warm-up ${cli.warmup} s`);
    await load(base, paths, cli.warmup, cli.connections);
  }
  log(`load: ${endpoint} ${cli.duration} s, ${cli.connections} connections, ${paths.length} distinct requests`);
  const before = sampleCpu(serverPid);
  const { times, non2xx, result } = await load(base, paths, cli.duration, cli.connections);
  const cpu = cpuBetween(before, sampleCpu(serverPid));
  const sorted = Float64Array.from(times).sort();
  const p95 = percentile(sorted, 95);
  return {
    endpoint,
    variants: paths.length,
    requests: times.length,
    seconds: result.duration,
    rps: times.length / result.duration,
    p50: percentile(sorted, 50),
    p95,
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    kB: result.throughput.total / 1e3 / Math.max(1, times.length),
    cpu,
    pass: times.length > 0 && p95 <= BAR_P95_MS && non2xx === 0 && result.errors === 0,
  };
}

// ─── Report ──────────────────────────────────────────────────────────────────

function table(rows: Measured[]): string {
  const head = [
    'endpoint', 'variants', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'kB/resp', 'non-2xx', 'errors',
    'CPU server/client/other', `p95 ≤ ${BAR_P95_MS} ms`,
  ];
  const cores = (n: number | null): string => (n === null ? '?' : fmt(n, 2));
  const body = rows.map((r) => [
    r.endpoint,
    String(r.variants),
    String(r.requests),
    fmt(r.rps),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    fmt(r.kB),
    String(r.non2xx),
    String(r.errors),
    `${cores(r.cpu.server)} / ${cores(r.cpu.client)} / ${cores(r.cpu.others)}`,
    r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)].join('\n');
}

function paragraphCount(file: string, fallback: number): { count: number; source: string } {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%paragraph%' ORDER BY length(name), name",
      )
      .all()
      .filter((t) => !/_(data|idx|content|docsize|config)$/.test(t.name)); // FTS5 shadow tables
    for (const { name } of tables) {
      try {
        const n = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get()?.n;
        if (typeof n === 'number' && n > 0) return { count: n, source: `rows of ${name}` };
      } catch {
        // a virtual table the module of which is missing: try the next
      }
    }
    return { count: fallback, source: 'non-blank lines' };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const cli = parseCli();
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const loadBefore = loadavg()[0] ?? 0;
  const { file, info, reused } = await buildStore(cli);
  const mixes = buildMixes(file, cli.seed);
  const paragraphs = paragraphCount(file, info.lines);
  const dbMB = fileMB(file);

  log(`server: starting zhengbao serve --db ${file} --workers ${cli.workers}`);
  const { child, base } = await startServer(file, cli.workers);
  const stop = (): void => void child.kill('SIGTERM');
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let rows: Measured[] = [];
  let notes: string[] = [];
  try {
    notes = await smokeTest(base, mixes, cli.endpoints);
    const runs: Array<[Endpoint, string, string[]]> = [
      ['search', '/api/search', mixes.search],
      ['regions', '/api/regions/:code', mixes.regions],
      ['documents', '/api/documents/:id', mixes.documents],
    ];
    for (const [key, endpoint, paths] of runs) {
      if (cli.endpoints.includes(key)) rows.push(await measure(endpoint, base, paths, cli, child.pid));
    }
  } finally {
    await stopServer(child);
  }

  const share = info.regionHits / Math.max(1, info.docs);
  const disturbed = rows.filter((r) => (r.cpu.others ?? 0) > 0.25);
  if (disturbed.length) {
    notes.push(
      `other processes kept ${disturbed.map((r) => `${fmt(r.cpu.others ?? 0, 2)} cores busy during ${r.endpoint}`).join(', ')}: those figures are disturbed; run again on a quiet machine`,
    );
  }
  const failed = rows.filter((r) => !r.pass).length;
  const lines = [
    '',
    `──────── zhengbao bench:serve ──────── node ${process.version}, ${cpus().length} × ${cpu}`,
    `corpus: ${info.added} documents (${info.unchanged} duplicates skipped), ${fmt(info.textMB)} MB of text, ${paragraphs.count.toLocaleString('en-US')} paragraphs (${paragraphs.source}), ${info.facts.toLocaleString('en-US')} facts, ${info.projects.toLocaleString('en-US')} projects; store ${fmt(dbMB)} MB`,
    `regions: ${mixes.regionCodes} (generator pools: ${info.plan.pools.map((p) => `${p.key} ${p.regions}/${p.eligible}`).join(', ')}); extraction found the intended region in ${fmt(share * 100)}% of documents`,
    `ingest: ${fmt(info.seconds.total)} s (generate ${fmt(info.seconds.generate)} s, extract ${fmt(info.seconds.extract)} s, store ${fmt(info.seconds.ingest)} s)${reused ? `, measured when the store was built (${info.builtAt}); reused now` : ''}`,
    `load: autocannon, ${cli.connections} connections, ${cli.warmup} s warm-up + ${cli.duration} s per endpoint, server in a child process; percentiles over every response; 1-min load average before: ${fmt(loadBefore, 2)}`,
    'CPU: cores busy during each measured run: the server process / autocannon (this process) / all other processes on the machine',
    ...notes.map((n) => `note: ${n}`),
    '',
    table(rows),
    '',
    cli.endpoints.length < ENDPOINTS.length ? `note: only ${cli.endpoints.join(', ')} measured (--endpoints)` : '',
    failed === 0 ? 'result: all bars PASS' : `result: ${failed} endpoint(s) FAIL`,
  ];
  console.log(lines.join('\n'));
  if (cli.json) {
    console.log(
      JSON.stringify({
        node: process.version,
        cpu,
        cores: cpus().length,
        corpus: {
          documents: info.added,
          text_mb: info.textMB,
          paragraphs: paragraphs.count,
          facts: info.facts,
          projects: info.projects,
          regions: mixes.regionCodes,
          region_share: share,
          store_mb: dbMB,
        },
        ingest_seconds: info.seconds,
        reused_store: reused,
        load: { connections: cli.connections, duration: cli.duration, warmup: cli.warmup },
        endpoints: rows,
        bar_p95_ms: BAR_P95_MS,
        pass: failed === 0,
      }),
    );
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
