import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customers, retentionPolicies, retentionRuns, sessions } from '../../db/schema';

export type RetentionCategory = (typeof retentionPolicies.$inferSelect)['category'];
export type RetentionRunRow = typeof retentionRuns.$inferSelect;

export async function findStoredRetentionPolicies(db: Queryable) {
  return db.select().from(retentionPolicies);
}

export async function upsertRetentionPolicy(
  db: Queryable,
  category: RetentionCategory,
  settings: { isEnabled: boolean; afterDays: number },
) {
  await db
    .insert(retentionPolicies)
    .values({ category, ...settings })
    .onConflictDoUpdate({ target: retentionPolicies.category, set: { ...settings, updatedAt: new Date() } });
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Churned customers nobody has touched since the cutoff, oldest first. */
export async function findChurnedToArchive(
  db: Queryable,
  input: { now: Date; afterDays: number; limit: number },
) {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.lifecycleStage, 'churned'),
        isNull(customers.deletedAt),
        lt(customers.updatedAt, daysBefore(input.now, input.afterDays)),
      ),
    )
    .orderBy(asc(customers.updatedAt))
    .limit(input.limit);
  return rows.map((r) => r.id);
}

/** Customers in the recycle bin since before the cutoff and not yet erased. */
export async function findDeletedToErase(
  db: Queryable,
  input: { now: Date; afterDays: number; limit: number },
) {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(isNull(customers.erasedAt), lt(customers.deletedAt, daysBefore(input.now, input.afterDays))))
    .orderBy(asc(customers.deletedAt))
    .limit(input.limit);
  return rows.map((r) => r.id);
}

export async function countExpiredSessions(db: Queryable, input: { now: Date; afterDays: number }) {
  const result = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(lt(sessions.expiresAt, daysBefore(input.now, input.afterDays)));
  return result[0]?.n ?? 0;
}

export async function deleteExpiredSessions(db: Queryable, input: { now: Date; afterDays: number }) {
  const rows = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, daysBefore(input.now, input.afterDays)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function insertRetentionRun(db: Queryable, run: typeof retentionRuns.$inferInsert) {
  const [row] = await db.insert(retentionRuns).values(run).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listRetentionRunRows(db: Queryable) {
  return db.select().from(retentionRuns).orderBy(desc(retentionRuns.startedAt)).limit(100);
}
