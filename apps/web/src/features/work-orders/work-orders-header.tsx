import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useSession } from '../auth/queries';
import { hasAnyRole, WORK_ORDER_SETTINGS_ROLES, WORK_ORDER_STATS_ROLES } from '../auth/roles';

/**
 * The work-order area's title and its views: the work orders and, for the roles allowed, statistics
 * and the settings.
 */
export function WorkOrdersHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const canSeeStats = hasAnyRole(session.data?.user, WORK_ORDER_STATS_ROLES);
  const canEditSettings = hasAnyRole(session.data?.user, WORK_ORDER_SETTINGS_ROLES);
  return (
    <>
      <div className="page-header">
        <h1>{t('workOrders.title')}</h1>
        {actions}
      </div>
      {(canSeeStats || canEditSettings) && (
        <nav className="tabs" aria-label={t('workOrders.views')}>
          <NavLink to="/work-orders" end className="tabs__link">
            {t('workOrders.listTab')}
          </NavLink>
          {canSeeStats && (
            <NavLink to="/work-orders/stats" className="tabs__link">
              {t('workOrders.statsTab')}
            </NavLink>
          )}
          {canEditSettings && (
            <NavLink to="/work-orders/settings" className="tabs__link">
              {t('workOrders.settingsTab')}
            </NavLink>
          )}
        </nav>
      )}
    </>
  );
}
