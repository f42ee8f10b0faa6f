/**
 * Orders from every channel. Partners send them by `(source, orderNo)`, so a resend updates the stored
 * order instead of adding another; product codes are mapped to the catalogue code of their source.
 * Amounts are decimal strings end to end (PostgreSQL numeric), never binary floating point.
 */
import type { components } from '@cims/api-client';
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers, type OrderLineRow, orders, productCodeMappings } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { cursorParts, decodeCursor, encodeCursor } from '../../http/cursor';
import { DomainError, validationFailed } from '../../http/errors';
import { appendAuditEntry, diffSnapshots } from '../audit/service';
import { resolveCustomerKeys } from '../customers/customer-key';
import { getCustomer } from '../customers/service';
import { markOrderMonthsDirty } from '../dashboard/rollups';

type Schemas = components['schemas'];
export type OrderRow = typeof orders.$inferSelect;

/** Cents as a bigint, so that sums of decimal strings stay exact. */
export function toCents(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return amount.startsWith('-') ? -cents : cents;
}

export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** The sum of the lines, rounded half up to cents. */
export function linesTotal(lines: { quantity: number; unitPrice: string }[]): string {
  const thousandths = lines.reduce(
    (total, line) => total + BigInt(Math.round(line.quantity * 1000)) * toCents(line.unitPrice),
    0n,
  );
  return formatCents((thousandths + (thousandths >= 0n ? 500n : -500n)) / 1000n);
}

