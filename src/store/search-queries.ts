// The search query set (search-queries.json): queries a reader of the sample
// corpus would type, each with the paragraphs it should find, named by
// document and a piece of their text. The search test and bench:search read it.
import { readFileSync } from 'node:fs';
import { packageRoot } from '../cli/paths.js';
import { join } from 'node:path';

export interface RelevantParagraph {
  /** The document's name (its file name without extension). */
  doc: string;
  /** A piece of the paragraph's text that names it. */
  contains: string;
  /** false: the paragraph says it in other words (a synonym), which no substring search finds. */
  literal?: boolean;
}

export interface QuerySpec {
  q: string;
  note?: string;
  relevant: RelevantParagraph[];
  /** The recall@10 the shipped index measured; the test holds the query to it. */
  min_recall?: number;
}

/** The query set, read from the source tree (src and dist sit at the same depth). */
export function loadQuerySet(): QuerySpec[] {
  const file = join(packageRoot, 'src', 'store', 'search-queries.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: QuerySpec[] }).queries;
}
