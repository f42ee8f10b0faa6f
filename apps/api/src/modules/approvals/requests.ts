/**
 * Maker-checker: which actions need an approver's yes (one policy per kind, seeded by migration 0019),
 * and asking for it. The modules whose actions can need approval call `requestApproval` in their own
 * transaction; decisions.ts carries an approved request out. An approved reveal is a grant its requester
 * uses once (`consumeRevealGrant`) before the request's expiry.
 */
import { type components, operationRoles } from '@cims/api-client';
import type { TStaffRole } from '@cims/schemas';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { approvalPolicies, approvalRequests } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';

type Schemas = components['schemas'];
export type ApprovalKind = Schemas['ApprovalKind'];
export type ApprovalPolicy = Schemas['ApprovalPolicy'];
export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;

function toPolicy(row: typeof approvalPolicies.$inferSelect): ApprovalPolicy {
  return {
    kind: row.kind,
    isEnabled: row.isEnabled,
    approverRole: row.approverRole as TStaffRole,
    expiresAfterHours: row.expiresAfterHours,
    rowThreshold: row.kind === 'export' ? row.rowThreshold : null,
    requesterRoles: row.kind === 'reveal' ? (row.requesterRoles as TStaffRole[]) : [],
  };
}

export async function listApprovalPolicies(db: Queryable) {
  const rows = await db.select().from(approvalPolicies).orderBy(approvalPolicies.kind);
  return { items: rows.map(toPolicy) };
}

export async function getApprovalPolicy(db: Queryable, kind: ApprovalKind): Promise<ApprovalPolicy> {
  const [row] = await db.select().from(approvalPolicies).where(eq(approvalPolicies.kind, kind));
  if (!row) throw new Error(`approval policy ${kind} is not seeded`);
  return toPolicy(row);
}

/** Roles that can decide at all (the decision operation's roles); an approver role outside them never could. */
const decidingRoles: readonly string[] = operationRoles.decideApproval;

export function checkApprovalPolicy(kind: ApprovalKind, input: Schemas['ApprovalPolicyUpdate']) {
  const errors = [];
  if (!decidingRoles.includes(input.approverRole))
    errors.push({ path: '/approverRole', message: `Must be one of ${decidingRoles.join(', ')}` });
  if (kind === 'export' && input.isEnabled && !input.rowThreshold)
    errors.push({ path: '/rowThreshold', message: 'An export policy in force needs a row threshold' });
  if (kind !== 'export' && input.rowThreshold != null)
    errors.push({ path: '/rowThreshold', message: 'Only the export policy has a row threshold' });
  if (kind !== 'reveal' && (input.requesterRoles?.length ?? 0) > 0)
    errors.push({ path: '/requesterRoles', message: 'Only the reveal policy names requester roles' });
  if (errors.length > 0) throw validationFailed(errors);
}

export async function updateApprovalPolicy(
  db: Queryable,
  audit: AuditContext,
  kind: ApprovalKind,
  input: Schemas['ApprovalPolicyUpdate'],
  details?: Record<string, unknown>,
) {
  checkApprovalPolicy(kind, input);
  const before = await getApprovalPolicy(db, kind);
  const [row] = await db
    .update(approvalPolicies)
    .set({
      isEnabled: input.isEnabled,
      approverRole: input.approverRole,
      expiresAfterHours: input.expiresAfterHours,
      rowThreshold: input.rowThreshold ?? null,
      requesterRoles: input.requesterRoles ?? [],
      updatedAt: new Date(),
    })
    .where(eq(approvalPolicies.kind, kind))
    .returning();
  if (!row) throw new Error(`approval policy ${kind} is not seeded`);
  const after = toPolicy(row);
  await appendAuditEntry(db, audit, {
    action: 'approval_policy.update',
    resourceType: 'approval_policy',
    resourceId: kind,
    changes: diffSnapshots({ ...before }, { ...after }),
    details,
  });
  return after;
}

/**
 * An approval policy change, at once or, while role changes need approval, held like one: otherwise a
 * single administrator could switch approval off, act alone and switch it back on.
 */
