import type { Project } from '../schema.js';
import type { DocContext } from './context.js';
export function extractProjects(doc: DocContext): Project[] { void doc; return []; }
