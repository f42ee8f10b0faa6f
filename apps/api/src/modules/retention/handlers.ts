import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import {
  listRetentionPolicies,
  listRetentionRuns,
  runRetention,
  toRetentionRun,
  updateRetentionPolicy,
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
  async updateRetentionPolicy(request) {
    return updateRetentionPolicy(request.server.db, auditContextOf(request), {
      category: request.params.category,
      ...request.body,
    });
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