export async function changeApprovalPolicy(
  db: Database,
  actor: RequestActor,
  kind: ApprovalKind,
  input: Schemas['ApprovalPolicyUpdate'],
): Promise<{ policy: ApprovalPolicy } | { approvalId: string }> {
  checkApprovalPolicy(kind, input);
  return db.transaction(async (tx) => {
    const roleChanges = await getApprovalPolicy(tx, 'role_change');
    if (!roleChanges.isEnabled) return { policy: await updateApprovalPolicy(tx, actor.audit, kind, input) };
    const held = await requestApproval(tx, actor, {
      kind: 'role_change',
      policy: roleChanges,
      reason: `审批策略变更 Approval policy change: ${kind}`,
      details: { approvalPolicy: kind, policy: input, policyBefore: await getApprovalPolicy(tx, kind) },
    });
    return { approvalId: held.id };
  });
}

/** Whether a reveal by this viewer waits for approval. */
export function isRevealHeld(policy: ApprovalPolicy, roles: TStaffRole[]) {
  return policy.isEnabled && roles.some((role) => policy.requesterRoles.includes(role));
}

/** Records a pending request (audited). The caller's transaction carries the action it holds. */
export async function requestApproval(
  tx: Queryable,
  actor: RequestActor,
  input: { kind: ApprovalKind; policy: ApprovalPolicy; reason: string; details: Record<string, unknown> },
) {
  const requestedBy = actor.viewer.userId;
  if (!requestedBy) throw new DomainError('forbidden', 'Approval requests are for staff users.');
  const [row] = await tx
    .insert(approvalRequests)
    .values({
      kind: input.kind,
      reason: input.reason,
      details: input.details,
      requestedBy,
      approverRole: input.policy.approverRole,
      expiresAt: new Date(Date.now() + input.policy.expiresAfterHours * 3_600_000),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await appendAuditEntry(tx, actor.audit, {
    action: 'approval.request',
    resourceType: 'approval_request',
    resourceId: row.id,
    details: { kind: row.kind, reason: row.reason, approverRole: row.approverRole, ...input.details },
  });
  return row;
}

/**
 * The caller's pending request of this kind for the same thing, or a new one: asking twice asks once,
 * also when both arrive at once (they queue on a lock of what they ask for).
 */
export async function findOrRequestApproval(
  tx: Queryable,
  actor: RequestActor,
  input: {
    kind: ApprovalKind;
    policy: ApprovalPolicy;
    reason: string;
    details: Record<string, unknown>;
    sameAs: Record<string, string>;
  },
) {
  const requestedBy = actor.viewer.userId;
  if (!requestedBy) throw new DomainError('forbidden', 'Approval requests are for staff users.');
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${requestedBy}:${input.kind}:${JSON.stringify(input.sameAs)}`}, 0))`,
  );
  return (
    (await findPendingRequest(tx, requestedBy, input.kind, input.sameAs)) ?? requestApproval(tx, actor, input)
  );
}

async function findPendingRequest(
  db: Queryable,
  requestedBy: string,
  kind: ApprovalKind,
  details: Record<string, string>,
) {
  const [row] = await db
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.requestedBy, requestedBy),
        eq(approvalRequests.kind, kind),
        eq(approvalRequests.status, 'pending'),
        gt(approvalRequests.expiresAt, new Date()),
        sql`${approvalRequests.details} @> ${JSON.stringify(details)}::jsonb`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Uses the requester's approved reveal of this field of this customer, if one is left: its id, or null. */
export async function consumeRevealGrant(
  db: Queryable,
  input: { requestedBy: string; customerId: string; field: string },
) {
  const grant = db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.requestedBy, input.requestedBy),
        eq(approvalRequests.kind, 'reveal'),
        eq(approvalRequests.status, 'approved'),
        isNull(approvalRequests.usedAt),
        gt(approvalRequests.expiresAt, new Date()),
        sql`${approvalRequests.details} @> ${JSON.stringify({ customerId: input.customerId, field: input.field })}::jsonb`,
      ),
    )
    .orderBy(approvalRequests.createdAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const used = await db
    .update(approvalRequests)
    .set({ usedAt: new Date() })
    .where(sql`${approvalRequests.id} = (${grant})`)
    .returning({ id: approvalRequests.id });
  return used[0]?.id ?? null;
}
