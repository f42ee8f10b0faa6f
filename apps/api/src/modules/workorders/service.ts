/**
 * Work orders (工单): opened for a customer in the caller's scope, assigned by the rules, timed against
 * SLAs in business hours, moved through the state machine. The after-sales flow crosses departments:
 * an open after-sales work order puts the customer in after-sales (售后中); resolving the last one ends
 * that and gives the customer's sales owner a follow-up task. Every step is a work-order event, and so
 * appears on the customer's timeline; status changes of the customer are audited like any other change.
 */
import type { components } from '@cims/api-client';
import { ZWorkOrderCreate } from '@cims/schemas';
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers, orders, workOrders } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { cursorParts, decodeCursor, encodeCursor } from '../../http/cursor';
import { DomainError, validationFailed } from '../../http/errors';
import { hasAllScope } from '../access/policies';
import { appendAuditEntry, diffSnapshots } from '../audit/service';
import { customerScope, lockCustomerRow } from '../customers/repo';
import { assertNotErased, parseOrThrow, versionFromEtag } from '../customers/service';
import { notify } from '../notifications/service';
import { insertTask } from '../tasks/service';
import { chooseAssignee, chooseQueueId, loadsOfQueue } from './assignment';
import { addBusinessHours, businessMsBetween } from './business-hours';
import {
  findWorkOrder,
  getWrittenWorkOrder,
  hasOtherOpenAfterSales,
  insertWorkOrderEvents,
  listEventRows,
  lockWorkOrder,
  nextWorkOrderNumber,
  selectWorkOrders,
  type WorkOrderRow,
  workOrderScope,
} from './repo';
import { findQueue, getWorkOrderSettings, slaHoursFor, type WorkOrderSettings } from './settings';
import {
  allowedTransitions,
  canTransition,
  isOpen,
  isReopening,
  openStatuses,
  type WorkOrderStatus,
} from './state-machine';

type Schemas = components['schemas'];
const dayMs = 86_400_000;
/** Follow-up after an after-sales case: due this many days after it was resolved. */
const followUpAfterDays = 3;

async function loadVisible(db: Queryable, actor: RequestActor, id: string) {
  const row = await findWorkOrder(db, id, workOrderScope(actor.viewer));
  if (!row) throw new DomainError('not_found', 'No such work order.');
  return row;
}

async function lockVisible(db: Queryable, actor: RequestActor, id: string) {
  const row = await lockWorkOrder(db, id, workOrderScope(actor.viewer));
  if (!row) throw new DomainError('not_found', 'No such work order.');
  return row;
}

/**
 * Locks a work order for a change, which an erased customer's work orders no longer take (erasure closed
 * them). The customer is locked first (shared), in the order erasure and transitions lock them, so that
 * neither waits for the other in a circle; once the lock is granted, an erasure that went first is seen.
 */
export async function lockWritable(db: Queryable, actor: RequestActor, id: string) {
  const visible = await loadVisible(db, actor, id);
  const [customer] = await db
    .select({ erasedAt: customers.erasedAt })
    .from(customers)
    .where(eq(customers.id, visible.workOrder.customerId))
    .for('key share');
  if (customer) assertNotErased(customer);
  return lockVisible(db, actor, id);
}

