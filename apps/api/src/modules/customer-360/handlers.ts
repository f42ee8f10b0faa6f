import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { getCustomer360, getCustomerTimeline } from './service';

export const customer360Handlers: { [K in 'getCustomer360' | 'listCustomerTimeline']: OperationHandler<K> } =
  {
    async getCustomer360(request) {
      return getCustomer360(request.server.db, actorContextOf(request), request.params.customerId);
    },
    async listCustomerTimeline(request) {
      return getCustomerTimeline(request.server.db, actorContextOf(request), {
        customerId: request.params.customerId,
        types: request.query.types,
        limit: request.query.limit ?? 50,
        cursor: request.query.cursor,
      });
    },
  };
