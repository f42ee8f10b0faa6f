import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { batchCreateInteractions, createInteraction } from './service';

export const interactionsHandlers: {
  [K in 'createInteraction' | 'batchCreateInteractions']: OperationHandler<K>;
} = {
  async createInteraction(request, reply) {
    const interaction = await createInteraction(request.server.db, actorContextOf(request), {
      customerId: request.params.customerId,
      body: request.body,
    });
    reply.code(201);
    return interaction;
  },
  async batchCreateInteractions(request) {
    return batchCreateInteractions(request.server.db, actorContextOf(request), request.body.items);
  },
};
