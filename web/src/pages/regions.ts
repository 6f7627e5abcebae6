// `/regions` (every region with counts) and `/regions/:code` (its indicators, charts, targets and documents).
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api, documentPath, regionPath, withQuery, type RegionProfile, type RegionSummary } from '../api.js';
import { indicatorSeriesChart, mountChart } from '../charts.js';
import { docTypeLabel, levelLabel, measureLabel, periodLabel, pointValueText, seriesName } from '../labels.js';
import { regionIndex, type RegionIndex } from '../region-search.js';
import { navigate, type PageContext } from '../router.js';
import { empty, loading, regionsCached, setTitle, statusBadge } from '../ui.js';
import type { DocumentSummary, IndicatorSeries, SeriesPoint, TargetPair } from '../../../src/api/schemas.js';

export async function regionsPage(ctx: PageContext): Promise<void> {
  setTitle('地区');
  ctx.show(html`<h1 class="page-title">地区</h1>${loading()}`);
  const list = await api.regions(ctx.signal);
  const index = regionIndex(list.items);
  const state: ListFilter = {
    q: ctx.query.get('q') ?? '',
    level: ctx.query.get('level') ?? '',
    withFacts: ctx.query.get('facts') === '1',
  };
  const draw = () => ctx.show(regionsView(index, state, update));
  // Filtering redraws the table in place and keeps the URL in step without a new page load.
  const update = (change: Partial<ListFilter>) => {
    Object.assign(state, change);
    const url = withQuery('/regions', { q: state.q.trim(), level: state.level, facts: state.withFacts ? '1' : undefined });
    if (ctx.current && location.pathname + location.search !== url) history.replaceState(null, '', url);
    draw();
  };
  draw();
}

interface ListFilter {
  q: string;
  level: string;
  withFacts: boolean;
}

const LEVEL_ORDER = ['national', 'province', 'prefecture', 'county', 'township'];

