import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../components/query-status';
import { isApiError } from '../../lib/api';
import { translateValidationMessage } from '../../lib/validation-messages';
import { ApprovalHeldNotice } from '../approvals/approval-held-notice';
import type { TApprovalRequest } from '../approvals/approval-outcome';
import { useSession } from '../auth/queries';
import { ACCESS_POLICY_EDIT_ROLES, hasAnyRole, type TStaffRole } from '../auth/roles';
import {
  DATA_SCOPES,
  FIELD_ACCESS_VALUES,
  SENSITIVE_FIELD_NAMES,
  STAFF_ROLES,
  type TFieldAccess,
} from './access-options';
import { AccessTabs } from './access-tabs';
import {
  type TAccessPolicy,
  type TAccessPolicyUpdate,
  useAccessPolicies,
  useUpdateAccessPolicy,
} from './queries';

function AccessBadge({ access }: { access: TFieldAccess }) {
  const { t } = useTranslation();
  return <span className={`badge badge--access-${access}`}>{t(`enums.fieldAccess.${access}`)}</span>;
}

function PolicyRow({
  policy,
  onEdit,
  hasFocus,
}: {
  policy: TAccessPolicy;
  onEdit: (() => void) | null;
  hasFocus: boolean;
}) {
  const { t } = useTranslation();
  const editRef = useRef<HTMLButtonElement>(null);

  // Back from editing this row, focus returns to the button that started it rather than to the page top.
  useEffect(() => {
    if (hasFocus) editRef.current?.focus();
  }, [hasFocus]);

  const roleLabel = t(`enums.staffRole.${policy.role}`);
  return (
    <tr>
      <th scope="row" data-label={t('access.role')}>
        {roleLabel}
      </th>
      <td data-label={t('access.dataScope')}>{t(`enums.dataScope.${policy.dataScope}`)}</td>
      {SENSITIVE_FIELD_NAMES.map((field) => (
        <td key={field} data-label={t(`enums.sensitiveField.${field}`)}>
          <AccessBadge access={policy.fieldAccess[field]} />
        </td>
      ))}
      <td data-label={t('access.canReveal')}>
        {policy.canReveal ? t('access.revealAllowed') : t('access.revealNotAllowed')}
      </td>
      {onEdit && (
        <td className="access-table__actions">
          <button
            ref={editRef}
            type="button"
            className="button button--small"
            aria-label={t('access.editRole', { role: roleLabel })}
            onClick={onEdit}
          >
            {t('common.edit')}
          </button>
        </td>
      )}
    </tr>
  );
}

function settingsOf(policy: TAccessPolicy): TAccessPolicyUpdate {
  return { dataScope: policy.dataScope, fieldAccess: { ...policy.fieldAccess }, canReveal: policy.canReveal };
}

