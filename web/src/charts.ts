// ECharts, tree-shaken to what the dashboard draws. ECharts renders tooltip
// formatters as HTML, so every piece of data put into one goes through encodeHTML.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { IndicatorSeries, SeriesPoint } from '../../src/api/schemas.js';
import type { PageContext } from './router.js';
import { comparePeriods, periodLabel, pointValueText, measureLabel, qualifierLabel } from './labels.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** For the browser tests: the chart behind a container element. */
    __echarts?: { getInstanceByDom: typeof echarts.getInstanceByDom };
  }
}
window.__echarts = { getInstanceByDom: echarts.getInstanceByDom };

export const encodeHTML = (s: string): string => echarts.format.encodeHTML(s);

export const PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c'];
const RESULT_COLOR = '#2563eb';
const TARGET_COLOR = '#d97706';

type Option = echarts.EChartsCoreOption;

/** Draws a chart into an element, keeps it sized to it, and disposes it when the page is left. */
export function mountChart(el: HTMLElement, option: Option, ctx: PageContext, onPoint?: (seriesIndex: number, dataIndex: number) => void): echarts.ECharts {
  echarts.getInstanceByDom(el)?.dispose();
  const chart = echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
  chart.setOption(option);
  if (onPoint) {
    chart.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number };
      if (p.seriesIndex !== undefined && p.dataIndex !== undefined) onPoint(p.seriesIndex, p.dataIndex);
    });
  }
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  ctx.onCleanup(() => {
    observer.disconnect();
    chart.dispose();
  });
  return chart;
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

/** One tooltip line for a point: its value as reported, qualifier and the quote it came from. */
export function pointTooltip(marker: string, seriesName: string, point: SeriesPoint | null | undefined, seriesUnit: string): string {
  if (!point) return `${marker}${encodeHTML(seriesName)}：—`;
  const converted =
    point.unit !== seriesUnit && point.value_in_series_unit != null ? `（${point.value_in_series_unit.toLocaleString('zh-CN')}${seriesUnit}）` : '';
  return (
    `${marker}<b>${encodeHTML(seriesName)}</b>：${encodeHTML(pointValueText(point))}${encodeHTML(converted)}` +
    ` <span style="color:#64748b">${encodeHTML(qualifierLabel(point.qualifier))}</span>` +
    `<br/><span style="color:#64748b;font-size:12px">“${encodeHTML(truncate(point.quote, 40))}”</span>`
  );
}

interface AxisParam {
  marker?: string;
  seriesName?: string;
  seriesIndex?: number;
  dataIndex?: number;
  axisValueLabel?: string;
}

export interface SeriesChart {
  option: Option;
  /** The point behind each series/data index, for clicks. */
  pointAt(seriesIndex: number, dataIndex: number): SeriesPoint | null;
}

/** Results and targets of one indicator as two series over the union of their periods. */
export function indicatorSeriesChart(series: IndicatorSeries): SeriesChart {
  const periods = [...new Set([...series.results, ...series.targets].map((p) => p.period))].sort(comparePeriods);
  const byPeriod = (points: SeriesPoint[]) => {
    const map = new Map(points.map((p) => [p.period, p]));
    return periods.map((period) => map.get(period) ?? null);
  };
  const lookup = [byPeriod(series.results), byPeriod(series.targets)];
  const asBar = series.measure === 'level';
  const names = ['实际', '目标'];
  const option: Option = {
    animation: false,
    color: [RESULT_COLOR, TARGET_COLOR],
    grid: { left: 12, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 4, right: 8, itemWidth: 14, itemHeight: 10, textStyle: { color: '#475569' } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: asBar ? 'shadow' : 'line' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as AxisParam[];
        const first = params[0];
        const head = first?.axisValueLabel ?? '';
        const lines = params.map((p) =>
          pointTooltip(p.marker ?? '', p.seriesName ?? '', lookup[p.seriesIndex ?? 0]?.[p.dataIndex ?? 0], series.unit),
        );
        return `<div style="max-width:320px;white-space:normal">${encodeHTML(head)}<br/>${lines.join('<br/>')}</div>`;
      },
    },
    xAxis: {
      type: 'category',
      data: periods.map(periodLabel),
      axisTick: { alignWithLabel: true },
      axisLabel: { color: '#475569', interval: 0, fontSize: 11, hideOverlap: true },
      axisLine: { lineStyle: { color: '#cbd5e1' } },
    },
    yAxis: {
      type: 'value',
      name: `${measureLabel(series.measure)}（${series.unit}）`,
      nameTextStyle: { color: '#64748b', align: 'left' },
      axisLabel: { color: '#64748b' },
      splitLine: { lineStyle: { color: '#eef2f7' } },
      scale: !asBar,
    },
    series: lookup.map((points, i) => ({
      name: names[i],
      type: asBar ? 'bar' : 'line',
      data: points.map((p) => p?.value_in_series_unit ?? null),
      connectNulls: true,
      symbolSize: 8,
      barMaxWidth: 36,
      cursor: 'pointer',
      lineStyle: i === 1 ? { type: 'dashed', width: 2 } : { width: 2.5 },
      itemStyle: i === 1 && asBar ? { color: 'rgba(217,119,6,0.35)', borderColor: TARGET_COLOR, borderWidth: 1.5, borderType: 'dashed' } : undefined,
      label: { show: periods.length <= 6, position: 'top', color: '#334155', fontSize: 11 },
    })),
  };
  return { option, pointAt: (s, d) => lookup[s]?.[d] ?? null };
}

