import type { User } from '@cims/api-client';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FailureMessage } from '../../components/failure-message';
import { FormActions } from '../../components/form-actions';
import { formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { StaffRoleCheckboxes } from '../access/staff-role-checkboxes';
import type { THeldOr } from '../approvals/approval-outcome';
import type { TStaffRole } from '../auth/roles';
import { useUpdateUserRoles } from './queries';
import { orderedRoles, ROLE_REASON, rolesProblemOf } from './user-roles';

type TRolesValues = { roles: TStaffRole[]; reason: string };

const FAILURE_KEYS = {
  403: 'users.roles.forbidden',
  404: 'users.roles.notFound',
  409: 'users.roles.conflict',
};

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
  const update = useUpdateUserRoles();
  const form = useForm<TRolesValues>({ defaultValues: { roles: [...user.roles], reason: '' } });
  const { register, handleSubmit, setError, getValues } = form;
  const error = (name: keyof TRolesValues) => formFieldError(t, form, name);

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
    <ModalDialog
      title={t('users.roles.title', { name: user.displayName })}
      onClose={() => onClose(null)}
      onSubmit={handleSubmit(onSubmit)}
    >
      <StaffRoleCheckboxes
        id={`${id}-roles`}
        legend={t('users.roles.roles')}
        error={error('roles')}
        registration={register('roles', {
          validate: (roles) => {
            const problem = rolesProblemOf(user.roles, roles);
            return problem ? t(`users.roles.${problem}`) : true;
          },
        })}
      />
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
      <FailureMessage error={update.error} keysByStatus={FAILURE_KEYS} />
      <FormActions
        submitLabel={t('users.roles.submit')}
        isSubmitting={update.isPending}
        onCancel={() => onClose(null)}
      />
    </ModalDialog>
  );
}
