// The HTTP API as typed fetch calls. Types come from the server's Zod schemas
// (type-only imports, so zod is not bundled).
import type { z } from 'zod';
import type {
  ApiError,
  CompareResult,
  DocumentDetail,
  DocumentList,
  IndicatorList as IndicatorListSchema,
  RegionList as RegionListSchema,
  RegionProfile,
  SearchResult,
  UploadResult,
} from '../../src/api/schemas.js';
import type { Explanation } from '../../src/schema.js';

export type RegionList = z.infer<typeof RegionListSchema>;
export type RegionSummary = RegionList['items'][number];
export type IndicatorList = z.infer<typeof IndicatorListSchema>;
export type IndicatorInfo = IndicatorList['items'][number];
export type { Explanation };
export type { CompareResult, DocumentDetail, DocumentList, RegionProfile, SearchResult, UploadResult, ApiError };

/** A failed request, with the server's ApiError message when there was one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly error?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export type Params = Record<string, string | number | null | undefined>;

/** A same-origin path with a query string; empty values are left out. */
export function withQuery(path: string, params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    qs.set(key, String(value));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiError).message === 'string' &&
    typeof (body as ApiError).statusCode === 'number'
  );
}

/** Turns a non-2xx response into an ApiRequestError carrying the server's message. */
export async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON */
  }
  if (isApiError(body)) return new ApiRequestError(response.status, body.message, body.error);
  return new ApiRequestError(response.status, `请求失败（HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}）`);
}

async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, params), { headers: { Accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, '无法连接服务器');
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

export const api = {
  documents: (params: { region?: string; type?: string; year?: string | number; limit?: number; offset?: number }, signal?: AbortSignal) =>
    getJson<DocumentList>('/api/documents', params, signal),
  document: (id: number, signal?: AbortSignal) => getJson<DocumentDetail>(`/api/documents/${encodeURIComponent(String(id))}`, {}, signal),
  explain: (id: number, signal?: AbortSignal) => getJson<Explanation>(`/api/documents/${encodeURIComponent(String(id))}/explain`, {}, signal),
  search: (params: { q: string; region?: string; type?: string; year?: string | number; limit?: number; offset?: number }, signal?: AbortSignal) =>
    getJson<SearchResult>('/api/search', params, signal),
  regions: (signal?: AbortSignal) => getJson<RegionList>('/api/regions', {}, signal),
  region: (code: string, signal?: AbortSignal) => getJson<RegionProfile>(`/api/regions/${encodeURIComponent(code)}`, {}, signal),
  compare: (params: { indicator: string; regions: string; measure?: string; frequency?: string }, signal?: AbortSignal) =>
    getJson<CompareResult>('/api/compare', params, signal),
  indicators: (signal?: AbortSignal) => getJson<IndicatorList>('/api/indicators', {}, signal),

  async upload(file: File, token: string): Promise<{ status: number; result: UploadResult }> {
    const form = new FormData();
    form.append('file', file, file.name);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch('/api/documents', { method: 'POST', body: form, headers });
    } catch {
      throw new ApiRequestError(0, '无法连接服务器');
    }
    if (!response.ok) throw await errorFrom(response);
    return { status: response.status, result: (await response.json()) as UploadResult };
  },
};

/** The app path of a document, optionally at an offset of its text. */
export function documentPath(id: number, at?: number): string {
  const base = `/documents/${encodeURIComponent(String(Math.trunc(id)))}`;
  return at === undefined ? base : `${base}?at=${encodeURIComponent(String(Math.trunc(at)))}`;
}

export function regionPath(code: string): string {
  return `/regions/${encodeURIComponent(code)}`;
}