export async function assertCustomerNotErased(db: Queryable, customerId: string) {
  const [customer] = await db
    .select({ erasedAt: customers.erasedAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (customer) assertNotErased(customer);
}

function dueTimes(
  settings: WorkOrderSettings,
  workOrder: Pick<WorkOrderRow, 'category' | 'priority'>,
  from: Date,
) {
  const hours = slaHoursFor(settings, workOrder.category, workOrder.priority);
  return {
    firstResponseDueAt: addBusinessHours(settings.businessCalendar, from, hours.firstResponseHours),
    resolutionDueAt: addBusinessHours(settings.businessCalendar, from, hours.resolutionHours),
  };
}

function localDateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Checks a hand-picked assignee against the queue (a member-less queue takes any active service user). */
async function assertAssignable(
  db: Queryable,
  settings: WorkOrderSettings,
  queueId: string,
  assigneeId: string,
) {
  const loads = await loadsOfQueue(db, settings, queueId);
  if (!loads.some((load) => load.userId === assigneeId))
    throw validationFailed([{ path: '/assigneeId', message: 'Not an active member of the queue' }]);
}

function assertQueue(settings: WorkOrderSettings, queueId: string) {
  if (!findQueue(settings, queueId))
    throw validationFailed([{ path: '/queueId', message: 'No queue with this id' }]);
}

/** Sets or clears the customer's after-sales status, audited as a change of the customer. */
async function setServiceStatus(
  db: Queryable,
  actor: RequestActor,
  customerId: string,
  serviceStatus: 'in_after_sales' | null,
) {
  const [current] = await db
    .select({ serviceStatus: customers.serviceStatus })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!current || current.serviceStatus === serviceStatus) return;
  await db
    .update(customers)
    .set({ serviceStatus, updatedAt: new Date() })
    .where(eq(customers.id, customerId));
  await appendAuditEntry(db, actor.audit, {
    action: 'customer.update',
    resourceType: 'customer',
    resourceId: customerId,
    customerId,
    changes: { serviceStatus: { before: current.serviceStatus, after: serviceStatus } },
  });
}

export async function createWorkOrder(db: Database, actor: RequestActor, body: unknown) {
  const input = parseOrThrow(ZWorkOrderCreate, body);
  const settings = await getWorkOrderSettings(db);
  if (input.queueId !== undefined) assertQueue(settings, input.queueId);
  return db.transaction(async (tx) => {
    const customer = await lockCustomerRow(tx, input.customerId, customerScope(actor.viewer));
    if (!customer) throw new DomainError('not_found', 'No such customer.');
    assertNotErased(customer);
    if (customer.deletedAt)
      throw new DomainError('conflict', 'The customer is in the recycle bin; restore it first.');
    if (input.orderId) {
      const [order] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.id, input.orderId), eq(orders.customerId, customer.id)));
      if (!order)
        throw validationFailed([{ path: '/orderId', message: 'No order of this customer with this id' }]);
    }
    const queueId =
      input.queueId ??
      chooseQueueId(settings, {
        category: input.category,
        provinceCode: customer.provinceCode,
        valueTier: customer.valueTier,
      });
    let assigneeId: string | null;
    if (input.assigneeId) {
      await assertAssignable(tx, settings, queueId, input.assigneeId);
      assigneeId = input.assigneeId;
    } else {
      assigneeId = chooseAssignee(await loadsOfQueue(tx, settings, queueId));
    }
    const now = new Date();
    const priority = input.priority ?? 'normal';
    const [created] = await tx
      .insert(workOrders)
      .values({
        number: await nextWorkOrderNumber(tx, localDateIn(settings.businessCalendar.timeZone, now)),
        customerId: customer.id,
        orderId: input.orderId ?? null,
        category: input.category,
        priority,
        channel: input.channel ?? 'hotline',
        title: input.title,
        description: input.description ?? null,
        status: assigneeId ? 'assigned' : 'new',
        queueId,
        assigneeId,
        ...dueTimes(settings, { category: input.category, priority }, now),
        createdBy: actor.viewer.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await insertWorkOrderEvents(tx, [
      {
        workOrderId: created.id,
        customerId: customer.id,
        type: 'created',
        toStatus: 'new',
        actorId: actor.viewer.userId,
      },
      {
        workOrderId: created.id,
        customerId: customer.id,
        type: 'assigned',
        fromStatus: 'new',
        toStatus: created.status,
        queueId,
        assigneeId,
        actorId: input.assigneeId || input.queueId ? actor.viewer.userId : null,
      },
    ]);
    if (assigneeId && assigneeId !== actor.viewer.userId)
      await notify(tx, [
        { userId: assigneeId, kind: 'work_order_assigned', customerId: customer.id, workOrderId: created.id },
      ]);
    if (created.category === 'after_sales') await setServiceStatus(tx, actor, customer.id, 'in_after_sales');
    await appendAuditEntry(tx, actor.audit, {
      action: 'work_order.create',
      resourceType: 'work_order',
      resourceId: created.id,
      customerId: customer.id,
      details: { number: created.number, category: created.category, queueId, assigneeId },
    });
    return getWrittenWorkOrder(tx, created.id);
  });
}

