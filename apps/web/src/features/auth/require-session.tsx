import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './queries';

/** Renders its children for a signed-in user and sends everyone else to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return (
      <div className="splash" role="status">
        {t('common.loading')}
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="splash">
        <div className="banner banner--error" role="alert">
          {t('errors.network')}
        </div>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!session.data) {
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
