/**
 * Approving or rejecting a request, by a holder of its approver role other than the requester. Approving
 * carries the held action out before the decision commits, so that an approval whose action fails (the
 * customer was erased meanwhile, say) stays pending rather than approved and undone. The held action
 * writes its own audit entry first; the decision's follows it.
 */
import type { components } from '@cims/api-client';
import type { TStaffRole } from '@cims/schemas';
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { approvalRequests } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import type { JobQueue } from '../../jobs/schedule';
import type { PolicySettings } from '../access/policies';
import { updateAccessPolicy } from '../access/service';
import { appendAuditEntry } from '../audit/service';
import { releaseApprovedExport } from '../exports/service';
import { eraseCustomer } from '../privacy/erasure-service';
import { applyUserRoles } from '../users/service';
import type { ApprovalRequestRow } from './requests';
import { expireApprovals, loadApprovalRequest, mayDecide, settleHeldAction } from './service';

type Decision = components['schemas']['ApprovalDecision'];

async function carryOut(
  db: Database,
  tx: Queryable,
  actor: RequestActor,
  row: ApprovalRequestRow,
  dataDir: string,
) {
  const details = row.details as Record<string, unknown>;
  const onBehalf = { approvalId: row.id, requestedBy: row.requestedBy };
  switch (row.kind) {
    case 'export':
      await releaseApprovedExport(tx, String(details.exportId));
      return;
    case 'reveal':
      // The grant is the approved request itself; the requester's next reveal uses it.
      return;
    case 'role_change':
      if (details.userId)
        await applyUserRoles(tx, actor.audit, {
          userId: String(details.userId),
          roles: details.rolesAfter as TStaffRole[],
          expectedRoles: details.rolesBefore as TStaffRole[],
          details: { ...onBehalf, reason: row.reason },
        });
      else
        await updateAccessPolicy(
          db,
          actor.audit,
          details.role as TStaffRole,
          details.policy as PolicySettings,
        );
      return;
    case 'erasure':
      await eraseCustomer(db, actor, {
        customerId: String(details.customerId),
        reason: row.reason,
        requestReference: (details.requestReference as string | null) ?? null,
        dataDir,
      });
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
  await expireApprovals(db);
  await loadApprovalRequest(db, actor.viewer, input.id);
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.id, input.id))
      .for('update');
    if (!row) throw new DomainError('not_found', 'No such approval request.');
    if (row.status !== 'pending') throw new DomainError('conflict', `The request is ${row.status} already.`);
    if (row.requestedBy === actor.viewer.userId)
      throw new DomainError('forbidden', 'No one decides their own request.');
    if (!mayDecide(actor.viewer, row))
      throw new DomainError('forbidden', `Only the ${row.approverRole} role decides this request.`);
    if (decision === 'approve') await carryOut(db, tx, actor, row, context.dataDir);
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
  if (decided.kind === 'export' && decision === 'approve')
    await context.jobs.send('export', String((decided.details as { exportId: string }).exportId));
  return loadApprovalRequest(db, actor.viewer, input.id);
}
