// `/compare?indicator=&regions=a,b&measure=&targets=1`: one indicator, several regions, one chart.
import { html, nothing, type TemplateResult } from 'lit-html';
import { api, documentPath, regionPath, withQuery, type CompareResult, type IndicatorList, type RegionList } from '../api.js';
import { compareChart, mountChart, PALETTE } from '../charts.js';
import { MEASURES, MEASURE_LABELS, isMeasure, measureLabel, periodLabel, pointValueText, comparePeriods } from '../labels.js';
import { navigate, type PageContext } from '../router.js';
import { catalogReady, empty, indicatorsCached, loading, regionsCached, setTitle } from '../ui.js';
import type { SeriesPoint } from '../../../src/api/schemas.js';

interface CompareState {
  indicator: string;
  regions: string[];
  measure: string;
  targets: boolean;
}

function readState(query: URLSearchParams): CompareState {
  const measure = query.get('measure') ?? '';
  return {
    indicator: (query.get('indicator') ?? '').trim(),
    regions: (query.get('regions') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    measure: isMeasure(measure) ? measure : '',
    targets: query.get('targets') === '1',
  };
}

function statePath(s: CompareState): string {
  return withQuery('/compare', {
    indicator: s.indicator,
    regions: s.regions.join(','),
    measure: s.measure || undefined,
    targets: s.targets ? '1' : undefined,
  });
}

export async function comparePage(ctx: PageContext): Promise<void> {
  setTitle('对比');
  const state = readState(ctx.query);
  // Once the lists are in, changing a choice redraws only the chart, not the form.
  if (!catalogReady()) ctx.show(html`<h1 class="page-title">指标对比</h1>${loading()}`);
  const [indicators, regions] = await Promise.all([indicatorsCached(), regionsCached()]);
  if (!ctx.current) return;

  // With nothing chosen yet, start from the best-covered indicator and regions.
  if (!state.indicator && indicators.items.length > 0 && regions.items.length > 0) {
    const top = [...indicators.items].sort((a, b) => b.fact_count - a.fact_count)[0]!;
    const topRegions = [...regions.items]
      .filter((r) => r.fact_count > 0)
      .sort((a, b) => b.fact_count - a.fact_count)
      .slice(0, 3)
      .map((r) => r.code);
    if (topRegions.length > 0) {
      navigate(statePath({ indicator: top.key, regions: topRegions, measure: '', targets: false }), { replace: true });
      return;
    }
  }

  let result: CompareResult | null = null;
  let error: unknown = null;
  const draw = () => ctx.show(view(state, indicators, regions, result, error));
  draw();
  if (!state.indicator || state.regions.length === 0) return;
  try {
    result = await api.compare(
      { indicator: state.indicator, regions: state.regions.join(','), measure: state.measure || undefined },
      ctx.signal,
    );
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    error = e;
  }
  draw();
  if (!result) return;
  const el = ctx.root.querySelector<HTMLElement>('[data-testid="compare-chart"]');
  if (!el) return;
  const found = result.regions.filter((r) => r.found);
  const chart = compareChart(
    found.map((r) => ({ name: r.name ?? r.code ?? '?', results: r.results, targets: r.targets })),
    result.periods,
    result.unit,
    result.measure,
    state.targets,
  );
  mountChart(el, chart.option, ctx, (s, d) => {
    const point = chart.pointAt(s, d);
    if (point) navigate(documentPath(point.document_id, point.span[0]));
  });
}

function onSubmit(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const state: CompareState = {
    indicator: String(data.get('indicator') ?? ''),
    regions: data.getAll('region').map(String),
    measure: String(data.get('measure') ?? ''),
    targets: data.get('targets') === '1',
  };
  navigate(statePath(state), { keepScroll: true });
}

function view(state: CompareState, indicators: IndicatorList, regions: RegionList, result: CompareResult | null, error: unknown): TemplateResult {
  const regionItems = [...regions.items].sort((a, b) => b.fact_count - a.fact_count || a.code.localeCompare(b.code));
  const indicatorItems = [...indicators.items].sort((a, b) => b.fact_count - a.fact_count || a.label.localeCompare(b.label, 'zh-CN'));
  const selected = new Set(state.regions);
  return html`
    <div class="page-head">
      <h1 class="page-title">指标对比</h1>
      <p class="page-sub">选择一个指标和若干地区，在同一张图中比较各地的实际值（可叠加目标）。</p>
    </div>
    <form class="panel compare-form" data-testid="compare-form" @submit=${onSubmit} @change=${(e: Event) => (e.currentTarget as HTMLFormElement).requestSubmit()}>
      <div class="compare-controls">
        <label class="field">
          <span class="field-label">指标</span>
          <select name="indicator" data-testid="compare-indicator">
            ${state.indicator && !indicatorItems.some((i) => i.key === state.indicator)
              ? html`<option value=${state.indicator} selected>${state.indicator}</option>`
              : nothing}
            ${indicatorItems.map(
              (i) => html`<option value=${i.key} ?selected=${i.key === state.indicator}>${i.label}（${i.fact_count}）</option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span class="field-label">口径</span>
          <select name="measure" data-testid="compare-measure">
            <option value="" ?selected=${state.measure === ''}>自动（数据最多）</option>
            ${MEASURES.map((m) => html`<option value=${m} ?selected=${m === state.measure}>${MEASURE_LABELS[m]}</option>`)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="targets" value="1" ?checked=${state.targets} data-testid="compare-targets" />
          显示目标
        </label>
      </div>
      <fieldset class="region-picks" data-testid="compare-regions">
        <legend class="field-label">地区</legend>
        ${regionItems.map(
          (r) => html`<label class="pick">
            <input type="checkbox" name="region" value=${r.code} ?checked=${selected.has(r.code)} />
            <span>${r.name ?? r.code}</span><span class="muted small">${r.fact_count}</span>
          </label>`,
        )}
      </fieldset>
      <noscript><button class="btn btn-primary" type="submit">对比</button></noscript>
    </form>
    ${body(state, result, error)}
  `;
}

function body(state: CompareState, result: CompareResult | null, error: unknown): TemplateResult {
  if (!state.indicator) return empty('请选择一个指标。', 'compare-empty');
  if (state.regions.length === 0) return empty('请至少选择一个地区。', 'compare-empty');
  if (error) return html`<div class="notice notice-error" data-testid="compare-error">${(error as Error).message}</div>`;
  if (!result) return loading();
  const missing = result.regions.filter((r) => !r.found);
  const found = result.regions.filter((r) => r.found);
  const noData = found.every((r) => r.results.length === 0 && r.targets.length === 0);
  return html`
    ${missing.length
      ? html`<div class="notice" data-testid="compare-missing">以下地区没有文档：${missing.map((r) => r.name ?? r.code).join('、')}</div>`
      : nothing}
    <section class="panel chart-card">
      <h2 class="chart-title">${result.label}<span class="muted"> · ${measureLabel(result.measure)}（${result.unit}）</span></h2>
      ${noData ? empty('所选地区没有该指标的数据。', 'compare-nodata') : nothing}
      <div class="chart chart-tall" data-testid="compare-chart" ?hidden=${noData}></div>
    </section>
    ${noData ? nothing : compareTable(result)}
  `;
}

function compareTable(result: CompareResult): TemplateResult {
  const periods = [...result.periods].sort(comparePeriods);
  const cell = (p: SeriesPoint | undefined) =>
    p ? html`<a class="value-link" href=${documentPath(p.document_id, p.span[0])} title=${p.quote}>${pointValueText(p)}</a>` : html`<span class="muted">—</span>`;
  const rows = result.regions.filter((r) => r.found);
  return html`<div class="table-wrap panel">
    <table class="table table-nowrap" data-testid="compare-table">
      <thead>
        <tr><th>地区</th><th>类别</th>${periods.map((p) => html`<th>${periodLabel(p)}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map((r, i) => {
          const res = new Map(r.results.map((p) => [p.period, p]));
          const tgt = new Map(r.targets.map((p) => [p.period, p]));
          const name = r.code
            ? html`<a href=${regionPath(r.code)}><span class="swatch" style=${`background:${PALETTE[i % PALETTE.length]}`}></span>${r.name ?? r.code}</a>`
            : html`${r.name ?? '?'}`;
          return html`<tr>
              <td rowspan="2">${name}</td><td>实际</td>${periods.map((p) => html`<td>${cell(res.get(p))}</td>`)}
            </tr>
            <tr class="row-sub"><td>目标</td>${periods.map((p) => html`<td>${cell(tgt.get(p))}</td>`)}</tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
