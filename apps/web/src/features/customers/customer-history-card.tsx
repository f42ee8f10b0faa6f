import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { AuditChangeList, AuditDetailList, AuditPayloadErasedNote } from '../audit/audit-entry-facts';
import { auditLogPath } from '../audit/audit-filters';
import { useSession } from '../auth/queries';
import { AUDIT_LOG_ROLES, hasAnyRole } from '../auth/roles';
import { historyActionLabel } from './history-action';
import { useCustomerHistory } from './queries';

// Creation lists every field and deletion only the deletion time; neither says more than its title.
const ACTIONS_WITHOUT_DETAILS = new Set(['customer.create', 'customer.delete', 'customer.restore']);

/** The customer's change history from the audit log, newest first; sensitive values arrive masked. */
export function CustomerHistoryCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useCustomerHistory(customerId);
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  const session = useSession();

  return (
    <section className="card" aria-labelledby="history-card-heading">
      <div className="card__header">
        <h2 id="history-card-heading" className="card__title">
          {t('history.title')}
        </h2>
        {hasAnyRole(session.data?.user, AUDIT_LOG_ROLES) && (
          <Link to={auditLogPath({ customerId })} className="card__header-link">
            {t('history.openAuditLog')}
          </Link>
        )}
      </div>
      {history.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {history.isError && (
        <p className="muted" role="status">
          {t('history.unavailable')}
        </p>
      )}
      {history.isSuccess && entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {entries.length > 0 && (
        <ol className="history">
          {entries.map((entry) => (
            <li key={entry.seq} className="history__entry">
              <p className="history__headline">
                <strong>{historyActionLabel(t, entry.action)}</strong>
                <span className="muted">
                  {entry.actorLabel ?? t(`history.actor.${entry.actorType}`)} ·{' '}
                  <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                </span>
              </p>
              <AuditPayloadErasedNote entry={entry} />
              {!ACTIONS_WITHOUT_DETAILS.has(entry.action) && <AuditChangeList entry={entry} />}
              <AuditDetailList entry={entry} />
            </li>
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button button--small"
            onClick={() => void history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
          >
            {history.isFetchingNextPage ? t('common.loading') : t('history.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
