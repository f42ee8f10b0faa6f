import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import { saveBlob } from '../../lib/download';
import { type TCampaign, useExportCampaignTargets } from './queries';

const REASON = { min: 2, max: 200 } as const;

/**
 * Asks why the target list leaves the system (the export records it in the audit log and on the file's
 * watermark line), then downloads the segment's members with marketing consent on the channel as XLSX.
 */
export function ExportTargetsDialog({ campaign, onClose }: { campaign: TCampaign; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const exportTargets = useExportCampaignTargets();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = () => {
    const text = reason.trim();
    if (text.length < REASON.min) {
      setReasonError(t('campaigns.export.reasonTooShort', { min: REASON.min }));
      return;
    }
    setReasonError(undefined);
    exportTargets.mutate(
      { campaign, reason: text },
      {
        onSuccess: ({ blob, fileName }) => {
          saveBlob(blob, fileName);
          onClose();
        },
      },
    );
  };

  const failure = exportTargets.error;
  const failureText = !failure
    ? null
    : !isApiError(failure)
      ? t('errors.network')
      : failure.status === 403
        ? t('errors.forbidden')
        : failure.status === 409
          ? t('campaigns.export.tooMany')
          : t('errors.generic');

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      // Escape closes a modal dialog by itself; the page must learn of it to drop its state.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {t('campaigns.export.title')}
        </h2>
        <p>
          {t('campaigns.export.intro', {
            segment: campaign.segment.name,
            channel: t(`enums.consentChannel.${campaign.channel}`),
          })}
        </p>
        <FormField id={`${id}-reason`} label={t('campaigns.export.reason')} isRequired error={reasonError}>
          <input
            {...fieldA11y(`${id}-reason`, reasonError)}
            type="text"
            maxLength={REASON.max}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </FormField>
        <p className="field__hint">{t('campaigns.export.watermark')}</p>
        {failureText && (
          <p className="field__error" role="alert">
            {failureText}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={exportTargets.isPending}>
            {exportTargets.isPending ? t('campaigns.export.downloading') : t('campaigns.export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
