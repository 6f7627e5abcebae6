export {
  openStore,
  migrate,
  contentHash,
  validateExtraction,
  Store,
  InvalidExtractionError,
  ingestInput,
  type OriginalFile,
  type IngestInput,
  type IngestResult,
  type DocumentSummary,
  type DocumentDetail,
  type StoredFact,
  type StoredProject,
  type FactFilter,
  type PanelRow,
} from './store.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export {
  indexParagraphs,
  searchParagraphs,
  splitParagraphs,
  normalizeForSearch,
  parseQuery,
  type Paragraph,
  type QueryTerm,
} from './search.js';
