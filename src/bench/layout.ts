// Layout parity: every document of the sample corpus (corpus/dev, corpus/wild),
// rewritten as real scrapes lay it out (src/bench/layouts.ts), must give the
// facts, projects and meta of its plain text. The plain text's extraction is
// the gold; each variant's extraction is scored against it as the referee
// scores (src/bench/score.ts), its quotes checked in the variant's text.
//
//   node dist/bench/layout.js [--variants joined,emoji] [--sets dev,wild] [--docs a,b] [--keep DIR] [--brief] [--json]
//   (npm run layout -- --brief: the table without what differs under each failing document)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { SAMPLE_SETS } from '../cli/paths.js';
import { extract } from '../extract/pipeline.js';
import type { Extraction } from '../schema.js';
import { LAYOUT_VARIANTS, fold, layoutVariant, type LayoutVariant } from './layouts.js';
import { pct, pool, scoreDocument, showFact, showProject, type DocScore, type Summary } from './score.js';

export interface LayoutOptions {
  variants?: readonly LayoutVariant[];
  /** Sample sets by name (default all: dev, wild). */
  sets?: readonly string[];
  /** Only these documents. */
  docs?: readonly string[];
  /** Write DIR/VARIANT/NAME.txt and NAME.json (and DIR/plain/NAME.json) to inspect. */
  keep?: string;
}

export interface LayoutDoc {
  set: string;
  doc: string;
  /** Why the variant does not apply to this document, else null. */
  skipped: string | null;
  score: DocScore | null;
  /** The variant's title agrees with the plain text's (not a referee field, reported beside meta). */
  title: { plain: string | null; variant: string | null } | null;
}

export interface LayoutResult {
  variant: LayoutVariant;
  docs: LayoutDoc[];
  summary: Summary;
}

interface Plain {
  set: string;
  doc: string;
  text: string;
  extraction: Extraction;
}

function plainDocs(options: LayoutOptions): Plain[] {
  const sets = options.sets ? SAMPLE_SETS.filter((s) => options.sets!.includes(s.name)) : SAMPLE_SETS;
  const out: Plain[] = [];
  for (const set of sets) {
    for (const file of readdirSync(set.dir).filter((f) => f.endsWith('.txt')).sort()) {
      const doc = file.slice(0, -'.txt'.length);
      if (options.docs && !options.docs.includes(doc)) continue;
      const text = readFileSync(join(set.dir, file), 'utf8');
      out.push({ set: set.name, doc, text, extraction: extract(text, { doc }) });
    }
  }
  return out;
}

