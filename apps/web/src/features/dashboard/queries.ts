import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import type { TDashboardQuery } from './dashboard-filters';
import type { TDashboardChartName } from './drill-down';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  charts: () => [...dashboardKeys.all, 'chart'] as const,
  chart: (chart: TDashboardChartName, query: TDashboardQuery | null) =>
    [...dashboardKeys.charts(), chart, query] as const,
};

/** One chart of the dashboard; null (no valid period chosen) asks nothing. */
export function useDashboardChart(chart: TDashboardChartName, query: TDashboardQuery | null) {
  return useQuery({
    queryKey: dashboardKeys.chart(chart, query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/dashboard/{chart}', { params: { path: { chart }, query: query ?? {} } })),
    enabled: query !== null,
    // Changing a filter keeps the last figures on screen until the new ones arrive, so charts do not blink.
    placeholderData: keepPreviousData,
  });
}
