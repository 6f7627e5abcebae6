// Commands that read the store: facts (the panel) and docs (the documents).
import { existsSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { FORMATS } from '../../ingest/formats.js';
import { KINDS } from '../../schema.js';
import { openStore, type DocumentSummary, type FactFilter, type PanelRow, type Store } from '../../store/index.js';
import { formatNumber, renderTable, type Column } from '../format.js';
import { PANEL_COLUMNS, toCsv } from '../../store/panel.js';
import { processIo, reasonOf, type Io } from '../io.js';
import { dbOption } from './ingest.js';
import { factValue } from './extract.js';

export const FACT_FORMATS = ['table', 'csv', 'json'] as const;
export const DOC_FORMATS = ['table', 'json'] as const;

export interface FactsCommandOptions extends FactFilter {
  db: string;
  format: (typeof FACT_FORMATS)[number];
}

export interface DocsCommandOptions {
  db: string;
  format: (typeof DOC_FORMATS)[number];
}

export { PANEL_COLUMNS };

/**
 * Runs `read` on an existing store. A read command must not create an empty
 * database where the user mistyped a path.
 */
function withStore(db: string, io: Io, read: (store: Store) => number | void): number {
  if (db !== ':memory:' && !existsSync(db)) {
    io.stderr(`zhengbao: ${db}: no such database (run "zhengbao ingest" first, or pass --db)\n`);
    return 1;
  }
  let store: Store;
  try {
    store = openStore(db);
  } catch (error) {
    io.stderr(`zhengbao: ${db}: cannot open database: ${reasonOf(error)}\n`);
    return 1;
  }
  try {
    return read(store) ?? 0;
  } finally {
    store.close();
  }
}

const PANEL_TABLE: Column<PanelRow>[] = [
  { header: 'region', value: (r) => r.region_name ?? r.region_code ?? '' },
  { header: 'code', value: (r) => r.region_code ?? '' },
  { header: 'period', value: (r) => r.period },
  { header: 'indicator', value: (r) => r.indicator },
  { header: 'kind', value: (r) => r.kind },
  { header: 'measure', value: (r) => r.measure },
  { header: 'value', value: factValue, align: 'right' },
  { header: 'unit', value: (r) => r.unit },
  { header: 'qualifier', value: (r) => r.qualifier },
  { header: 'est', value: (r) => (r.estimated ? 'yes' : '') },
  { header: 'document', value: (r) => r.document, max: 28 },
  { header: 'quote', value: (r) => r.quote, max: 40 },
];

export function runFacts(options: FactsCommandOptions, io: Io = processIo): number {
  return withStore(options.db, io, (store) => {
    const rows = store.facts({ region: options.region, indicator: options.indicator, period: options.period, kind: options.kind });
    if (options.format === 'csv') io.stdout(toCsv(rows, PANEL_COLUMNS));
    else if (options.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    else if (rows.length === 0) io.stderr('no facts match\n');
    else io.stdout(renderTable(PANEL_TABLE, rows));
  });
}

const DOC_TABLE: Column<DocumentSummary>[] = [
  { header: 'id', value: (d) => String(d.id), align: 'right' },
  { header: 'name', value: (d) => d.name, max: 32 },
  { header: 'format', value: (d) => d.format },
  { header: 'type', value: (d) => d.doc_type },
  { header: 'region', value: (d) => d.region_name ?? '' },
  { header: 'code', value: (d) => d.region_code ?? '' },
  { header: 'level', value: (d) => d.region_level ?? '' },
  { header: 'date', value: (d) => d.date ?? '' },
  { header: 'review', value: (d) => d.review_period ?? '' },
  { header: 'plan', value: (d) => d.plan_period ?? '' },
  { header: 'facts', value: (d) => formatNumber(d.fact_count), align: 'right' },
  { header: 'projects', value: (d) => formatNumber(d.project_count), align: 'right' },
  { header: 'title', value: (d) => d.title ?? '', max: 30 },
];

export function runDocs(options: DocsCommandOptions, io: Io = processIo): number {
  return withStore(options.db, io, (store) => {
    const docs = store.documents();
    if (options.format === 'json') io.stdout(`${JSON.stringify(docs, null, 2)}\n`);
    else if (docs.length === 0) io.stderr('no documents\n');
    else io.stdout(renderTable(DOC_TABLE, docs));
  });
}

export function factsCommand(io: Io = processIo): Command {
  return new Command('facts')
    .description('print the panel of stored facts: one row per fact with its region, period and source quote')
    .addOption(dbOption())
    .option('--region <name|code>', 'a region name (岳阳楼区) or its 6- or 12-digit code (430602)')
    .option('--indicator <key>', 'an indicator key of the catalog (gdp, retail_sales, ...)')
    .option('--period <p>', 'a period: 2020, 2020H1, 2020Q2, 2020M01-05, 2016-2020')
    .addOption(new Option('--kind <kind>', 'actual results or targets').choices(KINDS))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FACT_FORMATS).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao facts --region 岳阳楼区
  $ zhengbao facts --region 430602 --indicator gdp --kind target
  $ zhengbao facts --period 2020 --format csv > panel.csv       for Stata, R or pandas
  $ zhengbao facts --indicator retail_sales --format json

csv has a header row, UTF-8 without BOM, empty cells for null and 1/0 for
"estimated". value_base is the value in the base unit of its dimension
(670.68 亿元 -> 67068000000 元).`,
    )
    .action((opts: FactsCommandOptions) => {
      process.exitCode = runFacts(opts, io);
    });
}

export function docsCommand(io: Io = processIo): Command {
  return new Command('docs')
    .description('list the stored documents with their meta and fact and project counts')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(DOC_FORMATS).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao docs
  $ zhengbao docs --db reports.db --format json`,
    )
    .action((opts: DocsCommandOptions) => {
      process.exitCode = runDocs(opts, io);
    });
}

