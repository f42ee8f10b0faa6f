import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api';
import { applyFieldErrors, errorMessageAt } from '../lib/form-errors';
import { translateValidationMessage } from '../lib/validation-messages';
import { FormActions } from './form-actions';
import { FormSection } from './form-section';

/**
 * A short react-hook-form form in its own card (log an interaction, open a work order, add a task): it
 * submits, puts the server's field errors on the fields and lists any others in its banner.
 */
export function FormCard<T extends FieldValues>({
  form,
  headingId,
  title,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  form: UseFormReturn<T>;
  headingId: string;
  title: string;
  submitLabel: string;
  onSubmit: (values: T) => Promise<unknown>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[] | null>(null);
  const {
    handleSubmit,
    setError,
    getValues,
    formState: { isSubmitting },
  } = form;

  const submit = async (values: T) => {
    setProblems(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (!isApiError(error)) {
        setProblems([t('errors.network')]);
        return;
      }
      const unshown = applyFieldErrors({
        error,
        setError,
        isRenderedField: (path) => path in getValues(),
      });
      setProblems([
        error.status === 403 ? t('errors.forbidden') : t('errors.generic'),
        ...unshown.map((item) => translateValidationMessage(t, item.message) ?? item.message),
      ]);
    }
  };

  return (
    <FormSection headingId={headingId} title={title}>
      <form className="form-grid" onSubmit={handleSubmit(submit)} noValidate>
        {children}
        {problems && (
          <div className="banner banner--error form-grid__wide" role="alert">
            {problems.map((problem) => (
              <p key={problem}>{problem}</p>
            ))}
          </div>
        )}
        <FormActions
          submitLabel={submitLabel}
          isSubmitting={isSubmitting}
          onCancel={onCancel}
          className="form-grid__wide"
        />
      </form>
    </FormSection>
  );
}

/** The error a field of the form shows, in the UI language. */
export function formFieldError<T extends FieldValues>(
  t: TFunction,
  form: UseFormReturn<T>,
  name: Path<T>,
): string | undefined {
  return translateValidationMessage(t, errorMessageAt(form.formState.errors, name));
}
