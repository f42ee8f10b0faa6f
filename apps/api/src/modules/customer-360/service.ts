/**
 * The customer 360° view: the profile (masked per role, its unmasked read audited like any detail view),
 * key figures, recent orders, open work orders and tasks, and the first page of the timeline, in one call.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { orders, workOrders } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { toCustomer } from '../customers/serializers';
import { getCustomer, viewCustomer } from '../customers/service';
import { formatCents, toCents, toOrder } from '../orders/service';
import { toTask } from '../tasks/serializers';
import { listOpenTasksOf } from '../tasks/service';
import { findValueScores } from '../value-tiers/service';
import { selectWorkOrders } from '../workorders/repo';
import { toWorkOrder } from '../workorders/serializers';
import { getWorkOrderSettings } from '../workorders/settings';
import { openStatuses } from '../workorders/state-machine';
import { listTimeline, type TimelineEventType } from './timeline';

/** Lifetime value counts orders in the home currency; orders in others are counted, not summed. */
const homeCurrency = 'CNY';

async function keyFigures(db: Database, customerId: string) {
  const result = await db.execute<{
    lifetime_cents: string;
    order_count: number;
    last_order_at: Date | null;
    last_interaction_at: Date | null;
    open_work_orders: number;
  }>(sql`
    SELECT
      (SELECT coalesce(sum(amount) * 100, 0)::bigint::text FROM orders
        WHERE customer_id = ${customerId} AND currency = ${homeCurrency}
          AND status NOT IN ('cancelled', 'refunded')) AS lifetime_cents,
      (SELECT count(*)::int FROM orders WHERE customer_id = ${customerId}) AS order_count,
      (SELECT max(ordered_at) FROM orders WHERE customer_id = ${customerId}) AS last_order_at,
      (SELECT max(occurred_at) FROM interactions WHERE customer_id = ${customerId}) AS last_interaction_at,
      (SELECT count(*)::int FROM work_orders WHERE customer_id = ${customerId}
        AND status = ANY(${sql.param(openStatuses)}::text[])) AS open_work_orders`);
  const row = result.rows[0];
  const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);
  return {
    lifetimeValue: formatCents(BigInt(row?.lifetime_cents ?? '0')),
    currency: homeCurrency,
    orderCount: Number(row?.order_count ?? 0),
    lastOrderAt: iso(row?.last_order_at),
    lastInteractionAt: iso(row?.last_interaction_at),
    openWorkOrderCount: Number(row?.open_work_orders ?? 0),
  };
}

export async function getCustomer360(db: Database, actor: RequestActor, customerId: string) {
  const record = await viewCustomer(db, actor, customerId);
  const settings = await getWorkOrderSettings(db);
  const figures = await keyFigures(db, customerId);
  const recentOrders = await db
    .select()
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(5);
  const openWorkOrders = await selectWorkOrders(db)
    .where(and(eq(workOrders.customerId, customerId), inArray(workOrders.status, openStatuses)))
    .orderBy(desc(workOrders.createdAt))
    .limit(20);
  const openTasks = await listOpenTasksOf(db, customerId, 20);
  const timeline = await listTimeline(db, { customerId, limit: 20 });
  const scores = await findValueScores(db, customerId);
  return {
    customer: toCustomer(record, actor.viewer),
    serviceStatus: record.row.serviceStatus,
    valueTier: record.row.valueTier,
    valueScores: scores
      ? {
          recency: scores.recency,
          frequency: scores.frequency,
          monetary: scores.monetary,
          daysSinceLastOrder: scores.daysSinceLastOrder,
          orderCount: scores.orderCount,
          orderAmount: formatCents(toCents(scores.orderAmount)),
          method: scores.method,
          scoredAt: scores.scoredAt.toISOString(),
        }
      : null,
    figures,
    recentOrders: recentOrders.map((row) => toOrder(row, record.row.displayName)),
    openWorkOrders: openWorkOrders.map((row) => toWorkOrder(row, settings)),
    openTasks: openTasks.map(toTask),
    timeline,
  };
}

export async function getCustomerTimeline(
  db: Database,
  actor: RequestActor,
  input: { customerId: string; types?: TimelineEventType[]; limit: number; cursor?: string },
) {
  await getCustomer(db, actor.viewer, input.customerId);
  return listTimeline(db, input);
}
