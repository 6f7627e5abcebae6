// zhengbao eval: extract the sample corpus (corpus/dev and corpus/wild) and
// score each document against its gold file in the referee's terms (score.mjs:
// facts P/R/F1, projects F1, meta, estimated, grounded), per set and pooled
// over their union. The matching is src/bench/score.ts, held to the referee.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Command } from 'commander';
import { failureLine, processIo, type Io } from '../io.js';
import { SAMPLE_SETS, scorerPath } from '../paths.js';
import { readAndExtract, type Extractor } from './document.js';
import { pct, pool, scoreDocument, showFact, showProject, summaryLine, type DocScore, type Scorable, type Summary } from '../../bench/score.js';

export type { Summary } from '../../bench/score.js';

export interface EvalOptions {
  /** Folder of NAME.txt to extract; default the sample sets (corpus/dev and corpus/wild). */
  corpus?: string;
  /** Folder of NAME.gold.json; default the corpus folder. */
  gold?: string;
  /** One sample set by name (dev, wild) instead of all of them; ignored with `corpus`. */
  set?: string;
  /** Keep the extractions in this folder (DIR/SET/NAME.json for the sample sets) instead of a temporary one. */
  keep?: string;
  extractor?: Extractor;
}

/** One scored set of documents. */
export interface SetResult {
  name: string;
  corpus: string;
  docs: DocScore[];
  summary: Summary;
}

export interface Evaluation {
  sets: SetResult[];
  /** Pooled over every document of every set. */
  union: Summary;
  /** Files that could not be read or extracted (their extraction counts as empty). */
  failed: number;
}

interface EvalSet {
  name: string;
  corpus: string;
  gold: string;
}

/** The sets an eval run scores. */
export function evalSets(options: Pick<EvalOptions, 'corpus' | 'gold' | 'set'> = {}): EvalSet[] {
  if (options.corpus !== undefined) {
    const corpus = resolve(options.corpus);
    return [{ name: basename(corpus), corpus, gold: options.gold ?? corpus }];
  }
  const sets = options.set === undefined ? SAMPLE_SETS : SAMPLE_SETS.filter((s) => s.name === options.set);
  if (sets.length === 0) throw new Error(`unknown set ${options.set}; sets: ${SAMPLE_SETS.map((s) => s.name).join(', ')}`);
  return sets.map((s) => ({ name: s.name, corpus: s.dir, gold: s.dir }));
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

function readJson(path: string): Scorable | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Scorable;
  } catch {
    return null;
  }
}

/**
 * Scores the extractions in `pred` (NAME.json) against every NAME.gold.json of `gold`,
 * quotes checked against `docs`/NAME.txt, as the referee does: a missing or unreadable
 * extraction counts as an empty one.
 */
export function scoreDocs(gold: string, pred: string, docs: string | null): DocScore[] {
  const names = readdirSync(gold).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -'.gold.json'.length)).sort();
  return names.map((name) => {
    const g = JSON.parse(readFileSync(join(gold, `${name}.gold.json`), 'utf8')) as Scorable;
    const p = readJson(join(pred, `${name}.json`)) ?? { meta: {}, facts: [], projects: [] };
    const textPath = docs === null ? null : join(docs, `${name}.txt`);
    const text = textPath !== null && existsSync(textPath) ? readFileSync(textPath, 'utf8') : null;
    return scoreDocument(name, g, p, text);
  });
}

/** The pooled summary of the extractions in `pred` against `gold`, quotes checked against `docs`. */
export async function scoreFolders(gold: string, pred: string, docs: string): Promise<Summary> {
  return pool(scoreDocs(gold, pred, docs));
}

/** Extracts and scores each set; the extractions go to --keep or a temporary folder. */
export async function evaluate(options: EvalOptions = {}, io: Io = processIo): Promise<Evaluation> {
  const sets = evalSets(options);
  const root = options.keep ?? mkdtempSync(join(tmpdir(), 'zhengbao-eval-'));
  const single = options.corpus !== undefined;
  let failed = 0;
  try {
    const results: SetResult[] = [];
    for (const set of sets) {
      const pred = single ? root : join(root, set.name);
      failed += await extractCorpus(set.corpus, pred, io, options.extractor);
      const docs = scoreDocs(set.gold, pred, set.corpus);
      results.push({ name: set.name, corpus: set.corpus, docs, summary: pool(docs) });
    }
    return { sets: results, union: pool(results.flatMap((r) => r.docs)), failed };
  } finally {
    if (options.keep === undefined) rmSync(root, { recursive: true, force: true });
  }
}

