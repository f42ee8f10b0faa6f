import type { components } from '@cims/api-client';
import type { FastifyRequest } from 'fastify';
import { actorContextOf, actorOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { completeTask, listTasks, type TaskViewer } from './service';

type TaskRow = Awaited<ReturnType<typeof completeTask>>;

function toTask({ task, customerName, assigneeName }: TaskRow): components['schemas']['Task'] {
  return {
    id: task.id,
    kind: task.kind,
    customer: task.customerId ? { id: task.customerId, displayName: customerName ?? '' } : null,
    assignee: task.assigneeId ? { id: task.assigneeId, displayName: assigneeName ?? '' } : null,
    status: task.status,
    dueAt: task.dueAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
  };
}

function taskViewerOf(request: FastifyRequest): TaskViewer {
  const principal = actorOf(request);
  return principal.kind === 'staff'
    ? { userId: principal.user.id, isAdmin: principal.user.roles.includes('admin') }
    : { userId: null, isAdmin: false };
}

export const tasksHandlers: { [K in 'listTasks' | 'completeTask']: OperationHandler<K> } = {
  async listTasks(request) {
    const { rows, nextCursor } = await listTasks(request.server.db, taskViewerOf(request), {
      status: request.query.status ?? 'open',
      limit: request.query.limit ?? 50,
      cursor: request.query.cursor,
    });
    return { items: rows.map(toTask), nextCursor };
  },
  async completeTask(request) {
    const row = await completeTask(
      request.server.db,
      actorContextOf(request),
      taskViewerOf(request),
      request.params.taskId,
    );
    return toTask(row);
  },
};
