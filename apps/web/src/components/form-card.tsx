import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from '../lib/api';
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
    formState: { isSubmitting },
  } = form;

  const submit = async (values: T) => {
    setProblems(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setProblems(
        submitFailureProblems({
          t,
          form,
          error,
          headlineOf: (failure) => (failure.status === 403 ? t('errors.forbidden') : t('errors.generic')),
        }),
      );
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

/**
 * What a failed submit tells the person: the server's field errors go onto the form's fields, and the
 * banner's lines come back: the headline (the caller's words for the status), then the field errors no
 * field shows.
 */
export function submitFailureProblems<T extends FieldValues>({
  t,
  form,
  error,
  headlineOf,
}: {
  t: TFunction;
  form: UseFormReturn<T>;
  error: unknown;
  headlineOf: (error: ApiError) => string;
}): string[] {
  if (!isApiError(error)) return [t('errors.network')];
  const unshown = applyFieldErrors({
    error,
    setError: form.setError,
    isRenderedField: (path) => path in form.getValues(),
  });
  return [
    headlineOf(error),
    ...unshown.map((item) => translateValidationMessage(t, item.message) ?? item.message),
  ];
}
