// zhengbao's library API: what the CLI, the server and the tests use.
export * from './schema.js';
export { extract, type ExtractOptions } from './extract/pipeline.js';
export { toBase, baseUnitOf, normalizeUnit } from './extract/units.js';
