import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { SelectFilter } from '../../components/filter-panel';
import { RecordLoadError } from '../../components/record-load-error';
import { useSession } from '../auth/queries';
import { hasAnyRole } from '../auth/roles';
import { ApprovalCard } from './approval-card';
import { APPROVAL_ALL_VIEW_ROLES, APPROVAL_POLICY_READ_ROLES } from './approval-roles';
import { APPROVAL_STATUSES, APPROVAL_VIEWS } from './approval-view';
import { type TApprovalStatus, type TApprovalView, useApproval, useApprovals } from './queries';

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/** The approvals area's title and its views: the three request lists and, for some roles, the policies. */
export function ApprovalsHeader({ current }: { current: TApprovalView | 'policies' }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const views = APPROVAL_VIEWS.filter((view) => view !== 'all' || hasAnyRole(user, APPROVAL_ALL_VIEW_ROLES));
  const tabClass = (tab: string) => `tabs__link${tab === current ? ' active' : ''}`;
  return (
    <>
      <div className="page-header">
        <h1>{t('approvals.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('approvals.views.label')}>
        {views.map((view) => (
          <Link
            key={view}
            to={view === 'to_decide' ? '/approvals' : `/approvals?view=${view}`}
            className={tabClass(view)}
            aria-current={view === current ? 'page' : undefined}
          >
            {t(`approvals.views.${view}`)}
          </Link>
        ))}
        {hasAnyRole(user, APPROVAL_POLICY_READ_ROLES) && (
          <Link
            to="/approvals/policies"
            className={tabClass('policies')}
            aria-current={current === 'policies' ? 'page' : undefined}
          >
            {t('approvals.views.policies')}
          </Link>
        )}
      </nav>
    </>
  );
}

/**
 * 审批: 待我审批 (pending requests the viewer may decide), 我的申请 and, for the roles that oversee
 * approvals, 全部. The view and the status filter live in the address, so a link can point at one.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const statusId = useId();
  const user = useSession().data?.user;
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedView = searchParams.get('view');
  const view: TApprovalView =
    isOneOf(APPROVAL_VIEWS, requestedView) &&
    (requestedView !== 'all' || hasAnyRole(user, APPROVAL_ALL_VIEW_ROLES))
      ? requestedView
      : 'to_decide';
  const requestedStatus = searchParams.get('status');
  // 待我审批 lists pending requests only, so a status filter would have nothing to choose from.
  const status: TApprovalStatus | undefined =
    view !== 'to_decide' && isOneOf(APPROVAL_STATUSES, requestedStatus) ? requestedStatus : undefined;
  const approvals = useApprovals(view, status);

  const setStatus = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set('status', value);
    else next.delete('status');
    setSearchParams(next, { replace: true });
  };

  return (
    <div className="stack">
      <ApprovalsHeader current={view} />
      <p className="muted page-intro">{t(`approvals.intro.${view}`)}</p>
      {view !== 'to_decide' && (
        <div className="filters__fields">
          <SelectFilter
            id={statusId}
            label={t('approvals.fields.status')}
            value={status}
            options={APPROVAL_STATUSES.map((value) => ({ value, label: t(`approvals.statuses.${value}`) }))}
            onChange={setStatus}
          />
        </div>
      )}
      {approvals.isError && (
        <div className="banner banner--error" role="alert">
          {t('approvals.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void approvals.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {approvals.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {approvals.isSuccess && approvals.data.length === 0 && (
        <div className="empty-state">
          <p>{t(`approvals.empty.${view}`)}</p>
        </div>
      )}
      {approvals.isSuccess && approvals.data.length > 0 && (
        <section className="stack" aria-label={t(`approvals.views.${view}`)}>
          {approvals.data.map((request) => (
            <ApprovalCard key={request.id} request={request} />
          ))}
        </section>
      )}
    </div>
  );
}

/** One request, where a held write's notice links to. */
export function ApprovalPage() {
  const { t } = useTranslation();
  const { approvalId = '' } = useParams();
  const approval = useApproval(approvalId);
  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/approvals?view=mine">{t('approvals.title')}</Link>
      </nav>
      {approval.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {approval.isError && (
        <RecordLoadError
          error={approval.error}
          notFound={t('approvals.notFound')}
          loadFailed={t('approvals.loadFailed')}
          backTo="/approvals"
          backLabel={t('approvals.back')}
        />
      )}
      {approval.isSuccess && (
        <>
          <h1 className="visually-hidden">{approval.data.summary}</h1>
          <ApprovalCard request={approval.data} isLinked={false} />
        </>
      )}
    </div>
  );
}
