import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import { toUser } from './serializers';
import { createUser, listUsers } from './service';

export const usersHandlers: {
  listUsers: OperationHandler<'listUsers'>;
  createUser: OperationHandler<'createUser'>;
} = {
  async listUsers(request) {
    const rows = await listUsers(request.server.db);
    return { items: rows.map(toUser) };
  },
  async createUser(request, reply) {
    const row = await createUser(request.server.db, auditContextOf(request), request.body);
    return reply.code(201).send(toUser(row));
  },
};
