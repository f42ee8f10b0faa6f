import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FailureMessage } from '../../components/failure-message';
import { FormActions } from '../../components/form-actions';
import { FormField, fieldA11y } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import type { TApprovalRequest } from './approval-outcome';
import { DECISION_COMMENT_MAX, decisionProblemOf } from './approval-view';
import { useDecideApproval } from './queries';

type TDecisionValues = { comment: string };

const FAILURE_KEYS = {
  403: 'approvals.decide.forbidden',
  404: 'approvals.decide.settled',
  409: 'approvals.decide.conflict',
};

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
  const decide = useDecideApproval();
  const form = useForm<TDecisionValues>({ defaultValues: { comment: '' } });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;

  const commentError = errors.comment?.message;
  const onSubmit = async ({ comment }: TDecisionValues) => {
    const text = comment.trim();
    await decide
      .mutateAsync({ id: request.id, body: { decision, ...(text ? { comment: text } : {}) } })
      .then(onClose, () => undefined);
  };

  const isReject = decision === 'reject';
  return (
    <ModalDialog
      title={t(isReject ? 'approvals.decide.rejectTitle' : 'approvals.decide.approveTitle')}
      onClose={onClose}
      onSubmit={handleSubmit(onSubmit)}
    >
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
      <FailureMessage error={decide.error} keysByStatus={FAILURE_KEYS} detailStatuses={[409]} />
      <FormActions
        submitLabel={t(isReject ? 'approvals.decide.confirmReject' : 'approvals.decide.confirmApprove')}
        isSubmitting={decide.isPending}
        isDestructive={isReject}
        onCancel={onClose}
      />
    </ModalDialog>
  );
}
