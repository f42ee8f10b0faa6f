import type { FastifyRequest } from 'fastify';
import { actorContextOf, actorOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { toTask } from './serializers';
import { completeTask, createTask, listTasks, type TaskViewer } from './service';

function taskViewerOf(request: FastifyRequest): TaskViewer {
  const principal = actorOf(request);
  return principal.kind === 'staff'
    ? { userId: principal.user.id, isAdmin: principal.user.roles.includes('admin') }
    : { userId: null, isAdmin: false };
}

export const tasksHandlers: { [K in 'listTasks' | 'createTask' | 'completeTask']: OperationHandler<K> } = {
  async listTasks(request) {
    const { rows, nextCursor } = await listTasks(request.server.db, taskViewerOf(request), {
      status: request.query.status ?? 'open',
      limit: request.query.limit ?? 50,
      cursor: request.query.cursor,
    });
    return { items: rows.map(toTask), nextCursor };
  },
  async createTask(request, reply) {
    const row = await createTask(request.server.db, actorContextOf(request), request.body);
    reply.code(201);
    return toTask(row);
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
