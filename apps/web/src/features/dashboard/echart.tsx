import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TChartOption } from './chart-options';

// Only what the dashboard draws. The SVG renderer keeps every bar and slice a DOM element, which tests
// can click and which stays sharp when zoomed.
use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * An ECharts chart that follows its container's width (phones included) and reports clicks on data
 * items by index. The figures themselves are in the card's data table for screen readers.
 */
export function EChart({
  option,
  label,
  height,
  onItemClick,
}: {
  option: TChartOption;
  label: string;
  height: number;
  onItemClick?: (dataIndex: number, seriesIndex: number) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const onItemClickRef = useRef(onItemClick);
  onItemClickRef.current = onItemClick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'svg' });
    chart.on('click', (params) => {
      if (typeof params.dataIndex === 'number')
        onItemClickRef.current?.(params.dataIndex, params.seriesIndex ?? 0);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    chartRef.current = chart;
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chartRef.current?.resize();
  }, [height]);

  return <div ref={containerRef} className="chart" style={{ height }} role="img" aria-label={label} />;
}
