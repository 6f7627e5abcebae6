// zhengbao serve: the HTTP API and the dashboard over a store.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildServer } from '../../api/server.js';
import { DEFAULT_UPLOAD_LIMIT } from '../../api/upload.js';
import { openStore } from '../../store/index.js';
import { processIo, reasonOf, type Io } from '../io.js';
import { packageRoot } from '../paths.js';
import { dbOption } from './ingest.js';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  uploadLimit: number;
  log: boolean;
  /** Server processes sharing the port (and the SQLite file, which WAL lets them read at once). */
  workers: number;
}

/** The token a cluster's primary made up, handed to its workers. */
const WORKER_TOKEN_ENV = 'ZHENGBAO_WORKER_TOKEN';

/** The built dashboard inside the package. */
export const WEB_ROOT = join(packageRoot, 'dist', 'web');

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return n;
  };
}

/** A token goes in an HTTP header, which browsers fill with visible ASCII only. */
export function parseToken(value: string): string {
  if (!/^[\x21-\x7e]{8,200}$/.test(value)) {
    throw new InvalidArgumentError('a token is 8 to 200 visible ASCII characters (no spaces, no Chinese)');
  }
  return value;
}

/**
 * Starts the server; resolves once it listens (the process then stays up until
 * stopped). With workers > 1 this process forks that many servers on the port
 * and prints their address once they all listen.
 */
export async function runServe(options: ServeOptions, io: Io = processIo): Promise<number> {
  if (options.workers > 1 && cluster.isPrimary) return runPrimary(options, io);
  let store;
  try {
    store = openStore(options.db);
  } catch (error) {
    io.stderr(`zhengbao: ${options.db}: cannot open database: ${reasonOf(error)}\n`);
    return 1;
  }
  // Uploads always need a token; without one given, make one for this run and say it.
  const token = options.token ?? process.env[WORKER_TOKEN_ENV] ?? randomBytes(12).toString('base64url');
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null;
  const app = await buildServer({ store, token, webRoot, uploadLimitBytes: options.uploadLimit, logger: options.log });
  const close = async (): Promise<void> => {
    await app.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    io.stderr(`zhengbao: cannot listen on ${options.host}:${options.port}: ${reasonOf(error)}\n`);
    store.close();
    return 1;
  }
  if (cluster.isWorker) return 0; // the primary prints the banner
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  printBanner(io, options, port, webRoot !== null, options.token ? null : token, store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()!.n);
  return 0;
}

function printBanner(io: Io, options: ServeOptions, port: number, web: boolean, madeUpToken: string | null, documents: number): void {
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${shown}:${port}/`;
  io.stdout(
    [
      `zhengbao serving ${options.db} (${documents} documents${options.workers > 1 ? `, ${options.workers} workers` : ''})`,
      web ? `  dashboard  ${url}` : '  dashboard  not built (npm run build:web)',
      `  API        ${url}api/  (OpenAPI: ${url}api/openapi.json)`,
      `  upload token (投稿): ${madeUpToken ?? '(as given)'}`,
      '',
    ].join('\n'),
  );
}

/** Forks the workers; resolves once all listen, or to 1 when one fails before that. */
async function runPrimary(options: ServeOptions, io: Io): Promise<number> {
  let documents = 0;
  try {
    const store = openStore(options.db); // migrate once here, not racing in every worker
    documents = store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()!.n;
    store.close();
  } catch (error) {
    io.stderr(`zhengbao: ${options.db}: cannot open database: ${reasonOf(error)}\n`);
    return 1;
  }
  const token = options.token ?? randomBytes(12).toString('base64url');
  let listening = 0;
  let stopping = false;
  const stop = (): void => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>((resolve) => {
    cluster.on('listening', (_worker, address) => {
      if (++listening === options.workers) {
        printBanner(io, options, address.port, existsSync(join(WEB_ROOT, 'index.html')), options.token ? null : token, documents);
        resolve(0);
      }
    });
    cluster.on('exit', (worker, code) => {
      if (stopping) return;
      if (listening < options.workers) {
        io.stderr(`zhengbao: a server worker exited (code ${code}) before listening\n`);
        stop();
        resolve(1);
        return;
      }
      io.stderr(`zhengbao: worker ${worker.process.pid} exited (code ${code}); starting another\n`);
      cluster.fork({ [WORKER_TOKEN_ENV]: token });
    });
    for (let i = 0; i < options.workers; i++) cluster.fork({ [WORKER_TOKEN_ENV]: token });
  });
}

export function serveCommand(io: Io = processIo): Command {
  return new Command('serve')
    .description('serve the HTTP API and the dashboard over the store')
    .addOption(dbOption())
    .addOption(new Option('--port <n>', 'port').env('PORT').default(8787).argParser(integer(0, 65535)))
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .addOption(
      new Option('--token <token>', 'token that uploads must present; one is made up and printed if absent')
        .env('ZHENGBAO_TOKEN')
        .argParser(parseToken),
    )
    .addOption(
      new Option('--upload-limit <bytes>', 'largest upload in bytes').default(DEFAULT_UPLOAD_LIMIT).argParser(integer(1, 64 * 1024 * 1024)),
    )
    .option('--log', 'log every request as JSON lines', false)
    .addOption(
      new Option('--workers <n>', `server processes sharing the port (this machine has ${availableParallelism()} cores)`)
        .default(1)
        .argParser(integer(1, 64)),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao serve                                  ./zhengbao.db on http://127.0.0.1:8787/
  $ zhengbao serve --db reports.db --port 9000 --token s3cret
  $ curl 'http://127.0.0.1:8787/api/search?q=地区生产总值'`,
    )
    .action(async (opts: ServeOptions) => {
      const code = await runServe(opts, io);
      if (code !== 0) process.exitCode = code;
    });
}
