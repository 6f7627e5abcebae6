// Format parity: every document of a corpus rendered as a web page, a PDF
// (one and two columns), a Word file, GBK text and Big5 Traditional text,
// read back and extracted, must give the facts of its plain text. The plain
// text's extractions are the gold; the scorer (score.mjs) judges each format
// with the text read from the file as the document its quotes must be in.
//
//   node dist/bench/parity.js [--kinds html,pdf] [--keep DIR] [--corpus DIR]
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { scoreFolders, type Summary } from '../cli/commands/eval.js';
import { defaultCorpus } from '../cli/paths.js';
import { extract } from '../extract/pipeline.js';
import { readDocument } from '../ingest/read.js';
import { FIXTURE_KINDS, renderFixture, type FixtureKind } from '../ingest/render/index.js';

export interface ParityOptions {
  corpus?: string;
  kinds?: readonly FixtureKind[];
  /** Keep DIR/KIND/{files,gold,pred,docs} instead of a temporary folder. */
  keep?: string;
}

export interface ParityResult {
  kind: FixtureKind;
  summary: Summary;
  /** Where the fixtures, gold, predictions and read texts are (only when kept). */
  dir: string | null;
}

/** Renders, reads, extracts and scores each kind; resolves to one summary per kind. */
export async function runParity(options: ParityOptions = {}): Promise<ParityResult[]> {
  const corpus = options.corpus ?? defaultCorpus;
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const root = options.keep ?? mkdtempSync(join(tmpdir(), 'zhengbao-parity-'));
  const results: ParityResult[] = [];
  try {
    for (const kind of options.kinds ?? FIXTURE_KINDS) {
      const dir = join(root, kind);
      const sub = (name: string): string => {
        const d = join(dir, name);
        mkdirSync(d, { recursive: true });
        return d;
      };
      const [files, gold, pred, docs] = [sub('files'), sub('gold'), sub('pred'), sub('docs')];
      for (const name of names) {
        const plain = await readDocument(join(corpus, `${name}.txt`));
        writeFileSync(join(gold, `${name}.gold.json`), JSON.stringify(extract(plain.text, { doc: name })));
        const fixture = await renderFixture(kind, plain.text);
        const file = join(files, `${name}${fixture.extension}`);
        writeFileSync(file, fixture.bytes);
        const read = await readDocument(file);
        writeFileSync(join(pred, `${name}.json`), JSON.stringify(extract(read.text, { doc: name, pages: read.pages })));
        writeFileSync(join(docs, `${name}.txt`), read.text);
      }
      results.push({ kind, summary: await scoreFolders(gold, pred, docs), dir: options.keep ? dir : null });
    }
  } finally {
    if (options.keep === undefined) rmSync(root, { recursive: true, force: true });
  }
  return results;
}

const pct = (x: number | null): string => (x === null ? '   -' : (x * 100).toFixed(1).padStart(5));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { kinds: { type: 'string' }, keep: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const kinds = values.kinds?.split(',').map((k) => k.trim()) as FixtureKind[] | undefined;
  for (const k of kinds ?? []) {
    if (!FIXTURE_KINDS.includes(k)) throw new Error(`unknown kind ${k}; kinds: ${FIXTURE_KINDS.join(', ')}`);
  }
  const results = await runParity({ corpus: values.corpus, kinds, keep: values.keep });
  if (values.json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log('format parity: facts of each format against the plain text (score.mjs)');
  console.log('kind               docs  facts P     R    F1  projects F1  grounded  meta');
  for (const { kind, summary: s } of results) {
    console.log(
      `${kind.padEnd(18)} ${String(s.docs).padStart(4)}  ${pct(s.facts.p)} ${pct(s.facts.r)} ${pct(s.facts.f)}  ${pct(s.projects.f).padStart(11)}  ${pct(s.quotes_grounded).padStart(8)}  ${pct(s.meta)}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`parity: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
