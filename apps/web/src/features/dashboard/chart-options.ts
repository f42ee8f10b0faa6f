import type { components } from '@cims/api-client';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { TOrderChannel } from './dashboard-filters';

export type TChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

type TChartPoint = components['schemas']['DashboardChart']['points'][number];

/** One figure of a one-series chart and its data table: what it counts and where a click leads. */
export type TDatum = { key: string; label: string; value: number | null; href: string | null };

/** The palette of styles.css (primary, success, warning, danger, muted), in the order series take it. */
export const CHART_COLORS = ['#1d4ed8', '#17773b', '#9a5b00', '#b42318', '#6b7280'];

const TEXT_STYLE = { fontFamily: 'inherit' };

/** Bars, horizontal for long category names (regions, campaigns); `unit` follows each value (%). */
export function barOption(
  data: readonly TDatum[],
  {
    seriesName,
    isHorizontal = false,
    unit = '',
  }: { seriesName: string; isHorizontal?: boolean; unit?: string },
): TChartOption {
  const categoryAxis = {
    type: 'category' as const,
    data: data.map((datum) => datum.label),
    inverse: isHorizontal,
    axisLabel: { hideOverlap: true, width: 96, overflow: 'truncate' as const },
  };
  const valueAxis = { type: 'value' as const, axisLabel: { formatter: `{value}${unit}` } };
  return {
    color: CHART_COLORS,
    textStyle: TEXT_STYLE,
    tooltip: { trigger: 'item', valueFormatter: (value) => `${value ?? '—'}${unit}` },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: isHorizontal ? valueAxis : categoryAxis,
    yAxis: isHorizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: data.map((datum) => datum.value),
        cursor: 'pointer',
        barMaxWidth: 32,
      },
    ],
  };
}

/** A line over months. */
export function lineOption(data: readonly TDatum[], seriesName: string): TChartOption {
  return {
    color: CHART_COLORS,
    textStyle: TEXT_STYLE,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((datum) => datum.label), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: seriesName,
        data: data.map((datum) => datum.value),
        symbolSize: 8,
        cursor: 'pointer',
        // A click on the axis' month anywhere in the plot opens that month, not only on the small dot.
        triggerLineEvent: true,
      },
    ],
  };
}

/** A funnel keeping the given order (the lifecycle's) rather than sorting by size. */
export function funnelOption(data: readonly TDatum[], seriesName: string): TChartOption {
  return {
    color: CHART_COLORS,
    textStyle: TEXT_STYLE,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        name: seriesName,
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '10%',
        label: { position: 'inside', formatter: '{b}: {c}' },
        data: data.map((datum) => ({ name: datum.label, value: datum.value ?? 0 })),
      },
    ],
  };
}

/** One month of the purchase trend: paid orders per channel and the revenue of them all, in cents. */
export type TPurchaseMonth = {
  key: string;
  label: string;
  orders: Partial<Record<TOrderChannel, number>>;
  revenueCents: number;
};

/** Money strings to cents, so that sums of amounts add up exactly. */
function toCents(amount: string | null): number {
  return amount === null ? 0 : Math.round(Number(amount) * 100);
}

/** The purchase trend's points by month, every month of the period present. */
export function purchaseMonths(
  points: readonly TChartPoint[],
  months: readonly { key: string; label: string }[],
): TPurchaseMonth[] {
  const byKey = new Map<string, TPurchaseMonth>(
    months.map((month) => [month.key, { ...month, orders: {}, revenueCents: 0 }]),
  );
  for (const point of points) {
    const month = byKey.get(point.key);
    const channel = point.series as TOrderChannel | null;
    if (!month || !channel) continue;
    month.orders[channel] = (month.orders[channel] ?? 0) + point.value;
    month.revenueCents += toCents(point.amount);
  }
  return [...byKey.values()];
}

/** Stacked bars of orders per channel, with revenue as a line on its own axis; both open the month. */
export function purchaseTrendOption(
  months: readonly TPurchaseMonth[],
  channels: readonly { channel: TOrderChannel; name: string }[],
  revenueName: string,
): TChartOption {
  return {
    color: CHART_COLORS,
    textStyle: TEXT_STYLE,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: months.map((month) => month.label) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', splitLine: { show: false } },
    ],
    series: [
      ...channels.map(
        ({ channel, name }): BarSeriesOption => ({
          type: 'bar',
          name,
          stack: 'orders',
          barMaxWidth: 32,
          cursor: 'pointer',
          data: months.map((month) => month.orders[channel] ?? 0),
        }),
      ),
      {
        type: 'line',
        name: revenueName,
        yAxisIndex: 1,
        cursor: 'pointer',
        triggerLineEvent: true,
        data: months.map((month) => month.revenueCents / 100),
      },
    ],
  };
}
