import { useTranslation } from 'react-i18next';
import { CustomerTable } from '../customers/customer-table';
import type { useSegmentPreview } from './queries';
import type { TSegmentRule } from './rule-tree';

/**
 * Who the rule being edited selects now: the count and the first customers, masked as the server
 * masks them for this viewer. A rule the server refuses shows its errors in the builder instead.
 */
export function SegmentPreview({
  preview,
  rule,
}: {
  preview: ReturnType<typeof useSegmentPreview>;
  rule: TSegmentRule | null;
}) {
  const { t } = useTranslation();
  const isRefused = preview.error && 'status' in preview.error && preview.error.status === 422;
  return (
    <section className="card stack" aria-labelledby="segment-preview-title" aria-live="polite">
      <div className="page-header">
        <h2 id="segment-preview-title" className="card__title">
          {t('segments.preview.title')}
        </h2>
        {preview.isFetching && <span className="muted">{t('segments.preview.updating')}</span>}
      </div>
      {rule === null ? (
        <p className="muted">{t('segments.preview.empty')}</p>
      ) : preview.isError ? (
        <p className={isRefused ? 'muted' : 'field__error'} role="status">
          {isRefused ? t('segments.preview.incomplete') : t('segments.preview.failed')}
        </p>
      ) : preview.data ? (
        <>
          <p className="segment-preview__count" role="status">
            {t('segments.preview.count', { count: preview.data.count })}
          </p>
          {preview.data.sample.length === 0 ? (
            <p className="muted">{t('segments.preview.none')}</p>
          ) : (
            <CustomerTable
              customers={preview.data.sample}
              caption={t('segments.preview.sample', { count: preview.data.sample.length })}
            />
          )}
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
