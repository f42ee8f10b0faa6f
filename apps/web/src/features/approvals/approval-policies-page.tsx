import { operationRoles } from '@cims/api-client';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCard, formFieldError } from '../../components/form-card';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormSection } from '../../components/form-section';
import { QueryStatus } from '../../components/query-status';
import { STAFF_ROLES } from '../access/access-options';
import { StaffRoleCheckboxes } from '../access/staff-role-checkboxes';
import { useSession } from '../auth/queries';
import { hasAnyRole } from '../auth/roles';
import { Term } from '../customers/description-term';
import { ApprovalHeldNotice } from './approval-held-notice';
import type { TApprovalRequest } from './approval-outcome';
import {
  EXPIRY_HOURS,
  expiryProblemOf,
  policyFormValuesOf,
  policyUpdateOf,
  requesterRolesProblemOf,
  type TApprovalPolicyFormValues,
  thresholdProblemOf,
} from './approval-policy-values';
import { APPROVAL_POLICY_EDIT_ROLES } from './approval-roles';
import { APPROVAL_KINDS } from './approval-view';
import { ApprovalsHeader } from './approvals-page';
import {
  type TApprovalKind,
  type TApprovalPolicy,
  useApprovalPolicies,
  useUpdateApprovalPolicy,
} from './queries';

/** The roles that can decide at all (who may call the decision); any other approver role would strand requests. */
const APPROVER_ROLES = STAFF_ROLES.filter((role) =>
  (operationRoles.decideApproval as readonly string[]).includes(role),
);

// The form's own checks say what the API says, in its words, so lib/validation-messages translates both.
const EXPIRY_MESSAGE = `Must be a whole number from ${EXPIRY_HOURS.min} to ${EXPIRY_HOURS.max}`;
const THRESHOLD_MESSAGE = 'Must be a whole number of 1 or more';

