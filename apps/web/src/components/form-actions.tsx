import { useTranslation } from 'react-i18next';

/** A form's footer: cancel, and submit (showing "saving…", or `submittingLabel`, while the form submits). */
export function FormActions({
  submitLabel,
  submittingLabel,
  isSubmitting,
  isDestructive = false,
  onCancel,
  onConfirm,
  className,
}: {
  submitLabel: string;
  submittingLabel?: string;
  isSubmitting: boolean;
  /** The submit button warns that it cannot be taken back (an erasure, a rejection). */
  isDestructive?: boolean;
  onCancel: () => void;
  /** For a footer outside any form: the submit button is a plain button that calls this. */
  onConfirm?: () => void;
  /** Classes beside `form-actions`, e.g. `form-grid__wide`. */
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className ? `form-actions ${className}` : 'form-actions'}>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={isDestructive ? 'button button--danger' : 'button button--primary'}
        disabled={isSubmitting}
        onClick={onConfirm}
      >
        {isSubmitting ? (submittingLabel ?? t('common.saving')) : submitLabel}
      </button>
    </div>
  );
}
