import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import {
  listCustomerOrders,
  listProductCodeMappings,
  replaceProductCodeMappings,
  upsertOrder,
} from './service';

type OrderOperations =
  | 'upsertOrder'
  | 'listCustomerOrders'
  | 'listProductCodeMappings'
  | 'replaceProductCodeMappings';

export const ordersHandlers: { [K in OrderOperations]: OperationHandler<K> } = {
  async upsertOrder(request, reply) {
    const { order, isCreated } = await upsertOrder(request.server.db, actorContextOf(request), {
      source: request.params.source,
      orderNo: request.params.orderNo,
      body: request.body,
    });
    if (isCreated) reply.code(201);
    return order;
  },
  async listCustomerOrders(request) {
    return listCustomerOrders(request.server.db, actorContextOf(request), {
      customerId: request.params.customerId,
      limit: request.query.limit ?? 50,
      cursor: request.query.cursor,
    });
  },
  async listProductCodeMappings(request) {
    return listProductCodeMappings(request.server.db);
  },
  async replaceProductCodeMappings(request) {
    return replaceProductCodeMappings(request.server.db, actorContextOf(request), request.body.items);
  },
};
