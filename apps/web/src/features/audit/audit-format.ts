import type { AuditAction, AuditVerification } from '@cims/api-client';
import type { TFunction } from 'i18next';
import { SENSITIVE_FIELD_NAMES } from '../access/access-options';
import { CUSTOMER_FIELD_LABELS } from '../customers/field-labels';

/*
 * How audit entries read in the UI. The API records actions, field names and values as codes (the
 * customer snapshot of apps/api customers/audit-snapshot.ts, the access policy settings, sign-in
 * outcomes); this module turns each known code into its label and shows anything unknown as it came,
 * so an action added to the API is never hidden, merely untranslated until it is added here.
 */

/** The actions the API writes today, in the order the action filter offers them. */
export const AUDIT_ACTIONS = [
  'customer.create',
  'customer.update',
  'customer.delete',
  'customer.restore',
  'customer.view',
  'customer.reveal',
  'customer.subject_access',
  'customer.erase',
  'consent.grant',
  'consent.withdraw',
  'access_policy.update',
  'user.create',
  'api_key.create',
  'api_key.revoke',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'retention_policy.update',
  'retention.dry_run',
  'retention.run',
  'anomaly_settings.update',
  'security_alert.acknowledge',
  'customer.verify',
  'customer.merge',
  'customer.unmerge',
  'import.start',
  'import.batch',
  'import.cancel',
  'duplicate.dismiss',
  'data_quality_settings.update',
  'task.complete',
  'task.create',
  'order.upsert',
  'product_mapping.update',
  'interaction.create',
  'work_order.create',
  'work_order.update',
  'work_order.transition',
  'work_order.assign',
  'work_order.comment',
  'work_order_settings.update',
  'work_order.attach',
  'segment.create',
  'segment.update',
  'segment.delete',
  'segment.refresh',
  'value_tier_settings.update',
  'value_tier.run',
  'trigger.create',
  'trigger.update',
  'trigger.delete',
  'trigger.run',
  'export.segment',
  'campaign.create',
  'campaign.update',
  'campaign.delete',
  'export.customers',
  'export.work_orders',
  'export.dashboard',
  'export_file.download',
  'approval.request',
  'approval.approve',
  'approval.reject',
  'approval.cancel',
  'approval.expire',
  'approval_policy.update',
  'user.roles_update',
  'tag.define',
  'tag.delete',
] as const satisfies readonly AuditAction[];

// Fails to compile when the contract gains an action this list (and so the translations) lacks.
const everyActionListed: Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]> extends never ? true : never =
  true;
void everyActionListed;

const RESOURCE_TYPES = new Set([
  'customer',
  'import',
  'duplicate_candidate',
  'data_quality_settings',
  'task',
  'consent',
  'session',
  'staff_user',
  'access_policy',
  'api_key',
  'retention_policy',
  'retention_run',
  'anomaly_settings',
  'security_alert',
  'order',
  'product_code_mappings',
  'interaction',
  'work_order',
  'work_order_settings',
  'segment',
  'value_tier_settings',
  'trigger',
  'campaign',
  'export',
  'approval_request',
  'approval_policy',
]);

const FIELD_LABELS: Record<string, string> = {
  ...CUSTOMER_FIELD_LABELS,
  dataScope: 'access.dataScope',
  fieldAccess: 'access.fieldAccess',
  canReveal: 'access.canReveal',
  email: 'audit.fields.email',
  roles: 'audit.fields.roles',
  name: 'audit.fields.name',
  scopes: 'audit.fields.scopes',
  field: 'audit.fields.field',
  reason: 'audit.fields.reason',
  valueCount: 'audit.fields.valueCount',
  purpose: 'audit.fields.purpose',
  channel: 'audit.fields.channel',
  source: 'audit.fields.source',
  textVersion: 'audit.fields.textVersion',
  requestReference: 'audit.fields.requestReference',
  removedContactPoints: 'audit.fields.removedContactPoints',
  removedAddresses: 'audit.fields.removedAddresses',
  removedConsentEvents: 'audit.fields.removedConsentEvents',
  customerId: 'audit.fields.customerId',
  unmaskedFields: 'audit.fields.unmaskedFields',
  isEnabled: 'audit.fields.isEnabled',
  afterDays: 'audit.fields.afterDays',
  report: 'audit.fields.report',
  fileName: 'audit.fields.fileName',
  onDuplicate: 'audit.fields.onDuplicate',
  rows: 'audit.fields.rows',
  created: 'audit.fields.created',
  updated: 'audit.fields.updated',
  unchanged: 'audit.fields.unchanged',
  merged: 'audit.fields.merged',
  flagged: 'audit.fields.flagged',
  errors: 'audit.fields.errors',
  mergeId: 'audit.fields.mergeId',
  survivorId: 'audit.fields.survivorId',
  mergedId: 'audit.fields.mergedId',
  isAutomatic: 'audit.fields.isAutomatic',
  customerA: 'audit.fields.customerA',
  customerB: 'audit.fields.customerB',
  autoMergeOnScan: 'dataQuality.settings.autoMergeOnScan',
  staleAfterDays: 'dataQuality.settings.staleAfterDays',
  sourceTrust: 'dataQuality.settings.sourceTrust',
  approverRole: 'approvals.fields.approverRole',
  requestedBy: 'approvals.fields.requestedBy',
  comment: 'approvals.fields.decisionComment',
  approvalId: 'audit.fields.approvalId',
  expiresAfterHours: 'approvals.policies.expiresAfterHours',
  rowThreshold: 'approvals.policies.rowThreshold',
  requesterRoles: 'approvals.policies.requesterRoles',
  rolesBefore: 'approvals.details.rolesBefore',
  rolesAfter: 'approvals.details.rolesAfter',
};

