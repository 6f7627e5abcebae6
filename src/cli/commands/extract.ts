// zhengbao extract FILE...: print or write the extraction of each file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { listInputFiles, SUPPORTED_EXTENSIONS } from '../../ingest/read.js';
import { explain } from '../../extract/pipeline.js';
import type { Explanation, Extraction, Fact, Project } from '../../schema.js';
import { formatNumber, renderTable, type Column } from '../format.js';
import { failureLine, processIo, type Io } from '../io.js';
import { isDirectory, readAndExtract, type Extractor } from './document.js';

export const EXTRACT_FORMATS = ['json', 'jsonl', 'table'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

export interface ExtractCommandOptions {
  format: ExtractFormat;
  /** Write DIR/NAME.json per input instead of printing. */
  out?: string;
  encoding?: string;
  extractor?: Extractor;
  /** Add why each document-level decision was taken (the cues weighed) and the sections. */
  explain?: boolean;
}

/** Runs the command; resolves to the exit code (1 when any input failed). */
export async function runExtract(paths: string[], options: ExtractCommandOptions, io: Io = processIo): Promise<number> {
  // The JSON shape follows what was typed, not what is on disk: one file, one object.
  const single = paths.length === 1 && !isDirectory(paths[0] ?? '');
  const { files, errors } = listInputFiles(paths);
  let failed = errors.length;
  for (const error of errors) io.stderr(failureLine(error.file, error));
  if (files.length === 0 && errors.length === 0) {
    io.stderr(`zhengbao: ${paths.join(', ')}: no input files (${SUPPORTED_EXTENSIONS.join(' ')})\n`);
    return 1;
  }
  if (options.out !== undefined) mkdirSync(options.out, { recursive: true });

  const collected: Extraction[] = [];
  const written = new Map<string, string>();
  for (const file of files) {
    try {
      const { extraction: plain, read } = await readAndExtract(file, options);
      const why = options.explain ? explain(read.text, { doc: plain.doc }) : null;
      const extraction: Extraction = why && options.format !== 'table' ? ({ ...plain, explain: why } as Extraction) : plain;
      if (options.out !== undefined) {
        io.stdout(`${writeExtraction(options.out, file, extraction, written)}\n`);
      } else if (options.format === 'jsonl') {
        io.stdout(`${JSON.stringify(extraction)}\n`);
      } else if (options.format === 'table') {
        io.stdout(extractionTable(extraction));
        if (why) io.stdout(explanationText(why));
      } else {
        collected.push(extraction);
      }
    } catch (error) {
      failed++;
      io.stderr(failureLine(file, error));
    }
  }
  if (options.out === undefined && options.format === 'json') printJson(collected, single, io);
  return failed > 0 ? 1 : 0;
}

function printJson(extractions: Extraction[], single: boolean, io: Io): void {
  if (single) {
    if (extractions[0]) io.stdout(`${JSON.stringify(extractions[0], null, 2)}\n`);
  } else {
    io.stdout(`${JSON.stringify(extractions, null, 2)}\n`);
  }
}

/** Writes DIR/NAME.json and returns its path; two inputs with one name would overwrite each other. */
function writeExtraction(dir: string, file: string, extraction: Extraction, written: Map<string, string>): string {
  const target = join(dir, `${extraction.doc}.json`);
  const earlier = written.get(target);
  if (earlier !== undefined) throw new Error(`${target} was already written from ${earlier}`);
  writeFileSync(target, `${JSON.stringify(extraction, null, 2)}\n`);
  written.set(target, file);
  return target;
}

/** A fact's value as a reader expects it: a range as low~high, a qualitative target as its phrase. */
export function factValue(fact: Pick<Fact, 'value' | 'value_high' | 'qualifier' | 'text'>): string {
  if (fact.qualifier === 'qualitative') return fact.text ?? '';
  if (fact.qualifier === 'range' && fact.value_high != null) return `${formatNumber(fact.value)}~${formatNumber(fact.value_high)}`;
  return formatNumber(fact.value);
}

const FACT_COLUMNS: Column<Fact>[] = [
  { header: 'indicator', value: (f) => f.indicator },
  { header: 'period', value: (f) => f.period },
  { header: 'kind', value: (f) => f.kind },
  { header: 'measure', value: (f) => f.measure },
  { header: 'value', value: factValue, align: 'right' },
  { header: 'unit', value: (f) => f.unit },
  { header: 'qualifier', value: (f) => f.qualifier },
  { header: 'quote', value: (f) => f.quote, max: 48 },
];

const PROJECT_COLUMNS: Column<Project>[] = [
  { header: 'project', value: (p) => p.name ?? (p.count === null ? '' : `${p.count} 个项目`), max: 30 },
  { header: 'investment', value: (p) => (p.investment ? `${formatNumber(p.investment.value)} ${p.investment.unit}` : ''), align: 'right' },
  { header: 'stage', value: (p) => p.stage },
  { header: 'location', value: (p) => p.location ?? '', max: 20 },
  { header: 'quote', value: (p) => p.quote, max: 40 },
];

/** A document read from pages (PDF) shows each fact's page. */
const PAGE_COLUMN: Column<Fact> = { header: 'page', value: (f) => (f.page === undefined ? '' : String(f.page)), align: 'right' };

export function extractionTable(extraction: Extraction): string {
  const { doc, facts, projects } = extraction;
  let out = `== ${doc}: ${facts.length} facts, ${projects.length} projects ==\n`;
  const columns = facts.some((f) => f.page !== undefined) ? [...FACT_COLUMNS.slice(0, -1), PAGE_COLUMN, FACT_COLUMNS[FACT_COLUMNS.length - 1]!] : FACT_COLUMNS;
  out += facts.length ? renderTable(columns, facts) : '(no facts)\n';
  if (projects.length) out += `\n${renderTable(PROJECT_COLUMNS, projects)}`;
  return `${out}\n`;
}

/** The decisions and their cues as a reader wants them: the value, then each cue with its weight, rule and the characters read. */
export function explanationText(why: Explanation): string {
  const labels: Record<Explanation['decisions'][number]['field'], string> = {
    title: 'title 标题',
    doc_type: 'doc_type 类型',
    region: 'region 地区',
    date: 'date 日期',
    review_period: 'review_period 回顾期',
    plan_period: 'plan_period 计划期',
  };
  let out = `-- why (${why.doc}) --\n`;
  for (const d of why.decisions) {
    out += `${labels[d.field]}: ${d.value ?? 'null'}\n`;
    if (!d.cues.length) out += '    (no cue: default)\n';
    for (const c of d.cues) {
      const at = c.span ? ` @${c.span[0]}-${c.span[1]}` : '';
      const text = c.text.length > 40 ? `${c.text.slice(0, 40)}…` : c.text;
      out += `    ${c.value === d.value ? '+' : ' '} ${String(c.weight).padStart(4)}  ${c.rule}  → ${c.value ?? '—'}  「${text.replace(/\s+/g, ' ')}」${at}\n`;
    }
  }
  out += 'sections:\n';
  for (const s of why.sections) out += `    ${s.kind.padEnd(8)} ${s.period ?? ''}\t${s.heading ?? '(before the first heading)'} @${s.span[0]}-${s.span[1]}\n`;
  return `${out}\n`;
}

export function extractCommand(io: Io = processIo): Command {
  return new Command('extract')
    .description('extract facts, projects and meta from documents and print them (or write DIR/NAME.json)')
    .argument('<file...>', 'documents (.txt .html .htm .pdf .docx) or folders of them')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXTRACT_FORMATS).default('json'))
    .option('-o, --out <dir>', 'write DIR/NAME.json per input (the spec shape) instead of printing')
    .option('--encoding <name>', 'read text and web pages in this encoding instead of detecting it (gb18030, big5, utf-16le)')
    .option('--explain', 'also show why each document was typed, titled, placed, dated and given its periods (every cue weighed), and its sections')
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao extract corpus/dev/yueyanglou-2021.txt             one JSON object
  $ zhengbao extract report.pdf --format table                   a PDF: each fact knows its page
  $ zhengbao extract saved-page.html old-gbk.txt --encoding gb18030
  $ zhengbao extract corpus/dev/*.txt --format jsonl             one extraction per line
  $ zhengbao extract report.txt --format table                   a readable fact table
  $ zhengbao extract corpus/dev --out out/                       writes out/NAME.json per file
  $ zhengbao extract report.txt --format table --explain         the table, then why: each decision's cues

A file that cannot be read or extracted is reported on stderr as
"zhengbao: FILE: reason"; the other files are still processed and the exit
code is 1.`,
    )
    .action(async (files: string[], opts: ExtractCommandOptions) => {
      process.exitCode = await runExtract(files, opts, io);
    });
}
