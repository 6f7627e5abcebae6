// The extraction contract (../shared/spec/EXTRACTION.md) as Zod schemas:
// one definition gives the TypeScript types, runtime validation and, later,
// the API's JSON schemas.
import { z } from 'zod';

export const DOC_TYPES = [
  'work_report',
  'midyear_report',
  'plan_report',
  'budget_report',
  'statistical_bulletin',
  'investment_news',
  'other',
] as const;
export const REGION_LEVELS = ['national', 'province', 'prefecture', 'county', 'township'] as const;
export const KINDS = ['actual', 'target'] as const;
export const MEASURES = ['level', 'growth', 'avg_growth'] as const;
export const QUALIFIERS = ['exact', 'approx', 'min', 'max', 'range', 'qualitative'] as const;
/** The files documents are read from. */
export const FORMAT_NAMES = ['text', 'html', 'pdf', 'docx'] as const;
export const STAGES = ['signed', 'started', 'under_construction', 'completed', 'in_production', 'planned'] as const;

/** `[start, end)` in UTF-16 code units of the document text as read from the file. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/** `2020`, `2020H1`, `2020Q2`, `2020M01-05`, `2020M03`, `2016-2020`. */
export const Period = z.string().regex(/^\d{4}(H[12]|Q[1-4]|M\d{2}(-\d{2})?|-\d{4})?$/);

export const Region = z.object({
  name: z.string().nullable(),
  code: z.string().nullable(),
  level: z.enum(REGION_LEVELS),
});
export type Region = z.infer<typeof Region>;

export const Speaker = z.object({ name: z.string(), title: z.string().nullable() });
export type Speaker = z.infer<typeof Speaker>;

/** The 政府信息公开 block of a portal page (索引号, 主题分类, 发布机构, ...); dates as YYYY-MM-DD when readable. */
export const Disclosure = z.object({
  index_number: z.string().nullable(),
  subject: z.string().nullable(),
  publisher: z.string().nullable(),
  title: z.string().nullable(),
  document_number: z.string().nullable(),
  written: z.string().nullable(),
  published: z.string().nullable(),
  validity: z.string().nullable(),
  scope: z.string().nullable(),
  keywords: z.string().nullable(),
  /** Where the block is in the document text. */
  span: Span,
});
export type Disclosure = z.infer<typeof Disclosure>;

export const Meta = z.object({
  title: z.string().nullable(),
  doc_type: z.enum(DOC_TYPES),
  region: Region.nullable(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  review_period: Period.nullable(),
  plan_period: Period.nullable(),
  speaker: Speaker.nullable(),
  /** The disclosure block, when the document has one. */
  disclosure: Disclosure.nullable().optional(),
});
export type Meta = z.infer<typeof Meta>;

export const Fact = z.object({
  indicator: z.string(),
  period: Period,
  kind: z.enum(KINDS),
  measure: z.enum(MEASURES),
  value: z.number().nullable(),
  value_high: z.number().nullable().optional(),
  unit: z.string(),
  qualifier: z.enum(QUALIFIERS),
  text: z.string().nullable().optional(),
  estimated: z.boolean(),
  quote: z.string(),
  span: Span,
  /** The page the quote starts on, for documents read from pages (PDF). */
  page: z.number().int().positive().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const Amount = z.object({
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(QUALIFIERS),
});
export type Amount = z.infer<typeof Amount>;

export const Project = z.object({
  name: z.string().nullable(),
  count: z.number().int().nullable(),
  investment: Amount.nullable(),
  stage: z.enum(STAGES),
  location: z.string().nullable(),
  investor: z.string().nullable(),
  industry: z.string().nullable(),
  date: z.string().nullable(),
  quote: z.string(),
  span: Span,
  /** The page the quote starts on, for documents read from pages (PDF). */
  page: z.number().int().positive().optional(),
  /** For a batch that breaks down another batch of the same document (其中产业类项目6个), that batch's index in `projects`. */
  part_of: z.number().int().nonnegative().optional(),
});
export type Project = z.infer<typeof Project>;

export const Extraction = z.object({
  doc: z.string(),
  meta: Meta,
  facts: z.array(Fact),
  projects: z.array(Project),
});
export type Extraction = z.infer<typeof Extraction>;

/** One cue of a document-level decision: the rule, what it read and what it voted for. */
export const ExplainCue = z.object({
  rule: z.string(),
  weight: z.number(),
  /** What the cue voted for, as text (a type, a date, a region code and name, a period); null for a line passed over. */
  value: z.string().nullable(),
  text: z.string(),
  /** `[start, end)` in the document text as read from the file, when the cue was read there. */
  span: Span.nullable(),
});
export type ExplainCue = z.infer<typeof ExplainCue>;

export const ExplainDecision = z.object({
  field: z.enum(['title', 'doc_type', 'region', 'date', 'review_period', 'plan_period']),
  value: z.string().nullable(),
  cues: z.array(ExplainCue),
});
export type ExplainDecision = z.infer<typeof ExplainDecision>;

/** Why a document was typed, titled, placed, dated and given its periods; and the sections its facts were read in. */
export const Explanation = z.object({
  doc: z.string(),
  decisions: z.array(ExplainDecision),
  sections: z.array(
    z.object({
      kind: z.enum(['preamble', 'review', 'plan']),
      heading: z.string().nullable(),
      period: z.string().nullable(),
      span: Span,
    }),
  ),
});
export type Explanation = z.infer<typeof Explanation>;

