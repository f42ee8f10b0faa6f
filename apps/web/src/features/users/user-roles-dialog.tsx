import type { User } from '@cims/api-client';
import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { STAFF_ROLES } from '../access/access-options';
import type { THeldOr } from '../approvals/approval-outcome';
import type { TStaffRole } from '../auth/roles';
import { useUpdateUserRoles } from './queries';
import { orderedRoles, ROLE_REASON, rolesProblemOf } from './user-roles';

type TRolesValues = { roles: TStaffRole[]; reason: string };

function failureKeyOf(error: unknown): string {
  if (!isApiError(error)) return 'errors.network';
  if (error.status === 403) return 'users.roles.forbidden';
  if (error.status === 404) return 'users.roles.notFound';
  if (error.status === 409) return 'users.roles.conflict';
  return 'errors.generic';
}

/** 修改角色: the roles to give one staff user, and why (the reason goes into the audit log and the request). */
export function UserRolesDialog({
  user,
  onClose,
}: {
  user: User;
  onClose: (outcome: THeldOr<User> | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const update = useUpdateUserRoles();
  const form = useForm<TRolesValues>({ defaultValues: { roles: [...user.roles], reason: '' } });
  const { register, handleSubmit, setError, getValues } = form;
  const error = (name: keyof TRolesValues) => formFieldError(t, form, name);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const onSubmit = async (values: TRolesValues) => {
    try {
      const outcome = await update.mutateAsync({
        userId: user.id,
        body: { roles: orderedRoles(values.roles), reason: values.reason.trim() },
      });
      onClose(outcome);
    } catch (failure) {
      if (isApiError(failure)) {
        applyFieldErrors({ error: failure, setError, isRenderedField: (path) => path in getValues() });
      }
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <form className="stack" noValidate onSubmit={handleSubmit(onSubmit)}>
        <h2 id={`${id}-title`} className="dialog__title">
          {t('users.roles.title', { name: user.displayName })}
        </h2>
        <fieldset className="field" aria-describedby={error('roles') ? `${id}-roles-error` : undefined}>
          <legend>{t('users.roles.roles')}</legend>
          <div className="button-row">
            {STAFF_ROLES.map((role) => (
              <label key={role} className="checkbox-label">
                <input
                  type="checkbox"
                  value={role}
                  {...register('roles', {
                    validate: (roles) => {
                      const problem = rolesProblemOf(user.roles, roles);
                      return problem ? t(`users.roles.${problem}`) : true;
                    },
                  })}
                />
                <span>{t(`enums.staffRole.${role}`)}</span>
              </label>
            ))}
          </div>
          {error('roles') && (
            <p id={`${id}-roles-error`} className="field__error" role="alert">
              {error('roles')}
            </p>
          )}
        </fieldset>
        <FormField id={`${id}-reason`} label={t('users.roles.reason')} error={error('reason')} isRequired>
          <input
            {...fieldA11y(`${id}-reason`, error('reason'))}
            type="text"
            maxLength={ROLE_REASON.max}
            placeholder={t('users.roles.reasonPlaceholder')}
            {...register('reason', {
              validate: (text) =>
                text.trim().length >= ROLE_REASON.min
                  ? true
                  : t('users.roles.reasonTooShort', { min: ROLE_REASON.min }),
            })}
          />
        </FormField>
        <p className="field__hint">{t('users.roles.audited')}</p>
        {update.isError && (
          <p className="field__error" role="alert">
            {t(failureKeyOf(update.error))}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('users.roles.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
