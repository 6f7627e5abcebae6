// Document text -> Extraction. (Being built: this first version returns an empty extraction.)
import type { Extraction } from '../schema.js';

export interface ExtractOptions {
  /** The document's name: the file name without extension. */
  doc: string;
}

export function extract(text: string, options: ExtractOptions): Extraction {
  void text;
  return {
    doc: options.doc,
    meta: { title: null, doc_type: 'other', region: null, date: null, review_period: null, plan_period: null, speaker: null },
    facts: [],
    projects: [],
  };
}
