import { operationRoles, type User } from '@cims/api-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useDismiss } from '../../lib/use-dismiss';
import { useSignOut } from '../auth/queries';
import { hasAnyRole } from '../auth/roles';

function initialsOf(name: string): string {
  return name.trim().slice(0, 1).toUpperCase() || '?';
}

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const rootRef = useDismiss<HTMLDivElement>(isOpen, setIsOpen);

  const onSignOut = () => {
    signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        type="button"
        className="user-menu__trigger"
        aria-expanded={isOpen}
        aria-controls={menuId}
        aria-label={t('shell.userMenu', { name: user.displayName })}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(user.displayName)}
        </span>
        <span className="user-menu__name">{user.displayName}</span>
      </button>
      <div id={menuId} className="user-menu__panel" hidden={!isOpen}>
        <p className="user-menu__identity">
          <strong>{user.displayName}</strong>
          <span className="user-menu__email">{user.email}</span>
          <span className="user-menu__roles">
            {user.roles.map((role) => t(`enums.staffRole.${role}`)).join(' · ')}
            {user.team && ` · ${user.team}`}
          </span>
        </p>
        {hasAnyRole(user, operationRoles.listExports) && (
          <Link to="/exports" className="button button--block button--ghost" onClick={() => setIsOpen(false)}>
            {t('exports.navLink')}
          </Link>
        )}
        <button
          type="button"
          className="button button--block"
          onClick={onSignOut}
          disabled={signOut.isPending}
        >
          {t('auth.signOut')}
        </button>
      </div>
    </div>
  );
}