function PolicyForm({
  policy,
  onSaved,
}: {
  policy: TApprovalPolicy;
  onSaved: (kind: TApprovalKind) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateApprovalPolicy();
  const [heldApproval, setHeldApproval] = useState<TApprovalRequest | null>(null);
  const form = useForm<TApprovalPolicyFormValues>({ defaultValues: policyFormValuesOf(policy) });
  const { register } = form;
  const error = (name: keyof TApprovalPolicyFormValues) => formFieldError(t, form, name);
  const { kind } = policy;

  return (
    <FormCard
      form={form}
      headingId={`${id}-heading`}
      title={t(`approvals.kinds.${kind}`)}
      submitLabel={t('approvals.policies.save')}
      onSubmit={async (values) => {
        const outcome = await update.mutateAsync({ kind, body: policyUpdateOf(kind, values) });
        if (outcome.isHeld) {
          setHeldApproval(outcome.approval);
          form.reset(policyFormValuesOf(policy));
        } else onSaved(kind);
      }}
      onCancel={() => form.reset(policyFormValuesOf(policy))}
    >
      {heldApproval && (
        <div className="form-grid__wide">
          <ApprovalHeldNotice approval={heldApproval} />
        </div>
      )}
      <p className="field__hint form-grid__wide">{t(`approvals.policies.hints.${kind}`)}</p>
      <div className="field form-grid__wide">
        <label className="checkbox-label">
          <input type="checkbox" {...register('isEnabled')} />
          <span>{t('approvals.policies.isEnabled')}</span>
        </label>
      </div>
      <FormField
        id={`${id}-approver`}
        label={t('approvals.policies.approverRole')}
        error={error('approverRole')}
      >
        <select {...fieldA11y(`${id}-approver`, error('approverRole'))} {...register('approverRole')}>
          {APPROVER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`enums.staffRole.${role}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={`${id}-expiry`}
        label={t('approvals.policies.expiresAfterHours')}
        error={error('expiresAfterHours')}
        hint={t(kind === 'reveal' ? 'approvals.policies.expiryHintReveal' : 'approvals.policies.expiryHint')}
        isRequired
      >
        <input
          {...fieldA11y(`${id}-expiry`, error('expiresAfterHours'))}
          type="number"
          inputMode="numeric"
          min={EXPIRY_HOURS.min}
          max={EXPIRY_HOURS.max}
          step={1}
          {...register('expiresAfterHours', {
            validate: (text) => {
              const problem = expiryProblemOf(text);
              return problem === null ? true : problem === 'required' ? 'Required' : EXPIRY_MESSAGE;
            },
          })}
        />
      </FormField>
      {kind === 'export' && (
        <FormField
          id={`${id}-threshold`}
          label={t('approvals.policies.rowThreshold')}
          error={error('rowThreshold')}
          hint={t('approvals.policies.rowThresholdHint')}
          isRequired
        >
          <input
            {...fieldA11y(`${id}-threshold`, error('rowThreshold'))}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            {...register('rowThreshold', {
              validate: (text) => {
                const problem = thresholdProblemOf(text);
                return problem === null ? true : problem === 'required' ? 'Required' : THRESHOLD_MESSAGE;
              },
            })}
          />
        </FormField>
      )}
      {kind === 'reveal' && (
        <StaffRoleCheckboxes
          id={`${id}-requesters`}
          className="form-grid__wide"
          legend={t('approvals.policies.requesterRoles')}
          hint={t('approvals.policies.requesterRolesHint')}
          error={error('requesterRoles')}
          registration={register('requesterRoles', {
            validate: (roles, values) =>
              requesterRolesProblemOf(kind, { isEnabled: values.isEnabled, requesterRoles: roles })
                ? t('approvals.policies.noRequesterRoles')
                : true,
          })}
        />
      )}
    </FormCard>
  );
}

/** For compliance and auditors: the same facts, without controls that would end in a 403. */
function PolicyFacts({ policy }: { policy: TApprovalPolicy }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <FormSection headingId={`${id}-heading`} title={t(`approvals.kinds.${policy.kind}`)}>
      <p className="field__hint">{t(`approvals.policies.hints.${policy.kind}`)}</p>
      <dl className="description-list">
        <Term label={t('approvals.policies.isEnabled')}>
          {policy.isEnabled ? t('approvals.policies.on') : t('approvals.policies.off')}
        </Term>
        <Term label={t('approvals.policies.approverRole')}>
          {t(`enums.staffRole.${policy.approverRole}`)}
        </Term>
        <Term label={t('approvals.policies.expiresAfterHours')}>
          {t('approvals.policies.hours', { count: policy.expiresAfterHours })}
        </Term>
        {policy.kind === 'export' && (
          <Term label={t('approvals.policies.rowThreshold')}>
            {policy.rowThreshold === null ? null : String(policy.rowThreshold)}
          </Term>
        )}
        {policy.kind === 'reveal' && (
          <Term label={t('approvals.policies.requesterRoles')}>
            {policy.requesterRoles.length > 0
              ? policy.requesterRoles
                  .map((role) => t(`enums.staffRole.${role}`))
                  .join(t('common.listSeparator'))
              : null}
          </Term>
        )}
      </dl>
    </FormSection>
  );
}

function byKindOrder(a: TApprovalPolicy, b: TApprovalPolicy): number {
  return APPROVAL_KINDS.indexOf(a.kind) - APPROVAL_KINDS.indexOf(b.kind);
}

/** 审批策略: which actions wait for an approver, who approves, and how long a request stays open. */
export function ApprovalPoliciesPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const canEdit = hasAnyRole(user, APPROVAL_POLICY_EDIT_ROLES);
  const policies = useApprovalPolicies();
  const [savedKind, setSavedKind] = useState<TApprovalKind | null>(null);

  return (
    <div className="stack">
      <ApprovalsHeader current="policies" />
      <p className="muted page-intro">
        {canEdit ? t('approvals.policies.intro') : t('approvals.policies.readOnly')}
      </p>
      {savedKind && (
        <div className="banner banner--success" role="status">
          {t('approvals.policies.saved', { kind: t(`approvals.kinds.${savedKind}`) })}
        </div>
      )}
      <QueryStatus query={policies} loadFailed={t('approvals.policies.loadFailed')} />
      {policies.data &&
        [...policies.data].sort(byKindOrder).map((policy) =>
          canEdit ? (
            // Keyed by the saved settings, so a save (or a refetch) starts the form from what was stored.
            <PolicyForm key={JSON.stringify(policy)} policy={policy} onSaved={setSavedKind} />
          ) : (
            <PolicyFacts key={policy.kind} policy={policy} />
          ),
        )}
    </div>
  );
}
