import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import { translateValidationMessage } from '../../lib/validation-messages';
import { IMPORT_FILE_ACCEPT, importFileTypeOf } from './import-settings';
import { useUploadImport } from './queries';

function uploadErrorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.network');
  if (error.status === 413) return t('imports.upload.tooLarge');
  if (error.status === 415) return t('imports.upload.wrongType');
  const detail = error.problem.errors?.[0]?.message;
  if (error.status === 422 && detail) return translateValidationMessage(t, detail) ?? detail;
  return t('errors.generic');
}

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
      <form className="import-upload" onSubmit={onSubmit} noValidate>
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
          {uploadErrorMessage(t, upload.error)}
        </div>
      )}
    </section>
  );
}
