import { formatPhoneNational } from '@cims/schemas';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormActions } from '../../components/form-actions';
import { ModalDialog } from '../../components/modal-dialog';
import { formatMatchScore } from '../duplicates/duplicate-format';
import { MatchExplanation } from '../duplicates/match-explanation';
import type { TDuplicateMatch } from '../duplicates/queries';

/**
 * Before a new customer is stored: the existing customers it likely duplicates. A modal dialog, because
 * the choice blocks the save; the matches open in a new tab so the filled-in form is not lost.
 */
export function DuplicateWarningDialog({
  matches,
  isSaving,
  error,
  onSaveAnyway,
  onCancel,
}: {
  matches: readonly TDuplicateMatch[];
  isSaving: boolean;
  error: string | null;
  onSaveAnyway: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t('duplicateCheck.title')} onClose={onCancel}>
      <p>{t('duplicateCheck.intro', { count: matches.length })}</p>
      <ul className="item-list">
        {matches.map((match) => (
          <li key={match.customer.id} className="item-list__item item-list__item--two duplicate-match">
            <span className="item-list__value">
              <Link
                to={`/customers/${match.customer.id}`}
                target="_blank"
                rel="noopener"
                className="customer-link"
              >
                {match.customer.displayName}
              </Link>
              <span className="muted">
                {[
                  match.customer.primaryPhone && formatPhoneNational(match.customer.primaryPhone),
                  match.customer.primaryEmail,
                  match.customer.cityName ?? match.customer.provinceName,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <MatchExplanation comparisons={match.comparisons} />
            </span>
            <span className="badge badge--muted">
              {t('duplicates.scoreValue', { score: formatMatchScore(match.score) })}
            </span>
          </li>
        ))}
      </ul>
      <p className="field__hint">{t('duplicateCheck.opensInNewTab')}</p>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <FormActions
        submitLabel={t('duplicateCheck.saveAnyway')}
        isSubmitting={isSaving}
        onCancel={onCancel}
        onConfirm={onSaveAnyway}
      />
    </ModalDialog>
  );
}
