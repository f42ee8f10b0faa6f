import type { User } from '@cims/api-client';
import { STAFF_ROLES } from '../access/access-options';
import type { TStaffRole } from '../auth/roles';

// UserRolesUpdate.yaml.
export const ROLE_REASON = { min: 2, max: 200 } as const;

export type TRolesProblem = 'noRoles' | 'unchanged' | null;

/** The chosen roles in the contract's order, once each, so that two choices compare as lists. */
export function orderedRoles(roles: readonly TStaffRole[]): TStaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}

/** A staff user needs a role, and a change that changes nothing would only fill the audit log. */
export function rolesProblemOf(before: readonly TStaffRole[], after: readonly TStaffRole[]): TRolesProblem {
  const next = orderedRoles(after);
  if (next.length === 0) return 'noRoles';
  return next.join() === orderedRoles(before).join() ? 'unchanged' : null;
}

/** No one changes their own roles (the API refuses with 403), so the action is not offered for oneself. */
export function canChangeRolesOf(user: Pick<User, 'id'>, viewerId: string | undefined): boolean {
  return viewerId !== undefined && user.id !== viewerId;
}
