import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { decideApproval } from './decisions';
import { changeApprovalPolicy, listApprovalPolicies } from './requests';
import {
  cancelApprovalRequest,
  countPendingApprovals,
  listApprovalRequests,
  loadApprovalRequest,
} from './service';

/** The 202 of an operation whose action waits for an approver: the request it made. */
export async function sendHeldForApproval(request: FastifyRequest, reply: FastifyReply, approvalId: string) {
  return reply.code(202).send(await loadApprovalRequest(request.server.db, viewerOf(request), approvalId));
}

type ApprovalOperations =
  | 'listApprovals'
  | 'countPendingApprovals'
  | 'getApproval'
  | 'decideApproval'
  | 'cancelApproval'
  | 'listApprovalPolicies'
  | 'updateApprovalPolicy';

export const approvalsHandlers: { [K in ApprovalOperations]: OperationHandler<K> } = {
  async listApprovals(request) {
    return listApprovalRequests(request.server.db, viewerOf(request), request.query);
  },
  async countPendingApprovals(request) {
    return countPendingApprovals(request.server.db, viewerOf(request));
  },
  async getApproval(request) {
    return loadApprovalRequest(request.server.db, viewerOf(request), request.params.approvalId);
  },
  async decideApproval(request) {
    const { db, jobs, config } = request.server;
    return decideApproval(
      db,
      actorContextOf(request),
      { jobs, dataDir: config.dataDir },
      {
        id: request.params.approvalId,
        decision: request.body,
      },
    );
  },
  async cancelApproval(request) {
    return cancelApprovalRequest(request.server.db, actorContextOf(request), request.params.approvalId);
  },
  async listApprovalPolicies(request) {
    return listApprovalPolicies(request.server.db);
  },
  async updateApprovalPolicy(request, reply) {
    const changed = await changeApprovalPolicy(
      request.server.db,
      actorContextOf(request),
      request.params.kind,
      request.body,
    );
    if ('approvalId' in changed) return sendHeldForApproval(request, reply, changed.approvalId);
    return changed.policy;
  },
};
