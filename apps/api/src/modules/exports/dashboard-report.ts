/**
 * The dashboard report: a PDF with each chart of the home dashboard, drawn by ECharts on the server (its
 * SVG renderer, placed as vectors by svg-to-pdfkit) and followed by its figures as a table, for the
 * viewer's data scope and the dashboard's filters.
 */
import type { Readable } from 'node:stream';
import type { components } from '@cims/api-client';
import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { type DashboardChartName, getDashboardChart } from '../dashboard/service';
import { type Cell, drawPdfTable, pageContentWidth, watermarkedPdf } from './file-writers';

type DashboardChart = components['schemas']['DashboardChart'];
export type DashboardFilter = components['schemas']['DashboardFilter'];

const reportCharts: { chart: DashboardChartName; title: string; kind: 'bar' | 'line' | 'pie' | 'funnel' }[] =
  [
    { chart: 'customers_by_region', title: '各省客户分布 Customers by province', kind: 'bar' },
    { chart: 'new_customers', title: '新增客户 New customers', kind: 'line' },
    { chart: 'purchase_trend', title: '购买趋势 Purchase trend (orders)', kind: 'bar' },
    { chart: 'value_tiers', title: '价值分层 Value tiers', kind: 'pie' },
    { chart: 'lifecycle_funnel', title: '生命周期漏斗 Lifecycle funnel', kind: 'funnel' },
  ];

export const dashboardReportChartCount = reportCharts.length;

const chartHeight = 250;
/** Bars beyond this many (small provinces) are summed into the table only. */
const maxBars = 20;

function chartOption(
  data: DashboardChart,
  kind: (typeof reportCharts)[number]['kind'],
): echarts.EChartsOption {
  const points = data.points;
  const name = (point: DashboardChart['points'][number]) => point.label ?? point.key;
  const base = { animation: false, textStyle: { fontFamily: 'body' } };
  const slices = points.map((point) => ({ name: name(point), value: point.value }));
  const label = { formatter: '{b}: {c}' };
  if (kind === 'pie')
    return { ...base, legend: { bottom: 0 }, series: [{ type: 'pie', data: slices, label, radius: '60%' }] };
  if (kind === 'funnel')
    return {
      ...base,
      legend: { bottom: 0 },
      series: [
        {
          type: 'funnel',
          data: slices,
          label: { ...label, position: 'inside' },
          sort: 'none',
          top: 10,
          bottom: 30,
        },
      ],
    };
  const seriesNames = [...new Set(points.map((point) => point.series ?? ''))];
  const categories = [...new Set(points.map(name))].slice(0, maxBars);
  return {
    ...base,
    grid: { left: 50, right: 20, top: 30, bottom: 50 },
    legend: seriesNames.length > 1 ? { top: 0 } : undefined,
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: seriesNames.map((series) => ({
      type: kind,
      name: series || undefined,
      stack: kind === 'bar' && seriesNames.length > 1 ? 'total' : undefined,
      data: categories.map(
        (category) =>
          points.find((point) => name(point) === category && (point.series ?? '') === series)?.value ?? 0,
      ),
    })),
  };
}

function chartSvg(option: echarts.EChartsOption, width: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: chartHeight });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

async function* figures(data: DashboardChart): AsyncGenerator<Cell[]> {
  for (const point of data.points)
    yield [
      point.label ? `${point.label} (${point.key})` : point.key,
      point.series,
      point.value,
      point.amount,
    ];
}

/** Reads every chart first, so that a failing query answers as an error rather than a cut-short file. */
export async function dashboardReport(
  db: Database,
  actor: RequestActor,
  input: { filter: DashboardFilter; watermark: string },
): Promise<Readable> {
  const charts = [];
  for (const entry of reportCharts)
    charts.push({ ...entry, data: await getDashboardChart(db, actor.viewer, entry.chart, input.filter) });
  const doc = watermarkedPdf({
    title: '客户数据报告 Customer report',
    watermark: input.watermark,
    layout: 'portrait',
  });
  const width = pageContentWidth(doc);
  const first = charts[0]?.data;
  doc.fontSize(18).text('客户数据报告 Customer report');
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text(
      [
        `期间 Period: ${first?.from.slice(0, 10) ?? ''} — ${first?.to.slice(0, 10) ?? ''}`,
        input.filter.provinceCode ? `省份 Province: ${input.filter.provinceCode}` : null,
        input.filter.channel ? `渠道 Channel: ${input.filter.channel}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    )
    .fillColor('#000000');
  for (const [index, entry] of charts.entries()) {
    if (index > 0) doc.addPage();
    doc.moveDown(0.6).fontSize(13).text(entry.title).moveDown(0.3);
    if (entry.data.points.length === 0) {
      doc.fontSize(9).fillColor('#777777').text('无数据 No data').fillColor('#000000');
      continue;
    }
    const top = doc.y;
    SVGtoPDF(doc, chartSvg(chartOption(entry.data, entry.kind), width), doc.page.margins.left, top, {
      width,
      height: chartHeight,
      fontCallback: () => 'body',
    });
    doc.x = doc.page.margins.left;
    doc.y = top + chartHeight + 10;
    await drawPdfTable(doc, {
      header: ['项目 Item', '系列 Series', '数量 Count', '金额 Amount'],
      records: figures(entry.data),
      weights: [3, 1.2, 1, 1.4],
    });
  }
  doc.end();
  return doc;
}
