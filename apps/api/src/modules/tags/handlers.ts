import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { bulkTagCustomers, defineTag, deleteTag, listTags } from './service';

type TagOperations = 'listTags' | 'defineTag' | 'deleteTag' | 'bulkTagCustomers';

export const tagsHandlers: { [K in TagOperations]: OperationHandler<K> } = {
  async listTags(request) {
    return listTags(request.server.db, viewerOf(request));
  },
  async defineTag(request) {
    return defineTag(request.server.db, actorContextOf(request), request.params.tag, request.body);
  },
  async deleteTag(request, reply) {
    await deleteTag(request.server.db, actorContextOf(request).audit, request.params.tag);
    return reply.code(204).send();
  },
  async bulkTagCustomers(request) {
    return bulkTagCustomers(request.server.db, actorContextOf(request), request.body);
  },
};
