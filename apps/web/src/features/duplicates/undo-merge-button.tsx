import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import type { TMerge, useUndoMerge } from './queries';

/** The undo button of a merge and, when undo fails, why (409: the survivor has changed since). */
export function UndoMergeButton({
  merge,
  undo,
  label,
}: {
  merge: TMerge;
  undo: ReturnType<typeof useUndoMerge>;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={undo.isPending}
        aria-label={label}
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
    </>
  );
}
