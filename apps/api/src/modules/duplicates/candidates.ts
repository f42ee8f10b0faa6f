/** The review queue: open candidate pairs, both customers within the viewer's scope and still active. */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { customers, duplicateCandidates, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import type { Viewer } from '../access/policies';
import { appendAuditEntry } from '../audit/service';
import { customerScope, findCustomerSummaries } from '../customers/repo';

const first = alias(customers, 'first_customer');
const second = alias(customers, 'second_customer');

/** Both customers visible (the scope applied to each) and, for open pairs, neither retired. */
function visiblePairs(viewer: Viewer, status: 'open' | 'merged' | 'dismissed') {
  const scope = customerScope(viewer);
  const inScope = (id: typeof first.id | typeof second.id) =>
    scope ? sql`${id} IN (SELECT id FROM customers WHERE ${scope})` : undefined;
  return and(
    eq(duplicateCandidates.status, status),
    inScope(first.id),
    inScope(second.id),
    status === 'open' ? sql`${first.deletedAt} IS NULL AND ${second.deletedAt} IS NULL` : undefined,
  );
}

function decodeCursor(cursor: string): { score: number; id: string } {
  const [score, id] = cursor.split('_');
  if (!score || !id || Number.isNaN(Number(score)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw validationFailed([{ path: '/query/cursor', message: 'Not a cursor of this list' }]);
  }
  return { score: Number(score), id };
}

export async function listCandidates(
  db: Database,
  viewer: Viewer,
  input: { status: 'open' | 'merged' | 'dismissed'; customerId?: string; limit: number; cursor?: string },
) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const base = db
    .select({ candidate: duplicateCandidates, resolvedByName: staffUsers.displayName })
    .from(duplicateCandidates)
    .innerJoin(first, eq(first.id, duplicateCandidates.customerA))
    .innerJoin(second, eq(second.id, duplicateCandidates.customerB))
    .leftJoin(staffUsers, eq(staffUsers.id, duplicateCandidates.resolvedBy));
  const rows = await base
    .where(
      and(
        visiblePairs(viewer, input.status),
        input.customerId
          ? or(
              eq(duplicateCandidates.customerA, input.customerId),
              eq(duplicateCandidates.customerB, input.customerId),
            )
          : undefined,
        after
          ? sql`(${duplicateCandidates.score}, ${duplicateCandidates.id}) < (${after.score}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(duplicateCandidates.score), desc(duplicateCandidates.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(duplicateCandidates)
    .innerJoin(first, eq(first.id, duplicateCandidates.customerA))
    .innerJoin(second, eq(second.id, duplicateCandidates.customerB))
    .where(visiblePairs(viewer, 'open'));
  const summaries = await findCustomerSummaries(
    db,
    page.flatMap(({ candidate }) => [candidate.customerA, candidate.customerB]),
    viewer,
  );
  const last = page.at(-1)?.candidate;
  return {
    items: page.map(({ candidate, resolvedByName }) => ({
      candidate,
      resolvedByName,
      customers: [summaries.get(candidate.customerA), summaries.get(candidate.customerB)],
    })),
    nextCursor: rows.length > input.limit && last ? `${last.score}_${last.id}` : null,
    openCount: count,
  };
}

export async function dismissCandidate(db: Database, actor: RequestActor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ candidate: duplicateCandidates })
      .from(duplicateCandidates)
      .innerJoin(first, eq(first.id, duplicateCandidates.customerA))
      .innerJoin(second, eq(second.id, duplicateCandidates.customerB))
      .where(and(eq(duplicateCandidates.id, id), visiblePairs(actor.viewer, 'open')));
    if (!row) {
      const [any] = await tx.select().from(duplicateCandidates).where(eq(duplicateCandidates.id, id));
      if (any && any.status !== 'open')
        throw new DomainError('conflict', `This pair is ${any.status} already.`);
      throw new DomainError('not_found', 'No such candidate.');
    }
    await tx
      .update(duplicateCandidates)
      .set({ status: 'dismissed', resolvedAt: new Date(), resolvedBy: actor.viewer.userId })
      .where(eq(duplicateCandidates.id, id));
    await appendAuditEntry(tx, actor.audit, {
      action: 'duplicate.dismiss',
      resourceType: 'duplicate_candidate',
      resourceId: id,
      details: { customerA: row.candidate.customerA, customerB: row.candidate.customerB },
    });
    return id;
  });
}

export async function findCandidate(db: Database, viewer: Viewer, id: string) {
  const [found] = await db
    .select({ candidate: duplicateCandidates, resolvedByName: staffUsers.displayName })
    .from(duplicateCandidates)
    .leftJoin(staffUsers, eq(staffUsers.id, duplicateCandidates.resolvedBy))
    .where(eq(duplicateCandidates.id, id));
  if (!found) throw new DomainError('not_found', 'No such candidate.');
  const { candidate, resolvedByName } = found;
  const summaries = await findCustomerSummaries(db, [candidate.customerA, candidate.customerB], viewer);
  return {
    candidate,
    resolvedByName,
    customers: [summaries.get(candidate.customerA), summaries.get(candidate.customerB)],
  };
}
