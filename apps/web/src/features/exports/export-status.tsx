import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/progress-bar';
import { useFormatters } from '../../lib/format';
import { exportPercent, type TExport, type TExportStatus } from './export-request';

const BADGE_CLASS: Record<TExportStatus, string> = {
  awaiting_approval: 'badge--warning',
  queued: 'badge--muted',
  running: 'badge--primary',
  ready: 'badge--success',
  failed: 'badge--danger',
  rejected: 'badge--danger',
  expired: 'badge--muted',
};

export function ExportStatusBadge({ status }: { status: TExportStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${BADGE_CLASS[status]}`}>{t(`exports.status.${status}`)}</span>;
}

/** Rows written of rows counted, as a bar; indeterminate while the count is not known. */
export function ExportProgress({ item }: { item: Pick<TExport, 'rows' | 'rowsDone' | 'status'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = exportPercent(item);
  const text =
    percent === null
      ? t('exports.progress.starting')
      : t('exports.progress.rows', {
          done: format.number(item.rowsDone),
          total: format.number(item.rows),
          percent,
        });
  return (
    <ProgressBar
      label={t('exports.progress.label')}
      text={text}
      percent={percent}
      done={item.rowsDone}
      total={item.rows > 0 ? item.rows : undefined}
    />
  );
}
