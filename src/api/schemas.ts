// The HTTP API's truth: every route's query, body and response as Zod schemas.
// Fastify validates and serializes with them, @fastify/swagger turns them into
// /api/openapi.json, and the dashboard imports the inferred types.
import { z } from 'zod';
import { DOC_TYPES, FORMAT_NAMES, KINDS, MEASURES, QUALIFIERS, REGION_LEVELS, Fact, Meta, Project, Span } from '../schema.js';

const DocType = z.enum(DOC_TYPES);
const RegionLevel = z.enum(REGION_LEVELS);

/** A query-string year: 4 digits, or absent. */
const Year = z.coerce.number().int().min(1900).max(2100);
/** A region in a query: its 6- or 12-digit code (430602) or its name (岳阳楼区). */
const RegionParam = z.string().trim().min(1).max(64);

const paging = (defaultLimit: number, maxLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ApiError = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

// ─── documents ───────────────────────────────────────────────────────────────

export const DocumentSummary = z
  .object({
    id: z.number().int(),
    name: z.string(),
    encoding: z.string().nullable().describe('the text’s encoding in the file; null for PDF and Word files'),
    format: z.enum(FORMAT_NAMES).describe('what the text was read from'),
    media_type: z.string(),
    content_hash: z.string(),
    ingested_at: z.string(),
    doc_type: DocType,
    title: z.string().nullable(),
    region_code: z.string().nullable(),
    region_name: z.string().nullable(),
    region_level: RegionLevel.nullable(),
    date: z.string().nullable(),
    review_period: z.string().nullable(),
    plan_period: z.string().nullable(),
    speaker_name: z.string().nullable(),
    speaker_title: z.string().nullable(),
    fact_count: z.number().int(),
    project_count: z.number().int(),
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentsQuery = z.object({
  region: RegionParam.optional(),
  type: DocType.optional(),
  year: Year.optional().describe('documents dated in, reviewing or planning this year'),
  ...paging(50, 500),
});
export type DocumentsQuery = z.infer<typeof DocumentsQuery>;

export const DocumentList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(DocumentSummary),
});
export type DocumentList = z.infer<typeof DocumentList>;

/** A fact as stored: nullable where the extraction may leave a field out, and its value in base units. */
const storedFactFields = {
  value_high: z.number().nullable(),
  text: z.string().nullable(),
  value_base: z.number().nullable(),
  base_unit: z.string().nullable(),
};

export const StoredFact = Fact.extend({
  ordinal: z.number().int().describe('the fact’s index within its document'),
  label: z.string().describe('the indicator’s Chinese name from the catalog'),
  ...storedFactFields,
}).meta({ id: 'StoredFact' });
export type StoredFact = z.infer<typeof StoredFact>;

export const StoredProject = Project.extend({
  ordinal: z.number().int(),
  investment_base: z.number().nullable().describe('the investment in 元'),
}).meta({ id: 'StoredProject' });
export type StoredProject = z.infer<typeof StoredProject>;

export const DocumentDetail = DocumentSummary.extend({
  meta: Meta,
  text: z.string().describe('the text as read from the file; every span indexes into it (UTF-16 code units)'),
  pages: z.array(z.number().int()).nullable().describe('where each page begins in the text (PDF), else null'),
  original: z
    .object({ media_type: z.string(), sha256: z.string(), size: z.number().int() })
    .nullable()
    .describe('the original file, kept beside the text (GET /api/documents/:id/original); null for documents stored without it'),
  facts: z.array(StoredFact),
  projects: z.array(StoredProject),
}).meta({ id: 'DocumentDetail' });
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DocumentIdParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const UploadQuery = z.object({
  encoding: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{2,40}$/)
    .optional()
    .describe('read a text file or web page in this encoding instead of detecting it (gb18030, big5, utf-16le)'),
});

export const UploadResult = z.object({
  status: z.enum(['added', 'unchanged']).describe('unchanged: the same text was already stored'),
  document: DocumentDetail,
});
export type UploadResult = z.infer<typeof UploadResult>;

// ─── search ──────────────────────────────────────────────────────────────────

