import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import { etagOf, toCustomer, toCustomerSummary } from './serializers';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  restoreCustomer,
  searchCustomers,
  updateCustomer,
} from './service';

type CustomerOperations =
  | 'listCustomers'
  | 'searchCustomers'
  | 'createCustomer'
  | 'getCustomer'
  | 'updateCustomer'
  | 'deleteCustomer'
  | 'restoreCustomer';

export const customersHandlers: { [K in CustomerOperations]: OperationHandler<K> } = {
  async listCustomers(request) {
    const { rows, nextCursor } = await listCustomers(request.server.db, request.query);
    return { items: rows.map(toCustomerSummary), nextCursor };
  },
  async searchCustomers(request) {
    const rows = await searchCustomers(request.server.db, request.query);
    return { items: rows.map(toCustomerSummary) };
  },
  async createCustomer(request, reply) {
    const record = await createCustomer(request.server.db, auditContextOf(request), request.body);
    return reply
      .code(201)
      .header('ETag', etagOf(record.row.version))
      .header('Location', `/api/v1/customers/${record.row.id}`)
      .send(toCustomer(record));
  },
  async getCustomer(request, reply) {
    const record = await getCustomer(request.server.db, request.params.customerId);
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record));
  },
  async updateCustomer(request, reply) {
    const record = await updateCustomer(request.server.db, auditContextOf(request), {
      id: request.params.customerId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record));
  },
  async deleteCustomer(request, reply) {
    await deleteCustomer(request.server.db, auditContextOf(request), request.params.customerId);
    return reply.code(204).send();
  },
  async restoreCustomer(request, reply) {
    const record = await restoreCustomer(
      request.server.db,
      auditContextOf(request),
      request.params.customerId,
    );
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record));
  },
};