/** Fields whose values are codes of an enum with labels under `enums.<name>`. */
const ENUM_FIELDS: Record<string, string> = {
  kind: 'kind',
  gender: 'gender',
  organizationSize: 'organizationSize',
  sourceChannel: 'sourceChannel',
  lifecycleStage: 'lifecycleStage',
  dataScope: 'dataScope',
  roles: 'staffRole',
  field: 'sensitiveField',
  unmaskedFields: 'sensitiveField',
  access: 'fieldAccess',
  purpose: 'consentPurpose',
  channel: 'consentChannel',
  onDuplicate: 'duplicatePolicy',
  sourceTrust: 'sourceChannel',
  serviceStatus: 'serviceStatus',
  approverRole: 'staffRole',
  requesterRoles: 'staffRole',
  rolesBefore: 'staffRole',
  rolesAfter: 'staffRole',
};

/** How an absent value reads: null, undefined, an empty string or an empty list. */
export const EMPTY_VALUE = '—';

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function auditActionLabel(t: TFunction, action: string): string {
  return isOneOf(AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action;
}

export function resourceTypeLabel(t: TFunction, resourceType: string): string {
  return RESOURCE_TYPES.has(resourceType) ? t(`audit.resourceTypes.${resourceType}`) : resourceType;
}

export function auditFieldLabel(t: TFunction, field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

export type TAuditValueContext = {
  t: TFunction;
  /** The entry's action: the same field name can mean different things in different actions. */
  action: string;
  userName: (id: string) => string | undefined;
  formatDateTime: (iso: string) => string;
};

function formatScalar(field: string, value: unknown, context: TAuditValueContext): string {
  const { t } = context;
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  // In an approval's entries `kind` is what was asked for, not a customer's kind.
  if (field === 'kind' && context.action.startsWith('approval')) {
    return t(`approvals.kinds.${value}`, { defaultValue: value });
  }
  const enumName = ENUM_FIELDS[field];
  if (enumName) return t(`enums.${enumName}.${value}`, { defaultValue: value });
  if (field === 'ownerId' || field === 'requestedBy')
    return context.userName(value) ?? t('history.unknownUser');
  if (field === 'deletedAt') return context.formatDateTime(value);
  if (field === 'reason' && context.action === 'auth.sign_in_failed') {
    return t(`audit.signInFailure.${value}`, { defaultValue: value });
  }
  return value;
}

/** One value of an entry's `changes` or `details`, as text for people. */
export function formatAuditValue(field: string, value: unknown, context: TAuditValueContext): string {
  if (Array.isArray(value)) {
    return value.length > 0
      ? value.map((item) => formatScalar(field, item, context)).join(context.t('common.listSeparator'))
      : EMPTY_VALUE;
  }
  return formatScalar(field, value, context);
}

export type TAuditChangeRow = { key: string; label: string; before: string; after: string };

/** A creation records every field with `before: null`; its entry reads better as the values alone. */
export function isCreationChanges(changes: Record<string, { before: unknown; after: unknown }>): boolean {
  return Object.values(changes).every((change) => change.before === null);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An entry's `changes` as rows of label, before and after. A policy's `fieldAccess` is recorded as the
 * whole map before and after; it is split into one row per sensitive field that changed, because five
 * pairs side by side hide the one that differs.
 */
export function auditChangeRows(
  changes: Record<string, { before: unknown; after: unknown }>,
  context: TAuditValueContext,
): TAuditChangeRow[] {
  const { t } = context;
  return Object.entries(changes).flatMap(([field, change]): TAuditChangeRow[] => {
    if (field === 'fieldAccess' && (isRecord(change.before) || isRecord(change.after))) {
      const before = isRecord(change.before) ? change.before : {};
      const after = isRecord(change.after) ? change.after : {};
      return [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((name) => before[name] !== after[name])
        .map((name) => ({
          key: `${field}.${name}`,
          label: t('audit.subField', {
            field: auditFieldLabel(t, field),
            name: isOneOf(SENSITIVE_FIELD_NAMES, name) ? t(`enums.sensitiveField.${name}`) : name,
          }),
          before: formatScalar('access', before[name], context),
          after: formatScalar('access', after[name], context),
        }));
    }
    return [
      {
        key: field,
        label: auditFieldLabel(t, field),
        before: formatAuditValue(field, change.before, context),
        after: formatAuditValue(field, change.after, context),
      },
    ];
  });
}

/** The verifier's finding in the UI language, from its machine-readable code. */
export function chainProblemLabel(
  t: TFunction,
  result: Pick<AuditVerification, 'problemCode' | 'firstBrokenSeq'>,
) {
  return result.problemCode
    ? t(`audit.verify.problems.${result.problemCode}`, { seq: result.firstBrokenSeq })
    : '';
}
