import type { User } from '@cims/api-client';
import type { TFunction } from 'i18next';

/** A staff user as pickers list them: the name, and the sales team where there is one. */
export function userOptionLabel(t: TFunction, user: Pick<User, 'displayName' | 'team'>): string {
  return user.team ? t('users.withTeam', { name: user.displayName, team: user.team }) : user.displayName;
}
