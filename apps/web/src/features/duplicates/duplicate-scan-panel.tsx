import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/format';
import { isScanActive, useDuplicateScan, useStartDuplicateScan } from './queries';

/** Admins scan the whole customer base; the latest scan's progress and outcome show beside the button. */
export function DuplicateScanPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const scan = useDuplicateScan();
  const startScan = useStartDuplicateScan();
  const latest = scan.data ?? null;
  const isRunning = isScanActive(latest);

  return (
    <section className="card scan-panel" aria-labelledby="scan-panel-heading">
      <div>
        <h2 id="scan-panel-heading" className="card__title">
          {t('duplicates.scan.title')}
        </h2>
        <p className="muted" role="status">
          {!latest
            ? scan.isPending
              ? t('common.loading')
              : t('duplicates.scan.never')
            : t(`duplicates.scan.status.${latest.status}`, {
                customers: latest.customers,
                pairs: latest.candidatePairs,
                merged: latest.autoMerged,
                time: latest.finishedAt ? format.dateTime(latest.finishedAt) : '',
                reason: latest.failureReason ?? '',
              })}
        </p>
      </div>
      <button
        type="button"
        className="button"
        disabled={isRunning || startScan.isPending}
        onClick={() => startScan.mutate()}
      >
        {t('duplicates.scan.start')}
      </button>
      {startScan.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
    </section>
  );
}
