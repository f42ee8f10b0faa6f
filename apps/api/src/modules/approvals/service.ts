/** Reading approval requests, withdrawing one's own, and expiring those left unanswered. */
import type { components } from '@cims/api-client';
import { and, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Queryable } from '../../db/client';
import { approvalRequests, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import type { Viewer } from '../access/policies';
import { settleApiKeyApproval } from '../api-keys/service';
import { appendAuditEntry, systemAuditContext } from '../audit/service';
import { refuseExport } from '../exports/service';
import { discardUnapprovedUser } from '../users/service';
import type { ApprovalRequestRow } from './requests';

type Schemas = components['schemas'];

const requester = alias(staffUsers, 'requester');
const decider = alias(staffUsers, 'decider');

/** Compared with requesters where the viewer is no staff user (never equal to a real id). */
const noUserId = '00000000-0000-0000-0000-000000000000';

/** Roles that may read every request (oversight), besides requesters and approvers. */
const overseerRoles = ['admin', 'compliance', 'auditor'];

const sourceNames: Record<string, string> = {
  customers: '客户列表 customer list',
  segment: '分群 segment',
  work_orders: '工单列表 work-order list',
  dashboard: '看板报告 dashboard report',
};

function summaryOf(row: ApprovalRequestRow): string {
  const d = row.details as Record<string, unknown>;
  switch (row.kind) {
    case 'export':
      return `导出 ${d.rows} 行${sourceNames[String(d.source)] ?? d.source}（${String(d.format).toUpperCase()}）/ Export of ${d.rows} rows`;
    case 'reveal':
      return `查看客户敏感字段明文 ${d.field} / Reveal ${d.field} of a customer`;
    case 'role_change':
      if (d.apiKeyId)
        return `新接口密钥 ${d.apiKeyName}（${(d.scopes as string[]).join(', ')}）/ New API key ${d.apiKeyName}`;
      if (d.isNewUser)
        return `新账号 ${d.userName}（${(d.rolesAfter as string[]).join(', ')}）/ New account for ${d.userName}`;
      if (d.userId)
        return `调整 ${d.userName} 的角色：${(d.rolesBefore as string[]).join(', ')} → ${(d.rolesAfter as string[]).join(', ')} / Change ${d.userName}'s roles`;
      if (d.approvalPolicy)
        return `修改审批策略 ${d.approvalPolicy} / Change the ${d.approvalPolicy} approval policy`;
      return `修改角色 ${d.role} 的访问策略 / Change the access policy of ${d.role}`;
    case 'erasure':
      if (d.retentionCategory)
        return `修改保留策略 ${d.retentionCategory} / Change the ${d.retentionCategory} retention policy`;
      return `删除客户个人信息（不可恢复）/ Erase a customer's personal data${d.requestReference ? ` (${d.requestReference})` : ''}`;
  }
}

/** Whether the request changes this viewer's own roles (which they may not decide either). */
const isAboutSelf = (viewer: Viewer, row: ApprovalRequestRow) =>
  row.kind === 'role_change' && (row.details as { userId?: string }).userId === viewer.userId;

export function mayDecide(viewer: Viewer, row: ApprovalRequestRow) {
  return (
    row.status === 'pending' &&
    row.expiresAt > new Date() &&
    row.requestedBy !== viewer.userId &&
    !isAboutSelf(viewer, row) &&
    viewer.roles.some((role) => role === row.approverRole)
  );
}

/** Pending and not past expiry, as lists and counts read it (the hourly job stores the expiry later). */
const isOpen = sql`${approvalRequests.status} = 'pending' AND ${approvalRequests.expiresAt} > now()`;
/** What the caller may decide: open, for their role, not theirs, not about their own roles. */
const toDecideBy = (viewer: Viewer, me: string) =>
  sql`${isOpen} AND ${approvalRequests.approverRole} = ANY(${sql.param(viewer.roles)}::text[])
    AND ${approvalRequests.requestedBy} <> ${me}
    AND coalesce(${approvalRequests.details}->>'userId', '') <> ${me}`;

/** A status filter as the caller sees statuses: an unanswered request past its expiry is expired. */
function statusCondition(status: Schemas['ApprovalStatus']) {
  if (status === 'pending') return isOpen;
  if (status === 'expired')
    return sql`(${approvalRequests.status} = 'expired' OR (${approvalRequests.status} = 'pending' AND ${approvalRequests.expiresAt} <= now()))`;
  return eq(approvalRequests.status, status);
}

function selectRequests(db: Queryable) {
  return db
    .select({
      request: approvalRequests,
      requesterName: requester.displayName,
      deciderName: decider.displayName,
    })
    .from(approvalRequests)
    .innerJoin(requester, eq(requester.id, approvalRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, approvalRequests.decidedBy));
}

type SelectedRequest = Awaited<ReturnType<ReturnType<typeof selectRequests>['where']>>[number];

function toApprovalRequest(viewer: Viewer, selected: SelectedRequest): Schemas['ApprovalRequest'] {
  const row = selected.request;
  return {
    id: row.id,
    kind: row.kind,
    // Shown as it is; the hourly job records the expiry.
    status: row.status === 'pending' && row.expiresAt <= new Date() ? 'expired' : row.status,
    summary: summaryOf(row),
    reason: row.reason,
    details: row.details,
    requestedBy: { id: row.requestedBy, displayName: selected.requesterName },
    requestedAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    approverRole: row.approverRole as Schemas['StaffRole'],
    decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: selected.deciderName ?? '' } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionComment: row.decisionComment,
    canDecide: mayDecide(viewer, row),
    usedAt: row.usedAt?.toISOString() ?? null,
  };
}

