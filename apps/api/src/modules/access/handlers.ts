import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { sendHeldForApproval } from '../approvals/handlers';
import { listAccessPolicies, requestAccessPolicyChange } from './service';

export const accessHandlers: {
  listAccessPolicies: OperationHandler<'listAccessPolicies'>;
  updateAccessPolicy: OperationHandler<'updateAccessPolicy'>;
} = {
  async listAccessPolicies(request) {
    return { items: await listAccessPolicies(request.server.db) };
  },
  async updateAccessPolicy(request, reply) {
    const actor = actorContextOf(request);
    const changed = await requestAccessPolicyChange(
      request.server.db,
      actor,
      request.params.role,
      request.body,
    );
    if ('approvalId' in changed) return sendHeldForApproval(request, reply, changed.approvalId);
    return changed.policy;
  },
};
