import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from './queries';
import { hasAnyRole, type TStaffRole } from './roles';

/**
 * Shows a page only to the roles that may use it. Someone who follows a bookmarked link without the
 * role gets a plain explanation instead of a page whose every request fails with 403.
 */
export function RequireRoles({ roles, children }: { roles: readonly TStaffRole[]; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (hasAnyRole(session.data?.user, roles)) return children;
  return (
    <section className="empty-state">
      <h1>{t('forbiddenPage.title')}</h1>
      <p>{t('forbiddenPage.body')}</p>
      <Link to="/" className="button button--primary">
        {t('notFound.back')}
      </Link>
    </section>
  );
}