/** Extracts and scores the sample sets (or `corpus`); resolves to the summary pooled over all of them. */
export async function scoreCorpus(options: EvalOptions = {}, io: Io = processIo): Promise<Summary> {
  return (await evaluate(options, io)).union;
}

const ratio = (t: { ok: number; n: number }): number | null => (t.n ? t.ok / t.n : null);

/** One document's line: the referee's measures for it alone. */
export function docLine(d: DocScore): string {
  const f = d.facts;
  const p = d.projects;
  const projects = p === null ? 'n/a (not annotated)' : `${pct(p.f)} (${p.tp}/${p.gold} gold, ${p.pred} extracted)`;
  return (
    `${d.doc}: facts P ${pct(f.p)} R ${pct(f.r)} F1 ${pct(f.f)} (${f.tp}/${f.gold} gold, ${f.pred} extracted)` +
    ` | projects F1 ${projects} | meta ${pct(ratio(d.meta))} | estimated ${pct(ratio(d.estimated))} | grounded ${pct(ratio(d.grounded))}`
  );
}

/** The report: per set, each document with what it missed and added, the set's summary; then the union. */
export function evalReport(evaluation: Evaluation): string[] {
  const out: string[] = [];
  for (const set of evaluation.sets) {
    out.push(`== ${set.name} (${set.docs.length} documents, ${set.corpus})`);
    for (const d of set.docs) {
      out.push(docLine(d));
      if (d.metaWrong.length) out.push(`  meta wrong: ${d.metaWrong.join(', ')}`);
      for (const f of d.missed) out.push(`  missed: ${showFact(f)}`);
      for (const f of d.extra) out.push(`  extra:  ${showFact(f)}`);
      for (const p of d.missedProjects) out.push(`  missed project: ${showProject(p)}`);
      for (const p of d.extraProjects) out.push(`  extra project:  ${showProject(p)}`);
    }
    out.push('');
  }
  const width = Math.max(...evaluation.sets.map((s) => s.name.length));
  for (const set of evaluation.sets) out.push(`${set.name.padEnd(width)}  ${summaryLine(set.summary)}`);
  const names = evaluation.sets.map((s) => s.name).join(' + ');
  out.push(`union (${names}):`);
  out.push(summaryLine(evaluation.union));
  return out;
}

/** Runs the command: prints the report, the union's summary last; resolves to 1 when a file failed, else 0. */
export async function runEval(options: EvalOptions, io: Io = processIo): Promise<number> {
  let evaluation: Evaluation;
  try {
    evaluation = await evaluate(options, io);
  } catch (error) {
    io.stderr(`zhengbao: eval: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  io.stdout(`${evalReport(evaluation).join('\n')}\n`);
  return evaluation.failed > 0 ? 1 : 0;
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

/** What the referee itself (score.mjs --json) says of the extractions in `pred`: to hold src/bench/score.ts to it. */
export async function refereeScore(gold: string, pred: string, docs: string): Promise<{ summary: Summary; report: unknown[] }> {
  const run = await runNode([scorerPath(), '--gold', gold, '--pred', pred, '--docs', docs, '--json']);
  if (run.code !== 0) throw new Error(`scorer failed (exit ${run.code}): ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as { summary: Summary; report: unknown[] };
}

export function evalCommand(io: Io = processIo): Command {
  return new Command('eval')
    .description('extract the sample corpus (corpus/dev and corpus/wild) and score each document against its gold file')
    .option('--corpus <dir>', 'folder of NAME.txt to extract instead of the sample sets')
    .option('--gold <dir>', 'folder of NAME.gold.json (default: the corpus folder)')
    .option('--set <name>', 'only this sample set: dev or wild')
    .option('--keep <dir>', 'write the extractions to DIR/SET/NAME.json (DIR/NAME.json with --corpus) and keep them')
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao eval                                  score corpus/dev, corpus/wild and their union
  $ zhengbao eval --set wild --keep out/           ... the wild set only, keeping out/wild/NAME.json
  $ zhengbao eval --corpus ../shared/corpus/dev --gold ../shared/corpus/dev

Each document's line gives facts P/R/F1, projects F1, meta, estimated and
grounded, then the facts and projects it missed or added. Each set's summary
follows, and the last line is the summary pooled over every set:
  facts P .. R .. F1 .. | projects F1 .. | meta .. | estimated .. | grounded .. | docs N
The exit code is 1 when a file could not be read or extracted.`,
    )
    .action(async (opts: EvalOptions) => {
      process.exitCode = await runEval(opts, io);
    });
}
