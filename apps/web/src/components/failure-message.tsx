import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';
import { failureMessageKey } from '../lib/failure-message';

/** Why the last call failed, under a dialog's or a form's fields; nothing while there is no failure. */
export function FailureMessage({
  error,
  keysByStatus,
  detailStatuses = [],
}: {
  error: unknown;
  /** The caller's words for the statuses it expects, e.g. `{ 409: 'erasure.conflict' }`. */
  keysByStatus?: Partial<Record<number, string>>;
  /** Statuses whose server detail says more than the caller's words can (which of several conflicts). */
  detailStatuses?: number[];
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const detail =
    isApiError(error) && detailStatuses.includes(error.status) ? error.problem.detail : undefined;
  return (
    <p className="field__error" role="alert">
      {t(failureMessageKey(error, keysByStatus))}
      {detail && ` (${detail})`}
    </p>
  );
}
