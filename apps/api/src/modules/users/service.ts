import type { TStaffRole } from '@cims/schemas';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { getApprovalPolicy, requestApproval } from '../approvals/requests';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import { hashPassword } from '../auth/service';

export async function listUsers(db: Database) {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.displayName));
}

type NewUser = {
  email: string;
  displayName: string;
  password: string;
  roles: TStaffRole[];
  team?: string | null;
};

async function insertUser(db: Queryable, audit: AuditContext, input: NewUser & { isActive: boolean }) {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(staffUsers)
    .values({
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName.trim(),
      passwordHash,
      roles: input.roles,
      team: input.team?.trim() || null,
      isActive: input.isActive,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError('conflict', 'A staff user with this email exists already.');
  await appendAuditEntry(db, audit, {
    action: 'user.create',
    resourceType: 'staff_user',
    resourceId: row.id,
    changes: {
      email: { before: null, after: row.email },
      roles: { before: null, after: row.roles },
      isActive: { before: null, after: row.isActive },
    },
  });
  return row;
}

/** A staff user the system itself creates (demo seed, set-up), active at once. */
export async function createUser(db: Database, audit: AuditContext, input: NewUser) {
  return db.transaction((tx) => insertUser(tx, audit, { ...input, isActive: true }));
}

/**
 * A staff user an administrator creates. While the `role_change` policy is on, a new account's roles are
 * a role change like any other: the user is created inactive (unable to sign in) and activated when an
 * approver says yes, so that one administrator cannot make a second account to approve their own requests.
 */
export async function createStaffUser(
  db: Database,
  actor: RequestActor,
  input: NewUser,
): Promise<{ user: typeof staffUsers.$inferSelect; approvalId: string | null }> {
  const policy = await getApprovalPolicy(db, 'role_change');
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, actor.audit, { ...input, isActive: !policy.isEnabled });
    if (!policy.isEnabled) return { user, approvalId: null };
    const held = await requestApproval(tx, actor, {
      kind: 'role_change',
      policy,
      reason: `新账号 New account: ${user.email}`,
      details: {
        userId: user.id,
        userName: user.displayName,
        rolesBefore: [],
        rolesAfter: user.roles,
        isNewUser: true,
      },
    });
    return { user, approvalId: held.id };
  });
}

/** A staff user's id and team, for validating owner references. */
export async function findStaffMember(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: staffUsers.id, team: staffUsers.team })
    .from(staffUsers)
    .where(eq(staffUsers.id, id));
  return row ?? null;
}

/** Display names of staff users by id, for "who did it" in answers (ids not found are left out). */
export async function findStaffNames(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, wanted));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** Staff users by id with what assignment needs: roles and whether they still work here. */
export async function findStaffMembers(db: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: staffUsers.id, roles: staffUsers.roles, isActive: staffUsers.isActive })
    .from(staffUsers)
    .where(inArray(staffUsers.id, ids));
}

/**
 * Sets a staff user's roles (audited). With `expectedRoles`, refuses when the roles changed since they
 * were read (an approved request applies only to the roles it was asked about).
 */
export async function applyUserRoles(
  db: Queryable,
  audit: AuditContext,
  input: {
    userId: string;
    roles: TStaffRole[];
    expectedRoles?: TStaffRole[];
    /** An account created while role changes need approval, activated with its roles. */
    isNewUser?: boolean;
    details?: Record<string, unknown>;
  },
) {
  // NO KEY UPDATE: the roles are no key, so inserts that reference the user are not blocked meanwhile.
  const [current] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.id, input.userId))
    .for('no key update');
  if (!current) throw new DomainError('not_found', 'No such staff user.');
  if (input.expectedRoles && [...current.roles].sort().join() !== [...input.expectedRoles].sort().join())
    throw new DomainError('conflict', "The user's roles changed since the request; ask again.");
  const [row] = await db
    .update(staffUsers)
    .set({ roles: input.roles, ...(input.isNewUser ? { isActive: true } : {}) })
    .where(eq(staffUsers.id, input.userId))
    .returning();
  if (!row) throw new DomainError('not_found', 'No such staff user.');
  await appendAuditEntry(db, audit, {
    action: 'user.roles_update',
    resourceType: 'staff_user',
    resourceId: row.id,
    changes: diffSnapshots(
      { roles: current.roles, isActive: current.isActive },
      { roles: row.roles, isActive: row.isActive },
    ),
    details: input.details,
  });
  return row;
}

/** A role change, at once or held for approval by the `role_change` policy. */
export async function updateUserRoles(
  db: Database,
  actor: RequestActor,
  input: { userId: string; roles: TStaffRole[]; reason: string },
): Promise<{ user: typeof staffUsers.$inferSelect } | { approvalId: string }> {
  if (input.userId === actor.viewer.userId)
    throw new DomainError('forbidden', 'No one changes their own roles.');
  const policy = await getApprovalPolicy(db, 'role_change');
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, input.userId));
    if (!user) throw new DomainError('not_found', 'No such staff user.');
    if (!user.isActive)
      throw new DomainError(
        'conflict',
        'This account is inactive (waiting for approval); its roles cannot change.',
      );
    if (!policy.isEnabled)
      return { user: await applyUserRoles(tx, actor.audit, { ...input, details: { reason: input.reason } }) };
    const held = await requestApproval(tx, actor, {
      kind: 'role_change',
      policy,
      reason: input.reason,
      details: {
        userId: user.id,
        userName: user.displayName,
        rolesBefore: user.roles,
        rolesAfter: input.roles,
      },
    });
    return { approvalId: held.id };
  });
}

/** Deletes an account created for approval that was never approved (inactive, so never signed in). */
export async function discardUnapprovedUser(db: Queryable, userId: string) {
  await db.delete(staffUsers).where(and(eq(staffUsers.id, userId), eq(staffUsers.isActive, false)));
}
