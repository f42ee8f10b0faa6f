import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useSession } from '../auth/queries';
import { hasAnyRole, WORK_ORDER_STATS_ROLES } from '../auth/roles';

/** The work-order area's title and its views: the work orders and, for the roles allowed, statistics. */
export function WorkOrdersHeader() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <div className="page-header">
        <h1>{t('workOrders.title')}</h1>
      </div>
      {hasAnyRole(session.data?.user, WORK_ORDER_STATS_ROLES) && (
        <nav className="tabs" aria-label={t('workOrders.views')}>
          <NavLink to="/work-orders" end className="tabs__link">
            {t('workOrders.listTab')}
          </NavLink>
          <NavLink to="/work-orders/stats" className="tabs__link">
            {t('workOrders.statsTab')}
          </NavLink>
        </nav>
      )}
    </>
  );
}
