import type { Fact } from '../schema.js';
import type { DocContext } from './context.js';
export function extractTableFacts(doc: DocContext): Fact[] { void doc; return []; }
