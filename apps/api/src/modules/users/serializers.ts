import type { components } from '@cims/api-client';
import type { staffUsers } from '../../db/schema';

type StaffUserRow = Omit<typeof staffUsers.$inferSelect, 'passwordHash'>;

export function toUser(row: StaffUserRow): components['schemas']['User'] {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles as components['schemas']['StaffRole'][],
    team: row.team,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
  };
}
