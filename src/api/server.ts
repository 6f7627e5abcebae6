// One Fastify server for the HTTP API (/api/…) and the dashboard (everything
// else). Route schemas are the API's truth: Zod validates requests, shapes
// responses and, through @fastify/swagger, writes /api/openapi.json.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import { packageVersion } from '../cli/paths.js';
import { registerRoutes } from './routes.js';
import { registerUpload, DEFAULT_UPLOAD_LIMIT } from './upload.js';

export interface ServerOptions {
  store: Store;
  /** The token uploads must present (Authorization: Bearer …); null or absent: uploads are refused. */
  token?: string | null;
  /** The built dashboard (dist/web); null or missing: API only. */
  webRoot?: string | null;
  /** Largest upload in bytes (default 5 MB). */
  uploadLimitBytes?: number;
  logger?: boolean;
}

/** The HTTP reason phrase for a status, as the `error` field of an ApiError. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function apiError(statusCode: number, message: string): { statusCode: number; error: string; message: string } {
  return { statusCode, error: REASONS[statusCode] ?? 'Error', message };
}

/**
 * The dashboard may run its own scripts and styles only: document text holding
 * <script> or onerror= is shown as text, and were it ever parsed as markup, the
 * browser would still refuse to run it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // ECharts positions its tooltip with inline styles
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Responses are written by fast-json-stringify from the JSON Schema of each
 * route's Zod schema: the same shape (unknown keys dropped, types as declared)
 * at a fraction of the cost of running Zod over every fact of a document.
 * Requests are still validated by Zod.
 */
function compileSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) return (data) => JSON.stringify(data);
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  return fastJson(json as Parameters<typeof fastJson>[0]);
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    // Query strings, headers and JSON bodies are small; uploads are multipart with their own limit.
    bodyLimit: 64 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compileSerializer);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    // A route that set a stricter policy (an original file: sandbox) keeps it.
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || error.validationContext || 'request';
      return reply.code(400).send(apiError(400, `${where}: ${first?.message ?? 'invalid value'}`));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, multipart limits) carry safe messages.
      return reply.code(status).send(apiError(status, clientMessage(error, status)));
    }
    // Anything else is our bug: log it whole, tell the client nothing of the internals.
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(apiError(500, 'internal error'));
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'zhengbao 政报 API',
        description: 'Facts, targets and projects extracted from Chinese government reports, each grounded to its source span.',
        version: packageVersion(),
      },
      components: {
        securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'the upload token given to serve --token' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
  });

  await app.register(
    async (api) => {
      registerRoutes(api, options.store);
      registerUpload(api, options);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : null;
  // wildcard: files are looked up per request, so a rebuilt dashboard is served without a restart.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The dashboard routes in the browser: /regions/430602 is index.html, drawn by the app.
    // A missing file (/assets/x.js, /favicon.png) is a 404, not the app.
    const isFile = /\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '');
    if (webRoot && request.method === 'GET' && !isFile && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send(apiError(404, `no route ${request.method} ${path}`));
  });
  return app;
}

function clientMessage(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return 'upload too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'unsupported content type';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed JSON body';
    default:
      // Fastify's messages name the problem, never our internals; keep them short.
      return (error.message || REASONS[status] || 'bad request').slice(0, 200);
  }
}
