import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { sendHeldForApproval } from '../approvals/handlers';
import { auditContextOf } from '../audit/service';
import {
  changeRetentionPolicy,
  listRetentionPolicies,
  listRetentionRuns,
  runRetention,
  toRetentionRun,
} from './service';

export const retentionHandlers: {
  listRetentionPolicies: OperationHandler<'listRetentionPolicies'>;
  updateRetentionPolicy: OperationHandler<'updateRetentionPolicy'>;
  listRetentionRuns: OperationHandler<'listRetentionRuns'>;
  runRetention: OperationHandler<'runRetention'>;
} = {
  async listRetentionPolicies(request) {
    return { items: await listRetentionPolicies(request.server.db) };
  },
  async updateRetentionPolicy(request, reply) {
    const changed = await changeRetentionPolicy(request.server.db, actorContextOf(request), {
      category: request.params.category,
      ...request.body,
    });
    if ('approvalId' in changed) return sendHeldForApproval(request, reply, changed.approvalId);
    return changed.policy;
  },
  async listRetentionRuns(request) {
    return { items: await listRetentionRuns(request.server.db) };
  },
  async runRetention(request) {
    const run = await runRetention(request.server.db, {
      audit: auditContextOf(request),
      isDryRun: request.body.isDryRun,
      dataDir: request.server.config.dataDir,
    });
    return toRetentionRun(run);
  },
};
