import type { Customer } from '@cims/api-client';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const erase = useEraseCustomer();
  const form = useForm<TErasureValues>({ defaultValues: { reason: '', requestReference: '' } });
  const { register, handleSubmit } = form;
  const error = (name: keyof TErasureValues) => formFieldError(t, form, name);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

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

  const failure = erase.error;
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="stack" noValidate onSubmit={handleSubmit(onSubmit)}>
        <h2 id={`${id}-title`} className="dialog__title">
          {t('erasure.title', { name: customer.displayName })}
        </h2>
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
        {failure && (
          <p className="field__error" role="alert">
            {!isApiError(failure)
              ? t('errors.network')
              : failure.status === 403
                ? t('errors.forbidden')
                : failure.status === 409
                  ? t('erasure.conflict')
                  : t('errors.generic')}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={erase.isPending}>
            {erase.isPending ? t('common.saving') : t('erasure.submit')}
          </button>
        </div>
      </form>
    </dialog>
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
