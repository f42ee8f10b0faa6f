import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormActions } from '../../components/form-actions';
import { formFieldError, submitFailureProblems } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import {
  exportRequestBody,
  offeredFormats,
  PDF_MAX_ROWS,
  REASON_LENGTH,
  type TConsentChannel,
  type TExport,
  type TExportChoices,
  type TExportTarget,
} from './export-request';
import { ExportProgress } from './export-status';
import { approvalHref, exportFileHref, startExportDownload, useCreateExport, useExport } from './queries';

const MARKETING_CHANNELS = ['sms', 'email', 'phone', 'wechat'] as const satisfies readonly TConsentChannel[];

type TDialogProps = {
  title: string;
  /** What will be exported, in words (the list's filters, the segment's name…). */
  intro?: string;
  target: TExportTarget;
  /** The rows, where the page knows them (a segment's members): PDF is not offered beyond its limit. */
  rowCount?: number;
  onClose: () => void;
};

/**
 * 导出: asks for the format and the purpose (recorded in the audit log and on the file's watermark), then
 * follows the export: a small one downloads at once, a large one shows its progress until its file is
 * ready, and one above the approval threshold waits for an approver.
 */
export function ExportDialog({ title, intro, target, rowCount, onClose }: TDialogProps) {
  const id = useId();
  const [exportId, setExportId] = useState<string | null>(null);

  return (
    <ModalDialog title={title} onClose={onClose}>
      {exportId === null ? (
        <ExportForm
          idPrefix={id}
          intro={intro}
          target={target}
          rowCount={rowCount}
          onCreated={setExportId}
          onClose={onClose}
        />
      ) : (
        <ExportOutcome exportId={exportId} onClose={onClose} />
      )}
    </ModalDialog>
  );
}

