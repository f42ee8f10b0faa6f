import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import { listAccessPolicies, updateAccessPolicy } from './service';

export const accessHandlers: {
  listAccessPolicies: OperationHandler<'listAccessPolicies'>;
  updateAccessPolicy: OperationHandler<'updateAccessPolicy'>;
} = {
  async listAccessPolicies(request) {
    return { items: await listAccessPolicies(request.server.db) };
  },
  async updateAccessPolicy(request) {
    return updateAccessPolicy(request.server.db, auditContextOf(request), request.params.role, request.body);
  },
};
