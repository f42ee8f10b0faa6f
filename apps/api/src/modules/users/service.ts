import type { TStaffRole } from '@cims/schemas';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { staffUsers } from '../../db/schema';
import { DomainError } from '../../http/errors';
import { type AuditContext, appendAuditEntry } from '../audit/service';
import { hashPassword } from '../auth/service';

export async function listUsers(db: Database) {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.displayName));
}

export async function createUser(
  db: Database,
  audit: AuditContext,
  input: { email: string; displayName: string; password: string; roles: TStaffRole[]; team?: string | null },
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName.trim(),
        passwordHash,
        roles: input.roles,
        team: input.team?.trim() || null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new DomainError('conflict', 'A staff user with this email exists already.');
    await appendAuditEntry(tx, audit, {
      action: 'user.create',
      resourceType: 'staff_user',
      resourceId: row.id,
      changes: { email: { before: null, after: row.email }, roles: { before: null, after: row.roles } },
    });
    return row;
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
