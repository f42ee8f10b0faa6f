import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import type { TApprovalRequest } from './approval-outcome';

/**
 * Said where a write answered 202: nothing happened yet, an approver decides. It names who decides and
 * until when, and links to the request so the requester can follow (or withdraw) it.
 */
export function ApprovalHeldNotice({
  approval,
  isCompact = false,
}: {
  approval: TApprovalRequest;
  /** Inside a small control (the reveal), without the summary. */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="banner banner--warning" role="status">
      <p>
        <strong>{t('approvals.held.title')}</strong>
        {!isCompact && ` ${approval.summary}`}
      </p>
      <p>
        {t('approvals.held.body', {
          role: t(`enums.staffRole.${approval.approverRole}`),
          expiresAt: format.dateTime(approval.expiresAt),
        })}{' '}
        <Link to={`/approvals/${approval.id}`}>{t('approvals.held.link')}</Link>
      </p>
    </div>
  );
}
