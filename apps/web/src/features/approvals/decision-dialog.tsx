import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import type { TApprovalRequest } from './approval-outcome';
import { DECISION_COMMENT_MAX, decisionProblemOf } from './approval-view';
import { useDecideApproval } from './queries';

type TDecisionValues = { comment: string };

function failureKeyOf(error: unknown): string {
  if (!isApiError(error)) return 'errors.network';
  if (error.status === 403) return 'approvals.decide.forbidden';
  if (error.status === 404 || error.status === 409) return 'approvals.decide.settled';
  return 'errors.generic';
}

/**
 * 批准 / 驳回 with a comment: the comment is what the requester reads as the answer, so a rejection
 * needs one. Approving carries the request out at once, which the dialog says before it is confirmed.
 */
export function DecisionDialog({
  request,
  decision,
  onClose,
}: {
  request: TApprovalRequest;
  decision: 'approve' | 'reject';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const decide = useDecideApproval();
  const form = useForm<TDecisionValues>({ defaultValues: { comment: '' } });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const commentError = errors.comment?.message;
  const onSubmit = async ({ comment }: TDecisionValues) => {
    const text = comment.trim();
    await decide
      .mutateAsync({ id: request.id, body: { decision, ...(text ? { comment: text } : {}) } })
      .then(onClose, () => undefined);
  };

  const isReject = decision === 'reject';
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${id}-title`}
      // Escape closes a modal dialog by itself; the page must learn of it to drop its state.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form className="stack" noValidate onSubmit={handleSubmit(onSubmit)}>
        <h2 id={`${id}-title`} className="dialog__title">
          {t(isReject ? 'approvals.decide.rejectTitle' : 'approvals.decide.approveTitle')}
        </h2>
        <p>{request.summary}</p>
        <p className="muted">
          {t(isReject ? 'approvals.decide.rejectIntro' : 'approvals.decide.approveIntro', {
            name: request.requestedBy.displayName,
          })}
        </p>
        <FormField
          id={`${id}-comment`}
          label={t(isReject ? 'approvals.decide.commentRequired' : 'approvals.decide.comment')}
          isRequired={isReject}
          error={commentError}
          hint={t('approvals.decide.commentHint', { max: DECISION_COMMENT_MAX })}
        >
          <textarea
            {...fieldA11y(`${id}-comment`, commentError)}
            rows={3}
            maxLength={DECISION_COMMENT_MAX}
            {...register('comment', {
              validate: (comment) => {
                const problem = decisionProblemOf(decision, comment);
                return problem
                  ? t(`approvals.decide.problems.${problem}`, { max: DECISION_COMMENT_MAX })
                  : true;
              },
            })}
          />
        </FormField>
        {decide.isError && (
          <p className="field__error" role="alert">
            {t(failureKeyOf(decide.error))}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={isReject ? 'button button--danger' : 'button button--primary'}
            disabled={decide.isPending}
          >
            {decide.isPending
              ? t('common.saving')
              : t(isReject ? 'approvals.decide.confirmReject' : 'approvals.decide.confirmApprove')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
