/**
 * Tasks for staff about customers. The stale-data job creates them; issue-specific kinds come later.
 * A task has no stored title: clients name it by its kind, in their language, and the customer's current
 * name (a title written at creation would go stale, or outlive an erasure).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customers, staffUsers, tasks } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
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

// Soonest due first, undated last; the sort key as PostgreSQL text keeps microseconds for the cursor.
const dueKey = sql<string>`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`;
const timestampText = /^(infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface TaskCursor {
  dueAt: string;
  createdAt: string;
  id: string;
}

function encodeCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt, cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(cursor: string): TaskCursor {
  try {
    const [dueAt, createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof dueAt === 'string' &&
      timestampText.test(dueAt) &&
      typeof createdAt === 'string' &&
      timestampText.test(createdAt) &&
      typeof id === 'string' &&
      uuidText.test(id)
    )
      return { dueAt, createdAt, id };
  } catch {
    // fall through to the validation error
  }
  throw validationFailed([
    { path: '/query/cursor', message: 'Not a cursor of this list; start from the first page' },
  ]);
}

export async function listTasks(
  db: Queryable,
  viewer: TaskViewer,
  input: { status: 'open' | 'done'; limit: number; cursor?: string },
) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db
    .select({
      ...taskColumns,
      dueKey: sql<string>`${dueKey}::text`,
      createdKey: sql<string>`${tasks.createdAt}::text`,
    })
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(staffUsers, eq(staffUsers.id, tasks.assigneeId))
    .where(
      and(
        eq(tasks.status, input.status),
        visibleTo(viewer),
        after
          ? sql`(${dueKey}, ${tasks.createdAt}, ${tasks.id}) > (${after.dueAt}::timestamptz, ${after.createdAt}::timestamptz, ${after.id}::uuid)`
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
      rows.length > input.limit && last
        ? encodeCursor({ dueAt: last.dueKey, createdAt: last.createdKey, id: last.task.id })
        : null,
  };
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
