import { viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { changesVisibleTo } from '../customers/audit-snapshot';
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
    const viewer = viewerOf(request);
    await getCustomer(request.server.db, viewer, customerId);
    const { rows, nextCursor } = await listAuditEntries(request.server.db, {
      ...request.query,
      customerId,
      isChangesOnly: true,
    });
    const items = rows.map((row) => toAuditEntry({ ...row, changes: changesVisibleTo(row.changes, viewer) }));
    return { items, nextCursor };
  },
};