export interface ShowCommandOptions {
  db: string;
  /** The original file instead of the text read from it. */
  original?: boolean;
  /** Write to this file instead of standard output. */
  out?: string;
}

/** Prints a stored document's text (what every offset refers to), or its original file. */
export function runShow(idText: string, options: ShowCommandOptions, io: Io = processIo): number {
  const id = Number(idText);
  if (!/^\d+$/.test(idText) || !Number.isSafeInteger(id) || id < 1) {
    io.stderr(`zhengbao: ${idText}: not a document id (see "zhengbao docs")\n`);
    return 1;
  }
  return withStore(options.db, io, (store) => {
    if (!store.has(id)) {
      io.stderr(`zhengbao: no document ${id} in ${options.db} (see "zhengbao docs")\n`);
      return 1;
    }
    let bytes: Buffer;
    let what: string;
    if (options.original) {
      const file = store.originalFile(id);
      if (!file) {
        io.stderr(`zhengbao: document ${id} was stored without its original file (stored before zhengbao kept files)\n`);
        return 1;
      }
      if (options.out === undefined && io.stdoutIsTTY && file.format !== 'text') {
        io.stderr(`zhengbao: document ${id}'s original is a ${FORMATS[file.format].label}: redirect it (> ${file.name}${FORMATS[file.format].extensions[0]}) or pass --out FILE\n`);
        return 1;
      }
      bytes = file.bytes;
      what = file.mediaType;
    } else {
      const text = store.document(id)!.text;
      bytes = Buffer.from(text.endsWith('\n') || options.out !== undefined ? text : `${text}\n`, 'utf8');
      what = 'text/plain; charset=utf-8';
    }
    if (options.out === undefined) {
      io.stdoutBytes(bytes);
      return 0;
    }
    try {
      writeFileSync(options.out, bytes);
    } catch (error) {
      io.stderr(`zhengbao: ${options.out}: cannot write: ${reasonOf(error)}\n`);
      return 1;
    }
    io.stderr(`wrote ${options.out} (${formatNumber(bytes.length)} bytes, ${what})\n`);
    return 0;
  });
}

export function showCommand(io: Io = processIo): Command {
  return new Command('show')
    .description('print a stored document: the text read from its file (every offset refers to it), or the original file')
    .argument('<id>', 'the document id (see "zhengbao docs")')
    .addOption(dbOption())
    .option('--original', 'the original file (web page, PDF, Word or text file) instead of its text')
    .option('-o, --out <file>', 'write to FILE instead of standard output')
    .addHelpText(
      'after',
      `
Examples:
  $ zhengbao show 3                                  the text facts point into
  $ zhengbao show 3 --original > report.pdf          the file as it was ingested
  $ zhengbao show 3 --original --out report.pdf`,
    )
    .action((id: string, opts: ShowCommandOptions) => {
      process.exitCode = runShow(id, opts, io);
    });
}
