// `/compare?indicator=&regions=a,b&measure=&frequency=&targets=1`: one indicator, several regions, one chart.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { api, documentPath, regionPath, withQuery, type CompareResult, type IndicatorList, type RegionList, type RegionSummary } from '../api.js';
import { compareChart, mountChart, PALETTE } from '../charts.js';
import {
  FREQUENCIES,
  FREQUENCY_LABELS,
  MEASURES,
  MEASURE_LABELS,
  comparePeriods,
  frequencyLabel,
  isFrequency,
  isMeasure,
  measureLabel,
  periodLabel,
  pointValueText,
  seriesName,
} from '../labels.js';
import { regionIndex, type RegionIndex } from '../region-search.js';
import { navigate, type PageContext } from '../router.js';
import { catalogReady, empty, indicatorsCached, loading, regionsCached, setTitle } from '../ui.js';
import type { SeriesPoint } from '../../../src/api/schemas.js';

interface CompareState {
  indicator: string;
  regions: string[];
  measure: string;
  frequency: string;
  targets: boolean;
}

function readState(query: URLSearchParams): CompareState {
  const measure = query.get('measure') ?? '';
  const frequency = query.get('frequency') ?? '';
  return {
    indicator: (query.get('indicator') ?? '').trim(),
    regions: [
      ...new Set(
        (query.get('regions') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ],
    measure: isMeasure(measure) ? measure : '',
    frequency: isFrequency(frequency) ? frequency : '',
    targets: query.get('targets') === '1',
  };
}

function statePath(s: CompareState): string {
  return withQuery('/compare', {
    indicator: s.indicator,
    regions: s.regions.join(','),
    measure: s.measure || undefined,
    frequency: s.frequency || undefined,
    targets: s.targets ? '1' : undefined,
  });
}

// ─── the region picker's own state ───────────────────────────────────────────
// Picking a region is a navigation (the choice lives in the URL), so what the
// user typed and the highlighted option outlive the page run that drew them.

interface PickerState {
  query: string;
  /** Index of the highlighted option; -1 when none. */
  active: number;
}
const picker: PickerState = { query: '', active: -1 };

/** At most this many options are listed; the rest are reached by typing. */
function optionLimit(): number {
  return window.matchMedia('(max-width: 640px)').matches ? 12 : 30;
}

let indexFor: { list: RegionList; index: RegionIndex<RegionSummary> } | null = null;
function indexOf(list: RegionList): RegionIndex<RegionSummary> {
  if (indexFor?.list !== list) indexFor = { list, index: regionIndex(list.items) };
  return indexFor.index;
}

export async function comparePage(ctx: PageContext): Promise<void> {
  setTitle('对比');
  const state = readState(ctx.query);
  // Leaving the page forgets the filter text; picking a region (a new /compare URL) keeps it.
  ctx.onCleanup(() => {
    if (location.pathname !== '/compare') Object.assign(picker, { query: '', active: -1 });
  });
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
      navigate(statePath({ indicator: top.key, regions: topRegions, measure: '', frequency: '', targets: false }), { replace: true });
      return;
    }
  }

  let result: CompareResult | null = null;
  let error: unknown = null;
  const draw = () => ctx.show(view(state, indicators, regions, result, error, draw));
  draw();
  if (!state.indicator || state.regions.length === 0) return;
  try {
    result = await api.compare(
      {
        indicator: state.indicator,
        regions: state.regions.join(','),
        measure: state.measure || undefined,
        frequency: state.frequency || undefined,
      },
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
  const chart = compareChart(
    result.regions.flatMap((r, i) =>
      r.found ? [{ name: r.name ?? r.code ?? '?', color: colorAt(i), results: r.results, targets: r.targets }] : [],
    ),
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
    frequency: String(data.get('frequency') ?? ''),
    targets: data.get('targets') === '1',
  };
  navigate(statePath(state), { keepScroll: true });
}

function view(
  state: CompareState,
  indicators: IndicatorList,
  regions: RegionList,
  result: CompareResult | null,
  error: unknown,
  redraw: () => void,
): TemplateResult {
  const indicatorItems = [...indicators.items].sort((a, b) => b.fact_count - a.fact_count || a.label.localeCompare(b.label, 'zh-CN'));
  const shown = result && result.indicator === state.indicator ? result : null;
  return html`
    <div class="page-head">
      <h1 class="page-title">指标对比</h1>
      <p class="page-sub">选择一个指标和若干地区，在同一张图中比较各地的实际值（可叠加目标）。</p>
    </div>
    <form
      class="panel compare-form"
      data-testid="compare-form"
      @submit=${onSubmit}
      @change=${(e: Event) => (e.currentTarget as HTMLFormElement).requestSubmit()}
    >
      <div class="compare-controls">
        <label class="field field-indicator">
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
            <option value="" ?selected=${state.measure === ''}>
              ${shown && !state.measure ? `自动（${measureLabel(shown.measure)}）` : '自动（数据最多）'}
            </option>
            ${MEASURES.map((m) => html`<option value=${m} ?selected=${m === state.measure}>${MEASURE_LABELS[m]}</option>`)}
          </select>
        </label>
        <label class="field">
          <span class="field-label">频率</span>
          <select name="frequency" data-testid="compare-frequency">
            <option value="" ?selected=${state.frequency === ''}>
              ${shown && !state.frequency ? `自动（${frequencyLabel(shown.frequency)}）` : '自动（数据最多）'}
            </option>
            ${FREQUENCIES.map((f) => html`<option value=${f} ?selected=${f === state.frequency}>${FREQUENCY_LABELS[f]}</option>`)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="targets" value="1" ?checked=${state.targets} data-testid="compare-targets" />
          显示目标
        </label>
      </div>
      ${regionPicker(state, regions, result, redraw)}
      <noscript><button class="btn btn-primary" type="submit">对比</button></noscript>
    </form>
    ${body(state, result, error)}
  `;
}

/**
 * The chosen regions as removable chips, a filter box, and the best matches
 * (most facts first) as a listbox the filter box drives: ↑/↓ move, Enter adds,
 * Esc clears, Backspace in an empty box removes the last chip.
 */
function regionPicker(state: CompareState, regions: RegionList, result: CompareResult | null, redraw: () => void): TemplateResult {
  const index = indexOf(regions);
  const byCode = new Map(regions.items.map((r) => [r.code, r]));
  const chosen = new Set(state.regions);
  const query = picker.query.trim();
  const matches = index.find(query);
  const pool = matches.filter((r) => !chosen.has(r.code));
  // Without a query, regions with no data wait behind the filter.
  const candidates = query ? pool : pool.filter((r) => r.fact_count > 0);
  const limit = optionLimit();
  const options = candidates.slice(0, limit);
  const hidden = pool.length - options.length;
  const active = options.length === 0 ? -1 : Math.min(picker.active, options.length - 1);
  const optionId = (r: RegionSummary) => `compare-opt-${r.code}`;

  const go = (codes: string[]) => navigate(statePath({ ...state, regions: codes }), { keepScroll: true });
  const add = (code: string) => go([...state.regions.filter((c) => c !== code), code]);
  const remove = (code: string) => {
    document.querySelector<HTMLInputElement>('[data-testid="compare-region-filter"]')?.focus();
    go(state.regions.filter((c) => c !== code));
  };
  const setPicker = (change: Partial<PickerState>) => {
    Object.assign(picker, change);
    redraw();
  };
  const nameOf = (code: string) =>
    byCode.get(code)?.name ?? result?.regions.find((r) => r.code === code || r.name === code)?.name ?? code;

  const onKeydown = (e: KeyboardEvent) => {
    const input = e.currentTarget as HTMLInputElement;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (options.length === 0) return;
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
        setPicker({ active: next });
        document.getElementById(optionId(options[next]!))?.scrollIntoView({ block: 'nearest' });
        return;
      }
      case 'Enter':
        // Never submits the form: Enter adds the highlighted region.
        e.preventDefault();
        if (active >= 0 && options[active]) add(options[active].code);
        return;
      case 'Escape':
        if (picker.query || picker.active >= 0) {
          e.preventDefault();
          setPicker({ query: '', active: -1 });
        }
        return;
      case 'Backspace': {
        const last = state.regions[state.regions.length - 1];
        if (input.value === '' && last) {
          e.preventDefault();
          remove(last);
        }
        return;
      }
    }
  };

  let note: TemplateResult | typeof nothing = nothing;
  if (query && matches.length === 0) note = html`没有匹配“${query}”的地区`;
  else if (query && pool.length === 0) note = html`匹配“${query}”的地区都已选上`;
  else if (hidden > 0)
    note = query
      ? html`还有 ${hidden} 个匹配的地区，请输入更多字筛选`
      : html`还有 ${hidden} 个地区，请输入地区名或代码筛选`;

  return html`<fieldset class="region-picker" data-testid="compare-regions">
    <legend class="field-label">地区 <span class="muted">已选 ${state.regions.length} 个</span></legend>
    <div class="picker-box">
      ${state.regions.map((code, i) => {
        const name = nameOf(code);
        return html`<span class="region-chip" data-testid="compare-region-chip" data-code=${code}>
          <input type="hidden" name="region" value=${code} />
          <span class="swatch" style=${`background:${colorAt(i)}`}></span>
          <span class="chip-name">${name}</span>
          <button
            type="button"
            class="chip-remove"
            data-testid="compare-region-remove"
            aria-label=${`移除${name}`}
            title=${`移除${name}`}
            @click=${() => remove(code)}
          >
            ×
          </button>
        </span>`;
      })}
      <input
        type="search"
        class="picker-input"
        data-testid="compare-region-filter"
        placeholder="输入地区名或代码筛选"
        autocomplete="off"
        spellcheck="false"
        role="combobox"
        aria-label="筛选地区"
        aria-autocomplete="list"
        aria-expanded=${options.length > 0 ? 'true' : 'false'}
        aria-controls="compare-region-options"
        aria-activedescendant=${active >= 0 && options[active] ? optionId(options[active]) : ''}
        .value=${live(picker.query)}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          setPicker({ query: value, active: value.trim() ? 0 : -1 });
        }}
        @keydown=${onKeydown}
        @change=${(e: Event) => e.stopPropagation()}
      />
    </div>
    <ul class="region-options" id="compare-region-options" role="listbox" aria-label="可选地区" data-testid="compare-region-options">
      ${options.map((r, i) => {
        const parent = index.parentOf(r.code);
        return html`<li
          id=${optionId(r)}
          role="option"
          aria-selected="false"
          class=${`region-option${i === active ? ' is-active' : ''}${r.fact_count === 0 ? ' is-empty' : ''}`}
          data-testid="compare-region-option"
          data-code=${r.code}
          title=${`${parent ? parent + ' · ' : ''}${r.name ?? r.code}（${r.code}），${r.fact_count} 条指标数据`}
          @mousedown=${(e: MouseEvent) => e.preventDefault()}
          @click=${() => {
            document.querySelector<HTMLInputElement>('[data-testid="compare-region-filter"]')?.focus();
            add(r.code);
          }}
        >
          <span class="option-plus" aria-hidden="true">+</span>
          <span>${r.name ?? r.code}</span>
          ${parent ? html`<span class="option-parent">${parent.split(' · ').pop()}</span>` : nothing}
          <span class="option-count">${r.fact_count}</span>
        </li>`;
      })}
    </ul>
    ${note !== nothing ? html`<p class="picker-note" data-testid="compare-region-more" aria-live="polite">${note}</p>` : nothing}
  </fieldset>`;
}

