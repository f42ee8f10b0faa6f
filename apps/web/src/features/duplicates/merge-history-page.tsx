import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { DuplicatesHeader } from './duplicates-header';
import { type TMerge, useMerges, useUndoMerge } from './queries';
import { UndoMergeButton } from './undo-merge-button';

function MergeRow({ merge }: { merge: TMerge }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const undo = useUndoMerge();
  return (
    <tr>
      <th scope="row" data-label={t('duplicates.sides.survivor')}>
        <Link to={`/customers/${merge.survivor.id}`} className="customer-link">
          {merge.survivor.displayName}
        </Link>
      </th>
      <td data-label={t('duplicates.sides.merged')}>
        <Link to={`/customers/${merge.merged.id}`}>{merge.merged.displayName}</Link>
      </td>
      <td data-label={t('duplicates.mergedBy')}>
        <span className="cell-lines">
          {merge.isAutomatic ? (
            <span className="badge badge--muted">{t('duplicates.automatic')}</span>
          ) : (
            <span>{merge.mergedBy?.displayName ?? '—'}</span>
          )}
          <span className="muted nowrap">{format.dateTime(merge.mergedAt)}</span>
        </span>
      </td>
      <td data-label={t('duplicates.undoColumn')}>
        {merge.undoneAt ? (
          <span className="muted">
            {t('duplicates.undoneBy', {
              name: merge.undoneBy?.displayName ?? '—',
              time: format.dateTime(merge.undoneAt),
            })}
          </span>
        ) : (
          <UndoMergeButton
            merge={merge}
            undo={undo}
            label={t('duplicates.undoNamed', {
              merged: merge.merged.displayName,
              survivor: merge.survivor.displayName,
            })}
          />
        )}
      </td>
    </tr>
  );
}

export function MergeHistoryPage() {
  const { t } = useTranslation();
  const merges = useMerges();
  return (
    <div className="stack">
      <DuplicatesHeader />
      {merges.isError && (
        <div className="banner banner--error" role="alert">
          {t('duplicates.mergesLoadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void merges.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {merges.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : merges.data?.length === 0 ? (
        <div className="empty-state">
          <p>{t('duplicates.noMerges')}</p>
        </div>
      ) : (
        merges.data && (
          <div className="card card--flush">
            <table className="data-table">
              <caption className="visually-hidden">{t('duplicates.mergesTab')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('duplicates.sides.survivor')}</th>
                  <th scope="col">{t('duplicates.sides.merged')}</th>
                  <th scope="col">{t('duplicates.mergedBy')}</th>
                  <th scope="col">{t('duplicates.undoColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {merges.data.map((merge) => (
                  <MergeRow key={merge.id} merge={merge} />
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </div>
  );
}