export async function getWorkOrder(db: Queryable, actor: RequestActor, id: string) {
  return loadVisible(db, actor, id);
}

export async function updateWorkOrder(
  db: Database,
  actor: RequestActor,
  input: { id: string; ifMatch: string; body: Schemas['WorkOrderUpdate'] },
) {
  const expectedVersion = versionFromEtag(input.ifMatch);
  const settings = await getWorkOrderSettings(db);
  return db.transaction(async (tx) => {
    const current = await lockWritable(tx, actor, input.id);
    if (current.version !== expectedVersion)
      throw new DomainError(
        'version_conflict',
        `The work order is at version ${current.version}; reload it.`,
      );
    const next = {
      priority: input.body.priority ?? current.priority,
      title: input.body.title?.trim() ?? current.title,
      description:
        input.body.description === undefined ? current.description : input.body.description?.trim() || null,
    };
    const changes = diffSnapshots(
      { priority: current.priority, title: current.title, description: current.description },
      next,
    );
    if (Object.keys(changes).length > 0) {
      const due =
        next.priority !== current.priority
          ? dueTimes(settings, { ...current, ...next }, current.createdAt)
          : {};
      await tx
        .update(workOrders)
        .set({ ...next, ...due, version: current.version + 1, updatedAt: new Date() })
        .where(eq(workOrders.id, current.id));
      await insertWorkOrderEvents(tx, [
        {
          workOrderId: current.id,
          customerId: current.customerId,
          type: 'updated',
          actorId: actor.viewer.userId,
        },
      ]);
      await appendAuditEntry(tx, actor.audit, {
        action: 'work_order.update',
        resourceType: 'work_order',
        resourceId: current.id,
        customerId: current.customerId,
        changes,
      });
    }
    return getWrittenWorkOrder(tx, current.id);
  });
}

/** What resolving the last open after-sales case of a customer sets off: status cleared, sales follows up. */
async function finishAfterSales(tx: Queryable, actor: RequestActor, workOrder: WorkOrderRow, now: Date) {
  if (await hasOtherOpenAfterSales(tx, workOrder.customerId, workOrder.id)) return;
  await setServiceStatus(tx, actor, workOrder.customerId, null);
  const [customer] = await tx
    .select({ ownerId: customers.ownerId })
    .from(customers)
    .where(eq(customers.id, workOrder.customerId));
  if (!customer?.ownerId) return;
  const task = await insertTask(
    tx,
    {
      kind: 'follow_up',
      customerId: workOrder.customerId,
      assigneeId: customer.ownerId,
      workOrderId: workOrder.id,
      dueAt: new Date(now.getTime() + followUpAfterDays * dayMs),
      note: workOrder.title,
    },
    actor.viewer.userId,
  );
  await insertWorkOrderEvents(tx, [
    {
      workOrderId: workOrder.id,
      customerId: workOrder.customerId,
      type: 'follow_up_task',
      assigneeId: task.assigneeId,
      actorId: null,
    },
  ]);
}

