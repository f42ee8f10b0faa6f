import type { components } from '@cims/api-client';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/confirm-button';
import { Stat } from '../../components/stat';
import { isApiError } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { useDeleteTrigger, useDryRunTrigger, useRunTrigger, useTrigger, useTriggerRuns } from './queries';
import { TriggerLoadError } from './trigger-form';
import { describeAction, describeFiring, runItemDetailText, type TTrigger } from './trigger-values';
import { TriggerEnabledBadge, TriggerRunCounts } from './triggers-page';

type TTriggerRunDetail = components['schemas']['TriggerRunDetail'];

const RESULT_BADGES = {
  done: 'badge--success',
  would_do: 'badge--primary',
  skipped: 'badge--muted',
  failed: 'badge--danger',
} as const;

/** What a run did (or, dry, would do): one row per customer and action, with the reason for a skip. */
function RunDetail({ trigger, detail }: { trigger: TTrigger; detail: TTriggerRunDetail }) {
  const { t } = useTranslation();
  const title = t(detail.run.isDryRun ? 'triggers.dryRunResult' : 'triggers.runResult');
  return (
    <section className="card stack" aria-label={title}>
      <h2 className="card__title">{title}</h2>
      <p role="status">
        <TriggerRunCounts run={detail.run} />
      </p>
      {detail.items.length === 0 ? (
        <p className="muted">{t('triggers.nobody')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('triggers.customer')}</th>
              <th scope="col">{t('triggers.actionColumn')}</th>
              <th scope="col">{t('triggers.result')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.items.map((item) => {
              const action = trigger.actions[item.actionIndex];
              const reason = runItemDetailText(t, item.detail);
              return (
                <tr key={`${item.customer.id}-${item.actionIndex}`}>
                  <th scope="row" data-label={t('triggers.customer')}>
                    <Link to={`/customers/${item.customer.id}`} className="customer-link">
                      {item.customer.displayName}
                    </Link>
                  </th>
                  <td data-label={t('triggers.actionColumn')}>
                    {action ? describeAction(t, action) : t(`triggers.actionTypes.${item.actionType}`)}
                  </td>
                  <td data-label={t('triggers.result')}>
                    <span className={`badge ${RESULT_BADGES[item.result]}`}>
                      {t(`triggers.results.${item.result}`)}
                    </span>
                    {reason && <span className="muted"> {reason}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RunHistory({ trigger }: { trigger: TTrigger }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const runs = useTriggerRuns(trigger.id);
  return (
    <section className="card stack" aria-labelledby="trigger-runs">
      <h2 id="trigger-runs" className="card__title">
        {t('triggers.runs.title')}
      </h2>
      {runs.isPending && <p className="muted">{t('common.loading')}</p>}
      {runs.isError && (
        <div className="banner banner--error" role="alert">
          {t('errors.generic')}{' '}
          <button type="button" className="button button--small" onClick={() => void runs.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {runs.data?.length === 0 && <p className="muted">{t('triggers.neverRun')}</p>}
      {runs.data && runs.data.length > 0 && (
        <ol className="history">
          {runs.data.map((run) => (
            <li key={run.id} className="history__entry">
              <p className="history__headline">
                <strong>
                  <TriggerRunCounts run={run} />
                </strong>
                <span className="muted">
                  {run.startedBy?.displayName ?? t('triggers.runs.scheduler')} ·{' '}
                  <time dateTime={run.startedAt}>{format.dateTime(run.startedAt)}</time>
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TriggerActions({ trigger }: { trigger: TTrigger }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanCall('updateTrigger');
  const canDelete = useCanCall('deleteTrigger');
  const deleteTrigger = useDeleteTrigger();
  return (
    <div className="stack stack--tight">
      <div className="customer-header__actions">
        {canEdit && (
          <Link to={`/triggers/${trigger.id}/edit`} className="button">
            {t('common.edit')}
          </Link>
        )}
        {canDelete && (
          <ConfirmButton
            label={t('triggers.delete')}
            question={t('triggers.confirmDelete')}
            confirmLabel={t('triggers.confirmDeleteButton')}
            isPending={deleteTrigger.isPending}
            onConfirm={() => deleteTrigger.mutate(trigger.id, { onSuccess: () => navigate('/triggers') })}
          />
        )}
      </div>
      {deleteTrigger.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
    </div>
  );
}

/** Dry run and run now, with the answer of the last one pressed below. */
function RunControls({ trigger }: { trigger: TTrigger }) {
  const { t } = useTranslation();
  const canDryRun = useCanCall('dryRunTrigger');
  const canRun = useCanCall('runTrigger');
  const dryRun = useDryRunTrigger();
  const run = useRunTrigger();
  if (!canDryRun && !canRun) return null;
  const isPending = dryRun.isPending || run.isPending;
  // Each button clears the other's answer, so at most one shows.
  const latest = dryRun.data ?? run.data;
  const error = dryRun.error ?? run.error;
  return (
    <>
      <div className="card stack stack--tight">
        <div className="button-row">
          {canDryRun && (
            <button
              type="button"
              className="button"
              disabled={isPending}
              onClick={() => {
                run.reset();
                dryRun.mutate(trigger.id);
              }}
            >
              {dryRun.isPending ? t('triggers.dryRunning') : t('triggers.dryRun')}
            </button>
          )}
          {canRun && (
            <button
              type="button"
              className="button button--primary"
              disabled={isPending}
              onClick={() => {
                dryRun.reset();
                run.mutate(trigger.id);
              }}
            >
              {run.isPending ? t('triggers.running') : t('triggers.runNow')}
            </button>
          )}
        </div>
        <p className="field__hint">{t('triggers.runHint')}</p>
        {error && (
          <p className="field__error" role="alert">
            {isApiError(error) && error.status === 409 ? t('triggers.runConflict') : t('errors.generic')}
          </p>
        )}
      </div>
      {latest && <RunDetail trigger={trigger} detail={latest} />}
    </>
  );
}

export function TriggerPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { triggerId = '' } = useParams();
  const trigger = useTrigger(triggerId);

  if (trigger.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (trigger.isError) return <TriggerLoadError error={trigger.error} />;
  const data = trigger.data;
  return (
    <div className="stack">
      <nav className="breadcrumb">
        <Link to="/triggers">{t('triggers.backToList')}</Link>
      </nav>
      <div className="page-header">
        <h1 className="segment-title">
          {data.name}
          <TriggerEnabledBadge isEnabled={data.isEnabled} />
        </h1>
        <TriggerActions trigger={data} />
      </div>
      <dl className="stat-grid">
        <Stat label={t('triggers.segment')}>
          <Link to={`/segments/${data.segment.id}`}>{data.segment.name}</Link>
        </Stat>
        <Stat label={t('triggers.firesOn')}>{describeFiring(t, data)}</Stat>
        <Stat label={t('triggers.maxCustomersPerRun')}>{format.number(data.maxCustomersPerRun)}</Stat>
      </dl>
      <section className="card" aria-labelledby="trigger-actions">
        <h2 id="trigger-actions" className="card__title">
          {t('triggers.actions')}
        </h2>
        <ol className="rule-text">
          {data.actions.map((action, index) => (
            // Actions have no identity of their own; the list is shown whole, in its saved order.
            <li key={index}>{describeAction(t, action)}</li>
          ))}
        </ol>
      </section>
      <RunControls trigger={data} />
      <RunHistory trigger={data} />
    </div>
  );
}
