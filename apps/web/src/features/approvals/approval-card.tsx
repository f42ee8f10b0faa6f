import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../../components/confirm-button';
import { isApiError } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useSession } from '../auth/queries';
import { Term } from '../customers/description-term';
import type { TApprovalRequest } from './approval-outcome';
import { approvalActionsOf, approvalDetailFacts, customerIdOf, statusBadgeClass } from './approval-view';
import { DecisionDialog } from './decision-dialog';
import { useCancelApproval } from './queries';

/** One approval request: what is asked, by whom and why, where it stands, and what the viewer may do. */
export function ApprovalCard({
  request,
  isLinked = true,
}: {
  request: TApprovalRequest;
  isLinked?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const session = useSession();
  const cancel = useCancelApproval();
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const actions = approvalActionsOf(request, session.data?.user.id);
  const customerId = customerIdOf(request);
  const isDecided = request.decidedAt !== null;
  const cancelFailed = cancel.isError
    ? isApiError(cancel.error) && cancel.error.status === 409
      ? t('approvals.decide.settled')
      : t('errors.generic')
    : null;

  return (
    <article className="card stack stack--tight" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 id={headingId} className="card__title">
          {isLinked ? <Link to={`/approvals/${request.id}`}>{request.summary}</Link> : request.summary}
        </h2>
        <div className="button-row">
          <span className="badge badge--primary">{t(`approvals.kinds.${request.kind}`)}</span>
          <span className={`badge ${statusBadgeClass(request.status)}`}>
            {t(`approvals.statuses.${request.status}`)}
          </span>
        </div>
      </div>
      <dl className="description-list">
        <Term label={t('approvals.fields.requestedBy')}>{request.requestedBy.displayName}</Term>
        <Term label={t('approvals.fields.approverRole')}>{t(`enums.staffRole.${request.approverRole}`)}</Term>
        <Term label={t('approvals.fields.reason')}>{request.reason}</Term>
        {customerId && (
          <Term label={t('approvals.fields.customer')}>
            <Link to={`/customers/${customerId}`}>{t('approvals.fields.openCustomer')}</Link>
          </Term>
        )}
        {approvalDetailFacts(t, request).map((fact) => (
          <Term key={fact.key} label={fact.label}>
            {fact.value}
          </Term>
        ))}
        <Term label={t('approvals.fields.requestedAt')}>
          <time dateTime={request.requestedAt}>{format.dateTime(request.requestedAt)}</time>
        </Term>
        <Term
          label={t(
            request.kind === 'reveal' && request.status === 'approved'
              ? 'approvals.fields.usableUntil'
              : 'approvals.fields.expiresAt',
          )}
        >
          <time dateTime={request.expiresAt}>{format.dateTime(request.expiresAt)}</time>
        </Term>
        {isDecided && (
          <>
            <Term label={t('approvals.fields.decidedBy')}>{request.decidedBy?.displayName}</Term>
            <Term label={t('approvals.fields.decidedAt')}>
              {request.decidedAt && (
                <time dateTime={request.decidedAt}>{format.dateTime(request.decidedAt)}</time>
              )}
            </Term>
            <Term label={t('approvals.fields.decisionComment')}>{request.decisionComment || null}</Term>
          </>
        )}
        {request.kind === 'reveal' && request.status === 'approved' && (
          <Term label={t('approvals.fields.usedAt')}>
            {request.usedAt ? (
              <time dateTime={request.usedAt}>{format.dateTime(request.usedAt)}</time>
            ) : (
              t('approvals.fields.notUsed')
            )}
          </Term>
        )}
      </dl>
      {(actions.canDecide || actions.canCancel || actions.followUpPath) && (
        <div className="button-row">
          {actions.canDecide && (
            <>
              <button type="button" className="button button--primary" onClick={() => setDecision('approve')}>
                {t('approvals.decide.approve')}
              </button>
              <button
                type="button"
                className="button button--danger-ghost"
                onClick={() => setDecision('reject')}
              >
                {t('approvals.decide.reject')}
              </button>
            </>
          )}
          {actions.canCancel && (
            <ConfirmButton
              label={t('approvals.cancel.button')}
              question={t('approvals.cancel.question')}
              confirmLabel={t('approvals.cancel.confirm')}
              isPending={cancel.isPending}
              onConfirm={() => cancel.mutate(request.id)}
            />
          )}
          {actions.followUpPath && (
            <Link to={actions.followUpPath} className="button">
              {t(request.kind === 'export' ? 'approvals.followUp.export' : 'approvals.followUp.reveal')}
            </Link>
          )}
        </div>
      )}
      {cancelFailed && (
        <p className="field__error" role="alert">
          {cancelFailed}
        </p>
      )}
      {decision && <DecisionDialog request={request} decision={decision} onClose={() => setDecision(null)} />}
    </article>
  );
}
