// Document text -> Extraction, as a pipeline of small named stages: the view
// the rules read (noise and Traditional characters normalised through a
// map), the document's context (lines, sections, years, meta), facts in
// prose, facts in tables, one list of unique facts, the projects of
// investment news, and last every span mapped back to the original text
// (and to its page, for documents read from pages).
import type { Explanation, ExplainCue, Extraction, Fact, Project, Region } from '../schema.js';
import type { Cue, Decision } from './evidence.js';
import { pageAt } from '../ingest/pages.js';
import { buildContext } from './context.js';
import { extractProseFacts } from './facts.js';
import { normalizeText, type TextView } from './normalize.js';
import { extractTableFacts } from './tables.js';
import { extractProjects } from './projects.js';
import { toBase } from './units.js';

export interface ExtractOptions {
  /** The document's name: the file name without extension. */
  doc: string;
  /** Where each page begins in the text (pages[k] = offset of page k + 1), for documents read from pages. */
  pages?: readonly number[] | null;
}

export function extract(text: string, options: ExtractOptions): Extraction {
  const view = normalizeText(text);
  const doc = buildContext(view.text);
  const facts = uniqueFacts([...extractProseFacts(doc), ...extractTableFacts(doc)]);
  const projects = doc.meta.doc_type === 'investment_news' ? extractProjects(doc) : [];
  const meta = doc.meta;
  // The title as its heading gives it (洛陽市…報告 in a Traditional reprint), where the view only changed its characters.
  const titleCue = doc.decisions.title.cues.find((c) => c.value === meta.title && c.span);
  if (meta.title && titleCue?.span && !view.identical) {
    const [s, e] = view.toSource(titleCue.span);
    if (e - s === meta.title.length) meta.title = text.slice(s, e);
  }
  if (meta.disclosure) meta.disclosure = { ...meta.disclosure, span: view.toSource(meta.disclosure.span) };
  const ground = grounding(text, view, options.pages ?? null);
  return { doc: options.doc, meta, facts: facts.map(ground), projects: projects.map(ground) };
}

/** Quote and span in the original characters, and the page the quote starts on. */
function grounding(original: string, view: TextView, pages: readonly number[] | null): <T extends Fact | Project>(item: T) => T {
  return (item) => {
    let out = item;
    if (!view.identical) {
      const span = view.toSource(item.span);
      out = { ...out, span, quote: original.slice(span[0], span[1]) };
    }
    if (pages && pages.length > 0) out = { ...out, page: pageAt(pages, out.span[0]) };
    return out;
  };
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

/**
 * Why the document was typed, titled, placed, dated and given its periods:
 * each decision with every cue weighed (rule, the characters read, weight,
 * what it voted for), and the sections its facts were read in. Spans are in
 * the original text.
 */
export function explain(text: string, options: ExtractOptions): Explanation {
  const view = normalizeText(text);
  const doc = buildContext(view.text);
  const d = doc.decisions;
  const show = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    const r = v as Region;
    return r.code ? `${r.code} ${r.name ?? ''} (${r.level})`.trim() : `${r.name ?? '—'} (${r.level})`;
  };
  const cue = (c: Cue<unknown>): ExplainCue => {
    const span = c.span ? view.toSource(c.span) : null;
    return { rule: c.rule, weight: c.weight, value: show(c.value), text: span ? text.slice(span[0], span[1]) : c.text, span };
  };
  const decision = (field: Explanation['decisions'][number]['field'], dec: Decision<unknown>): Explanation['decisions'][number] => ({
    field,
    value: show(dec.value),
    cues: dec.cues.map(cue),
  });
  return {
    doc: options.doc,
    decisions: [
      decision('title', d.title),
      decision('doc_type', d.docType),
      decision('region', d.region),
      decision('date', d.date),
      decision('review_period', d.review),
      decision('plan_period', d.plan),
    ],
    sections: doc.sections.map((s) => ({
      kind: s.kind,
      heading: s.heading?.text ?? null,
      period: s.period ?? s.span,
      span: view.toSource([s.start, s.end]),
    })),
  };
}

