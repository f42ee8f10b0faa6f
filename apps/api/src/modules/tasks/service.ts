/**
 * Tasks for staff about customers: made by people, by the stale-data and renewal jobs, and by the
 * after-sales flow. Completing a recurring task creates the next one, one period after the last was due.
 * A task has no stored title: clients name it by its kind, in their language, and the customer's current
 * name (a title written at creation would go stale, or outlive an erasure).
 */
import { ZTaskCreate } from '@cims/schemas';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers, staffUsers, tasks, workOrders } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { cursorParts, decodeCursor, encodeCursor } from '../../http/cursor';
import { DomainError, validationFailed } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';
import { customerScope } from '../customers/repo';
import { assertNotErased, parseOrThrow } from '../customers/service';
import { notify } from '../notifications/service';
import { findStaffMember } from '../users/service';

type TaskInsert = typeof tasks.$inferInsert;
export type TaskKind = NonNullable<TaskInsert['kind']>;
type Recurrence = NonNullable<TaskInsert['recurrence']>;

/** Whose tasks a caller works on: their own, or everyone's for an admin. */
export interface TaskViewer {
  userId: string | null;
  isAdmin: boolean;
}

function visibleTo(viewer: TaskViewer) {
  if (viewer.isAdmin) return undefined;
  return viewer.userId ? eq(tasks.assigneeId, viewer.userId) : sql`false`;
}

const taskColumns = {
  task: tasks,
  customerName: customers.displayName,
  assigneeName: staffUsers.displayName,
  workOrderNumber: workOrders.number,
};

function selectTasks(db: Queryable) {
  return db
    .select(taskColumns)
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, tasks.assigneeId))
    .leftJoin(workOrders, eq(workOrders.id, tasks.workOrderId));
}

async function findTask(db: Queryable, taskId: string) {
  const [row] = await selectTasks(db).where(eq(tasks.id, taskId));
  if (!row) throw new Error(`task ${taskId} vanished`);
  return row;
}

/** Creates a task and tells its assignee (unless they made it themselves). */
export async function insertTask(db: Queryable, values: TaskInsert, createdBy: string | null) {
  const [task] = await db.insert(tasks).values(values).returning();
  if (!task) throw new Error('insert returned no row');
  if (task.assigneeId && task.assigneeId !== createdBy)
    await notify(db, [
      { userId: task.assigneeId, kind: 'task_assigned', customerId: task.customerId, taskId: task.id },
    ]);
  return task;
}

export async function createTask(db: Database, actor: RequestActor, body: unknown) {
  const input = parseOrThrow(ZTaskCreate, body);
  return db.transaction(async (tx) => {
    // Shared lock: an erasure of the customer (which takes it exclusively) either went first or waits.
    const [customer] = await tx
      .select({ id: customers.id, ownerId: customers.ownerId, erasedAt: customers.erasedAt })
      .from(customers)
      .where(and(eq(customers.id, input.customerId), customerScope(actor.viewer)))
      .for('share');
    if (!customer) throw new DomainError('not_found', 'No such customer.');
    assertNotErased(customer);
    if (input.assigneeId && !(await findStaffMember(tx, input.assigneeId)))
      throw validationFailed([{ path: '/assigneeId', message: 'No staff user with this id' }]);
    const recurrence = input.recurrence ?? 'none';
    const assigneeId = input.assigneeId ?? customer.ownerId ?? actor.viewer.userId;
    const task = await insertTask(
      tx,
      {
        kind: input.kind,
        customerId: customer.id,
        assigneeId,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
        note: input.note ?? null,
        recurrence,
      },
      actor.viewer.userId,
    );
    await appendAuditEntry(tx, actor.audit, {
      action: 'task.create',
      resourceType: 'task',
      resourceId: task.id,
      customerId: customer.id,
      details: { kind: task.kind, assigneeId },
    });
    return findTask(tx, task.id);
  });
}

/** The next due time of a recurring task; a month on from the 31st is the last day of a shorter month. */
export function nextDue(dueAt: Date, recurrence: Recurrence): Date | null {
  const next = new Date(dueAt);
  if (recurrence === 'daily') next.setUTCDate(next.getUTCDate() + 1);
  else if (recurrence === 'weekly') next.setUTCDate(next.getUTCDate() + 7);
  else if (recurrence === 'monthly') {
    const day = next.getUTCDate();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    next.setUTCDate(Math.min(day, lastDay));
  } else return null;
  return next;
}

