import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { auditEntries } from '../../db/schema';

export type AuditEntryRow = typeof auditEntries.$inferSelect;

// Any constant works; it only has to be the same for every writer of the chain.
const chainLockKey = 74_283_101;

/** Serializes appends until the surrounding transaction ends, so the chain follows commit order. */
export async function lockChain(db: Queryable) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${chainLockKey})`);
}

export async function findChainHead(db: Queryable) {
  const [head] = await db
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  return head ?? null;
}

export async function insertAuditEntry(db: Queryable, row: AuditEntryRow) {
  await db.insert(auditEntries).values(row);
}

export async function listEntriesAfter(db: Queryable, afterSeq: number, limit: number) {
  return db
    .select()
    .from(auditEntries)
    .where(gt(auditEntries.seq, afterSeq))
    .orderBy(asc(auditEntries.seq))
    .limit(limit);
}

export const auditFilters = {
  actorId: (id: string) => eq(auditEntries.actorId, id),
  customerId: (id: string) => eq(auditEntries.customerId, id),
  action: (action: AuditEntryRow['action']) => eq(auditEntries.action, action),
  from: (at: string) => gte(auditEntries.occurredAt, new Date(at)),
  to: (at: string) => lt(auditEntries.occurredAt, new Date(at)),
  beforeSeq: (seq: number) => lt(auditEntries.seq, seq),
  /** The entries that change a customer's data (a history), not reads, reveals or exports of it. */
  changesOnly: () =>
    sql`${auditEntries.action} IN ('customer.create', 'customer.update', 'customer.delete', 'customer.restore', 'customer.erase', 'consent.grant', 'consent.withdraw')`,
};

/** Newest first, keyset by seq. */
export async function listAuditRows(db: Queryable, filters: SQL[], limit: number) {
  return db
    .select()
    .from(auditEntries)
    .where(and(...filters))
    .orderBy(desc(auditEntries.seq))
    .limit(limit + 1);
}

export async function listCustomerAuditRows(db: Queryable, customerId: string) {
  return db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.customerId, customerId))
    .orderBy(asc(auditEntries.seq));
}
