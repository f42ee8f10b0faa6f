import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { type TMerge, useUndoMerge } from './queries';

/** Shown right after a merge: what was merged into what, and a way back while it is still fresh. */
export function MergeUndoNotice({ merge }: { merge: TMerge }) {
  const { t } = useTranslation();
  const undo = useUndoMerge();
  if (undo.isSuccess) {
    return (
      <div className="banner banner--success" role="status">
        {t('duplicates.undone', { merged: merge.merged.displayName, survivor: merge.survivor.displayName })}
      </div>
    );
  }
  return (
    <div className="banner banner--success notice" role="status">
      <p>
        {t('duplicates.merged', { merged: merge.merged.displayName, survivor: merge.survivor.displayName })}
      </p>
      <button
        type="button"
        className="button button--small"
        disabled={undo.isPending}
        onClick={() => undo.mutate(merge.id)}
      >
        {t('duplicates.undo')}
      </button>
      {undo.isError && (
        <p className="field__error" role="alert">
          {isApiError(undo.error) && undo.error.status === 409
            ? t('duplicates.undoConflict')
            : t('errors.generic')}
        </p>
      )}
    </div>
  );
}
