import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePendingApprovalCount } from './queries';

/**
 * 审批 in the main navigation, with the number of requests waiting for the viewer's decision. The shell
 * says whether it is current, since the approval policies below /approvals belong to another menu.
 */
export function ApprovalsNavLink({ isCurrent }: { isCurrent: boolean }) {
  const { t } = useTranslation();
  const count = usePendingApprovalCount();
  const toDecide = count.data?.toDecide ?? 0;
  return (
    <Link
      to="/approvals"
      className={`topbar__link${isCurrent ? ' active' : ''}`}
      aria-current={isCurrent ? 'page' : undefined}
    >
      {t('nav.approvals')}
      {toDecide > 0 && (
        <>
          <span className="badge badge--danger badge--inline" aria-hidden="true">
            {toDecide > 99 ? '99+' : toDecide}
          </span>
          <span className="visually-hidden">{t('approvals.badge', { count: toDecide })}</span>
        </>
      )}
    </Link>
  );
}