/** A region's colour: by its place among the chosen regions, the same on chips, chart and table. */
function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

function body(state: CompareState, result: CompareResult | null, error: unknown): TemplateResult {
  if (!state.indicator) return empty('请选择一个指标。', 'compare-empty');
  if (state.regions.length === 0) return empty('请至少选择一个地区。', 'compare-empty');
  if (error) return html`<div class="notice notice-error" data-testid="compare-error">${(error as Error).message}</div>`;
  // While loading, a box of the chart's size keeps the page from jumping.
  if (!result)
    return html`<section class="panel chart-card compare-card">
      <h2 class="chart-title">&nbsp;</h2>
      <div class="chart chart-tall chart-pending">${loading()}</div>
    </section>`;
  const missing = result.regions.filter((r) => !r.found);
  const found = result.regions.filter((r) => r.found);
  const noData = found.every((r) => r.results.length === 0 && r.targets.length === 0);
  return html`
    ${missing.length
      ? html`<div class="notice" data-testid="compare-missing">以下地区没有文档：${missing.map((r) => r.name ?? r.code).join('、')}</div>`
      : nothing}
    <section class="panel chart-card compare-card">
      <h2 class="chart-title" data-testid="compare-title" data-measure=${result.measure} data-frequency=${result.frequency}>
        ${result.label}<span class="muted">
          · ${seriesName({ measure: result.measure, frequency: result.frequency })}${result.unit ? `（${result.unit}）` : ''}</span
        >
      </h2>
      ${noData
        ? empty(
            state.measure || state.frequency
              ? '所选地区在这个口径和频率下没有该指标的数据，可改为“自动”。'
              : '所选地区没有该指标的数据。',
            'compare-nodata',
          )
        : nothing}
      <div class="chart chart-tall" data-testid="compare-chart" ?hidden=${noData}></div>
    </section>
    ${noData ? nothing : compareTable(result)}
  `;
}

function compareTable(result: CompareResult): TemplateResult {
  const periods = [...result.periods].sort(comparePeriods);
  const cell = (p: SeriesPoint | undefined) =>
    p ? html`<a class="value-link" href=${documentPath(p.document_id, p.span[0])} title=${p.quote}>${pointValueText(p)}</a>` : html`<span class="muted">—</span>`;
  const rows = result.regions.map((r, i) => ({ ...r, color: colorAt(i) })).filter((r) => r.found);
  return html`<div class="table-wrap panel">
    <table class="table table-nowrap" data-testid="compare-table">
      <thead>
        <tr><th>地区</th><th>类别</th>${periods.map((p) => html`<th>${periodLabel(p)}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const res = new Map(r.results.map((p) => [p.period, p]));
          const tgt = new Map(r.targets.map((p) => [p.period, p]));
          const name = r.code
            ? html`<a href=${regionPath(r.code)}><span class="swatch" style=${`background:${r.color}`}></span>${r.name ?? r.code}</a>`
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
