import { isDeepStrictEqual } from 'node:util';
import { type TStaffRole, ZStaffRole } from '@cims/schemas';
import type { Database, Queryable } from '../../db/client';
import type { Principal, RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { getApprovalPolicy, requestApproval } from '../approvals/requests';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import { getWorkOrderSettings, queuesOf } from '../workorders/settings';
import {
  combinePolicies,
  defaultPolicies,
  type PolicySettings,
  partnerPolicy,
  type Viewer,
  viewerOf,
} from './policies';
import { findStoredPolicies, upsertPolicy } from './repo';

async function policiesOf(db: Queryable, roles: TStaffRole[]): Promise<Map<TStaffRole, PolicySettings>> {
  const stored = await findStoredPolicies(db, roles);
  return new Map(
    roles.map((role) => {
      const row = stored.find((s) => s.role === role);
      const policy: PolicySettings = row
        ? {
            dataScope: row.dataScope,
            fieldAccess: { ...defaultPolicies[role].fieldAccess, ...row.fieldAccess },
            canReveal: row.canReveal,
          }
        : defaultPolicies[role];
      return [role, policy];
    }),
  );
}

export async function resolveViewer(db: Queryable, principal: Principal): Promise<Viewer> {
  if (principal.kind === 'partner') return viewerOf(partnerPolicy, { userId: null, team: null });
  return resolveStaffViewer(db, principal.user);
}

/** What a staff user may see, from their roles' current policies (also for work done on their behalf later). */
export async function resolveStaffViewer(
  db: Queryable,
  user: { id: string; roles: string[]; team: string | null },
): Promise<Viewer> {
  const roles = user.roles.filter((role): role is TStaffRole => ZStaffRole.safeParse(role).success);
  const combined = combinePolicies([...(await policiesOf(db, roles)).values()]);
  const queueIds = combined.dataScopes.includes('assigned_work_orders')
    ? queuesOf(await getWorkOrderSettings(db), { id: user.id, roles })
    : [];
  return { ...combined, userId: user.id, team: user.team, queueIds, roles };
}

export async function listAccessPolicies(db: Database) {
  const roles = ZStaffRole.options;
  const policies = await policiesOf(db, roles);
  return roles.map((role) => ({ role, ...(policies.get(role) ?? defaultPolicies[role]) }));
}

export async function currentAccessPolicy(db: Queryable, role: TStaffRole): Promise<PolicySettings> {
  return (await policiesOf(db, [role])).get(role) ?? defaultPolicies[role];
}

/**
 * Applies a role's access policy. With `expectedBefore` (an approved request), refuses when the policy
 * changed since it was asked for, so that an older request cannot undo a newer change.
 */
export async function updateAccessPolicy(
  db: Queryable,
  audit: AuditContext,
  role: TStaffRole,
  settings: PolicySettings,
  options: { expectedBefore?: PolicySettings; details?: Record<string, unknown> } = {},
) {
  const before = await currentAccessPolicy(db, role);
  if (options.expectedBefore && !isDeepStrictEqual({ ...before }, { ...options.expectedBefore }))
    throw new DomainError('conflict', `The ${role} access policy changed since the request; ask again.`);
  await upsertPolicy(db, role, settings);
  await appendAuditEntry(db, audit, {
    action: 'access_policy.update',
    resourceType: 'access_policy',
    resourceId: role,
    changes: diffSnapshots({ ...before }, { ...settings }),
    details: options.details,
  });
  return { role, ...settings };
}

/** A role's access policy change, at once or held for approval by the `role_change` policy. */
export async function requestAccessPolicyChange(
  db: Database,
  actor: RequestActor,
  role: TStaffRole,
  settings: PolicySettings,
): Promise<{ policy: Awaited<ReturnType<typeof updateAccessPolicy>> } | { approvalId: string }> {
  const approval = await getApprovalPolicy(db, 'role_change');
  return db.transaction(async (tx) => {
    if (!approval.isEnabled) return { policy: await updateAccessPolicy(tx, actor.audit, role, settings) };
    const held = await requestApproval(tx, actor, {
      kind: 'role_change',
      policy: approval,
      reason: `访问策略变更 Access policy change: ${role}`,
      details: { role, policy: settings, policyBefore: await currentAccessPolicy(tx, role) },
    });
    return { approvalId: held.id };
  });
}
