import { useTranslation } from 'react-i18next';
import { type TMerge, useUndoMerge } from './queries';
import { UndoMergeButton } from './undo-merge-button';

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
      <UndoMergeButton merge={merge} undo={undo} />
    </div>
  );
}
