/**
 * The audit log: every write, sign-in, permission change, reveal and (later) export is appended in the
 * same transaction as the change it records, so there is no change without its entry.
 */
import type { components } from '@cims/api-client';
import type { FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../../db/client';
import { validationFailed } from '../../http/errors';
import { openSealed, sealForSubject } from '../encryption/subject-keys';
import { type ChainedContent, entryHash, genesisHash } from './chain';
import {
  type AuditEntryRow,
  auditFilters,
  findChainHead,
  insertAuditEntry,
  listAuditRows,
  listEntriesAfter,
  lockChain,
} from './repo';

export interface AuditContext {
  actorType: 'staff' | 'partner' | 'anonymous' | 'system';
  actorId: string | null;
  actorLabel: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const principal = request.principal;
  const base = { ipAddress: request.ip, requestId: request.id };
  if (principal?.kind === 'staff') {
    return { ...base, actorType: 'staff', actorId: principal.user.id, actorLabel: principal.user.email };
  }
  if (principal?.kind === 'partner') {
    return { ...base, actorType: 'partner', actorId: principal.apiKey.id, actorLabel: principal.apiKey.name };
  }
  return { ...base, actorType: 'anonymous', actorId: null, actorLabel: null };
}

/** For changes the system makes on its own (demo seed, scheduled jobs). */
export function systemAuditContext(label: string): AuditContext {
  return { actorType: 'system', actorId: null, actorLabel: label, ipAddress: null, requestId: null };
}

export type AuditAction = components['schemas']['AuditAction'];

export interface AuditEvent {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  customerId?: string | null;
  changes?: Record<string, { before: unknown; after: unknown }> | null;
  details?: Record<string, unknown> | null;
  /**
   * Entries about a customer are sealed under the customer's key (see encryption/subject-keys), so that
   * erasure can make them unreadable; only the erasure entry itself is written in the clear.
   */
  isSealed?: boolean;
}

/** Appends one entry; call it last inside the transaction of the change (it holds the chain lock). */
export async function appendAuditEntry(db: Queryable, context: AuditContext, event: AuditEvent) {
  const payload = { changes: event.changes ?? null, details: event.details ?? null };
  const isSealed = Boolean(event.customerId) && event.isSealed !== false;
  const sealed = isSealed ? await sealForSubject(db, event.customerId as string, payload) : null;
  await lockChain(db);
  const head = await findChainHead(db);
  const content: ChainedContent = {
    seq: (head?.seq ?? 0) + 1,
    occurredAt: new Date(),
    ...context,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    customerId: event.customerId ?? null,
    changes: isSealed ? null : payload.changes,
    details: isSealed ? null : payload.details,
    sealed,
    prevHash: head?.hash ?? genesisHash,
  };
  await insertAuditEntry(db, { ...content, hash: entryHash(content) });
}

/** Field-by-field differences between two flat snapshots, for an entry's `changes`. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
  }
  return changes;
}

type ChainProblem = 'missing' | 'relinked' | 'altered';
const problemText: Record<ChainProblem, string> = {
  missing: 'an entry is missing',
  relinked: 'does not link to the entry before it',
  altered: 'content does not match its hash (altered)',
};

export type ChainVerification =
  | { isValid: true; entriesChecked: number; firstBrokenSeq: null; problemCode: null; problem: null }
  | {
      isValid: false;
      entriesChecked: number;
      firstBrokenSeq: number;
      problemCode: ChainProblem;
      problem: string;
    };

/** Recomputes the whole chain in order and reports the first entry that does not fit. */
export async function verifyAuditChain(db: Queryable): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let checked = 0;
  for (;;) {
    const batch = await listEntriesAfter(db, expectedSeq - 1, 5000);
    if (batch.length === 0) {
      return {
        isValid: true,
        entriesChecked: checked,
        firstBrokenSeq: null,
        problemCode: null,
        problem: null,
      };
    }
    for (const row of batch) {
      const broken = (problemCode: ChainProblem) => ({
        isValid: false as const,
        entriesChecked: checked,
        firstBrokenSeq: expectedSeq,
        problemCode,
        problem: problemText[problemCode],
      });
      if (row.seq !== expectedSeq) return broken('missing');
      if (row.prevHash !== prevHash) return broken('relinked');
      const { hash, ...content } = row;
      if (entryHash(content) !== hash) return broken('altered');
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}

export type AuditEntryView = AuditEntryRow & { isPayloadErased: boolean };

/** Entries with their sealed payloads opened; an erased customer's stay closed (isPayloadErased). */
export async function withOpenedPayloads(db: Queryable, rows: AuditEntryRow[]): Promise<AuditEntryView[]> {
  const sealedRows = rows.filter((row) => row.sealed && row.customerId);
  const opened = await openSealed(
    db,
    sealedRows.map((row) => ({ customerId: row.customerId as string, sealed: row.sealed as string })),
  );
  const payloadBySeq = new Map(sealedRows.map((row, index) => [row.seq, opened[index]]));
  return rows.map((row) => {
    if (!payloadBySeq.has(row.seq)) return { ...row, isPayloadErased: false };
    const payload = payloadBySeq.get(row.seq) as Pick<AuditEntryRow, 'changes' | 'details'> | null;
    return {
      ...row,
      changes: payload?.changes ?? null,
      details: payload?.details ?? null,
      isPayloadErased: payload === null,
    };
  });
}

export async function listAuditEntries(
  db: Database,
  query: {
    actorId?: string;
    customerId?: string;
    action?: AuditAction;
    from?: string;
    to?: string;
    limit?: number;
    cursor?: string;
    /** Only entries that change the customer's data, as a customer's history shows them. */
    isChangesOnly?: boolean;
  },
) {
  const limit = query.limit ?? 50;
  const filters = [];
  if (query.isChangesOnly) filters.push(auditFilters.changesOnly());
  if (query.actorId) filters.push(auditFilters.actorId(query.actorId));
  if (query.customerId) filters.push(auditFilters.customerId(query.customerId));
  if (query.action) filters.push(auditFilters.action(query.action));
  if (query.from) filters.push(auditFilters.from(query.from));
  if (query.to) filters.push(auditFilters.to(query.to));
  if (query.cursor) {
    const seq = Number(query.cursor);
    if (!Number.isSafeInteger(seq) || seq < 1) {
      throw validationFailed([{ path: '/query/cursor', message: 'Not a cursor of this list' }]);
    }
    filters.push(auditFilters.beforeSeq(seq));
  }
  const rows = await listAuditRows(db, filters, limit);
  const page = await withOpenedPayloads(db, rows.slice(0, limit));
  return { rows: page, nextCursor: rows.length > limit ? String(page.at(-1)?.seq) : null };
}
