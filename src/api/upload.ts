// 投稿: POST /api/documents takes one text file (multipart field `file`),
// extracts it and stores it, all or nothing, behind the server's token.
import { timingSafeEqual, createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { extract } from '../extract/pipeline.js';
import { InputError, readBytes, SUPPORTED_EXTENSIONS, type ReadResult } from '../ingest/read.js';
import { ingestInput, InvalidExtractionError, validateExtraction } from '../store/index.js';
import { documentDetail } from '../store/documents.js';
import { ApiError, UploadQuery, UploadResult } from './schemas.js';
import { apiError, type ServerOptions } from './server.js';

/** Printed reports run to a few MB as PDF. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Compares tokens in constant time (hashes first, so lengths leak nothing either). */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** A document name from an uploaded file name: no directories, no extension, no control characters. */
export function uploadName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const ext = extname(base);
  const name = (ext ? base.slice(0, -ext.length) : base).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return name || 'upload';
}

export function registerUpload(fastify: FastifyInstance, options: ServerOptions): void {
  const api = fastify.withTypeProvider<ZodTypeProvider>();
  const limit = options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT;
  const token = options.token ?? null;
  const { store } = options;

  const authorize = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (token === null) {
      return reply.code(403).send(apiError(403, 'uploads are disabled: start the server with --token'));
    }
    const given = bearer(request);
    if (given === null || !sameToken(given, token)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .send(apiError(401, 'a valid token is required: Authorization: Bearer <token>'));
    }
    // Refuse an announced oversized body before reading it (multipart adds a little framing).
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > limit + 64 * 1024) {
      return reply.code(413).send(apiError(413, `upload too large (limit ${limit} bytes)`));
    }
  };

  api.post(
    '/documents',
    {
      onRequest: authorize,
      schema: {
        summary: 'Upload a document (投稿)',
        description: `multipart/form-data with one file field \`file\` (${SUPPORTED_EXTENSIONS.join(', ')}), at most ${limit} bytes: a text file (UTF-8, UTF-16, GB18030/GBK or Big5, detected), a saved web page, a PDF or a Word file. It is extracted and stored with its original file; the stored document is returned. The same text uploaded again is not stored twice (status: unchanged).`,
        tags: ['documents'],
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
        security: [{ token: [] }],
        response: { 200: UploadResult, 201: UploadResult, 400: ApiError, 401: ApiError, 403: ApiError, 413: ApiError, 415: ApiError, 422: ApiError },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return reply.code(415).send(apiError(415, 'send multipart/form-data with a file field named "file"'));
      }
      const part = await request.file();
      if (!part) return reply.code(400).send(apiError(400, 'no file: send a file field named "file"'));
      if (part.fieldname !== 'file') return reply.code(400).send(apiError(400, `unexpected field "${part.fieldname.slice(0, 40)}": name the file field "file"`));
      const filename = part.filename || 'upload.txt';
      const ext = extname(filename).toLowerCase();
      if (!SUPPORTED_EXTENSIONS.includes(ext)) {
        part.file.resume(); // drain, so the client gets the answer rather than a reset
        return reply.code(415).send(apiError(415, `${filename}: unsupported file type (${ext || 'no extension'}); supported: ${SUPPORTED_EXTENSIONS.join(', ')}`));
      }
      const bytes = await part.toBuffer(); // throws 413 past the limit
      const name = uploadName(filename);
      // What the file holds decides these: a 422 names the file and the reason, and nothing is stored.
      let read: ReadResult;
      let extraction: ReturnType<typeof validateExtraction>;
      try {
        const { encoding } = request.query;
        read = await readBytes(filename, bytes, encoding === undefined ? { maxBytes: limit } : { maxBytes: limit, encoding });
        extraction = validateExtraction(extract(read.text, { doc: name, pages: read.pages }));
      } catch (error) {
        if (error instanceof InputError) return reply.code(422).send(apiError(422, `${name}: ${error.reason}`));
        if (error instanceof InvalidExtractionError) return reply.code(422).send(apiError(422, `${name}: ${error.message}`));
        throw error;
      }
      const { id, status } = store.ingest(ingestInput(read, name, null, extraction));
      const document = documentDetail(store, id)!;
      return reply.code(status === 'added' ? 201 : 200).send({ status, document });
    },
  );
}
