import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import { runValueTierScoring } from './service';
import { getValueTierSettings, updateValueTierSettings } from './settings';

type ValueTierOperations = 'getValueTierSettings' | 'updateValueTierSettings' | 'runValueTierScoring';

export const valueTiersHandlers: { [K in ValueTierOperations]: OperationHandler<K> } = {
  async getValueTierSettings(request) {
    return getValueTierSettings(request.server.db);
  },
  async updateValueTierSettings(request) {
    const db = request.server.db;
    return db.transaction((tx) => updateValueTierSettings(tx, actorContextOf(request), request.body));
  },
  async runValueTierScoring(request) {
    return runValueTierScoring(request.server.db, auditContextOf(request));
  },
};
