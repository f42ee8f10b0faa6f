/**
 * Approving or rejecting a request, by a holder of its approver role other than the requester (and, for
 * a role change, other than the user it changes). Approving carries the held action out in the
 * decision's own transaction, with the approver's rights: the action and the decision commit together
 * or not at all, and an action that fails (the customer was erased meanwhile, the roles changed since)
 * leaves the request pending. The action's audit entry comes first, the decision's after it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { components } from '@cims/api-client';
import type { TStaffRole } from '@cims/schemas';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { approvalRequests } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import type { JobQueue } from '../../jobs/schedule';
import type { PolicySettings } from '../access/policies';
import { updateAccessPolicy } from '../access/service';
import { settleApiKeyApproval } from '../api-keys/service';
import { appendAuditEntry } from '../audit/service';
import { releaseApprovedExport } from '../exports/service';
import { eraseCustomer } from '../privacy/erasure-service';
import type { RetentionCategory } from '../retention/repo';
import { listRetentionPolicies, updateRetentionPolicy } from '../retention/service';
import { applyUserRoles } from '../users/service';
import {
  type ApprovalKind,
  type ApprovalPolicy,
  type ApprovalRequestRow,
  getApprovalPolicy,
  updateApprovalPolicy,
} from './requests';
import { loadApprovalRequest, mayDecide, settleHeldAction } from './service';

type Decision = components['schemas']['ApprovalDecision'];

async function carryOut(tx: Database, actor: RequestActor, row: ApprovalRequestRow, dataDir: string) {
  const details = row.details as Record<string, unknown>;
  const onBehalf = { approvalId: row.id, requestedBy: row.requestedBy, reason: row.reason };
  switch (row.kind) {
    case 'export':
      await releaseApprovedExport(tx, String(details.exportId));
      return;
    case 'reveal':
      // The grant is the approved request itself; the requester's next reveal uses it.
      return;
    case 'role_change':
      if (details.apiKeyId) {
        await settleApiKeyApproval(tx, String(details.apiKeyId), true);
      } else if (details.userId) {
        await applyUserRoles(tx, actor.audit, {
          userId: String(details.userId),
          roles: details.rolesAfter as TStaffRole[],
          // A new account holds its roles from the start, inactive until now.
          expectedRoles: (details.isNewUser ? details.rolesAfter : details.rolesBefore) as TStaffRole[],
          isNewUser: details.isNewUser === true,
          details: onBehalf,
        });
      } else if (details.approvalPolicy) {
        const kind = details.approvalPolicy as ApprovalKind;
        const current = await getApprovalPolicy(tx, kind);
        if (!isDeepStrictEqual(current, details.policyBefore as ApprovalPolicy))
          throw new DomainError(
            'conflict',
            `The ${kind} approval policy changed since the request; ask again.`,
          );
        await updateApprovalPolicy(
          tx,
          actor.audit,
          kind,
          details.policy as components['schemas']['ApprovalPolicyUpdate'],
          onBehalf,
        );
      } else {
        await updateAccessPolicy(
          tx,
          actor.audit,
          details.role as TStaffRole,
          details.policy as PolicySettings,
          {
            expectedBefore: details.policyBefore as PolicySettings,
            details: onBehalf,
          },
        );
      }
      return;
    case 'erasure':
      if (details.retentionCategory) {
        const category = details.retentionCategory as RetentionCategory;
        const current = (await listRetentionPolicies(tx)).find((policy) => policy.category === category);
        if (!isDeepStrictEqual(current ?? null, details.policyBefore))
          throw new DomainError(
            'conflict',
            `The ${category} retention policy changed since the request; ask again.`,
          );
        await updateRetentionPolicy(
          tx,
          actor.audit,
          { category, ...(details.policy as { isEnabled: boolean; afterDays: number }) },
          onBehalf,
        );
        return;
      }
      try {
        await eraseCustomer(tx, actor, {
          customerId: String(details.customerId),
          reason: row.reason,
          requestReference: (details.requestReference as string | null) ?? null,
          dataDir,
          approval: onBehalf,
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found')
          throw new DomainError(
            'conflict',
            'The customer is outside your data scope or gone; it cannot be erased by you.',
          );
        throw error;
      }
      return;
  }
}

export async function decideApproval(
  db: Database,
  actor: RequestActor,
  context: { jobs: JobQueue; dataDir: string },
  input: { id: string; decision: Decision },
) {
  const { decision, comment } = input.decision;
  if (decision === 'reject' && !comment?.trim())
    throw validationFailed([{ path: '/comment', message: 'Say why the request is rejected' }]);
  // 404 for a request the caller may not see at all.
  await loadApprovalRequest(db, actor.viewer, input.id);
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.id, input.id))
      .for('update');
    if (!row) throw new DomainError('not_found', 'No such approval request.');
    if (row.status !== 'pending') throw new DomainError('conflict', `The request is ${row.status} already.`);
    if (row.expiresAt <= new Date()) throw new DomainError('conflict', 'The request has expired.');
    if (row.requestedBy === actor.viewer.userId)
      throw new DomainError('forbidden', 'No one decides their own request.');
    if (row.kind === 'role_change' && (row.details as { userId?: string }).userId === actor.viewer.userId)
      throw new DomainError('forbidden', 'No one decides a change of their own roles.');
    if (!mayDecide(actor.viewer, row))
      throw new DomainError('forbidden', `Only the ${row.approverRole} role decides this request.`);
    if (decision === 'approve') await carryOut(tx, actor, row, context.dataDir);
    else await settleHeldAction(tx, row, `审批被拒绝 Rejected: ${comment?.trim()}`);
    await tx
      .update(approvalRequests)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.viewer.userId,
        decidedAt: new Date(),
        decisionComment: comment?.trim() || null,
      })
      .where(eq(approvalRequests.id, row.id));
    await appendAuditEntry(tx, actor.audit, {
      action: decision === 'approve' ? 'approval.approve' : 'approval.reject',
      resourceType: 'approval_request',
      resourceId: row.id,
      details: { kind: row.kind, requestedBy: row.requestedBy, comment: comment?.trim() || null },
    });
    return row;
  });
  // The decision stands; a send that fails is retried by the hourly sweep of long-queued exports.
  if (decided.kind === 'export' && decision === 'approve')
    await context.jobs
      .send('export', String((decided.details as { exportId: string }).exportId))
      .catch((error: unknown) => console.error('queueing an approved export failed', error));
  return loadApprovalRequest(db, actor.viewer, input.id);
}
