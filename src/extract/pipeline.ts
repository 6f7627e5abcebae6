// Document text -> Extraction, as a pipeline of small named stages: the
// document's context (lines, sections, years, meta), facts in prose, facts in
// tables, then one list of unique facts, and the projects of investment news.
import type { Extraction, Fact } from '../schema.js';
import { buildContext } from './context.js';
import { extractProseFacts } from './facts.js';
import { extractTableFacts } from './tables.js';
import { extractProjects } from './projects.js';
import { toBase } from './units.js';

export interface ExtractOptions {
  /** The document's name: the file name without extension. */
  doc: string;
}

export function extract(text: string, options: ExtractOptions): Extraction {
  const doc = buildContext(text);
  const facts = uniqueFacts([...extractProseFacts(doc), ...extractTableFacts(doc)]);
  const projects = doc.meta.doc_type === 'investment_news' ? extractProjects(doc) : [];
  return { doc: options.doc, meta: doc.meta, facts, projects };
}

/** The same fact stated twice (prose and table, summary and detail) is listed once: the first statement stays. */
export function uniqueFacts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const f of facts) {
    const value = f.measure === 'level' ? toBase(f.value, f.unit) ?? f.value : f.value;
    const high = f.value_high == null ? '' : f.measure === 'level' ? toBase(f.value_high, f.unit) ?? f.value_high : f.value_high;
    const key = [f.indicator, f.period, f.kind, f.measure, f.qualifier, f.qualifier === 'qualitative' ? '' : value, high].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