export async function transitionWorkOrder(
  db: Database,
  actor: RequestActor,
  input: { id: string; to: WorkOrderStatus; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    // The customer first (as creation and erasure lock it, then its work orders): whether its after-sales
    // status ends depends on its other work orders, so two of them are resolved one after the other.
    const visible = await loadVisible(tx, actor, input.id);
    const customer = await lockCustomerRow(tx, visible.workOrder.customerId);
    if (customer) assertNotErased(customer);
    const current = await lockVisible(tx, actor, input.id);
    const from = current.status;
    if (!canTransition(from, input.to)) {
      const allowed = allowedTransitions(from).join(', ');
      throw new DomainError(
        'conflict',
        `A work order cannot move from ${from} to ${input.to}; from ${from} it may move to: ${allowed}.`,
      );
    }
    if (input.to === 'assigned' && !current.assigneeId)
      throw new DomainError('conflict', 'Assign the work order to someone first.');
    const reopening = isReopening(from, input.to);
    // Reopening brings the customer back into the scope of whoever the work order is with; so only its
    // assignee, or someone who sees every customer anyway, reopens it.
    if (reopening && !hasAllScope(actor.viewer) && current.assigneeId !== actor.viewer.userId)
      throw new DomainError('forbidden', 'Only the assignee can reopen this work order.');
    const now = new Date();
    await tx
      .update(workOrders)
      .set({
        status: input.to,
        firstRespondedAt:
          input.to === 'in_progress' ? (current.firstRespondedAt ?? now) : current.firstRespondedAt,
        resolvedAt: input.to === 'resolved' ? now : reopening ? null : current.resolvedAt,
        closedAt: input.to === 'closed' ? now : reopening ? null : current.closedAt,
        version: current.version + 1,
        updatedAt: now,
      })
      .where(eq(workOrders.id, current.id));
    await insertWorkOrderEvents(tx, [
      {
        workOrderId: current.id,
        customerId: current.customerId,
        type: 'status_changed',
        fromStatus: from,
        toStatus: input.to,
        comment: input.comment?.trim() || null,
        actorId: actor.viewer.userId,
      },
    ]);
    if (current.category === 'after_sales') {
      if (input.to === 'resolved') await finishAfterSales(tx, actor, current, now);
      if (reopening) await setServiceStatus(tx, actor, current.customerId, 'in_after_sales');
    }
    await appendAuditEntry(tx, actor.audit, {
      action: 'work_order.transition',
      resourceType: 'work_order',
      resourceId: current.id,
      customerId: current.customerId,
      changes: { status: { before: from, after: input.to } },
    });
    return getWrittenWorkOrder(tx, current.id);
  });
}

export async function assignWorkOrder(
  db: Database,
  actor: RequestActor,
  input: { id: string } & Schemas['WorkOrderAssignment'],
) {
  const settings = await getWorkOrderSettings(db);
  if (input.queueId !== undefined) assertQueue(settings, input.queueId);
  return db.transaction(async (tx) => {
    const current = await lockWritable(tx, actor, input.id);
    if (!isOpen(current.status))
      throw new DomainError(
        'conflict',
        'A resolved or closed work order is not reassigned; reopen it first.',
      );
    let queueId = input.queueId ?? current.queueId ?? settings.defaultQueueId;
    let assigneeId: string | null;
    if (input.auto) {
      const [customer] = await tx
        .select({ provinceCode: customers.provinceCode, valueTier: customers.valueTier })
        .from(customers)
        .where(eq(customers.id, current.customerId));
      queueId = chooseQueueId(settings, {
        category: current.category,
        provinceCode: customer?.provinceCode ?? null,
        valueTier: customer?.valueTier ?? null,
      });
      assigneeId = chooseAssignee(await loadsOfQueue(tx, settings, queueId));
    } else if (input.assigneeId) {
      await assertAssignable(tx, settings, queueId, input.assigneeId);
      assigneeId = input.assigneeId;
    } else if (input.assigneeId === null) {
      assigneeId = null;
    } else {
      assigneeId =
        queueId === current.queueId
          ? current.assigneeId
          : chooseAssignee(await loadsOfQueue(tx, settings, queueId));
    }
    const status: WorkOrderStatus =
      current.status === 'new' && assigneeId
        ? 'assigned'
        : current.status === 'assigned' && !assigneeId
          ? 'new'
          : current.status;
    await tx
      .update(workOrders)
      .set({ queueId, assigneeId, status, version: current.version + 1, updatedAt: new Date() })
      .where(eq(workOrders.id, current.id));
    await insertWorkOrderEvents(tx, [
      {
        workOrderId: current.id,
        customerId: current.customerId,
        type: 'assigned',
        fromStatus: current.status,
        toStatus: status,
        queueId,
        assigneeId,
        actorId: actor.viewer.userId,
      },
    ]);
    if (assigneeId && assigneeId !== current.assigneeId && assigneeId !== actor.viewer.userId)
      await notify(tx, [
        {
          userId: assigneeId,
          kind: 'work_order_assigned',
          customerId: current.customerId,
          workOrderId: current.id,
        },
      ]);
    await appendAuditEntry(tx, actor.audit, {
      action: 'work_order.assign',
      resourceType: 'work_order',
      resourceId: current.id,
      customerId: current.customerId,
      changes: diffSnapshots(
        { queueId: current.queueId, assigneeId: current.assigneeId },
        { queueId, assigneeId },
      ),
    });
    return getWrittenWorkOrder(tx, current.id);
  });
}

