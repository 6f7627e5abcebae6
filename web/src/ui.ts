// Pieces several pages share: loading and empty states, pager, filter bar, badges.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, withQuery, type IndicatorList, type RegionList, type Params } from './api.js';
import { DOC_TYPES, DOC_TYPE_LABELS, STATUS_LABELS } from './labels.js';
import type { TargetStatus } from '../../src/api/schemas.js';

// ─── cached catalog lists ────────────────────────────────────────────────────

/** A list fetched once and kept; a failed fetch is forgotten so the next call tries again. */
class CachedList<T> {
  private promise: Promise<T> | null = null;
  ready = false;
  constructor(private readonly load: () => Promise<T>) {}
  get(): Promise<T> {
    this.promise ??= this.load().then(
      (list) => {
        this.ready = true;
        return list;
      },
      (error: unknown) => {
        this.promise = null;
        throw error;
      },
    );
    return this.promise;
  }
  forget(): void {
    this.promise = null;
    this.ready = false;
  }
}

const regions = new CachedList<RegionList>(() => api.regions());
const indicators = new CachedList<IndicatorList>(() => api.indicators());

export function regionsCached(): Promise<RegionList> {
  return regions.get();
}
export function indicatorsCached(): Promise<IndicatorList> {
  return indicators.get();
}
/** True when both lists are already here (no loading state needed). */
export function catalogReady(): boolean {
  return regions.ready && indicators.ready;
}
/** After an upload the lists may have grown. */
export function invalidateCatalog(): void {
  regions.forget();
  indicators.forget();
}

// ─── states ──────────────────────────────────────────────────────────────────

export const loading = (label = '加载中…'): TemplateResult =>
  html`<div class="loading" data-testid="loading" role="status"><span class="spinner"></span>${label}</div>`;

export const empty = (label: string, testid = 'empty'): TemplateResult => html`<div class="empty" data-testid=${testid}>${label}</div>`;

export function statusBadge(status: TargetStatus | null | undefined): TemplateResult | typeof nothing {
  if (!status) return nothing;
  return html`<span class="badge badge-${status}" data-testid="status-badge" data-status=${status}>${STATUS_LABELS[status]}</span>`;
}

// ─── paging ──────────────────────────────────────────────────────────────────

export function pager(path: string, params: Params, total: number, limit: number, offset: number): TemplateResult | typeof nothing {
  if (total <= limit && offset === 0) return nothing;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const link = (o: number) => withQuery(path, { ...params, offset: o > 0 ? o : undefined });
  return html`<nav class="pager" data-testid="pager" aria-label="分页">
    ${offset > 0
      ? html`<a class="btn btn-ghost" data-testid="pager-prev" href=${link(Math.max(0, offset - limit))}>上一页</a>`
      : html`<span class="btn btn-ghost is-disabled">上一页</span>`}
    <span class="pager-info">第 ${page} / ${pages} 页</span>
    ${offset + limit < total
      ? html`<a class="btn btn-ghost" data-testid="pager-next" href=${link(offset + limit)}>下一页</a>`
      : html`<span class="btn btn-ghost is-disabled">下一页</span>`}
  </nav>`;
}

// ─── filter controls ─────────────────────────────────────────────────────────

export interface Filters {
  region: string;
  type: string;
  year: string;
}

export function readFilters(query: URLSearchParams): Filters {
  return { region: query.get('region') ?? '', type: query.get('type') ?? '', year: query.get('year') ?? '' };
}

/** 地区 / 类型 / 年份 selects; the region list may still be loading (then only the current value is offered). */
export function filterControls(filters: Filters, regions: RegionList | null): TemplateResult {
  const regionItems = regions?.items ?? [];
  const knownRegion = regionItems.some((r) => r.code === filters.region);
  const thisYear = new Date().getFullYear();
  const years: number[] = [];
  for (let y = thisYear; y >= 2010; y--) years.push(y);
  const yearKnown = filters.year === '' || years.includes(Number(filters.year));
  return html`
    <label class="field">
      <span class="field-label">地区</span>
      <select name="region" data-testid="filter-region">
        <option value="" ?selected=${filters.region === ''}>全部地区</option>
        ${!knownRegion && filters.region ? html`<option value=${filters.region} selected>${filters.region}</option>` : nothing}
        ${regionItems.map(
          (r) => html`<option value=${r.code} ?selected=${r.code === filters.region}>${r.name ?? r.code}（${r.code}）</option>`,
        )}
      </select>
    </label>
    <label class="field">
      <span class="field-label">类型</span>
      <select name="type" data-testid="filter-type">
        <option value="" ?selected=${filters.type === ''}>全部类型</option>
        ${DOC_TYPES.map((t) => html`<option value=${t} ?selected=${t === filters.type}>${DOC_TYPE_LABELS[t]}</option>`)}
      </select>
    </label>
    <label class="field">
      <span class="field-label">年份</span>
      <select name="year" data-testid="filter-year">
        <option value="" ?selected=${filters.year === ''}>全部年份</option>
        ${!yearKnown ? html`<option value=${filters.year} selected>${filters.year}</option>` : nothing}
        ${years.map((y) => html`<option value=${String(y)} ?selected=${String(y) === filters.year}>${y}年</option>`)}
      </select>
    </label>
  `;
}

/** The form's named fields as URL params (empty ones dropped). */
export function formParams(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

export function setTitle(...parts: string[]): void {
  document.title = [...parts.filter(Boolean), '政报'].join(' · ');
}
