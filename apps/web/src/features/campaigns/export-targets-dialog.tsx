import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureMessage } from '../../components/failure-message';
import { FormActions } from '../../components/form-actions';
import { FormField, fieldA11y } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
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
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const exportTargets = useExportCampaignTargets();

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

  return (
    <ModalDialog
      title={t('campaigns.export.title')}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
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
      <FailureMessage
        error={exportTargets.error}
        keysByStatus={{ 409: 'campaigns.export.tooMany' }}
        // Too many rows, or more than the approval threshold: the server says which, and the way out.
        detailStatuses={[409]}
      />
      <FormActions
        submitLabel={t('campaigns.export.submit')}
        submittingLabel={t('campaigns.export.downloading')}
        isSubmitting={exportTargets.isPending}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