export async function commentOnWorkOrder(
  db: Database,
  actor: RequestActor,
  input: { id: string; body: string; isServiceStaff: boolean },
) {
  return db.transaction(async (tx) => {
    const current = await lockWritable(tx, actor, input.id);
    const now = new Date();
    if (input.isServiceStaff && !current.firstRespondedAt)
      await tx.update(workOrders).set({ firstRespondedAt: now }).where(eq(workOrders.id, current.id));
    const [event] = await insertWorkOrderEvents(tx, [
      {
        workOrderId: current.id,
        customerId: current.customerId,
        type: 'comment',
        comment: input.body.trim(),
        actorId: actor.viewer.userId,
        occurredAt: now,
      },
    ]);
    if (!event) throw new Error('insert returned no row');
    await appendAuditEntry(tx, actor.audit, {
      action: 'work_order.comment',
      resourceType: 'work_order',
      resourceId: current.id,
      customerId: current.customerId,
      details: { eventId: event.id },
    });
    return event.id;
  });
}

export async function listWorkOrderEvents(db: Queryable, actor: RequestActor, id: string) {
  await loadVisible(db, actor, id);
  return listEventRows(db, id);
}

/** Finds one event again with its names, e.g. the comment just written. */
export async function findWorkOrderEvent(db: Queryable, workOrderId: string, eventId: string) {
  const rows = await listEventRows(db, workOrderId);
  const row = rows.find((candidate) => candidate.event.id === eventId);
  if (!row) throw new Error(`event ${eventId} vanished`);
  return row;
}

export type WorkOrderListFilter = Schemas['WorkOrderListFilter'];

export interface WorkOrderFilters extends WorkOrderListFilter {
  limit: number;
  cursor?: string;
}

/** The SQL conditions of the work-order list's filters, within the viewer's data scope. */
function workOrderListConditions(actor: RequestActor, filters: WorkOrderListFilter): (SQL | undefined)[] {
  const assigneeId =
    filters.assignee === 'me'
      ? (actor.viewer.userId ?? '00000000-0000-0000-0000-000000000000')
      : filters.assignee;
  const breached = sql`(coalesce(${workOrders.firstRespondedAt}, now()) > ${workOrders.firstResponseDueAt}
    OR coalesce(${workOrders.resolvedAt}, now()) > ${workOrders.resolutionDueAt})`;
  return [
    workOrderScope(actor.viewer),
    filters.status?.length ? inArray(workOrders.status, filters.status) : undefined,
    assigneeId ? eq(workOrders.assigneeId, assigneeId) : undefined,
    filters.queueId ? eq(workOrders.queueId, filters.queueId) : undefined,
    filters.customerId ? eq(workOrders.customerId, filters.customerId) : undefined,
    filters.category ? eq(workOrders.category, filters.category) : undefined,
    filters.isBreached === undefined ? undefined : filters.isBreached ? breached : sql`NOT ${breached}`,
  ];
}

/** How many work orders the list's filters select (for exports). */
export async function countWorkOrders(db: Queryable, actor: RequestActor, filters: WorkOrderListFilter) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(workOrders)
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .where(and(...workOrderListConditions(actor, filters)));
  return row?.count ?? 0;
}

