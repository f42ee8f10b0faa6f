import type { TFunction } from 'i18next';
import { SENSITIVE_FIELD_NAMES, STAFF_ROLES } from '../access/access-options';
import type { TApprovalRequest } from './approval-outcome';

/*
 * How an approval request reads and what a viewer may do with it. The API decides (`canDecide`, and it
 * refuses anything else with 403/409); this only keeps the page from offering buttons that would fail.
 * `details` is a free-form object whose shape depends on the kind, so every value is checked before use
 * and anything unexpected is left out rather than shown wrong.
 */

export const APPROVAL_KINDS = [
  'export',
  'reveal',
  'role_change',
  'erasure',
] as const satisfies readonly TApprovalRequest['kind'][];
export const APPROVAL_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'expired',
  'cancelled',
] as const satisfies readonly TApprovalRequest['status'][];
export const APPROVAL_VIEWS = ['to_decide', 'mine', 'all'] as const;

/** The decision's comment: required to reject, at most this long (ApprovalDecision.yaml). */
export const DECISION_COMMENT_MAX = 500;

const STATUS_BADGES: Record<TApprovalRequest['status'], string> = {
  pending: 'badge--warning',
  approved: 'badge--success',
  rejected: 'badge--danger',
  expired: 'badge--muted',
  cancelled: 'badge--muted',
};

export function statusBadgeClass(status: TApprovalRequest['status']): string {
  return STATUS_BADGES[status];
}

export type TApprovalActions = {
  canDecide: boolean;
  canCancel: boolean;
  /** Where the approved thing is used: the requester's exports, or the customer to reveal again. */
  followUpPath: string | null;
};

function stringAt(details: Record<string, unknown>, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The customer a reveal or erasure request is about, for a link; null for other kinds. */
export function customerIdOf(request: Pick<TApprovalRequest, 'kind' | 'details'>): string | null {
  return request.kind === 'reveal' || request.kind === 'erasure'
    ? stringAt(request.details, 'customerId')
    : null;
}

export function approvalActionsOf(
  request: Pick<TApprovalRequest, 'kind' | 'status' | 'canDecide' | 'requestedBy' | 'details' | 'usedAt'>,
  viewerId: string | undefined,
): TApprovalActions {
  const isPending = request.status === 'pending';
  const isOwn = viewerId !== undefined && request.requestedBy.id === viewerId;
  const isApproved = request.status === 'approved';
  let followUpPath: string | null = null;
  if (isOwn && isApproved && request.kind === 'export') followUpPath = '/exports';
  const customerId = customerIdOf(request);
  if (isOwn && isApproved && request.kind === 'reveal' && request.usedAt === null && customerId) {
    followUpPath = `/customers/${customerId}`;
  }
  return {
    // The API's own answer already says pending, approver role and not one's own; the status is checked
    // again so that a list read before an expiry never offers a decision on a settled request.
    canDecide: request.canDecide && isPending,
    canCancel: isPending && isOwn,
    followUpPath,
  };
}

export type TDecisionProblem = 'commentRequired' | 'commentTooLong' | null;

export function decisionProblemOf(decision: 'approve' | 'reject', comment: string): TDecisionProblem {
  const text = comment.trim();
  if (decision === 'reject' && text === '') return 'commentRequired';
  if (text.length > DECISION_COMMENT_MAX) return 'commentTooLong';
  return null;
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function rolesText(t: TFunction, value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const roles = value.filter((role) => isOneOf(STAFF_ROLES, role));
  return roles.length > 0
    ? roles.map((role) => t(`enums.staffRole.${role}`)).join(t('common.listSeparator'))
    : t('approvals.details.noRoles');
}

export type TApprovalFact = { key: string; label: string; value: string };

/** The kind-specific details as label and value, in the UI language. */
export function approvalDetailFacts(
  t: TFunction,
  request: Pick<TApprovalRequest, 'kind' | 'details'>,
): TApprovalFact[] {
  const { details } = request;
  const facts: TApprovalFact[] = [];
  const add = (key: string, value: string | null) => {
    if (value !== null) facts.push({ key, label: t(`approvals.details.${key}`), value });
  };
  switch (request.kind) {
    case 'export': {
      const source = stringAt(details, 'source');
      add('source', source && t(`approvals.exportSources.${source}`, { defaultValue: source }));
      add('format', stringAt(details, 'format')?.toUpperCase() ?? null);
      add('rows', typeof details.rows === 'number' ? String(details.rows) : null);
      break;
    }
    case 'reveal': {
      const field = details.field;
      add('field', isOneOf(SENSITIVE_FIELD_NAMES, field) ? t(`enums.sensitiveField.${field}`) : null);
      break;
    }
    case 'role_change': {
      const role = details.role;
      if (isOneOf(STAFF_ROLES, role)) {
        // A role's access policy rather than one person's roles.
        add('policyRole', t(`enums.staffRole.${role}`));
      } else {
        add('rolesBefore', rolesText(t, details.rolesBefore));
        add('rolesAfter', rolesText(t, details.rolesAfter));
      }
      break;
    }
    case 'erasure':
      add('requestReference', stringAt(details, 'requestReference'));
      break;
  }
  return facts;
}
