import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive button that asks first: the question and its answer replace the button in place. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  isPending,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  isPending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // The question replaces the button that asked it, so focus moves to the answer instead of being lost.
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);

  if (!isConfirming) {
    return (
      <button type="button" className="button button--danger-ghost" onClick={() => setIsConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm">
      <span>{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        disabled={isPending}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setIsConfirming(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
