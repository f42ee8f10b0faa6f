import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { dataQualitySummary } from './service';
import { getDataQualitySettings, updateDataQualitySettings } from './settings';

type DataQualityOperations = 'getDataQualitySummary' | 'getDataQualitySettings' | 'updateDataQualitySettings';

export const dataQualityHandlers: { [K in DataQualityOperations]: OperationHandler<K> } = {
  async getDataQualitySummary(request) {
    return dataQualitySummary(request.server.db, viewerOf(request));
  },
  async getDataQualitySettings(request) {
    return getDataQualitySettings(request.server.db);
  },
  async updateDataQualitySettings(request) {
    return updateDataQualitySettings(request.server.db, actorContextOf(request), request.body);
  },
};