export function toOrder(row: OrderRow, customerName: string): Schemas['Order'] {
  return {
    id: row.id,
    source: row.source,
    orderNo: row.orderNo,
    customer: { id: row.customerId, displayName: customerName },
    channel: row.channel,
    store: row.store,
    orderedAt: row.orderedAt.toISOString(),
    status: row.status,
    currency: row.currency,
    amount: formatCents(toCents(row.amount)),
    campaignCode: row.campaignCode,
    lines: row.lines,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function catalogueCodes(db: Queryable, source: string, productCodes: string[]) {
  const rows = await db
    .select()
    .from(productCodeMappings)
    .where(
      and(eq(productCodeMappings.source, source), inArray(productCodeMappings.productCode, productCodes)),
    );
  return new Map(rows.map((row) => [row.productCode, row.catalogueCode]));
}

export async function upsertOrder(
  db: Database,
  actor: RequestActor,
  input: { source: string; orderNo: string; body: Schemas['OrderInput'] },
) {
  const { body } = input;
  const resolved = await resolveCustomerKeys(db, actor.viewer, [body.customer], () => '/customer');
  if (resolved.errors.length > 0) throw validationFailed(resolved.errors);
  const customerId = resolved.idOf(body.customer) as string;
  const productCodes = body.lines.map((line) => line.productCode.trim());
  const codes = await catalogueCodes(db, input.source, productCodes);
  const lines: OrderLineRow[] = body.lines.map((line, index) => ({
    productCode: productCodes[index] as string,
    catalogueCode: codes.get(productCodes[index] as string) ?? null,
    productName: line.productName.trim(),
    quantity: line.quantity,
    unitPrice: formatCents(toCents(line.unitPrice)),
  }));
  const values = {
    customerId,
    channel: body.channel,
    store: body.store?.trim() || null,
    orderedAt: new Date(body.orderedAt),
    status: body.status,
    currency: body.currency ?? 'CNY',
    amount: body.amount !== undefined ? formatCents(toCents(body.amount)) : linesTotal(lines),
    campaignCode: body.campaignCode?.trim() || null,
    lines,
  };
  return db.transaction(async (tx) => {
    // One statement decides, even against a concurrent first send of the same number: it inserts the
    // order, or locks the stored one of the same customer and returns it unchanged (the no-op update), so
    // that the change below is diffed against what was there; or it returns nothing, when the number is
    // another customer's. The message says no more than that, as that customer may be outside the scope.
    const [claimed] = await tx
      .insert(orders)
      .values({ source: input.source, orderNo: input.orderNo, ...values })
      .onConflictDoUpdate({
        target: [orders.source, orders.orderNo],
        set: { customerId: sql`${orders.customerId}` },
        setWhere: sql`${orders.customerId} = excluded.customer_id`,
      })
      .returning({ ...getTableColumns(orders), isInserted: sql<boolean>`(xmax = 0)` });
    if (!claimed) throw new DomainError('conflict', 'This order number is taken in this source.');
    const { isInserted, ...stored } = claimed;
    const existing = isInserted ? null : stored;
    let row: OrderRow = stored;
    if (existing) {
      const [updated] = await tx
        .update(orders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(orders.id, existing.id))
        .returning();
      if (!updated) throw new Error('order update returned no row');
      row = updated;
    }
    // The dashboard re-counts the order's month before and after this write (it may have moved).
    await markOrderMonthsDirty(tx, existing ? [existing.orderedAt, row.orderedAt] : [row.orderedAt]);
    const comparable = (order: Partial<OrderRow>) => ({
      status: order.status,
      amount: order.amount === undefined ? undefined : formatCents(toCents(order.amount)),
      currency: order.currency,
      lines: order.lines,
      orderedAt: order.orderedAt?.toISOString(),
      channel: order.channel,
      store: order.store,
      campaignCode: order.campaignCode,
    });
    const changes = diffSnapshots(existing ? comparable(existing) : {}, comparable(row));
    if (Object.keys(changes).length > 0)
      await appendAuditEntry(tx, actor.audit, {
        action: 'order.upsert',
        resourceType: 'order',
        resourceId: row.id,
        customerId,
        changes,
      });
    const [customer] = await tx
      .select({ displayName: customers.displayName })
      .from(customers)
      .where(eq(customers.id, customerId));
    return { order: toOrder(row, customer?.displayName ?? ''), isCreated: isInserted };
  });
}

export async function listCustomerOrders(
  db: Queryable,
  actor: RequestActor,
  input: { customerId: string; limit: number; cursor?: string },
) {
  const customer = await getCustomer(db, actor.viewer, input.customerId);
  const [afterOrdered, afterId] = input.cursor
    ? decodeCursor(input.cursor, [cursorParts.isoTimestamp, cursorParts.uuid])
    : [];
  const rows = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.customerId, customer.row.id),
        afterId
          ? sql`(${orders.orderedAt}, ${orders.id}) < (${afterOrdered}::timestamptz, ${afterId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toOrder(row, customer.row.displayName)),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.orderedAt.toISOString(), last.id]) : null,
  };
}

export async function listProductCodeMappings(db: Queryable) {
  const items = await db
    .select()
    .from(productCodeMappings)
    .orderBy(asc(productCodeMappings.source), asc(productCodeMappings.productCode));
  return { items };
}

export async function replaceProductCodeMappings(
  db: Database,
  actor: RequestActor,
  items: Schemas['ProductCodeMapping'][],
) {
  const seen = new Set<string>();
  const errors = items.flatMap((item, index) => {
    const key = `${item.source}\u0000${item.productCode}`;
    if (seen.has(key))
      return [{ path: `/items/${index}/productCode`, message: 'Mapped twice for this source' }];
    seen.add(key);
    return [];
  });
  if (errors.length > 0) throw validationFailed(errors);
  return db.transaction(async (tx) => {
    // One replacement at a time: two would each delete the rows they saw and insert theirs twice over.
    await tx.execute(sql`LOCK TABLE product_code_mappings IN SHARE ROW EXCLUSIVE MODE`);
    const before = await listProductCodeMappings(tx);
    await tx.delete(productCodeMappings);
    if (items.length > 0) await tx.insert(productCodeMappings).values(items);
    await appendAuditEntry(tx, actor.audit, {
      action: 'product_mapping.update',
      resourceType: 'product_code_mappings',
      details: { before: before.items.length, after: items.length },
    });
    return listProductCodeMappings(tx);
  });
}
