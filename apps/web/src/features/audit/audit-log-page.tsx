import type { components } from '@cims/api-client';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { useUsers } from '../users/queries';
import { AuditChainCheck } from './audit-chain-check';
import { AuditChangeList, AuditDetailList, AuditPayloadErasedNote } from './audit-entry-facts';
import { AuditFilterBar } from './audit-filter-bar';
import { auditFilterValuesFromParams, auditQueryOf, paramsFromAuditFilterValues } from './audit-filters';
import { auditActionLabel, resourceTypeLabel } from './audit-format';
import { useAuditEntries } from './queries';

type TAuditEntry = components['schemas']['AuditEntry'];

// Ids are long; eight characters tell entries apart on screen and the full id is one hover or tap away.
function shortId(id: string): string {
  return id.slice(0, 8);
}

function ActorCell({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const users = useUsers();
  const user =
    entry.actorType === 'staff' ? users.data?.find((staff) => staff.id === entry.actorId) : undefined;
  if (user) {
    return (
      <span className="audit-actor">
        <span>{user.displayName}</span>
        <span className="muted">{entry.actorLabel ?? user.email}</span>
      </span>
    );
  }
  const kind = t(`history.actor.${entry.actorType}`);
  if (!entry.actorLabel) return <span className="audit-actor">{kind}</span>;
  return (
    <span className="audit-actor">
      <span>{entry.actorLabel}</span>
      {entry.actorType !== 'staff' && <span className="muted">{kind}</span>}
    </span>
  );
}

function ResourceCell({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const users = useUsers();
  const label = resourceTypeLabel(t, entry.resourceType);
  if (entry.customerId) {
    return (
      <span className="audit-resource">
        <span>{label}</span>
        <Link to={`/customers/${entry.customerId}`} title={entry.customerId} className="audit-resource__id">
          {t('audit.customerLink', { id: shortId(entry.customerId) })}
        </Link>
      </span>
    );
  }
  if (!entry.resourceId) return <span className="audit-resource">{label}</span>;
  const name =
    entry.resourceType === 'access_policy'
      ? t(`enums.staffRole.${entry.resourceId}`, { defaultValue: entry.resourceId })
      : entry.resourceType === 'staff_user'
        ? users.data?.find((user) => user.id === entry.resourceId)?.displayName
        : undefined;
  return (
    <span className="audit-resource">
      <span>{label}</span>
      {name ? (
        <span>{name}</span>
      ) : (
        <code className="audit-resource__id" title={entry.resourceId}>
          {shortId(entry.resourceId)}
        </code>
      )}
    </span>
  );
}

function AuditRow({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <tr>
      <th scope="row" data-label={t('audit.columns.action')}>
        <span className="audit-action">{auditActionLabel(t, entry.action)}</span>
        <span className="muted audit-seq">{t('audit.seq', { seq: entry.seq })}</span>
      </th>
      <td data-label={t('audit.columns.time')} className="nowrap">
        <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
      </td>
      <td data-label={t('audit.columns.actor')}>
        <ActorCell entry={entry} />
      </td>
      <td data-label={t('audit.columns.resource')}>
        <ResourceCell entry={entry} />
      </td>
      <td data-label={t('audit.columns.changes')} className="audit-facts">
        <AuditPayloadErasedNote entry={entry} />
        <AuditChangeList entry={entry} />
        <AuditDetailList entry={entry} />
      </td>
    </tr>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = auditFilterValuesFromParams(searchParams);
  const entries = useAuditEntries(auditQueryOf(filters));
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('audit.title')}</h1>
      </div>
      <AuditChainCheck />
      <AuditFilterBar
        value={filters}
        onChange={(next) => setSearchParams(paramsFromAuditFilterValues(next), { replace: true })}
      />
      {entries.isError && (
        <div className="banner banner--error" role="alert">
          {t('audit.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void entries.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {entries.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : items.length === 0 && !entries.isError ? (
        <div className="empty-state">
          <p>{t('audit.empty')}</p>
        </div>
      ) : (
        <div className="card card--flush">
          <table className="data-table audit-table">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.time')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.resource')}</th>
                <th scope="col">{t('audit.columns.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <AuditRow key={entry.seq} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => void entries.fetchNextPage()}
            disabled={entries.isFetchingNextPage}
          >
            {entries.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