export const SearchQuery = z.object({
  q: z.string().max(200).default('').describe('words to find; several words must all occur in the paragraph'),
  region: RegionParam.optional(),
  type: DocType.optional(),
  year: Year.optional(),
  ...paging(10, 50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z
  .object({
    document_id: z.number().int(),
    document_name: z.string(),
    title: z.string().nullable(),
    doc_type: DocType,
    region_code: z.string().nullable(),
    region_name: z.string().nullable(),
    date: z.string().nullable(),
    paragraph: Span.describe('the paragraph’s [start, end) in the document text'),
    snippet: z.object({
      text: z.string().describe('an excerpt of the paragraph'),
      start: z.number().int().describe('offset of the excerpt in the document text'),
      highlights: z.array(Span).describe('[start, end) of each match, relative to snippet.text'),
    }),
    matches: z.array(Span).describe('[start, end) of every match in the paragraph, in document offsets'),
    score: z.number().describe('bm25 rank: lower is better'),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  q: z.string(),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hits: z.array(SearchHit),
});
export type SearchResult = z.infer<typeof SearchResult>;

// ─── regions ─────────────────────────────────────────────────────────────────

export const RegionSummary = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    level: RegionLevel.nullable(),
    document_count: z.number().int(),
    fact_count: z.number().int(),
    latest_date: z.string().nullable(),
  })
  .meta({ id: 'RegionSummary' });
export type RegionSummary = z.infer<typeof RegionSummary>;

export const RegionCodeParams = z.object({ code: z.string().regex(/^\d{6}(\d{6})?$/, 'a 6- or 12-digit region code') });

/** One value on a chart: a fact chosen for its period and kind, with where it came from. */
export const SeriesPoint = z
  .object({
    period: z.string(),
    kind: z.enum(KINDS),
    value: z.number().nullable(),
    value_high: z.number().nullable(),
    unit: z.string(),
    value_base: z.number().nullable(),
    /** The value in the series' unit, so every point of a chart shares one scale. */
    value_in_series_unit: z.number().nullable(),
    qualifier: z.enum(QUALIFIERS),
    text: z.string().nullable(),
    estimated: z.boolean(),
    document_id: z.number().int(),
    document_date: z.string().nullable(),
    ordinal: z.number().int(),
    quote: z.string(),
    span: Span,
  })
  .meta({ id: 'SeriesPoint' });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** How often a series is observed: 2020 is year, 2020H1 half, 2020Q2 quarter, 2020M01-05 month, 2016-2020 span. */
export const FREQUENCIES = ['year', 'half', 'quarter', 'month', 'span'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

export const TargetStatus = z.enum(['met', 'missed', 'pending', 'unknown']);
export type TargetStatus = z.infer<typeof TargetStatus>;

/** A target for a period against the result for that period reported later. */
export const TargetPair = z
  .object({
    indicator: z.string(),
    label: z.string(),
    measure: z.enum(MEASURES),
    period: z.string(),
    target: SeriesPoint,
    result: SeriesPoint.nullable(),
    status: TargetStatus.describe('pending: no result yet; unknown: not comparable (qualitative, other unit)'),
  })
  .meta({ id: 'TargetPair' });
export type TargetPair = z.infer<typeof TargetPair>;

/** One indicator in one measure (level, growth, avg_growth) and one frequency for one region. */
export const IndicatorSeries = z
  .object({
    indicator: z.string(),
    label: z.string(),
    measure: z.enum(MEASURES),
    frequency: Frequency.describe('annual figures and half-year figures are separate series'),
    unit: z.string().describe('the unit of value_in_series_unit (the most common unit of the series)'),
    results: z.array(SeriesPoint).describe('one per period, ordered by period'),
    targets: z.array(SeriesPoint).describe('one per period, ordered by period'),
    latest_result: SeriesPoint.nullable(),
    latest_target: SeriesPoint.nullable(),
    latest_status: TargetStatus.nullable().describe('the latest target against its result'),
  })
  .meta({ id: 'IndicatorSeries' });
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const RegionProfile = z.object({
  region: z.object({ code: z.string(), name: z.string().nullable(), level: RegionLevel.nullable() }),
  indicators: z.array(IndicatorSeries),
  pairs: z.array(TargetPair),
  documents: z.array(DocumentSummary),
});
export type RegionProfile = z.infer<typeof RegionProfile>;

export const RegionList = z.object({ items: z.array(RegionSummary) });

// ─── facts and compare ───────────────────────────────────────────────────────

export const FactsQuery = z.object({
  region: RegionParam.optional(),
  indicator: z.string().trim().min(1).max(64).optional(),
  period: z.string().trim().min(1).max(16).optional(),
  kind: z.enum(KINDS).optional(),
  format: z.enum(['json', 'csv']).default('json').describe('csv: the tidy panel as a download'),
  ...paging(1000, 10_000),
});
export type FactsQuery = z.infer<typeof FactsQuery>;

/** One row of the tidy panel: a fact with its region and document, spans as two columns. */
export const PanelRow = Fact.omit({ span: true, value_high: true, text: true })
  .extend({
    region_code: z.string().nullable(),
    region_name: z.string().nullable(),
    region_level: RegionLevel.nullable(),
    ...storedFactFields,
    document: z.string(),
    span_start: z.number().int().nullable(),
    span_end: z.number().int().nullable(),
  })
  .meta({ id: 'PanelRow' });

export const FactList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(PanelRow),
});

export const CompareQuery = z.object({
  indicator: z.string().trim().min(1).max(64),
  regions: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .describe('comma-separated region codes or names: 430602,430102'),
  measure: z.enum(MEASURES).optional().describe('default: the measure with the most data'),
  frequency: Frequency.optional().describe('default: the frequency with the most data in that measure'),
});
export type CompareQuery = z.infer<typeof CompareQuery>;

export const CompareResult = z.object({
  indicator: z.string(),
  label: z.string(),
  measure: z.enum(MEASURES),
  frequency: Frequency,
  unit: z.string(),
  periods: z.array(z.string()).describe('every period any region has, ordered'),
  regions: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string().nullable(),
      found: z.boolean().describe('false: no stored document for this region'),
      results: z.array(SeriesPoint),
      targets: z.array(SeriesPoint),
    }),
  ),
});
export type CompareResult = z.infer<typeof CompareResult>;

// ─── catalog ─────────────────────────────────────────────────────────────────

export const IndicatorInfo = z.object({ key: z.string(), label: z.string(), fact_count: z.number().int() });
export const IndicatorList = z.object({ items: z.array(IndicatorInfo) });
