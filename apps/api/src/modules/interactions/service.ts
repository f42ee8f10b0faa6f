/**
 * Interactions (互动记录): logged by staff one at a time, or sent by partner systems in batches, all or
 * nothing; `(source, externalId)` makes a resent item harmless. One audit entry per customer and batch.
 */
import type { components } from '@cims/api-client';
import { type TInteractionBatchItem, ZInteractionBatchItem, ZInteractionInput } from '@cims/schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { interactions, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, type FieldError, validationFailed } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';
import { resolveCustomerKeys } from '../customers/customer-key';
import { assertNotErased, getCustomer, parseOrThrow, parseWith } from '../customers/service';

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

export async function batchCreateInteractions(db: Database, actor: RequestActor, rawItems: unknown[]) {
  const errors: FieldError[] = [];
  const valid: { index: number; item: TInteractionBatchItem }[] = [];
  rawItems.forEach((raw, index) => {
    const parsed = parseWith(ZInteractionBatchItem, raw, `/items/${index}`);
    if (parsed.ok) valid.push({ index, item: parsed.data });
    else errors.push(...parsed.errors);
  });
  const resolved = await resolveCustomerKeys(
    db,
    actor.viewer,
    valid.map(({ item }) => item.customer),
    (position) => `/items/${valid[position]?.index}/customer`,
  );
  errors.push(...resolved.errors);
  const keyOf = (item: { source: string; externalId: string | null }) =>
    `${item.source}\u0000${item.externalId}`;
  const keys = new Set<string>();
  for (const { index, item } of valid) {
    if (keys.has(keyOf(item)))
      errors.push({ path: `/items/${index}/externalId`, message: 'Sent twice in this batch' });
    keys.add(keyOf(item));
  }
  if (errors.length > 0) throw validationFailed(errors);
  const items = valid.map(({ item }) => item);
  const customerIdOf = (item: TInteractionBatchItem) => resolved.idOf(item.customer) as string;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(interactions)
      .values(
        items.map((item) => ({
          customerId: customerIdOf(item),
          type: item.type,
          channel: item.channel,
          direction: item.direction ?? null,
          occurredAt: new Date(item.occurredAt),
          summary: item.summary,
          outcome: item.outcome ?? null,
          campaignCode: item.campaignCode ?? null,
          staffUserId: null,
          source: item.source,
          externalId: item.externalId,
        })),
      )
      .onConflictDoNothing({
        target: [interactions.source, interactions.externalId],
        where: sql`external_id IS NOT NULL`,
      })
      .returning({ id: interactions.id, customerId: interactions.customerId });
    const stored = await tx
      .select({
        id: interactions.id,
        source: interactions.source,
        externalId: interactions.externalId,
        customerId: interactions.customerId,
      })
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
    const storedByKey = new Map(stored.map((row) => [keyOf(row), row]));
    // A resend names the same customer; an id stored for another one is refused without naming it (it
    // may be outside the caller's scope), and the whole batch with it.
    const taken = items.flatMap((item, index) =>
      storedByKey.get(keyOf(item))?.customerId === customerIdOf(item)
        ? []
        : [
            {
              path: `/items/${index}/externalId`,
              message: 'Already used in this source for another interaction',
            },
          ],
    );
    if (taken.length > 0) throw validationFailed(taken);
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
        const id = storedByKey.get(keyOf(item))?.id as string;
        return { index, id, outcome: created.has(id) ? ('created' as const) : ('unchanged' as const) };
      }),
    };
  });
}
