/** Tasks for staff about customers. The stale-data job creates them; issue-specific kinds come later. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customers, staffUsers, tasks } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';

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
};

export async function listTasks(db: Queryable, viewer: TaskViewer, status: 'open' | 'done') {
  return db
    .select(taskColumns)
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, tasks.assigneeId))
    .where(and(eq(tasks.status, status), visibleTo(viewer)))
    .orderBy(asc(tasks.dueAt), asc(tasks.createdAt))
    .limit(200);
}

export async function completeTask(db: Queryable, actor: RequestActor, viewer: TaskViewer, taskId: string) {
  const [task] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), visibleTo(viewer)));
  if (!task) throw new DomainError('not_found', 'No such task.');
  if (task.status === 'open') {
    await db.update(tasks).set({ status: 'done', completedAt: new Date() }).where(eq(tasks.id, taskId));
    await appendAuditEntry(db, actor.audit, {
      action: 'task.complete',
      resourceType: 'task',
      resourceId: taskId,
      customerId: task.customerId ?? undefined,
    });
  }
  const [row] = await db
    .select(taskColumns)
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, tasks.assigneeId))
    .where(eq(tasks.id, taskId));
  return row as NonNullable<typeof row>;
}

/** Closes a customer's open tasks of a kind (the review is done once the data is verified). */
export async function completeOpenTasksFor(db: Queryable, customerId: string, kind: 'data_review') {
  await db
    .update(tasks)
    .set({ status: 'done', completedAt: new Date() })
    .where(and(eq(tasks.customerId, customerId), eq(tasks.kind, kind), eq(tasks.status, 'open')));
}
