import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { usePendingApprovalCount } from './queries';

/** 审批 in the main navigation, with the number of requests waiting for the viewer's decision. */
export function ApprovalsNavLink() {
  const { t } = useTranslation();
  const count = usePendingApprovalCount();
  const toDecide = count.data?.toDecide ?? 0;
  return (
    <NavLink to="/approvals" className="topbar__link">
      {t('nav.approvals')}
      {toDecide > 0 && (
        <>
          <span className="badge badge--danger badge--inline" aria-hidden="true">
            {toDecide > 99 ? '99+' : toDecide}
          </span>
          <span className="visually-hidden">{t('approvals.badge', { count: toDecide })}</span>
        </>
      )}
    </NavLink>
  );
}
