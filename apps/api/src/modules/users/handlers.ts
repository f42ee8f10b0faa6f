import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { sendHeldForApproval } from '../approvals/handlers';
import { toUser } from './serializers';
import { createStaffUser, listUsers, updateUserRoles } from './service';

export const usersHandlers: {
  listUsers: OperationHandler<'listUsers'>;
  createUser: OperationHandler<'createUser'>;
  updateUserRoles: OperationHandler<'updateUserRoles'>;
} = {
  async listUsers(request) {
    const rows = await listUsers(request.server.db);
    return { items: rows.map(toUser) };
  },
  async createUser(request, reply) {
    const actor = actorContextOf(request);
    const created = await createStaffUser(request.server.db, actor, request.body);
    if (created.approvalId) return sendHeldForApproval(request, reply, created.approvalId);
    return reply.code(201).send(toUser(created.user));
  },
  async updateUserRoles(request, reply) {
    const actor = actorContextOf(request);
    const changed = await updateUserRoles(request.server.db, actor, {
      userId: request.params.userId,
      ...request.body,
    });
    if ('approvalId' in changed) return sendHeldForApproval(request, reply, changed.approvalId);
    return toUser(changed.user);
  },
};
