export {
  openStore,
  migrate,
  contentHash,
  validateExtraction,
  Store,
  InvalidExtractionError,
  type IngestInput,
  type IngestResult,
  type DocumentSummary,
  type DocumentDetail,
  type StoredFact,
  type StoredProject,
  type FactFilter,
  type PanelRow,
} from './store.js';
export { MIGRATIONS } from './migrations.js';
