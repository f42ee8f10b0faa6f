import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormField, fieldA11y } from '../../components/form-field';
import { uploadErrorMessage } from '../../lib/upload-error';
import { IMPORT_FILE_ACCEPT, importFileTypeOf } from './import-settings';
import { useUploadImport } from './queries';

/** Sends the chosen file up; the server reads its header and proposes a mapping on the next page. */
export function ImportUpload() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputId = useId();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const contentType = file ? importFileTypeOf(file.name) : null;
  const fileError = file && !contentType ? t('imports.upload.wrongType') : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || !contentType) return;
    upload.mutate({ file, contentType }, { onSuccess: (job) => navigate(`/imports/${job.id}`) });
  };

  return (
    <section className="card" aria-labelledby="import-upload-heading">
      <h2 id="import-upload-heading" className="card__title">
        {t('imports.upload.title')}
      </h2>
      <form className="file-upload" onSubmit={onSubmit} noValidate>
        <FormField
          id={inputId}
          label={t('imports.upload.file')}
          error={fileError}
          hint={t('imports.upload.hint')}
        >
          <input
            {...fieldA11y(inputId, fileError)}
            type="file"
            accept={IMPORT_FILE_ACCEPT}
            onChange={(event) => {
              upload.reset();
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </FormField>
        <button type="submit" className="button button--primary" disabled={!contentType || upload.isPending}>
          {upload.isPending ? t('imports.upload.uploading') : t('imports.upload.submit')}
        </button>
      </form>
      {upload.isError && (
        <div className="banner banner--error" role="alert">
          {uploadErrorMessage(t, upload.error, {
            tooLarge: t('imports.upload.tooLarge'),
            wrongType: t('imports.upload.wrongType'),
          })}
        </div>
      )}
    </section>
  );
}
