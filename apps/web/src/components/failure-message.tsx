import { useTranslation } from 'react-i18next';
import { failureMessageKey } from '../lib/failure-message';

/** Why the last call failed, under a dialog's or a form's fields; nothing while there is no failure. */
export function FailureMessage({
  error,
  keysByStatus,
}: {
  error: unknown;
  /** The caller's words for the statuses it expects, e.g. `{ 409: 'erasure.conflict' }`. */
  keysByStatus?: Partial<Record<number, string>>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="field__error" role="alert">
      {t(failureMessageKey(error, keysByStatus))}
    </p>
  );
}
