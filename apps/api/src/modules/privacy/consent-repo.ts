import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { consentEvents, customers } from '../../db/schema';

export type ConsentEventRow = typeof consentEvents.$inferSelect;
export type ConsentPurpose = ConsentEventRow['purpose'];
export type ConsentChannel = ConsentEventRow['channel'];

export async function insertConsentEvent(db: Queryable, event: typeof consentEvents.$inferInsert) {
  await db.insert(consentEvents).values(event);
}

export async function listConsentEvents(db: Queryable, customerId: string) {
  return db
    .select()
    .from(consentEvents)
    .where(eq(consentEvents.customerId, customerId))
    .orderBy(desc(consentEvents.sequence));
}

/**
 * A condition on `customers`: the newest consent event for this purpose and channel is a grant. Marketing
 * features (segment exports, campaign targets) take it, so a withdrawal takes effect on the next query.
 */
export function consentInForce(purpose: ConsentPurpose, channel: ConsentChannel): SQL {
  return sql`(
    SELECT ${consentEvents.status} FROM ${consentEvents}
    WHERE ${consentEvents.customerId} = ${customers.id}
      AND ${consentEvents.purpose} = ${purpose} AND ${consentEvents.channel} = ${channel}
    ORDER BY ${consentEvents.sequence} DESC LIMIT 1
  ) = 'granted'`;
}

export async function deleteConsentEvents(db: Queryable, customerId: string): Promise<number> {
  const rows = await db
    .delete(consentEvents)
    .where(eq(consentEvents.customerId, customerId))
    .returning({ id: consentEvents.id });
  return rows.length;
}