function ExportForm({
  idPrefix,
  intro,
  target,
  rowCount,
  onCreated,
  onClose,
}: Omit<TDialogProps, 'title'> & { idPrefix: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formats = offeredFormats(target.source, rowCount);
  const form = useForm<TExportChoices>({
    defaultValues: { format: formats[0] ?? 'pdf', reason: '', marketingChannel: '' },
  });
  const {
    register,
    handleSubmit,
    watch,
    formState: { isSubmitting },
  } = form;
  const createExport = useCreateExport();
  const [problems, setProblems] = useState<string[] | null>(null);
  const id = (name: string) => `${idPrefix}-${name}`;
  const reasonError = formFieldError(t, form, 'reason');
  const formatError = formFieldError(t, form, 'format');
  const channelError = formFieldError(t, form, 'marketingChannel');
  const isPdf = watch('format') === 'pdf';

  const submit = async (values: TExportChoices) => {
    setProblems(null);
    try {
      const created = await createExport.mutateAsync(exportRequestBody(target, values));
      onCreated(created.id);
    } catch (error) {
      setProblems(
        submitFailureProblems({
          t,
          form,
          error,
          // The problem's detail says why (a PDF of too many rows, a segment gone, too many rows at all).
          headlineOf: (failure) =>
            failure.status === 403 ? t('errors.forbidden') : (failure.problem.detail ?? t('errors.generic')),
        }),
      );
    }
  };

  return (
    <form className="stack" noValidate onSubmit={handleSubmit(submit)}>
      {intro && <p>{intro}</p>}
      <fieldset className="kind-switch" aria-describedby={formatError ? `${id('format')}-error` : undefined}>
        <legend>{t('exports.format')}</legend>
        <div className="segmented segmented--large">
          {formats.map((option) => (
            <label key={option} className="segmented__radio" htmlFor={id(`format-${option}`)}>
              <input id={id(`format-${option}`)} type="radio" value={option} {...register('format')} />
              <span>{t(`exports.formats.${option}`)}</span>
            </label>
          ))}
        </div>
        {formatError && (
          <p id={`${id('format')}-error`} className="field__error" role="alert">
            {formatError}
          </p>
        )}
      </fieldset>
      {target.source === 'dashboard' ? (
        <p className="field__hint">{t('exports.dashboardPdf')}</p>
      ) : (
        isPdf && <p className="field__hint">{t('exports.pdfLimit', { max: format.number(PDF_MAX_ROWS) })}</p>
      )}
      {target.source === 'segment' && (
        <FormField
          id={id('channel')}
          label={t('exports.marketingChannel')}
          hint={t('exports.marketingChannelHint')}
          error={channelError}
        >
          <select {...fieldA11y(id('channel'), channelError)} {...register('marketingChannel')}>
            <option value="">{t('exports.allMembers')}</option>
            {MARKETING_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`enums.consentChannel.${channel}`)}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField
        id={id('reason')}
        label={t('exports.reason')}
        isRequired
        error={reasonError}
        hint={t('exports.watermark')}
      >
        <input
          {...fieldA11y(id('reason'), reasonError)}
          type="text"
          maxLength={REASON_LENGTH.max}
          placeholder={t('exports.reasonPlaceholder')}
          {...register('reason', {
            validate: (value) =>
              value.trim().length >= REASON_LENGTH.min ||
              t('exports.reasonTooShort', { min: REASON_LENGTH.min }),
          })}
        />
      </FormField>
      {problems && (
        <div className="banner banner--error" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      <FormActions
        submitLabel={t('exports.submit')}
        submittingLabel={t('exports.submitting')}
        isSubmitting={isSubmitting}
        onCancel={onClose}
      />
    </form>
  );
}

/** The export after it was asked for: its file, its progress or where it waits, until closed. */
function ExportOutcome({ exportId, onClose }: { exportId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const current = useExport(exportId);
  const item = current.data;
  const downloadedRef = useRef(false);

  // The file downloads by itself once, as soon as it is ready; the link stays for another copy.
  useEffect(() => {
    if (item?.status === 'ready' && !downloadedRef.current) {
      downloadedRef.current = true;
      startExportDownload(item);
    }
  }, [item]);

  return (
    <div className="stack">
      {current.isError && (
        <div className="banner banner--error" role="alert">
          {t('exports.statusFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void current.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {item && <ExportOutcomeText item={item} />}
      <div className="form-actions">
        <Link to="/exports" className="button button--ghost">
          {t('exports.openMine')}
        </Link>
        <button type="button" className="button" onClick={onClose}>
          {t('exports.close')}
        </button>
      </div>
    </div>
  );
}

function ExportOutcomeText({ item }: { item: TExport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canReadApprovals = useCanCall('listApprovals');
  switch (item.status) {
    case 'ready':
      return (
        <>
          <p className="banner banner--success" role="status">
            {t('exports.outcome.ready', { rows: format.number(item.rows) })}
          </p>
          <p>
            <a
              href={exportFileHref(item.id)}
              download={item.fileName ?? ''}
              className="button button--primary"
            >
              {t('exports.downloadFile', { fileName: item.fileName ?? '' })}
            </a>
          </p>
        </>
      );
    case 'queued':
    case 'running':
      return (
        <>
          <ExportProgress item={item} />
          <p className="field__hint" role="status">
            {t('exports.outcome.running')}
          </p>
        </>
      );
    case 'awaiting_approval':
      return (
        <div className="banner banner--warning" role="status">
          <p>{t('exports.outcome.awaitingApproval', { rows: format.number(item.rows) })}</p>
          {canReadApprovals && (
            <p>
              <Link to={approvalHref(item)}>{t('exports.openApprovals')}</Link>
            </p>
          )}
        </div>
      );
    case 'failed':
      return (
        <p className="banner banner--error" role="alert">
          {item.error ?? t('exports.outcome.failed')}
        </p>
      );
    case 'rejected':
      return (
        <p className="banner banner--error" role="alert">
          {t('exports.outcome.rejected')}
        </p>
      );
    case 'expired':
      return <p className="banner banner--warning">{t('exports.outcome.expired')}</p>;
  }
}

/** The "导出" action of a page: offered to the roles that may export; the dialog reads the page's filters. */
export function ExportButton({
  label,
  className = 'button',
  ...dialog
}: Omit<TDialogProps, 'onClose'> & { label: string; className?: string }) {
  const canExport = useCanCall('createExport');
  const [isOpen, setIsOpen] = useState(false);
  if (!canExport) return null;
  return (
    <>
      <button type="button" className={className} onClick={() => setIsOpen(true)}>
        {label}
      </button>
      {isOpen && <ExportDialog {...dialog} onClose={() => setIsOpen(false)} />}
    </>
  );
}