export async function listWorkOrders(db: Queryable, actor: RequestActor, filters: WorkOrderFilters) {
  const [afterCreated, afterId] = filters.cursor
    ? decodeCursor(filters.cursor, [cursorParts.isoTimestamp, cursorParts.uuid])
    : [];
  const conditions = [
    ...workOrderListConditions(actor, filters),
    afterId
      ? sql`(${workOrders.createdAt}, ${workOrders.id}) < (${afterCreated}::timestamptz, ${afterId}::uuid)`
      : undefined,
  ];
  const rows = await selectWorkOrders(db)
    .where(and(...conditions))
    .orderBy(desc(workOrders.createdAt), desc(workOrders.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > filters.limit && last
        ? encodeCursor([last.workOrder.createdAt.toISOString(), last.workOrder.id])
        : null,
  };
}

export async function getWorkOrderStats(
  db: Queryable,
  actor: RequestActor,
  input: { from?: string; to?: string },
) {
  const to = input.to ? new Date(input.to) : new Date();
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - 30 * dayMs);
  if (from >= to) throw validationFailed([{ path: '/query/from', message: 'Must be before to' }]);
  const rows = await db
    .select({
      status: workOrders.status,
      category: workOrders.category,
      count: sql<number>`count(*)::int`,
      firstResponseMet: sql<number>`count(*) FILTER (WHERE ${workOrders.firstRespondedAt} <= ${workOrders.firstResponseDueAt})::int`,
      firstResponseBreached: sql<number>`count(*) FILTER (WHERE coalesce(${workOrders.firstRespondedAt}, now()) > ${workOrders.firstResponseDueAt})::int`,
      resolutionMet: sql<number>`count(*) FILTER (WHERE ${workOrders.resolvedAt} <= ${workOrders.resolutionDueAt})::int`,
      resolutionBreached: sql<number>`count(*) FILTER (WHERE coalesce(${workOrders.resolvedAt}, now()) > ${workOrders.resolutionDueAt})::int`,
    })
    .from(workOrders)
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .where(and(workOrderScope(actor.viewer), gte(workOrders.createdAt, from), lt(workOrders.createdAt, to)))
    .groupBy(workOrders.status, workOrders.category);
  const sum = (
    pick: (row: (typeof rows)[number]) => number,
    keep: (row: (typeof rows)[number]) => boolean = () => true,
  ) => rows.filter(keep).reduce((total, row) => total + pick(row), 0);
  const categories = [...new Set(rows.map((row) => row.category))].sort();
  const statuses = [...new Set(rows.map((row) => row.status))];
  const resolutionMet = sum((row) => row.resolutionMet);
  const resolutionBreached = sum((row) => row.resolutionBreached);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: sum((row) => row.count),
    byStatus: [...openStatuses, 'resolved' as const, 'closed' as const]
      .filter((status) => statuses.includes(status))
      .map((status) => ({
        status,
        count: sum(
          (row) => row.count,
          (row) => row.status === status,
        ),
      })),
    byCategory: categories.map((category) => ({
      category,
      count: sum(
        (row) => row.count,
        (row) => row.category === category,
      ),
      firstResponseBreached: sum(
        (row) => row.firstResponseBreached,
        (row) => row.category === category,
      ),
      resolutionBreached: sum(
        (row) => row.resolutionBreached,
        (row) => row.category === category,
      ),
    })),
    sla: {
      firstResponseMet: sum((row) => row.firstResponseMet),
      firstResponseBreached: sum((row) => row.firstResponseBreached),
      resolutionMet,
      resolutionBreached,
      compliance:
        resolutionMet + resolutionBreached > 0
          ? Math.round((resolutionMet / (resolutionMet + resolutionBreached)) * 1000) / 1000
          : null,
    },
  };
}

type SlaNotice =
  | 'first_response_warning'
  | 'first_response_breach'
  | 'resolution_warning'
  | 'resolution_breach';

