// zhengbao ingest PATH...: extract files and folders into the SQLite store.
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { listInputFiles } from '../../ingest/read.js';
import { ingestInput, openStore, type Store } from '../../store/index.js';
import { failureLine, processIo, reasonOf, type Io } from '../io.js';
import { DEFAULT_DB } from '../paths.js';
import { readAndExtract, type Extractor } from './document.js';

export interface IngestCommandOptions {
  db: string;
  encoding?: string;
  extractor?: Extractor;
}

/** Documents added in one run from which the search index is merged afterwards. */
export const BULK_LOAD = 200;

export interface IngestTally {
  added: number;
  unchanged: number;
  failed: number;
}

/** A bar on a terminal; nothing otherwise, so logs and pipes get only the summary. */
interface Progress {
  tick(file: string): void;
  /** Failures are held back while the bar is drawn, or they would tear it. */
  report(line: string): void;
  stop(): void;
}

function progress(total: number, io: Io): Progress {
  if (!io.stderrIsTTY || total === 0) {
    return { tick: () => {}, report: (line) => io.stderr(line), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}', clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const held: string[] = [];
  bar.start(total, 0, { file: '' });
  return {
    tick: (file) => bar.increment(1, { file }),
    report: (line) => void held.push(line),
    stop: () => {
      bar.stop();
      for (const line of held) io.stderr(line);
    },
  };
}

async function ingestFile(store: Store, file: string, options: IngestCommandOptions): Promise<'added' | 'unchanged'> {
  const { read, extraction } = await readAndExtract(file, options);
  const { status } = store.ingest(ingestInput(read, read.name, resolve(file), extraction));
  return status;
}

/** Runs the command; resolves to the exit code (1 when any input failed). */
export async function runIngest(paths: string[], options: IngestCommandOptions, io: Io = processIo): Promise<number> {
  const { files, errors } = listInputFiles(paths);
  const tally: IngestTally = { added: 0, unchanged: 0, failed: errors.length };
  for (const error of errors) io.stderr(failureLine(error.file, error));

  let store: Store;
  try {
    store = openStore(options.db);
  } catch (error) {
    io.stderr(`zhengbao: ${options.db}: cannot open database: ${reasonOf(error)}\n`);
    return 1;
  }
  const bar = progress(files.length, io);
  try {
    for (const file of files) {
      try {
        tally[await ingestFile(store, file, options)]++;
      } catch (error) {
        tally.failed++;
        bar.report(failureLine(file, error));
      }
      bar.tick(file);
    }
    // A bulk load leaves one index segment per document; merge them once.
    if (tally.added >= BULK_LOAD) store.optimize();
  } finally {
    bar.stop();
    store.close();
  }
  io.stdout(`added ${tally.added}, unchanged ${tally.unchanged}, failed ${tally.failed} (db: ${options.db})\n`);
  return tally.failed > 0 ? 1 : 0;
}

export function dbOption(): Option {
  return new Option('--db <file>', 'SQLite database').env('ZHENGBAO_DB').default(DEFAULT_DB);
}

export function ingestCommand(io: Io = processIo): Command {
  return new Command('ingest')
    .description('extract documents and store them with their facts and projects (the same text twice is stored once)')
    .argument('<path...>', 'documents (.txt .html .htm .pdf .docx) or folders, searched recursively')
    .addOption(dbOption())
    .option('--encoding <name>', 'read text and web pages in this encoding instead of detecting it (gb18030, big5, utf-16le)')
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao ingest corpus/dev                      every document under the folder
  $ zhengbao ingest report.pdf page.html plan.docx  the original file is kept (zhengbao show ID --original)
  $ zhengbao ingest a.txt b.txt --db reports.db
  $ ZHENGBAO_DB=~/data/zhengbao.db zhengbao ingest ~/reports

Prints "added N, unchanged N, failed N (db: FILE)". A file that fails is
reported as "zhengbao: FILE: reason" and leaves nothing in the store; the
others are still stored and the exit code is 1.`,
    )
    .action(async (paths: string[], opts: IngestCommandOptions) => {
      process.exitCode = await runIngest(paths, opts, io);
    });
}
