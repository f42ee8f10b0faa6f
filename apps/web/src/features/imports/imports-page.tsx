import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { ImportStatusBadge } from './import-status-badge';
import { ImportUpload } from './import-upload';
import { type TImportJob, useImports } from './queries';

function ImportRow({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <tr>
      <th scope="row" data-label={t('imports.history.file')}>
        <Link to={`/imports/${job.id}`} className="customer-link break-anywhere">
          {job.fileName}
        </Link>
      </th>
      <td data-label={t('imports.history.status')}>
        <span>
          <ImportStatusBadge status={job.status} />
          {job.mode && <span className="muted"> {t(`enums.importMode.${job.mode}`)}</span>}
        </span>
      </td>
      <td data-label={t('imports.history.rows')} className="nowrap">
        {job.totalRows === null
          ? '—'
          : t('imports.history.rowsDone', {
              processed: format.number(job.processedRows),
              total: format.number(job.totalRows),
            })}
      </td>
      <td data-label={t('imports.history.outcome')}>
        {job.mode
          ? t(
              job.partialCount > 0
                ? 'imports.history.outcomeCountsWithPartial'
                : 'imports.history.outcomeCounts',
              {
                created: format.number(job.createdCount),
                updated: format.number(job.updatedCount),
                errors: format.number(job.errorCount),
                partial: format.number(job.partialCount),
              },
            )
          : '—'}
      </td>
      <td data-label={t('imports.history.uploadedBy')}>{job.createdBy?.displayName ?? '—'}</td>
      <td data-label={t('imports.history.uploadedAt')} className="nowrap">
        {format.dateTime(job.createdAt)}
      </td>
    </tr>
  );
}

export function ImportsPage() {
  const { t } = useTranslation();
  const imports = useImports();
  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('imports.title')}</h1>
      </div>
      <ImportUpload />
      <section className="stack stack--tight" aria-labelledby="import-history-heading">
        <h2 id="import-history-heading">{t('imports.history.title')}</h2>
        {imports.isError && (
          <div className="banner banner--error" role="alert">
            {t('imports.loadFailed')}{' '}
            <button type="button" className="button button--small" onClick={() => void imports.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {imports.isPending ? (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        ) : imports.data?.length === 0 ? (
          <div className="empty-state">
            <p>{t('imports.history.empty')}</p>
          </div>
        ) : (
          imports.data && (
            <div className="card card--flush">
              <table className="data-table">
                <caption className="visually-hidden">{t('imports.history.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.history.file')}</th>
                    <th scope="col">{t('imports.history.status')}</th>
                    <th scope="col">{t('imports.history.rows')}</th>
                    <th scope="col">{t('imports.history.outcome')}</th>
                    <th scope="col">{t('imports.history.uploadedBy')}</th>
                    <th scope="col">{t('imports.history.uploadedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {imports.data.map((job) => (
                    <ImportRow key={job.id} job={job} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        )}
      </section>
    </div>
  );
}