function regionsView(index: RegionIndex<RegionSummary>, state: ListFilter, update: (change: Partial<ListFilter>) => void): TemplateResult {
  const all = index.ordered;
  const levels = new Map<string, number>();
  for (const r of all) if (r.level) levels.set(r.level, (levels.get(r.level) ?? 0) + 1);
  const levelKeys = [...levels.keys()].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
  const items = index.find(state.q).filter((r) => (!state.level || r.level === state.level) && (!state.withFacts || r.fact_count > 0));
  const filtered = items.length !== all.length;
  return html`
    <div class="page-head">
      <h1 class="page-title">地区</h1>
      <p class="page-sub">共 ${all.length} 个地区。点击地区查看指标走势、目标完成情况与文档。</p>
    </div>
    ${all.length === 0
      ? empty('还没有地区数据。请先导入或投稿文档。', 'regions-empty')
      : html`<div class="list-filters panel" role="search">
            <label class="field field-grow">
              <span class="field-label">筛选</span>
              <input
                type="search"
                data-testid="regions-filter"
                placeholder="输入地区名或代码筛选"
                autocomplete="off"
                aria-controls="regions-table"
                .value=${live(state.q)}
                @input=${(e: Event) => update({ q: (e.target as HTMLInputElement).value })}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Escape' && state.q) {
                    e.preventDefault();
                    update({ q: '' });
                  }
                }}
              />
            </label>
            <label class="field">
              <span class="field-label">级别</span>
              <select data-testid="regions-level" @change=${(e: Event) => update({ level: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${state.level === ''}>全部级别（${all.length}）</option>
                ${levelKeys.map((l) => html`<option value=${l} ?selected=${l === state.level}>${levelLabel(l)}（${levels.get(l)}）</option>`)}
              </select>
            </label>
            <label class="check">
              <input
                type="checkbox"
                data-testid="regions-with-facts"
                .checked=${live(state.withFacts)}
                @change=${(e: Event) => update({ withFacts: (e.target as HTMLInputElement).checked })}
              />
              只看有指标数据的
            </label>
            <p class="list-count" data-testid="regions-count" aria-live="polite">
              ${filtered ? html`显示 <b>${items.length}</b> / ${all.length} 个地区` : html`${all.length} 个地区`}
            </p>
          </div>
          ${items.length === 0
            ? empty('没有匹配的地区。换个名称或代码试试。', 'regions-nomatch')
            : html`<div class="table-wrap panel">
                <table class="table" id="regions-table" data-testid="regions-table">
                  <thead>
                    <tr><th>地区</th><th>代码</th><th>级别</th><th class="num">文档</th><th class="num">指标数据</th><th>最新日期</th></tr>
                  </thead>
                  <tbody>
                    ${items.map((r) => regionRow(r, index.parentOf(r.code)))}
                  </tbody>
                </table>
              </div>`}`}
  `;
}

function regionRow(r: RegionSummary, parent: string): TemplateResult {
  return html`<tr data-testid="region-row" data-code=${r.code}>
    <td>
      <a href=${regionPath(r.code)} data-testid="region-link">${r.name ?? r.code}</a>
      ${parent ? html`<span class="muted small region-parent">${parent}</span>` : nothing}
    </td>
    <td class="mono">${r.code}</td>
    <td class="nowrap">${levelLabel(r.level)}</td>
    <td class="num">${r.document_count}</td>
    <td class="num">${r.fact_count || html`<span class="muted">0</span>`}</td>
    <td class="nowrap">${r.latest_date ?? '—'}</td>
  </tr>`;
}

export async function regionPage(ctx: PageContext): Promise<void> {
  const code = ctx.params[0] ?? '';
  setTitle(code);
  ctx.show(loading());
  // The name from the cached list lets the header show before the profile arrives.
  regionsCached()
    .then((list) => {
      const r = list.items.find((x) => x.code === code);
      if (r?.name) setTitle(r.name);
    })
    .catch(() => {});
  const profile = await api.region(code, ctx.signal);
  setTitle(profile.region.name ?? profile.region.code);
  ctx.show(regionView(profile));

  // Charts need their containers in the DOM.
  const containers = ctx.root.querySelectorAll<HTMLElement>('[data-testid="region-chart"]');
  const charted = chartable(profile.indicators);
  containers.forEach((el, i) => {
    const series = charted[i];
    if (!series) return;
    const chart = indicatorSeriesChart(series);
    mountChart(el, chart.option, ctx, (s, d) => {
      const point = chart.pointAt(s, d);
      if (point) navigate(documentPath(point.document_id, point.span[0]));
    });
  });
}

/** Series with at least one numeric point get a chart. */
function chartable(indicators: IndicatorSeries[]): IndicatorSeries[] {
  return indicators.filter((s) => [...s.results, ...s.targets].some((p) => p.value_in_series_unit != null));
}

/** indicator:measure:frequency — annual and half-year series of one measure are different series. */
function seriesKey(s: { indicator: string; measure: string; frequency: string }): string {
  return `${s.indicator}:${s.measure}:${s.frequency}`;
}

function regionView(profile: RegionProfile): TemplateResult {
  const { region } = profile;
  const charted = chartable(profile.indicators);
  return html`
    <header class="region-head panel" data-testid="region-header">
      <div>
        <p class="crumbs"><a href="/regions">地区</a> / ${region.name ?? region.code}</p>
        <h1 class="page-title" data-testid="region-name">${region.name ?? region.code}</h1>
        <p class="region-meta">
          ${region.level ? html`<span class="tag">${levelLabel(region.level)}</span>` : nothing}
          <span class="mono">行政区划代码 ${region.code}</span>
          <span>${profile.documents.length} 份文档</span>
          <span>${profile.indicators.length} 组指标序列</span>
        </p>
      </div>
      <div class="head-actions">
        <a class="btn btn-ghost" href=${withQuery('/search', { region: region.code })}>搜索该地区</a>
        <a class="btn btn-ghost" href=${withQuery('/api/facts', { region: region.code, format: 'csv' })} download data-testid="region-csv">下载 CSV</a>
      </div>
    </header>

    ${profile.indicators.length === 0
      ? empty('该地区还没有抽取到指标数据。', 'region-empty')
      : html`
          <h2 class="section-title">关键指标</h2>
          <div class="cards" data-testid="indicator-cards">${profile.indicators.map(card)}</div>

          <h2 class="section-title">指标走势 <span class="section-note">蓝色为实际值，橙色虚线为目标；点击数据点查看原文</span></h2>
          <div class="charts">
            ${charted.map(
              (s) => html`<figure class="chart-card panel" data-series=${seriesKey(s)}>
                <figcaption>${s.label}<span class="muted">· ${seriesName({ measure: s.measure, frequency: s.frequency })}</span></figcaption>
                <div
                  class="chart"
                  data-testid="region-chart"
                  data-indicator=${s.indicator}
                  data-measure=${s.measure}
                  data-frequency=${s.frequency}
                ></div>
              </figure>`,
            )}
          </div>
        `}

    <h2 class="section-title">目标与完成情况</h2>
    ${profile.pairs.length === 0 ? empty('没有可对照的目标。', 'pairs-empty') : pairsTable(profile.pairs)}

    <h2 class="section-title">文档</h2>
    ${profile.documents.length === 0 ? empty('没有文档。') : documentsTable(profile.documents)}
  `;
}

function pointLink(p: SeriesPoint | null | undefined): TemplateResult {
  if (!p) return html`<span class="muted">—</span>`;
  return html`<a class="value-link" href=${documentPath(p.document_id, p.span[0])} title=${p.quote}>${pointValueText(p)}</a>`;
}

function card(s: IndicatorSeries): TemplateResult {
  const r = s.latest_result;
  const t = s.latest_target;
  return html`<article
    class="card"
    data-testid="indicator-card"
    data-series=${seriesKey(s)}
    data-indicator=${s.indicator}
    data-measure=${s.measure}
    data-frequency=${s.frequency}
  >
    <header class="card-head">
      <h3>${s.label}</h3>
      <span class="muted">${seriesName({ measure: s.measure, frequency: s.frequency })}</span>
      ${statusBadge(s.latest_status)}
    </header>
    <div class="card-body">
      <div class="card-stat">
        <span class="stat-label">最新实际${r ? `（${periodLabel(r.period)}）` : ''}</span>
        <span class="stat-value">${pointLink(r)}</span>
      </div>
      <div class="card-stat">
        <span class="stat-label">最新目标${t ? `（${periodLabel(t.period)}）` : ''}</span>
        <span class="stat-value stat-target">${pointLink(t)}</span>
      </div>
    </div>
  </article>`;
}

function pairsTable(pairs: TargetPair[]): TemplateResult {
  return html`<div class="table-wrap panel">
    <table class="table" data-testid="pairs-table">
      <thead><tr><th>指标</th><th>口径</th><th>期间</th><th>目标</th><th>实际</th><th>状态</th></tr></thead>
      <tbody>
        ${pairs.map(
          (p) => html`<tr data-testid="pair-row">
            <td>${p.label}</td>
            <td>${measureLabel(p.measure)}</td>
            <td>${periodLabel(p.period)}</td>
            <td>${pointLink(p.target)}</td>
            <td>${pointLink(p.result)}</td>
            <td>${statusBadge(p.status)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function documentsTable(docs: DocumentSummary[], withRegion = false): TemplateResult {
  return html`<div class="table-wrap panel">
    <table class="table" data-testid="documents-table">
      <thead>
        <tr>
          <th>标题</th><th>类型</th>${withRegion ? html`<th>地区</th>` : nothing}<th>日期</th><th>报告期</th><th class="num">指标</th><th class="num">项目</th>
        </tr>
      </thead>
      <tbody>
        ${docs.map(
          (d) => html`<tr data-testid="document-row" data-document-id=${String(d.id)}>
            <td class="title-cell"><a href=${documentPath(d.id)} data-testid="document-link">${d.title || d.name}</a>
              <div class="muted small">${d.name}</div></td>
            <td><span class="tag">${docTypeLabel(d.doc_type)}</span></td>
            ${withRegion
              ? html`<td>${d.region_code ? html`<a href=${regionPath(d.region_code)}>${d.region_name ?? d.region_code}</a>` : (d.region_name ?? '—')}</td>`
              : nothing}
            <td>${d.date ?? '—'}</td>
            <td>${periodLabel(d.review_period) || '—'}</td>
            <td class="num">${d.fact_count}</td>
            <td class="num">${d.project_count}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