export interface CompareSeriesInput {
  name: string;
  /** The region's colour (default: by position). */
  color?: string;
  results: SeriesPoint[];
  targets: SeriesPoint[];
}

/** One line per region (results solid; targets dashed in the same colour when asked for). */
export function compareChart(
  input: CompareSeriesInput[],
  periods: string[],
  unit: string,
  measure: string,
  withTargets: boolean,
): SeriesChart {
  const ordered = [...periods].sort(comparePeriods);
  const lookup: (SeriesPoint | null)[][] = [];
  const series: Record<string, unknown>[] = [];
  input.forEach((region, i) => {
    const color = region.color ?? PALETTE[i % PALETTE.length];
    const byPeriod = (points: SeriesPoint[]) => {
      const map = new Map(points.map((p) => [p.period, p]));
      return ordered.map((period) => map.get(period) ?? null);
    };
    const results = byPeriod(region.results);
    lookup.push(results);
    series.push({
      name: region.name,
      type: 'line',
      data: results.map((p) => p?.value_in_series_unit ?? null),
      connectNulls: true,
      symbolSize: 8,
      lineStyle: { width: 2.5, color },
      itemStyle: { color },
      cursor: 'pointer',
    });
    if (withTargets) {
      const targets = byPeriod(region.targets);
      lookup.push(targets);
      series.push({
        name: `${region.name}（目标）`,
        type: 'line',
        data: targets.map((p) => p?.value_in_series_unit ?? null),
        connectNulls: true,
        symbol: 'emptyCircle',
        symbolSize: 8,
        lineStyle: { width: 2, type: 'dashed', color },
        itemStyle: { color },
        cursor: 'pointer',
      });
    }
  });
  const option: Option = {
    animation: false,
    grid: { left: 12, right: 20, top: 56, bottom: 8, containLabel: true },
    legend: { top: 4, type: 'scroll', textStyle: { color: '#475569' } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as AxisParam[];
        const head = params[0]?.axisValueLabel ?? '';
        const lines = params
          .filter((p) => lookup[p.seriesIndex ?? 0]?.[p.dataIndex ?? 0])
          .map((p) => pointTooltip(p.marker ?? '', p.seriesName ?? '', lookup[p.seriesIndex ?? 0]?.[p.dataIndex ?? 0], unit));
        return `<div style="max-width:340px;white-space:normal">${encodeHTML(head)}<br/>${lines.join('<br/>') || '无数据'}</div>`;
      },
    },
    xAxis: {
      type: 'category',
      data: ordered.map(periodLabel),
      axisLabel: { color: '#475569', hideOverlap: true },
      axisLine: { lineStyle: { color: '#cbd5e1' } },
    },
    yAxis: {
      type: 'value',
      name: `${measureLabel(measure)}（${unit}）`,
      nameTextStyle: { color: '#64748b', align: 'left' },
      axisLabel: { color: '#64748b' },
      splitLine: { lineStyle: { color: '#eef2f7' } },
      scale: true,
    },
    series,
  };
  return { option, pointAt: (s, d) => lookup[s]?.[d] ?? null };
}
