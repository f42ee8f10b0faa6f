import type { components } from '@cims/api-client';
import { viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { getCustomer } from '../customers/service';
import type { AuditEntryRow } from './repo';
import { listAuditEntries, verifyAuditChain } from './service';

export function toAuditEntry(row: AuditEntryRow): components['schemas']['AuditEntry'] {
  return {
    ...row,
    occurredAt: row.occurredAt.toISOString(),
    changes: row.changes ?? null,
    details: row.details ?? null,
  };
}

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
    const { rows, nextCursor } = await listAuditEntries(request.server.db, { ...request.query, customerId });
    return { items: rows.map(toAuditEntry), nextCursor };
  },
};
