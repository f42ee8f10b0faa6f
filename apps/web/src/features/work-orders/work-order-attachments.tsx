import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import { saveBlob } from '../../lib/download';
import { useFormatters } from '../../lib/format';
import { uploadErrorMessage } from '../../lib/upload-error';
import { useCanCall } from '../auth/roles';
import { ATTACHMENT_ACCEPT, checkAttachmentFile } from './attachment-file';
import {
  type TWorkOrder,
  useDownloadWorkOrderAttachment,
  useUploadWorkOrderAttachment,
  useWorkOrderAttachments,
} from './queries';

function AttachmentUpload({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useUploadWorkOrderAttachment();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after an upload, which a controlled value cannot do for files.
  const [inputKey, setInputKey] = useState(0);
  const check = file ? checkAttachmentFile(file) : null;
  const fileError = check && !check.isAccepted ? t(`workOrders.attachments.${check.reason}`) : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !check?.isAccepted) return;
    upload.mutate(
      { workOrderId: workOrder.id, file, contentType: check.contentType },
      {
        onSuccess: () => {
          setFile(null);
          setInputKey((key) => key + 1);
        },
      },
    );
  };

  return (
    <>
      <form className="file-upload" onSubmit={onSubmit} noValidate>
        <FormField
          id={id}
          label={t('workOrders.attachments.file')}
          error={fileError}
          hint={t('workOrders.attachments.hint')}
        >
          <input
            {...fieldA11y(id, fileError)}
            key={inputKey}
            type="file"
            accept={ATTACHMENT_ACCEPT}
            onChange={(event) => {
              upload.reset();
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </FormField>
        <button
          type="submit"
          className="button button--primary"
          disabled={!check?.isAccepted || upload.isPending}
        >
          {upload.isPending ? t('workOrders.attachments.uploading') : t('workOrders.attachments.upload')}
        </button>
      </form>
      {upload.isError && (
        <div className="banner banner--error" role="alert">
          {uploadErrorMessage(t, upload.error, {
            tooLarge: t('workOrders.attachments.tooLarge'),
            wrongType: t('workOrders.attachments.wrongType'),
            conflict: t('workOrders.attachments.full'),
          })}
        </div>
      )}
    </>
  );
}

/** The work order's files, oldest first; a file name downloads the file. */
export function WorkOrderAttachments({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const attachments = useWorkOrderAttachments(workOrder.id);
  const download = useDownloadWorkOrderAttachment();
  const canUpload = useCanCall('uploadWorkOrderAttachment');
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('workOrders.attachments.title')}
      </h2>
      {attachments.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {attachments.isError && (
        <div className="banner banner--error" role="alert">
          {t('workOrders.attachments.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void attachments.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {attachments.data?.length === 0 && <p className="muted">{t('workOrders.attachments.none')}</p>}
      {attachments.data && attachments.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('workOrders.attachments.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workOrders.attachments.fileName')}</th>
              <th scope="col">{t('workOrders.attachments.type')}</th>
              <th scope="col">{t('workOrders.attachments.size')}</th>
              <th scope="col">{t('workOrders.attachments.uploadedBy')}</th>
              <th scope="col">{t('workOrders.attachments.uploadedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {attachments.data.map((attachment) => (
              <tr key={attachment.id}>
                <th scope="row" data-label={t('workOrders.attachments.fileName')} className="break-anywhere">
                  <button
                    type="button"
                    className="link-button"
                    disabled={download.isPending}
                    onClick={() =>
                      download.mutate(
                        { workOrderId: workOrder.id, attachment },
                        { onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName) },
                      )
                    }
                  >
                    {attachment.fileName}
                  </button>
                </th>
                <td data-label={t('workOrders.attachments.type')}>
                  {t(`workOrders.attachments.types.${attachment.contentType}`)}
                </td>
                <td data-label={t('workOrders.attachments.size')} className="nowrap">
                  {format.fileSize(attachment.size)}
                </td>
                <td data-label={t('workOrders.attachments.uploadedBy')}>
                  {attachment.uploadedBy?.displayName ?? '—'}
                </td>
                <td data-label={t('workOrders.attachments.uploadedAt')} className="nowrap">
                  <time dateTime={attachment.createdAt}>{format.dateTime(attachment.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {download.isError && (
        <p className="field__error" role="alert">
          {isApiError(download.error) && download.error.status === 404
            ? t('workOrders.attachments.gone')
            : t('errors.generic')}
        </p>
      )}
      {canUpload && <AttachmentUpload workOrder={workOrder} />}
    </section>
  );
}
