import type { User } from '@cims/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryTable } from '../../components/query-table';
import { AccessTabs } from '../access/access-tabs';
import { ApprovalHeldNotice } from '../approvals/approval-held-notice';
import type { THeldOr } from '../approvals/approval-outcome';
import { useSession } from '../auth/queries';
import { useCanCall } from '../auth/roles';
import { useUsers } from './queries';
import { canChangeRolesOf } from './user-roles';
import { UserRolesDialog } from './user-roles-dialog';

/**
 * 员工与角色: who holds which roles. The administrator changes a user's roles here (never their own);
 * with the role_change approval policy on, the change waits for an approver and the page says so.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const viewerId = useSession().data?.user.id;
  const canChangeRoles = useCanCall('updateUserRoles');
  const [editing, setEditing] = useState<User | null>(null);
  const [outcome, setOutcome] = useState<{ user: User; result: THeldOr<User> } | null>(null);
  const columns = [
    t('users.list.name'),
    t('users.list.email'),
    t('users.list.team'),
    t('users.list.roles'),
    t('users.list.status'),
    ...(canChangeRoles ? [t('users.list.actions')] : []),
  ];

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('users.list.title')}</h1>
      </div>
      <AccessTabs />
      <p className="muted page-intro">{canChangeRoles ? t('users.list.intro') : t('users.list.readOnly')}</p>
      {outcome?.result.isHeld && <ApprovalHeldNotice approval={outcome.result.approval} />}
      {outcome && !outcome.result.isHeld && (
        <div className="banner banner--success" role="status">
          {t('users.roles.saved', { name: outcome.user.displayName })}
        </div>
      )}
      <QueryTable
        query={users}
        loadFailed={t('users.list.loadFailed')}
        empty={t('users.list.empty')}
        caption={t('users.list.title')}
        columns={columns}
      >
        {(items) =>
          items.map((user) => (
            <tr key={user.id}>
              <th scope="row" data-label={columns[0]}>
                {user.displayName}
              </th>
              <td data-label={columns[1]}>{user.email}</td>
              <td data-label={columns[2]}>{user.team ?? '—'}</td>
              <td data-label={columns[3]}>
                {user.roles.map((role) => t(`enums.staffRole.${role}`)).join(t('common.listSeparator'))}
              </td>
              <td data-label={columns[4]}>
                {user.isActive ? t('users.list.active') : t('users.list.inactive')}
              </td>
              {canChangeRoles && (
                <td>
                  {canChangeRolesOf(user, viewerId) ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('users.roles.openNamed', { name: user.displayName })}
                      onClick={() => {
                        setOutcome(null);
                        setEditing(user);
                      }}
                    >
                      {t('users.roles.open')}
                    </button>
                  ) : (
                    <span className="muted">{t('users.roles.notOwn')}</span>
                  )}
                </td>
              )}
            </tr>
          ))
        }
      </QueryTable>
      {editing && (
        <UserRolesDialog
          user={editing}
          onClose={(result) => {
            if (result) setOutcome({ user: editing, result });
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