/** Lays out, extracts and scores each variant of each document against the plain text's extraction. */
export function runLayout(options: LayoutOptions = {}): LayoutResult[] {
  const plains = plainDocs(options);
  if (options.keep) {
    mkdirSync(join(options.keep, 'plain'), { recursive: true });
    for (const p of plains) writeFileSync(join(options.keep, 'plain', `${p.doc}.json`), `${JSON.stringify(p.extraction, null, 2)}\n`);
  }
  const results: LayoutResult[] = [];
  for (const variant of options.variants ?? LAYOUT_VARIANTS) {
    const docs: LayoutDoc[] = [];
    for (const p of plains) {
      const laid = layoutVariant(variant, p.text, p.extraction.meta, p.doc);
      if ('skipped' in laid) {
        docs.push({ set: p.set, doc: p.doc, skipped: laid.skipped, score: null, title: null });
        continue;
      }
      const extraction = extract(laid.text, { doc: p.doc });
      if (options.keep) {
        const dir = join(options.keep, variant);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${p.doc}.txt`), laid.text);
        writeFileSync(join(dir, `${p.doc}.json`), `${JSON.stringify(extraction, null, 2)}\n`);
      }
      docs.push({
        set: p.set,
        doc: p.doc,
        skipped: null,
        score: scoreDocument(p.doc, p.extraction, extraction, laid.text),
        title: { plain: p.extraction.meta.title, variant: extraction.meta.title },
      });
    }
    results.push({ variant, docs, summary: pool(docs.flatMap((d) => (d.score ? [d.score] : []))) });
  }
  return results;
}

/** A document passes when its variant gives the plain text's facts (estimated alike), projects, meta and title, every quote grounded. */
export function layoutPasses(d: LayoutDoc): boolean {
  const s = d.score;
  if (!s) return true;
  return (
    s.facts.f === 1 &&
    (s.projects === null || s.projects.f === 1) &&
    s.meta.ok === s.meta.n &&
    s.estimated.ok === s.estimated.n &&
    s.grounded.ok === s.grounded.n &&
    sameTitle(d)
  );
}

/** The titles agree, punctuation of either width alike: a title is given as its heading writes it (，or ,). */
export function sameTitle(d: LayoutDoc): boolean {
  if (!d.title) return true;
  const { plain, variant } = d.title;
  return plain === null || variant === null ? plain === variant : fold(plain) === fold(variant);
}

const col = (x: number | null, w = 6): string => pct(x).padStart(w);
const ratio = (t: { ok: number; n: number }): number | null => (t.n ? t.ok / t.n : null);

/** The table: per variant, per document facts F1, projects F1, meta, title, grounded; what differs under each failing document. */
export function layoutReport(results: readonly LayoutResult[], verbose = true): string[] {
  const out: string[] = [];
  const width = Math.max(10, ...results.flatMap((r) => r.docs.map((d) => d.doc.length)));
  for (const r of results) {
    const passed = r.docs.filter((d) => d.score && layoutPasses(d)).length;
    const scored = r.docs.filter((d) => d.score).length;
    out.push(`== ${r.variant}: ${passed}/${scored} documents at parity (${r.docs.length - scored} skipped)`);
    out.push(`${'set'.padEnd(5)} ${'document'.padEnd(width)}  facts F1  projects F1   meta  title  estimated  grounded`);
    for (const d of r.docs) {
      const head = `${d.set.padEnd(5)} ${d.doc.padEnd(width)}`;
      if (!d.score) {
        out.push(`${head}  skipped: ${d.skipped}`);
        continue;
      }
      const s = d.score;
      const title = sameTitle(d) ? 'same' : 'DIFF';
      const mark = layoutPasses(d) ? '' : '  <-';
      out.push(
        `${head}  ${col(s.facts.f, 8)}  ${col(s.projects?.f ?? null, 11)}  ${col(ratio(s.meta), 5)}  ${title.padStart(5)}  ${col(ratio(s.estimated), 9)}  ${col(ratio(s.grounded), 8)}${mark}`,
      );
      if (!verbose || layoutPasses(d)) continue;
      if (s.metaWrong.length) out.push(`    meta differs: ${s.metaWrong.join(', ')}`);
      if (title === 'DIFF') out.push(`    title: ${JSON.stringify(d.title!.plain)} -> ${JSON.stringify(d.title!.variant)}`);
      for (const f of s.missed) out.push(`    lost:  ${showFact(f)}`);
      for (const f of s.extra) out.push(`    added: ${showFact(f)}`);
      for (const p of s.missedProjects) out.push(`    lost project:  ${showProject(p)}`);
      for (const p of s.extraProjects) out.push(`    added project: ${showProject(p)}`);
    }
    const m = r.summary;
    out.push(
      `${r.variant}: facts F1 ${pct(m.facts.f)} | projects F1 ${pct(m.projects.f)} | meta ${pct(m.meta)} | estimated ${pct(m.estimated_agreement)} | grounded ${pct(m.quotes_grounded)} | docs ${m.docs}`,
    );
    out.push('');
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variants: { type: 'string' },
      sets: { type: 'string' },
      docs: { type: 'string' },
      keep: { type: 'string' },
      brief: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const list = (s: string | undefined): string[] | undefined => s?.split(',').map((x) => x.trim()).filter(Boolean);
  const variants = list(values.variants) as LayoutVariant[] | undefined;
  for (const v of variants ?? []) {
    if (!LAYOUT_VARIANTS.includes(v)) throw new Error(`unknown variant ${v}; variants: ${LAYOUT_VARIANTS.join(', ')}`);
  }
  const results = runLayout({ variants, sets: list(values.sets), docs: list(values.docs), keep: values.keep });
  if (values.json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log('layout parity: each layout variant against the plain text (score.mjs matching; the plain extraction is the gold)\n');
  for (const line of layoutReport(results, !values.brief)) console.log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`layout: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