function PolicyEditRow({
  policy,
  onDone,
  onHeld,
}: {
  policy: TAccessPolicy;
  onDone: (saved: TStaffRole | null) => void;
  /** The change waits for an approver (the `role_change` approval policy is on). */
  onHeld: (approval: TApprovalRequest) => void;
}) {
  const { t } = useTranslation();
  const firstControlRef = useRef<HTMLSelectElement>(null);
  const update = useUpdateAccessPolicy();
  const [draft, setDraft] = useState<TAccessPolicyUpdate>(() => settingsOf(policy));
  const roleLabel = t(`enums.staffRole.${policy.role}`);
  const isUnchanged = JSON.stringify(draft) === JSON.stringify(settingsOf(policy));
  const label = (column: string) => t('access.cellLabel', { role: roleLabel, column });

  // The row's controls replace the button that opened them, so focus moves to the first of them.
  useEffect(() => {
    firstControlRef.current?.focus();
  }, []);

  const save = () =>
    update.mutate(
      { role: policy.role, body: draft },
      { onSuccess: (outcome) => (outcome.isHeld ? onHeld(outcome.approval) : onDone(policy.role)) },
    );

  const problems = isApiError(update.error)
    ? (update.error.problem.errors ?? []).map((error) => translateValidationMessage(t, error.message))
    : [];

  return (
    <tr className="access-table__editing">
      <th scope="row" data-label={t('access.role')}>
        {roleLabel}
      </th>
      <td data-label={t('access.dataScope')}>
        <select
          ref={firstControlRef}
          aria-label={label(t('access.dataScope'))}
          value={draft.dataScope}
          onChange={(event) =>
            setDraft({ ...draft, dataScope: event.target.value as TAccessPolicyUpdate['dataScope'] })
          }
        >
          {DATA_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`enums.dataScope.${scope}`)}
            </option>
          ))}
        </select>
      </td>
      {SENSITIVE_FIELD_NAMES.map((field) => (
        <td key={field} data-label={t(`enums.sensitiveField.${field}`)}>
          <select
            aria-label={label(t(`enums.sensitiveField.${field}`))}
            value={draft.fieldAccess[field]}
            onChange={(event) =>
              setDraft({
                ...draft,
                fieldAccess: { ...draft.fieldAccess, [field]: event.target.value as TFieldAccess },
              })
            }
          >
            {FIELD_ACCESS_VALUES.map((access) => (
              <option key={access} value={access}>
                {t(`enums.fieldAccess.${access}`)}
              </option>
            ))}
          </select>
        </td>
      ))}
      <td data-label={t('access.canReveal')}>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={draft.canReveal}
            onChange={(event) => setDraft({ ...draft, canReveal: event.target.checked })}
          />
          <span>{t('access.revealAllowed')}</span>
        </label>
      </td>
      <td className="access-table__actions">
        <div className="button-row">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={isUnchanged || update.isPending}
            onClick={save}
          >
            {update.isPending ? t('common.saving') : t('access.save')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
        {update.isError && (
          <div className="field__error" role="alert">
            {isApiError(update.error) && update.error.status === 403
              ? t('errors.forbidden')
              : t('errors.generic')}
            {problems.length > 0 && (
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

function byRoleOrder(a: TAccessPolicy, b: TAccessPolicy): number {
  return STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role);
}

export function AccessPoliciesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const policies = useAccessPolicies();
  const canEdit = hasAnyRole(session.data?.user, ACCESS_POLICY_EDIT_ROLES);
  const [editingRole, setEditingRole] = useState<TStaffRole | null>(null);
  const [savedRole, setSavedRole] = useState<TStaffRole | null>(null);
  const [heldApproval, setHeldApproval] = useState<TApprovalRequest | null>(null);
  const [lastEditedRole, setLastEditedRole] = useState<TStaffRole | null>(null);

  const startEditing = (role: TStaffRole) => {
    setSavedRole(null);
    setHeldApproval(null);
    setLastEditedRole(null);
    setEditingRole(role);
  };

  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('access.title')}</h1>
      </div>
      <AccessTabs />
      <p className="muted page-intro">{canEdit ? t('access.intro') : t('access.readOnly')}</p>
      {savedRole && (
        <div className="banner banner--success" role="status">
          {t('access.saved', { role: t(`enums.staffRole.${savedRole}`) })}
        </div>
      )}
      {heldApproval && <ApprovalHeldNotice approval={heldApproval} />}
      <QueryStatus query={policies} loadFailed={t('access.loadFailed')} />
      {policies.data && (
        <div className="card card--flush access-table-card">
          <table className="data-table access-table">
            <caption className="visually-hidden">{t('access.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('access.role')}</th>
                <th scope="col">{t('access.dataScope')}</th>
                {SENSITIVE_FIELD_NAMES.map((field) => (
                  <th key={field} scope="col">
                    {t(`enums.sensitiveField.${field}`)}
                  </th>
                ))}
                <th scope="col">{t('access.canReveal')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('access.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {[...policies.data].sort(byRoleOrder).map((policy) =>
                canEdit && editingRole === policy.role ? (
                  <PolicyEditRow
                    key={policy.role}
                    policy={policy}
                    onDone={(saved) => {
                      setLastEditedRole(policy.role);
                      setEditingRole(null);
                      setSavedRole(saved);
                    }}
                    onHeld={(approval) => {
                      setLastEditedRole(policy.role);
                      setEditingRole(null);
                      setHeldApproval(approval);
                    }}
                  />
                ) : (
                  <PolicyRow
                    key={policy.role}
                    policy={policy}
                    onEdit={canEdit ? () => startEditing(policy.role) : null}
                    hasFocus={lastEditedRole === policy.role}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
