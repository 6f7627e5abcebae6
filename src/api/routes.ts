// The read side of the API: documents, search, regions, facts, compare.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { explain } from '../extract/pipeline.js';
import { FORMATS } from '../ingest/formats.js';
import { Explanation } from '../schema.js';
import type { Store } from '../store/index.js';
import { documentDetail, listDocuments } from '../store/documents.js';
import { countPanel, panelCsvStream, queryPanel } from '../store/panel.js';
import { compareRegions, listIndicators, listRegions, regionProfile } from '../store/profile.js';
import {
  ApiError,
  CompareQuery,
  CompareResult,
  DocumentDetail,
  DocumentIdParams,
  DocumentList,
  DocumentsQuery,
  FactList,
  FactsQuery,
  IndicatorList,
  RegionCodeParams,
  RegionList,
  RegionProfile,
  SearchQuery,
  SearchResult,
} from './schemas.js';
import { apiError } from './server.js';

const errors = { 400: ApiError, 404: ApiError };

export function registerRoutes(fastify: FastifyInstance, store: Store): void {
  const api = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = store;

  api.get(
    '/documents',
    {
      schema: {
        summary: 'List documents',
        description: 'Stored documents, newest first, filtered by region (code or name), type and year.',
        tags: ['documents'],
        querystring: DocumentsQuery,
        response: { 200: DocumentList, 400: ApiError },
      },
    },
    async (request) => {
      const { region, type, year, limit, offset } = request.query;
      return listDocuments(db, { region, type, year }, { limit, offset });
    },
  );

  api.get(
    '/documents/:id',
    {
      schema: {
        summary: 'One document',
        description: 'Meta, the full text, and every fact and project with its [start, end) span in that text.',
        tags: ['documents'],
        params: DocumentIdParams,
        response: { 200: DocumentDetail, ...errors },
      },
    },
    async (request, reply) => {
      const doc = documentDetail(store, request.params.id);
      if (!doc) return reply.code(404).send(apiError(404, `no document ${request.params.id}`));
      return doc;
    },
  );

  api.get(
    '/documents/:id/explain',
    {
      schema: {
        summary: 'Why a document was typed, placed and dated as it was',
        description:
          'Each document-level decision (title, doc_type, region, date, review_period, plan_period) with every cue weighed: the rule, the characters it read (with their span in the text), its weight and what it voted for; and the sections the facts were read in. Computed from the stored text by the running engine.',
        tags: ['documents'],
        params: DocumentIdParams,
        response: { 200: Explanation, ...errors },
      },
    },
    async (request, reply) => {
      const doc = documentDetail(store, request.params.id);
      if (!doc) return reply.code(404).send(apiError(404, `no document ${request.params.id}`));
      return explain(doc.text, { doc: doc.name });
    },
  );

  api.get(
    '/documents/:id/original',
    {
      schema: {
        summary: 'The original file of a document',
        description:
          'The bytes of the file the document was read from (web page, PDF, Word or text file), with its media type, as an attachment. 404 for documents stored without their file.',
        tags: ['documents'],
        params: DocumentIdParams,
        response: { 200: z.any().describe('the file'), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const file = store.originalFile(id);
      if (!file) {
        return reply.code(404).send(apiError(404, store.has(id) ? `document ${id} was stored without its file` : `no document ${id}`));
      }
      const extension = FORMATS[file.format].extensions[0]!;
      // An uploaded page is served as a download in a sandbox: it never runs as part of this site.
      return reply
        .type(file.mediaType)
        .header('Content-Security-Policy', "sandbox; default-src 'none'")
        .header('Content-Disposition', `attachment; filename="document-${id}${extension}"; filename*=UTF-8''${encodeURIComponent(file.name + extension)}`)
        .header('ETag', `"${file.sha256}"`)
        .send(file.bytes);
    },
  );

  api.get(
    '/search',
    {
      schema: {
        summary: 'Full-text search',
        description:
          'Paragraphs containing every word of q (Chinese needs no spaces), ranked by bm25, with highlighted snippets and offsets.',
        tags: ['search'],
        querystring: SearchQuery,
        response: { 200: SearchResult, 400: ApiError },
      },
    },
    async (request) => store.search(request.query),
  );

  api.get(
    '/regions',
    {
      schema: {
        summary: 'Regions',
        description: 'Every region with stored documents, with document and fact counts.',
        tags: ['regions'],
        response: { 200: RegionList },
      },
    },
    async () => ({ items: listRegions(db) }),
  );

  api.get(
    '/regions/:code',
    {
      schema: {
        summary: 'Region profile',
        description:
          'Each indicator’s results and targets by period, each target against the result for its period, and the documents.',
        tags: ['regions'],
        params: RegionCodeParams,
        response: { 200: RegionProfile, ...errors },
      },
    },
    async (request, reply) => {
      const profile = regionProfile(db, request.params.code);
      if (!profile) return reply.code(404).send(apiError(404, `no documents for region ${request.params.code}`));
      return profile;
    },
  );

  api.get(
    '/facts',
    {
      schema: {
        summary: 'The panel of facts',
        description: 'One row per fact with region, period and source quote; format=csv downloads the whole filtered panel.',
        tags: ['facts'],
        querystring: FactsQuery,
        response: { 200: FactList.or(z.string()), 400: ApiError },
      },
    },
    async (request, reply) => {
      const { format, limit, offset, ...filter } = request.query;
      if (format === 'csv') {
        reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="zhengbao-panel.csv"');
        // A stream is sent as it is, past the serializer; the schema's string documents the CSV.
        return reply.send(panelCsvStream(db, filter) as unknown as string);
      }
      return { total: countPanel(db, filter), limit, offset, items: queryPanel(db, filter, { limit, offset }) };
    },
  );

  api.get(
    '/compare',
    {
      schema: {
        summary: 'Compare regions',
        description: 'One indicator across several regions on one scale: results and targets by period.',
        tags: ['regions'],
        querystring: CompareQuery,
        response: { 200: CompareResult, 400: ApiError },
      },
    },
    async (request, reply) => {
      const regions = [...new Set(request.query.regions.split(/[,，]/).map((r) => r.trim()).filter(Boolean))];
      if (regions.length === 0) return reply.code(400).send(apiError(400, 'regions: name at least one region'));
      if (regions.length > 20) return reply.code(400).send(apiError(400, 'regions: at most 20 regions'));
      const { indicator, measure, frequency } = request.query;
      return compareRegions(db, indicator, regions, measure, frequency);
    },
  );

  api.get(
    '/indicators',
    {
      schema: {
        summary: 'Indicators',
        description: 'The indicator catalog with Chinese labels and how many facts each has.',
        tags: ['facts'],
        response: { 200: IndicatorList },
      },
    },
    async () => ({ items: listIndicators(db) }),
  );
}
