// File -> validated extraction: the step extract, ingest and eval share.
import { statSync } from 'node:fs';
import { readDocument, type ReadResult } from '../../ingest/read.js';
import { extract, type ExtractOptions } from '../../extract/pipeline.js';
import type { Extraction } from '../../schema.js';
import { validateExtraction } from '../../store/index.js';

export type Extractor = (text: string, options: ExtractOptions) => Extraction;

export interface ReadOptions {
  /** Force the file encoding instead of detecting it. */
  encoding?: string;
  /** The extractor to run; tests substitute their own. */
  extractor?: Extractor;
}

export interface ExtractedDocument {
  read: ReadResult;
  extraction: Extraction;
}

/** Reads a file and extracts it; the extraction is checked against the schema. */
export async function readAndExtract(file: string, options: ReadOptions = {}): Promise<ExtractedDocument> {
  const read = await readDocument(file, options.encoding === undefined ? {} : { encoding: options.encoding });
  const extractor = options.extractor ?? extract;
  const extraction = validateExtraction(extractor(read.text, { doc: read.name, pages: read.pages }));
  return { read, extraction };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