export async function loadApprovalRequest(db: Queryable, viewer: Viewer, id: string) {
  const [selected] = await selectRequests(db).where(eq(approvalRequests.id, id));
  const row = selected?.request;
  const maySee =
    row &&
    (row.requestedBy === viewer.userId ||
      viewer.roles.some((role) => role === row.approverRole || overseerRoles.includes(role)));
  if (!selected || !maySee) throw new DomainError('not_found', 'No such approval request.');
  return toApprovalRequest(viewer, selected);
}

export async function listApprovalRequests(
  db: Queryable,
  viewer: Viewer,
  input: { view?: 'to_decide' | 'mine' | 'all'; status?: Schemas['ApprovalStatus'] },
) {
  const view = input.view ?? 'to_decide';
  const me = viewer.userId ?? noUserId;
  let scope: SQL | undefined;
  if (view === 'mine') scope = eq(approvalRequests.requestedBy, me);
  else if (view === 'to_decide') scope = toDecideBy(viewer, me);
  else if (!viewer.roles.some((role) => overseerRoles.includes(role)))
    throw new DomainError('forbidden', 'Only administrators, compliance and auditors see every request.');
  const rows = await selectRequests(db)
    .where(and(scope, input.status ? statusCondition(input.status) : undefined))
    .orderBy(desc(approvalRequests.createdAt))
    .limit(200);
  return { items: rows.map((selected) => toApprovalRequest(viewer, selected)) };
}

export async function countPendingApprovals(db: Queryable, viewer: Viewer) {
  const me = viewer.userId ?? noUserId;
  const [row] = await db
    .select({
      toDecide: sql<number>`count(*) FILTER (WHERE ${toDecideBy(viewer, me)})::int`,
      mineWaiting: sql<number>`count(*) FILTER (WHERE ${isOpen} AND ${approvalRequests.requestedBy} = ${me})::int`,
    })
    .from(approvalRequests)
    .where(eq(approvalRequests.status, 'pending'));
  return { toDecide: row?.toDecide ?? 0, mineWaiting: row?.mineWaiting ?? 0 };
}

/** Settles a request that is no longer pending for the thing it held (an export is refused). */
export async function settleHeldAction(tx: Queryable, row: ApprovalRequestRow, why: string) {
  const details = row.details as {
    exportId?: string;
    userId?: string;
    isNewUser?: boolean;
    apiKeyId?: string;
  };
  if (row.kind === 'export') await refuseExport(tx, String(details.exportId), why);
  // A new account nobody approved never signed in: it goes, and its email can be used again.
  if (row.kind === 'role_change' && details.isNewUser && details.userId)
    await discardUnapprovedUser(tx, details.userId);
  if (row.kind === 'role_change' && details.apiKeyId) await settleApiKeyApproval(tx, details.apiKeyId, false);
}

export async function cancelApprovalRequest(db: Database, actor: RequestActor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, id)).for('update');
    if (!row || row.requestedBy !== actor.viewer.userId)
      throw new DomainError('not_found', 'No such approval request of yours.');
    if (row.status !== 'pending') throw new DomainError('conflict', `The request is ${row.status} already.`);
    if (row.expiresAt <= new Date()) throw new DomainError('conflict', 'The request has expired.');
    await tx.update(approvalRequests).set({ status: 'cancelled' }).where(eq(approvalRequests.id, id));
    await settleHeldAction(tx, row, '申请已撤回 The request was withdrawn.');
    await appendAuditEntry(tx, actor.audit, {
      action: 'approval.cancel',
      resourceType: 'approval_request',
      resourceId: id,
      details: { kind: row.kind },
    });
  });
  return loadApprovalRequest(db, actor.viewer, id);
}

/** Requests left pending past their expiry become `expired` (hourly, and before reading or deciding). */
export async function expireApprovals(db: Database) {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(approvalRequests)
      .set({ status: 'expired' })
      .where(and(eq(approvalRequests.status, 'pending'), lte(approvalRequests.expiresAt, new Date())))
      .returning();
    for (const row of expired) {
      await settleHeldAction(tx, row, '审批已过期 The approval request expired unanswered.');
      await appendAuditEntry(tx, systemAuditContext('approval expiry'), {
        action: 'approval.expire',
        resourceType: 'approval_request',
        resourceId: row.id,
        details: { kind: row.kind },
      });
    }
    return { expiredApprovals: expired.length };
  });
}
