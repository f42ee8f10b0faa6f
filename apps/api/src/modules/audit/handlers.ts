import { viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { getCustomer } from '../customers/service';
import { toAuditEntry } from './serializers';
import { listAuditEntries, verifyAuditChain } from './service';

export const auditHandlers: {
  listAuditEntries: OperationHandler<'listAuditEntries'>;
  verifyAuditChain: OperationHandler<'verifyAuditChain'>;
  listCustomerHistory: OperationHandler<'listCustomerHistory'>;
} = {
  async listAuditEntries(request) {
    const { rows, nextCursor } = await listAuditEntries(request.server.db, request.query);
    return { items: rows.map(toAuditEntry), nextCursor };
  },
  async verifyAuditChain(request) {
    return verifyAuditChain(request.server.db);
  },
  async listCustomerHistory(request) {
    const { customerId } = request.params;
    await getCustomer(request.server.db, viewerOf(request), customerId);
    const { rows, nextCursor } = await listAuditEntries(request.server.db, {
      ...request.query,
      customerId,
      isChangesOnly: true,
    });
    return { items: rows.map(toAuditEntry), nextCursor };
  },
};
