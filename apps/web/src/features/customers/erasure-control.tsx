import type { Customer } from '@cims/api-client';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FailureMessage } from '../../components/failure-message';
import { FormActions } from '../../components/form-actions';
import { formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { ApprovalHeldNotice } from '../approvals/approval-held-notice';
import type { TApprovalRequest } from '../approvals/approval-outcome';
import { useCanCall } from '../auth/roles';
import { useEraseCustomer } from './queries';

// ErasureRequest.yaml.
const REASON = { min: 4, max: 500 } as const;
const REFERENCE_MAX = 100;

type TErasureValues = { reason: string; requestReference: string };

function ErasureDialog({
  customer,
  onClose,
  onHeld,
}: {
  customer: Customer;
  onClose: () => void;
  onHeld: (approval: TApprovalRequest) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const erase = useEraseCustomer();
  const form = useForm<TErasureValues>({ defaultValues: { reason: '', requestReference: '' } });
  const { register, handleSubmit } = form;
  const error = (name: keyof TErasureValues) => formFieldError(t, form, name);

  const onSubmit = async (values: TErasureValues) => {
    const outcome = await erase
      .mutateAsync({
        id: customer.id,
        body: { reason: values.reason.trim(), requestReference: values.requestReference.trim() || null },
      })
      .catch(() => null);
    if (!outcome) return;
    if (outcome.isHeld) onHeld(outcome.approval);
    onClose();
  };

  return (
    <ModalDialog
      title={t('erasure.title', { name: customer.displayName })}
      onClose={onClose}
      onSubmit={handleSubmit(onSubmit)}
    >
      <p className="banner banner--warning">{t('erasure.warning')}</p>
      <FormField id={`${id}-reason`} label={t('erasure.reason')} error={error('reason')} isRequired>
        <textarea
          {...fieldA11y(`${id}-reason`, error('reason'))}
          rows={3}
          maxLength={REASON.max}
          placeholder={t('erasure.reasonPlaceholder')}
          {...register('reason', {
            validate: (text) =>
              text.trim().length >= REASON.min ? true : t('erasure.reasonTooShort', { min: REASON.min }),
          })}
        />
      </FormField>
      <FormField
        id={`${id}-reference`}
        label={t('erasure.requestReference')}
        error={error('requestReference')}
        hint={t('erasure.requestReferenceHint')}
      >
        <input
          {...fieldA11y(`${id}-reference`, error('requestReference'))}
          type="text"
          maxLength={REFERENCE_MAX}
          {...register('requestReference')}
        />
      </FormField>
      <FailureMessage error={erase.error} keysByStatus={{ 409: 'erasure.conflict' }} />
      <FormActions
        submitLabel={t('erasure.submit')}
        isSubmitting={erase.isPending}
        isDestructive
        onCancel={onClose}
      />
    </ModalDialog>
  );
}

/**
 * 删除个人信息 (PIPL art. 47) for admin and compliance: asks for the legal ground first. Done at once, the
 * page reloads the erased record; held for approval (202), it says so and links to the request.
 */
export function ErasureControl({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canErase = useCanCall('eraseCustomer');
  const [isOpen, setIsOpen] = useState(false);
  const [held, setHeld] = useState<TApprovalRequest | null>(null);

  if (!canErase || customer.erasedAt || customer.mergedInto) return null;
  return (
    <>
      <button
        type="button"
        className="button button--danger-ghost"
        onClick={() => {
          setHeld(null);
          setIsOpen(true);
        }}
      >
        {t('erasure.open')}
      </button>
      {held && <ApprovalHeldNotice approval={held} />}
      {isOpen && <ErasureDialog customer={customer} onClose={() => setIsOpen(false)} onHeld={setHeld} />}
    </>
  );
}
