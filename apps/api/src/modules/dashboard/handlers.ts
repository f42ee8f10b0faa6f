import { viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { getDashboardChart } from './service';

export const dashboardHandlers: { [K in 'getDashboardChart']: OperationHandler<K> } = {
  async getDashboardChart(request) {
    return getDashboardChart(request.server.db, viewerOf(request), request.params.chart, request.query);
  },
};
