import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { ImportErrorsCard } from './import-errors-card';
import { ImportMappingForm } from './import-mapping-form';
import { ImportRunCard } from './import-run-card';
import { canConfigureImport, isImportActive } from './import-settings';
import { ImportStatusBadge } from './import-status-badge';
import { useImport } from './queries';

/** One uploaded file: map its columns, try it, import it, follow the run and fix the refused rows. */
export function ImportDetailPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { importId = '' } = useParams();
  const query = useImport(importId);

  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    const isMissing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <section className="empty-state">
        <h1>{isMissing ? t('imports.notFound') : t('imports.loadFailed')}</h1>
        <Link to="/imports" className="button">
          {t('imports.backToList')}
        </Link>
      </section>
    );
  }

  const job = query.data;
  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/imports">{t('imports.title')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{job.fileName}</span>
      </nav>
      <header className="stack stack--tight">
        <div className="page-title">
          <h1 className="break-anywhere">{job.fileName}</h1>
          <ImportStatusBadge status={job.status} />
        </div>
        <p className="muted">
          {t('imports.fileFacts', {
            format: job.fileFormat.toUpperCase(),
            size: format.fileSize(job.fileSize),
            user: job.createdBy?.displayName ?? '—',
            time: format.dateTime(job.createdAt),
          })}
        </p>
      </header>
      {job.mode && <ImportRunCard job={job} />}
      {job.mode && !isImportActive(job.status) && <ImportErrorsCard job={job} />}
      {canConfigureImport(job) && <ImportMappingForm key={job.id} job={job} />}
    </div>
  );
}