/**
 * The SLA clock (every few minutes): for each open work order, a warning to the assignee once the share
 * `warnAtShare` of the business time to a due time has passed, and a breach notice when it has passed;
 * each once (`slaNotices`), as work-order events on the timeline too.
 */
export async function runSlaClock(db: Database, now = new Date()) {
  const settings = await getWorkOrderSettings(db);
  const open = await db
    .select()
    .from(workOrders)
    .where(
      and(
        inArray(workOrders.status, openStatuses),
        sql`cardinality(${workOrders.slaNotices}) < 4`,
        sql`${workOrders.createdAt} <= ${now}`,
      ),
    );
  let warnings = 0;
  let breaches = 0;
  for (const workOrder of open) {
    const due: { sla: 'first_response' | 'resolution'; dueAt: Date; isDone: boolean }[] = [
      {
        sla: 'first_response',
        dueAt: workOrder.firstResponseDueAt,
        isDone: workOrder.firstRespondedAt !== null,
      },
      { sla: 'resolution', dueAt: workOrder.resolutionDueAt, isDone: workOrder.resolvedAt !== null },
    ];
    const notices: {
      notice: SlaNotice;
      sla: 'first_response' | 'resolution';
      type: 'sla_warning' | 'sla_breach';
    }[] = [];
    for (const { sla, dueAt, isDone } of due) {
      if (isDone) continue;
      if (now >= dueAt) {
        if (!workOrder.slaNotices.includes(`${sla}_breach`))
          notices.push({ notice: `${sla}_breach`, sla, type: 'sla_breach' });
        continue;
      }
      const total = businessMsBetween(settings.businessCalendar, workOrder.createdAt, dueAt);
      const passed = businessMsBetween(settings.businessCalendar, workOrder.createdAt, now);
      if (passed >= total * settings.warnAtShare && !workOrder.slaNotices.includes(`${sla}_warning`))
        notices.push({ notice: `${sla}_warning`, sla, type: 'sla_warning' });
    }
    if (notices.length === 0) continue;
    const isAnnounced = await db.transaction(async (tx) => {
      // Claims the notices in one statement: a run beside this one, or a work order resolved meanwhile,
      // finds nothing to claim, so each notice goes out once and never about finished work.
      const newNotices = notices.map((n) => n.notice);
      // The customer first, as every writer of work orders locks them (see lockWritable).
      await tx
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, workOrder.customerId))
        .for('key share');
      const claimed = await tx
        .update(workOrders)
        .set({ slaNotices: sql`${workOrders.slaNotices} || ${sql.param(newNotices)}::text[]` })
        .where(
          and(
            eq(workOrders.id, workOrder.id),
            inArray(workOrders.status, openStatuses),
            sql`NOT (${workOrders.slaNotices} && ${sql.param(newNotices)}::text[])`,
          ),
        )
        .returning({ id: workOrders.id, assigneeId: workOrders.assigneeId, queueId: workOrders.queueId });
      const [claim] = claimed;
      if (!claim) return false;
      await insertWorkOrderEvents(
        tx,
        notices.map((n) => ({
          workOrderId: workOrder.id,
          customerId: workOrder.customerId,
          type: n.type,
          sla: n.sla,
          occurredAt: now,
        })),
      );
      // Nobody has it yet: the queue's members hear of it, since any of them may take it.
      const recipients = claim.assigneeId
        ? [claim.assigneeId]
        : claim.queueId
          ? (await loadsOfQueue(tx, settings, claim.queueId)).map((load) => load.userId)
          : [];
      await notify(
        tx,
        recipients.flatMap((userId) =>
          notices.map((n) => ({
            userId,
            kind: n.type,
            customerId: workOrder.customerId,
            workOrderId: workOrder.id,
          })),
        ),
      );
      return true;
    });
    if (!isAnnounced) continue;
    warnings += notices.filter((n) => n.type === 'sla_warning').length;
    breaches += notices.filter((n) => n.type === 'sla_breach').length;
  }
  return { warnings, breaches };
}
