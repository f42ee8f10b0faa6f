import type { components } from '@cims/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryTable } from '../../components/query-table';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { useTriggers } from './queries';
import { describeFiring } from './trigger-values';

type TTriggerRun = components['schemas']['TriggerRun'];

/** A run's counts in one line: customers, and actions done (or, dry, that would be done), skipped, failed. */
export function TriggerRunCounts({ run }: { run: TTriggerRun }) {
  const { t } = useTranslation();
  return (
    <span>
      {t(run.isDryRun ? 'triggers.runs.dryCounts' : 'triggers.runs.counts', {
        customers: run.customers,
        done: run.actionsDone,
        skipped: run.actionsSkipped,
        failed: run.actionsFailed,
      })}
      {run.isDryRun && <span className="badge badge--muted badge--inline">{t('triggers.runs.dry')}</span>}
      {run.isCapped && (
        <span className="badge badge--warning badge--inline">{t('triggers.runs.capped')}</span>
      )}
    </span>
  );
}

export function TriggerEnabledBadge({ isEnabled }: { isEnabled: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${isEnabled ? 'badge--success' : 'badge--muted'}`}>
      {t(isEnabled ? 'triggers.enabled' : 'triggers.disabled')}
    </span>
  );
}

export function TriggersPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const triggers = useTriggers();
  const canCreate = useCanCall('createTrigger');

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('triggers.title')}</h1>
        {canCreate && (
          <Link to="/triggers/new" className="button button--primary">
            {t('triggers.new')}
          </Link>
        )}
      </div>
      <p className="page-intro muted">{t('triggers.intro')}</p>
      <QueryTable
        query={triggers}
        loadFailed={t('triggers.loadFailed')}
        empty={t('triggers.empty')}
        caption={t('triggers.title')}
        columns={[
          t('triggers.name'),
          t('triggers.segment'),
          t('triggers.firesOn'),
          t('triggers.status'),
          t('triggers.lastRun'),
        ]}
      >
        {(items) =>
          items.map((trigger) => (
            <tr key={trigger.id}>
              <th scope="row" data-label={t('triggers.name')}>
                <Link to={`/triggers/${trigger.id}`} className="customer-link">
                  {trigger.name}
                </Link>
              </th>
              <td data-label={t('triggers.segment')}>
                <Link to={`/segments/${trigger.segment.id}`}>{trigger.segment.name}</Link>
              </td>
              <td data-label={t('triggers.firesOn')}>{describeFiring(t, trigger)}</td>
              <td data-label={t('triggers.status')}>
                <TriggerEnabledBadge isEnabled={trigger.isEnabled} />
              </td>
              <td data-label={t('triggers.lastRun')}>
                {trigger.lastRun ? (
                  <span className="stack stack--tight">
                    <time dateTime={trigger.lastRun.startedAt} className="nowrap">
                      {format.dateTime(trigger.lastRun.startedAt)}
                    </time>
                    <TriggerRunCounts run={trigger.lastRun} />
                  </span>
                ) : (
                  t('triggers.neverRun')
                )}
              </td>
            </tr>
          ))
        }
      </QueryTable>
    </div>
  );
}
