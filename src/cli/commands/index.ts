// The CLI's commands, callable in-process (tests) or registered on the program.
export { runExtract, extractCommand, extractionTable, factValue, EXTRACT_FORMATS, type ExtractCommandOptions, type ExtractFormat } from './extract.js';
export { runIngest, ingestCommand, type IngestCommandOptions, type IngestTally } from './ingest.js';
export { runFacts, runDocs, runShow, factsCommand, docsCommand, showCommand, type ShowCommandOptions, PANEL_COLUMNS, FACT_FORMATS, DOC_FORMATS, type FactsCommandOptions, type DocsCommandOptions } from './query.js';
export { runEval, scoreCorpus, scoreFolders, extractCorpus, evalCommand, type EvalOptions, type Summary } from './eval.js';
export { readAndExtract, type Extractor, type ExtractedDocument } from './document.js';
export { runServe, serveCommand, WEB_ROOT, type ServeOptions } from './serve.js';
