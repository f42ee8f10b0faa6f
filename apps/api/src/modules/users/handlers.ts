import type { OperationHandler } from '../../http/contract';
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
    const row = await createUser(request.server.db, request.body);
    return reply.code(201).send(toUser(row));
  },
};
