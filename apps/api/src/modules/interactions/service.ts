/**
 * Interactions (互动记录): logged by staff one at a time, or sent by partner systems in batches, all or
 * nothing; `(source, externalId)` makes a resent item harmless. One audit entry per customer and batch.
 */
import type { components } from '@cims/api-client';
import { ZInteractionInput } from '@cims/schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { interactions, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';
import { resolveCustomerKeys } from '../customers/customer-key';
import { assertNotErased, getCustomer, parseOrThrow } from '../customers/service';

type Schemas = components['schemas'];
type InteractionRow = typeof interactions.$inferSelect;

export function toInteraction(
  row: InteractionRow,
  names: { customerName: string; staffName: string | null },
): Schemas['Interaction'] {
  return {
    id: row.id,
    customer: { id: row.customerId, displayName: names.customerName },
    type: row.type,
    channel: row.channel,
    direction: row.direction,
    occurredAt: row.occurredAt.toISOString(),
    summary: row.summary,
    outcome: row.outcome,
    campaignCode: row.campaignCode,
    staff: row.staffUserId ? { id: row.staffUserId, displayName: names.staffName ?? '' } : null,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
  };
}

const textOrNull = (value: string | null | undefined) => value?.trim() || null;

export async function createInteraction(
  db: Database,
  actor: RequestActor,
  input: { customerId: string; body: unknown },
) {
  const body = parseOrThrow(ZInteractionInput, input.body);
  const customer = await getCustomer(db, actor.viewer, input.customerId);
  assertNotErased(customer.row);
  if (customer.row.deletedAt)
    throw new DomainError('conflict', 'The customer is in the recycle bin; restore it first.');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interactions)
      .values({
        customerId: customer.row.id,
        type: body.type,
        channel: body.channel,
        direction: body.direction ?? null,
        occurredAt: new Date(body.occurredAt),
        summary: body.summary,
        outcome: body.outcome ?? null,
        campaignCode: body.campaignCode ?? null,
        staffUserId: actor.viewer.userId,
        source: 'staff',
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await appendAuditEntry(tx, actor.audit, {
      action: 'interaction.create',
      resourceType: 'interaction',
      resourceId: row.id,
      customerId: row.customerId,
      details: { type: row.type, channel: row.channel },
    });
    const [staff] = row.staffUserId
      ? await tx
          .select({ displayName: staffUsers.displayName })
          .from(staffUsers)
          .where(eq(staffUsers.id, row.staffUserId))
      : [];
    return toInteraction(row, {
      customerName: customer.row.displayName,
      staffName: staff?.displayName ?? null,
    });
  });
}

export async function batchCreateInteractions(
  db: Database,
  actor: RequestActor,
  items: Schemas['InteractionBatchItem'][],
) {
  const resolved = await resolveCustomerKeys(
    db,
    actor.viewer,
    items.map((item) => item.customer),
    (index) => `/items/${index}/customer`,
  );
  const errors = [...resolved.errors];
  const keys = new Set<string>();
  items.forEach((item, index) => {
    const key = `${item.source}\u0000${item.externalId}`;
    if (keys.has(key))
      errors.push({ path: `/items/${index}/externalId`, message: 'Sent twice in this batch' });
    keys.add(key);
  });
  if (errors.length > 0) throw validationFailed(errors);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(interactions)
      .values(
        items.map((item) => ({
          customerId: resolved.idOf(item.customer) as string,
          type: item.type,
          channel: item.channel,
          direction: item.direction ?? null,
          occurredAt: new Date(item.occurredAt),
          summary: item.summary.trim(),
          outcome: textOrNull(item.outcome),
          campaignCode: textOrNull(item.campaignCode),
          staffUserId: null,
          source: item.source,
          externalId: item.externalId,
        })),
      )
      .onConflictDoNothing({
        target: [interactions.source, interactions.externalId],
        where: sql`external_id IS NOT NULL`,
      })
      .returning({
        id: interactions.id,
        source: interactions.source,
        externalId: interactions.externalId,
        customerId: interactions.customerId,
      });
    const stored = await tx
      .select({ id: interactions.id, source: interactions.source, externalId: interactions.externalId })
      .from(interactions)
      .where(
        and(
          inArray(interactions.source, [...new Set(items.map((item) => item.source))]),
          inArray(
            interactions.externalId,
            items.map((item) => item.externalId),
          ),
        ),
      );
    const idByKey = new Map(stored.map((row) => [`${row.source}\u0000${row.externalId}`, row.id]));
    const created = new Set(inserted.map((row) => row.id));
    const countByCustomer = new Map<string, number>();
    for (const row of inserted)
      countByCustomer.set(row.customerId, (countByCustomer.get(row.customerId) ?? 0) + 1);
    for (const [customerId, count] of countByCustomer)
      await appendAuditEntry(tx, actor.audit, {
        action: 'interaction.create',
        resourceType: 'interaction',
        customerId,
        details: { count },
      });
    return {
      items: items.map((item, index) => {
        const id = idByKey.get(`${item.source}\u0000${item.externalId}`) as string;
        return { index, id, outcome: created.has(id) ? ('created' as const) : ('unchanged' as const) };
      }),
    };
  });
}
