// zhengbao eval: extract the sample corpus and score it against the gold files.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { failureLine, processIo, type Io } from '../io.js';
import { defaultCorpus, scorerPath } from '../paths.js';
import { readAndExtract, type Extractor } from './document.js';

export interface EvalOptions {
  /** Folder of NAME.txt to extract; default the package's corpus/dev. */
  corpus?: string;
  /** Folder of NAME.gold.json; default the corpus folder. */
  gold?: string;
  /** Keep the extractions in this folder instead of a temporary one. */
  keep?: string;
  extractor?: Extractor;
}

interface Score {
  p: number;
  r: number;
  f: number;
  tp: number;
  gold: number;
  pred: number;
}

/** The scorer's pooled summary (score.mjs --json). */
export interface Summary {
  docs: number;
  facts: Score;
  projects: Score;
  meta: number | null;
  estimated_agreement: number | null;
  quotes_grounded: number | null;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runNode(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Extracts every NAME.txt of `corpus` into `out`/NAME.json; resolves to the number of failures. */
export async function extractCorpus(corpus: string, out: string, io: Io, extractor?: Extractor): Promise<number> {
  mkdirSync(out, { recursive: true });
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  let failed = 0;
  for (const file of files) {
    const path = join(corpus, file);
    try {
      const { read, extraction } = await readAndExtract(path, extractor ? { extractor } : {});
      writeFileSync(join(out, `${read.name}.json`), `${JSON.stringify(extraction, null, 2)}\n`);
    } catch (error) {
      failed++;
      io.stderr(failureLine(path, error));
    }
  }
  return failed;
}

/** Extracts the corpus into --keep or a temporary folder, runs the scorer on it, then cleans up. */
async function withExtractions<T>(options: EvalOptions, io: Io, score: (args: string[]) => Promise<T>): Promise<T> {
  const corpus = options.corpus ?? defaultCorpus;
  const pred = options.keep ?? mkdtempSync(join(tmpdir(), 'zhengbao-eval-'));
  try {
    await extractCorpus(corpus, pred, io, options.extractor);
    return await score([scorerPath(), '--gold', options.gold ?? corpus, '--pred', pred, '--docs', corpus]);
  } finally {
    if (options.keep === undefined) rmSync(pred, { recursive: true, force: true });
  }
}

/** Runs the command: prints the scorer's report; resolves to the scorer's exit code. */
export async function runEval(options: EvalOptions, io: Io = processIo): Promise<number> {
  return withExtractions(options, io, async (args) => {
    const run = await runNode(args);
    io.stdout(run.stdout);
    io.stderr(run.stderr);
    return run.code;
  });
}

/** Extracts and scores the corpus; resolves to the scorer's pooled summary. */
export async function scoreCorpus(options: EvalOptions = {}, io: Io = processIo): Promise<Summary> {
  return withExtractions(options, io, summaryOf);
}

/** The scorer's pooled summary of the extractions in `pred` against `gold`, quotes checked against `docs`. */
export async function scoreFolders(gold: string, pred: string, docs: string): Promise<Summary> {
  return summaryOf([scorerPath(), '--gold', gold, '--pred', pred, '--docs', docs]);
}

async function summaryOf(args: string[]): Promise<Summary> {
  const run = await runNode([...args, '--json']);
  if (run.code !== 0) throw new Error(`scorer failed (exit ${run.code}): ${run.stderr.trim()}`);
  return (JSON.parse(run.stdout) as { summary: Summary }).summary;
}

export function evalCommand(io: Io = processIo): Command {
  return new Command('eval')
    .description("extract the sample corpus and score the extractions against its gold files")
    .option('--corpus <dir>', "folder of NAME.txt to extract (default: the package's corpus/dev)")
    .option('--gold <dir>', 'folder of NAME.gold.json (default: the corpus folder)')
    .option('--keep <dir>', 'write the extractions to DIR/NAME.json and keep them (default: a temporary folder)')
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao eval                                  score the bundled corpus/dev
  $ zhengbao eval --keep out/                      ... and keep out/NAME.json to inspect
  $ zhengbao eval --corpus ../shared/corpus/dev --gold ../shared/corpus/dev

The last line is the pooled summary:
  facts P .. R .. F1 .. | projects F1 .. | meta .. | estimated .. | grounded .. | docs N
The exit code is the scorer's.`,
    )
    .action(async (opts: EvalOptions) => {
      process.exitCode = await runEval(opts, io);
    });
}
