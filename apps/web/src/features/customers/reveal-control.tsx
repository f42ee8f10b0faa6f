import type { components } from '@cims/api-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { ApprovalHeldNotice } from '../approvals/approval-held-notice';
import type { TApprovalRequest } from '../approvals/approval-outcome';
import { useRevealCustomerField } from './queries';

type TSensitiveField = components['schemas']['SensitiveField'];

const MIN_REASON_LENGTH = 4;

/**
 * 查看明文: asks why, then shows the plain value(s) of one masked field. The API refuses roles that may not
 * reveal and records every reveal with its reason; the values live only in this component's state. Where
 * the reveal needs approval the answer is the request instead: the control says so and links to it, and
 * once it is approved the same reveal (asked again) shows the value.
 */
export function RevealControl({ customerId, field }: { customerId: string; field: TSensitiveField }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const reveal = useRevealCustomerField();
  const [isAsking, setIsAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [values, setValues] = useState<string[] | null>(null);
  const [held, setHeld] = useState<TApprovalRequest | null>(null);

  if (values) {
    return (
      <div className="reveal reveal--shown" role="status">
        <span className="reveal__label">{t('reveal.plain')}</span>
        <span className="reveal__values">{values.length > 0 ? values.join('、') : '—'}</span>
        <button type="button" className="button button--ghost button--small" onClick={() => setValues(null)}>
          {t('reveal.hide')}
        </button>
      </div>
    );
  }

  if (!isAsking) {
    return (
      <>
        {held && <ApprovalHeldNotice approval={held} isCompact />}
        <button
          type="button"
          className="button button--ghost button--small reveal__open"
          onClick={() => {
            setHeld(null);
            setIsAsking(true);
          }}
        >
          {t(held ? 'reveal.afterApproval' : 'reveal.button', { field: t(`reveal.fields.${field}`) })}
        </button>
      </>
    );
  }

  const isForbidden = isApiError(reveal.error) && reveal.error.status === 403;
  const submit = () => {
    if (reason.trim().length < MIN_REASON_LENGTH) return;
    reveal.mutate(
      { id: customerId, field, reason: reason.trim() },
      {
        onSuccess: (outcome) => {
          if (outcome.isHeld) setHeld(outcome.approval);
          else setValues(outcome.result.values);
          setIsAsking(false);
          setReason('');
        },
      },
    );
  };

  return (
    <div className="reveal">
      <label htmlFor={reasonId}>{t('reveal.reason', { field: t(`reveal.fields.${field}`) })}</label>
      <div className="input-with-button">
        <input
          id={reasonId}
          type="text"
          value={reason}
          minLength={MIN_REASON_LENGTH}
          placeholder={t('reveal.reasonPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) submit();
          }}
        />
        <button
          type="button"
          className="button button--small"
          disabled={reason.trim().length < MIN_REASON_LENGTH || reveal.isPending}
          onClick={submit}
        >
          {t('reveal.confirm')}
        </button>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => setIsAsking(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
      <p className="field__hint">{t('reveal.audited')}</p>
      {reveal.isError && (
        <p className="field__error" role="alert">
          {isForbidden ? t('reveal.forbidden') : t('errors.generic')}
        </p>
      )}
    </div>
  );
}
