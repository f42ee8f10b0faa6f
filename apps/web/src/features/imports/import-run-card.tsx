import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../../components/progress-bar';
import { Stat } from '../../components/stat';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { canStorePartially, isImportActive, progressPercent } from './import-settings';
import { type TImportJob, useCancelImport } from './queries';

function ImportProgress({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = progressPercent(job);
  const text =
    job.totalRows === null
      ? t('imports.progress.counting', { processed: format.number(job.processedRows) })
      : t('imports.progress.rows', {
          processed: format.number(job.processedRows),
          total: format.number(job.totalRows),
          percent,
        });
  return (
    <ProgressBar
      label={t('imports.progress.label')}
      text={text}
      percent={percent}
      done={job.processedRows}
      total={job.totalRows ?? undefined}
    />
  );
}

/**
 * What a run did (or, for a dry run, would do); a dry run never updates or merges anything. Rows stored
 * without some values are counted only where skipping invalid values made them possible.
 */
function ImportCounts({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canReviewDuplicates = useCanCall('listDuplicateCandidates');
  const isDryRun = job.mode === 'dry_run';
  const partial: [string, number][] = canStorePartially(job)
    ? [[isDryRun ? 'wouldStorePartially' : 'storedPartially', job.partialCount]]
    : [];
  const counts: [string, number][] = isDryRun
    ? [
        ['wouldCreate', job.createdCount],
        ...partial,
        ['errors', job.errorCount],
        ['flaggedDuplicates', job.flaggedDuplicates],
      ]
    : [
        ['created', job.createdCount],
        ['updated', job.updatedCount],
        ['unchanged', job.unchangedCount],
        ...partial,
        ['errors', job.errorCount],
        ['flaggedDuplicates', job.flaggedDuplicates],
        ['merged', job.mergedCount],
      ];
  return (
    <dl className="stat-grid">
      {counts.map(([name, count]) => (
        <Stat key={name} label={t(`imports.counts.${name}`)} isAlarming={name === 'errors' && count > 0}>
          {name === 'flaggedDuplicates' && count > 0 && !isDryRun && canReviewDuplicates ? (
            <Link to="/duplicates">{format.number(count)}</Link>
          ) : (
            format.number(count)
          )}
        </Stat>
      ))}
    </dl>
  );
}

function runTitleKey(job: TImportJob): string {
  const mode = job.mode === 'dry_run' ? 'dryRun' : 'run';
  return `imports.runTitles.${mode}.${job.status}`;
}

/** The latest run: progress while it goes (polled), then its outcome. */
export function ImportRunCard({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const cancel = useCancelImport();
  const isActive = isImportActive(job.status);
  return (
    <section className="card" aria-labelledby="import-run-heading">
      <div className="card__header">
        <h2 id="import-run-heading" className="card__title">
          {t(runTitleKey(job))}
        </h2>
        {isActive && (
          <button
            type="button"
            className="button button--small button--danger-ghost"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(job.id)}
          >
            {t('imports.cancel')}
          </button>
        )}
      </div>
      <ImportProgress job={job} />
      <ImportCounts job={job} />
      {job.status === 'failed' && job.failureReason && (
        <p className="banner banner--error" role="alert">
          {t('imports.failed', { reason: job.failureReason })}
        </p>
      )}
      {job.status === 'cancelled' && <p className="muted">{t('imports.cancelledNote')}</p>}
      {cancel.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
    </section>
  );
}
