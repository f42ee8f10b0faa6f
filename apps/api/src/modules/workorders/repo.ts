/** Every query on work orders and their events. */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { customers, orders, staffUsers, workOrderEvents, workOrders } from '../../db/schema';
import type { Viewer } from '../access/policies';
import { customerScope } from '../customers/repo';
import { openStatuses } from './state-machine';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type WorkOrderEventInsert = typeof workOrderEvents.$inferInsert;

const assignee = alias(staffUsers, 'assignee');
const creator = alias(staffUsers, 'creator');

/**
 * The work orders a viewer may see: those of customers in their data scope, and for service staff also
 * the open ones of their queues and those assigned to them (so a resolved case stays in its assignee's
 * sight, though not in the whole queue's, which would otherwise keep every old case of the queue within reach).
 */
export function workOrderScope(viewer: Viewer): SQL | undefined {
  const byCustomer = customerScope(viewer);
  if (!viewer.dataScopes.includes('assigned_work_orders') || !viewer.userId || !byCustomer) return byCustomer;
  return or(
    eq(workOrders.assigneeId, viewer.userId),
    and(
      sql`${workOrders.queueId} = ANY(${sql.param(viewer.queueIds)}::text[])`,
      inArray(workOrders.status, openStatuses),
    ),
    byCustomer,
  );
}

export const workOrderColumns = {
  workOrder: workOrders,
  customerName: customers.displayName,
  orderNo: orders.orderNo,
  assigneeName: assignee.displayName,
  creatorName: creator.displayName,
};

export type WorkOrderListRow = {
  workOrder: WorkOrderRow;
  customerName: string;
  orderNo: string | null;
  assigneeName: string | null;
  creatorName: string | null;
};

export function selectWorkOrders(db: Queryable) {
  return db
    .select(workOrderColumns)
    .from(workOrders)
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .leftJoin(orders, eq(orders.id, workOrders.orderId))
    .leftJoin(assignee, eq(assignee.id, workOrders.assigneeId))
    .leftJoin(creator, eq(creator.id, workOrders.createdBy));
}

export async function findWorkOrder(
  db: Queryable,
  id: string,
  scope?: SQL,
): Promise<WorkOrderListRow | null> {
  const [row] = await selectWorkOrders(db).where(and(eq(workOrders.id, id), scope));
  return row ?? null;
}

/** A work order just written inside the caller's transaction (its scope was checked when it was locked). */
export async function getWrittenWorkOrder(db: Queryable, id: string): Promise<WorkOrderListRow> {
  const row = await findWorkOrder(db, id);
  if (!row) throw new Error(`work order ${id} vanished inside its own transaction`);
  return row;
}

/** Locks the work order row for a change, within the viewer's scope. */
export async function lockWorkOrder(db: Queryable, id: string, scope?: SQL): Promise<WorkOrderRow | null> {
  const [row] = await db
    .select({ workOrder: workOrders })
    .from(workOrders)
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .where(and(eq(workOrders.id, id), scope))
    .for('update', { of: workOrders });
  return row?.workOrder ?? null;
}

export async function insertWorkOrderEvents(db: Queryable, events: WorkOrderEventInsert[]) {
  if (events.length === 0) return [];
  return db.insert(workOrderEvents).values(events).returning();
}

export async function listEventRows(db: Queryable, workOrderId: string) {
  const actor = alias(staffUsers, 'actor');
  return db
    .select({ event: workOrderEvents, actorName: actor.displayName, assigneeName: assignee.displayName })
    .from(workOrderEvents)
    .leftJoin(actor, eq(actor.id, workOrderEvents.actorId))
    .leftJoin(assignee, eq(assignee.id, workOrderEvents.assigneeId))
    .where(eq(workOrderEvents.workOrderId, workOrderId))
    .orderBy(workOrderEvents.sequence);
}

/** Whether the customer has another open after-sales work order than `exceptId`. */
export async function hasOtherOpenAfterSales(db: Queryable, customerId: string, exceptId: string) {
  const [row] = await db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(
      and(
        eq(workOrders.customerId, customerId),
        eq(workOrders.category, 'after_sales'),
        inArray(workOrders.status, openStatuses),
        sql`${workOrders.id} <> ${exceptId}`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function nextWorkOrderNumber(db: Queryable, localDate: string): Promise<string> {
  const result = await db.execute<{ n: string }>(sql`SELECT nextval('work_order_numbers')::text AS n`);
  return `WO-${localDate.replaceAll('-', '')}-${(result.rows[0]?.n ?? '0').padStart(6, '0')}`;
}
