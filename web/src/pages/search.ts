// `/` and `/search?q=&region=&type=&year=&offset=`: full-text search over paragraphs.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, documentPath, regionPath, withQuery, type RegionList, type SearchResult } from '../api.js';
import { docTypeLabel } from '../labels.js';
import { navigate, type PageContext } from '../router.js';
import { highlightPieces } from '../segments.js';
import { empty, filterControls, formParams, loading, pager, readFilters, regionsCached, setTitle, type Filters } from '../ui.js';
import type { SearchHit } from '../../../src/api/schemas.js';

const LIMIT = 10;
const EXAMPLES = ['地区生产总值', '固定资产投资', '一般公共预算收入', '签约', '城镇新增就业'];

export async function searchPage(ctx: PageContext): Promise<void> {
  const q = (ctx.query.get('q') ?? '').trim();
  const filters = readFilters(ctx.query);
  const offset = Math.max(0, Number(ctx.query.get('offset')) || 0);
  setTitle(q ? `搜索：${q}` : '搜索');

  let regions: RegionList | null = null;
  let result: SearchResult | null = null;
  let error: unknown = null;
  const draw = () => ctx.show(view(q, filters, regions, result, error, offset));
  draw();

  regionsCached()
    .then((r) => {
      regions = r;
      draw();
    })
    .catch(() => {
      /* the filter just offers fewer regions */
    });

  if (!q) return;
  try {
    result = await api.search({ q, ...filterParams(filters), limit: LIMIT, offset }, ctx.signal);
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    error = e;
  }
  draw();
}

function filterParams(f: Filters): { region?: string; type?: string; year?: string } {
  return { region: f.region || undefined, type: f.type || undefined, year: f.year || undefined };
}

function onSubmit(event: SubmitEvent): void {
  event.preventDefault();
  const params = formParams(event.currentTarget as HTMLFormElement);
  navigate(withQuery('/search', params));
}

/** Changing a filter re-runs a search that is already showing. */
function onFilterChange(event: Event): void {
  const form = (event.currentTarget as HTMLElement).closest('form');
  const q = form?.querySelector<HTMLInputElement>('input[name=q]')?.value.trim();
  if (form && q) form.requestSubmit();
}

function view(q: string, filters: Filters, regions: RegionList | null, result: SearchResult | null, error: unknown, offset: number): TemplateResult {
  return html`
    <section class=${q ? 'search-head' : 'search-head is-hero'}>
      ${q ? nothing : html`<h1 class="hero-title">在政府报告中查找数字与原文</h1>
            <p class="hero-sub">搜索工作报告、计划执行报告与招商新闻的段落；每条结果都可跳转到原文位置。</p>`}
      <form class="search-form" role="search" data-testid="search-form" @submit=${onSubmit}>
        <div class="search-row">
          <input
            class="search-input"
            type="search"
            name="q"
            .value=${q}
            placeholder="输入关键词，如：地区生产总值"
            aria-label="搜索关键词"
            autocomplete="off"
            maxlength="200"
            data-testid="search-input"
          />
          <button class="btn btn-primary" type="submit" data-testid="search-submit">搜索</button>
        </div>
        <div class="filters" @change=${onFilterChange}>${filterControls(filters, regions)}</div>
      </form>
      ${q
        ? nothing
        : html`<p class="examples">试试：${EXAMPLES.map(
            (e) => html`<a class="chip" href=${withQuery('/search', { q: e })}>${e}</a>`,
          )}</p>`}
    </section>
    ${q ? results(q, filters, result, error, offset) : nothing}
  `;
}

function results(q: string, filters: Filters, result: SearchResult | null, error: unknown, offset: number): TemplateResult {
  if (error) return html`<div class="notice notice-error" data-testid="search-error">${(error as Error).message}</div>`;
  if (!result) return loading('搜索中…');
  if (result.total === 0) return empty(`没有找到包含“${q}”的段落。`, 'search-empty');
  return html`
    <p class="result-count" data-testid="search-total">共 <b>${result.total}</b> 个段落</p>
    <ol class="hits" start=${offset + 1}>
      ${result.hits.map(hitView)}
    </ol>
    ${pager('/search', { q, ...filters }, result.total, result.limit || LIMIT, result.offset)}
  `;
}

function hitView(hit: SearchHit): TemplateResult {
  const at = hit.paragraph[0];
  const pieces = highlightPieces(hit.snippet.text, hit.snippet.highlights);
  const clippedStart = hit.snippet.start > hit.paragraph[0];
  const clippedEnd = hit.snippet.start + hit.snippet.text.length < hit.paragraph[1];
  return html`<li class="hit" data-testid="search-hit" data-document-id=${String(hit.document_id)}>
    <a class="hit-title" href=${documentPath(hit.document_id, at)} data-testid="search-hit-link">${hit.title || hit.document_name}</a>
    <div class="hit-meta">
      <span class="tag">${docTypeLabel(hit.doc_type)}</span>
      ${hit.region_code
        ? html`<a class="meta-link" href=${regionPath(hit.region_code)}>${hit.region_name ?? hit.region_code}</a>`
        : hit.region_name
          ? html`<span>${hit.region_name}</span>`
          : nothing}
      ${hit.date ? html`<span>${hit.date}</span>` : nothing}
      <span class="muted">${hit.document_name}</span>
    </div>
    <p class="snippet" data-testid="search-snippet">${clippedStart ? '…' : ''}${pieces.map((p) =>
      p.marked ? html`<mark>${p.text}</mark>` : p.text,
    )}${clippedEnd ? '…' : ''}</p>
  </li>`;
}
