import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { loadApprovalRequest } from '../approvals/service';
import { auditContextOf } from '../audit/service';
import { toUser } from './serializers';
import { createUser, listUsers, updateUserRoles } from './service';

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
    const row = await createUser(request.server.db, auditContextOf(request), request.body);
    return reply.code(201).send(toUser(row));
  },
  async updateUserRoles(request, reply) {
    const actor = actorContextOf(request);
    const changed = await updateUserRoles(request.server.db, actor, {
      userId: request.params.userId,
      ...request.body,
    });
    if ('approvalId' in changed)
      return reply
        .code(202)
        .send(await loadApprovalRequest(request.server.db, actor.viewer, changed.approvalId));
    return toUser(changed.user);
  },
};
