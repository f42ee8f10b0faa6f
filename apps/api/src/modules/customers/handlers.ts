import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { etagOf, toCustomer, toCustomerSummary } from './serializers';
import {
  createCustomer,
  deleteCustomer,
  listCustomers,
  restoreCustomer,
  revealCustomerField,
  searchCustomers,
  updateCustomer,
  viewCustomer,
} from './service';

type CustomerOperations =
  | 'revealCustomerField'
  | 'listCustomers'
  | 'searchCustomers'
  | 'createCustomer'
  | 'getCustomer'
  | 'updateCustomer'
  | 'deleteCustomer'
  | 'restoreCustomer';

export const customersHandlers: { [K in CustomerOperations]: OperationHandler<K> } = {
  async revealCustomerField(request) {
    return revealCustomerField(request.server.db, actorContextOf(request), {
      id: request.params.customerId,
      ...request.body,
    });
  },
  async listCustomers(request) {
    const viewer = viewerOf(request);
    const { rows, nextCursor } = await listCustomers(request.server.db, viewer, request.query);
    return { items: rows.map((row) => toCustomerSummary(row, viewer.fieldAccess)), nextCursor };
  },
  async searchCustomers(request) {
    const viewer = viewerOf(request);
    const rows = await searchCustomers(request.server.db, viewer, request.query);
    return { items: rows.map((row) => toCustomerSummary(row, viewer.fieldAccess)) };
  },
  async createCustomer(request, reply) {
    const record = await createCustomer(request.server.db, actorContextOf(request), request.body);
    return reply
      .code(201)
      .header('ETag', etagOf(record.row.version))
      .header('Location', `/api/v1/customers/${record.row.id}`)
      .send(toCustomer(record, viewerOf(request)));
  },
  async getCustomer(request, reply) {
    const actor = actorContextOf(request);
    const record = await viewCustomer(request.server.db, actor, request.params.customerId);
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, actor.viewer));
  },
  async updateCustomer(request, reply) {
    const record = await updateCustomer(request.server.db, actorContextOf(request), {
      id: request.params.customerId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, viewerOf(request)));
  },
  async deleteCustomer(request, reply) {
    await deleteCustomer(request.server.db, actorContextOf(request), request.params.customerId);
    return reply.code(204).send();
  },
  async restoreCustomer(request, reply) {
    const record = await restoreCustomer(
      request.server.db,
      actorContextOf(request),
      request.params.customerId,
    );
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, viewerOf(request)));
  },
};