// Soonest due first, undated last; the sort key as PostgreSQL text keeps microseconds for the cursor.
const dueKey = sql<string>`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`;
export async function listTasks(
  db: Queryable,
  viewer: TaskViewer,
  input: { status: 'open' | 'done'; limit: number; cursor?: string },
) {
  const [afterDue, afterCreated, afterId] = input.cursor
    ? decodeCursor(input.cursor, [cursorParts.pgTimestamp, cursorParts.pgTimestamp, cursorParts.uuid])
    : [];
  const rows = await db
    .select({
      ...taskColumns,
      dueKey: sql<string>`${dueKey}::text`,
      createdKey: sql<string>`${tasks.createdAt}::text`,
    })
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, tasks.assigneeId))
    .leftJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .where(
      and(
        eq(tasks.status, input.status),
        visibleTo(viewer),
        afterId
          ? sql`(${dueKey}, ${tasks.createdAt}, ${tasks.id}) > (${afterDue}::timestamptz, ${afterCreated}::timestamptz, ${afterId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(dueKey), asc(tasks.createdAt), asc(tasks.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.dueKey, last.createdKey, last.task.id]) : null,
  };
}

/**
 * Completes a task once: the conditional update lets one of several concurrent completions through, and
 * only that one repeats a recurring task and is audited; the others find it done and return it as it is.
 */
export async function completeTask(db: Database, actor: RequestActor, viewer: TaskViewer, taskId: string) {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(tasks)
      .set({ status: 'done', completedAt: sql`now()` })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open'), visibleTo(viewer)))
      .returning();
    if (!done) {
      const [task] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.id, taskId), visibleTo(viewer)));
      if (!task) throw new DomainError('not_found', 'No such task.');
      return findTask(tx, taskId);
    }
    const dueAgain = done.dueAt ? nextDue(done.dueAt, done.recurrence) : null;
    if (dueAgain) {
      const { id, createdAt, completedAt, remindedAt, status, ...repeated } = done;
      await insertTask(tx, { ...repeated, dueAt: dueAgain }, actor.viewer.userId);
    }
    await appendAuditEntry(tx, actor.audit, {
      action: 'task.complete',
      resourceType: 'task',
      resourceId: taskId,
      customerId: done.customerId ?? undefined,
    });
    return findTask(tx, taskId);
  });
}

/** A customer's open tasks, soonest due first (for the 360° view). */
export async function listOpenTasksOf(db: Queryable, customerId: string, limit: number) {
  return selectTasks(db)
    .where(and(eq(tasks.customerId, customerId), eq(tasks.status, 'open')))
    .orderBy(asc(sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`), asc(tasks.createdAt))
    .limit(limit);
}

/** Tells assignees about open tasks due within the hour (once per task). */
export async function remindDueTasks(db: Queryable, now = new Date()) {
  const due = await db
    .update(tasks)
    .set({ remindedAt: now })
    .where(
      and(
        eq(tasks.status, 'open'),
        sql`${tasks.remindedAt} IS NULL`,
        sql`${tasks.assigneeId} IS NOT NULL`,
        sql`${tasks.dueAt} <= ${new Date(now.getTime() + 3_600_000)}`,
      ),
    )
    .returning({ id: tasks.id, assigneeId: tasks.assigneeId, customerId: tasks.customerId });
  await notify(
    db,
    due.map((task) => ({
      userId: task.assigneeId as string,
      kind: 'task_due' as const,
      customerId: task.customerId,
      taskId: task.id,
    })),
  );
  return { reminded: due.length };
}

/** Closes a customer's open tasks of a kind (the review is done once the data is verified). */
export async function completeOpenTasksFor(db: Queryable, customerId: string, kind: TaskKind) {
  await db
    .update(tasks)
    .set({ status: 'done', completedAt: new Date() })
    .where(and(eq(tasks.customerId, customerId), eq(tasks.kind, kind), eq(tasks.status, 'open')));
}

/** Days before a contract ends that its renewal task appears. */
export const renewalLeadDays = 30;

/**
 * Contracts ending within the lead time give the customer's owner one renewal task (续约), due a week
 * before the end date (or now, when that has passed); later runs add nothing, even once it is done.
 */
export async function createRenewalTasks(db: Queryable, now = new Date()) {
  const created = await db.execute<{ id: string; assignee_id: string; customer_id: string }>(sql`
    INSERT INTO tasks (kind, customer_id, assignee_id, due_at)
    SELECT 'renewal', c.id, c.owner_id,
           greatest(${now}::timestamptz, ((c.contract_end_date - 7)::timestamp + interval '9 hours') AT TIME ZONE 'Asia/Shanghai')
      FROM customers c
      JOIN staff_users u ON u.id = c.owner_id AND u.is_active
     WHERE c.deleted_at IS NULL AND c.erased_at IS NULL
       AND c.contract_end_date BETWEEN (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
                                   AND (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + ${renewalLeadDays}::int
       -- One per contract end: a renewal task made within the lead time, done or not, is the one.
       AND NOT EXISTS (SELECT 1 FROM tasks t
                        WHERE t.customer_id = c.id AND t.kind = 'renewal'
                          AND t.created_at >= (c.contract_end_date - ${renewalLeadDays}::int)::timestamp AT TIME ZONE 'Asia/Shanghai')
    ON CONFLICT (customer_id, kind) WHERE status = 'open' AND kind IN ('data_review', 'renewal') DO NOTHING
    RETURNING id, assignee_id, customer_id`);
  await notify(
    db,
    created.rows.map((task) => ({
      userId: task.assignee_id,
      kind: 'task_assigned' as const,
      customerId: task.customer_id,
      taskId: task.id,
    })),
  );
  return { tasksCreated: created.rows.length };
}
