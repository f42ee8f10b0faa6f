import { useTranslation } from 'react-i18next';

/** A form's footer: cancel, and submit (showing "saving…" while the form submits). */
export function FormActions({
  submitLabel,
  isSubmitting,
  onCancel,
  className,
}: {
  submitLabel: string;
  isSubmitting: boolean;
  onCancel: () => void;
  /** Classes beside `form-actions`, e.g. `form-grid__wide`. */
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className ? `form-actions ${className}` : 'form-actions'}>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t('common.saving') : submitLabel}
      </button>
    </div>
  );
}
