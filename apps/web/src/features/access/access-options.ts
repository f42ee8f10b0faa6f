import type { components } from '@cims/api-client';
import type { TStaffRole } from '../auth/roles';

type Schemas = components['schemas'];
export type TFieldAccess = Schemas['FieldAccess'];
export type TDataScope = Schemas['DataScope'];
export type TSensitiveField = keyof Schemas['FieldAccessMap'];

// The option lists follow the contract's enums; labels live in i18n under `enums.<name>.<value>`.
export const STAFF_ROLES = [
  'admin',
  'sales',
  'service',
  'marketing',
  'compliance',
  'auditor',
] as const satisfies readonly TStaffRole[];
export const DATA_SCOPES = [
  'all',
  'own_or_team',
  'assigned_work_orders',
] as const satisfies readonly TDataScope[];
export const FIELD_ACCESS_VALUES = ['visible', 'masked', 'hidden'] as const satisfies readonly TFieldAccess[];
export const SENSITIVE_FIELD_NAMES = [
  'residentIdNumber',
  'otherIdNumber',
  'birthDate',
  'phone',
  'email',
  'wechat',
  'addressDetail',
] as const satisfies readonly TSensitiveField[];

// Fails to compile when the contract gains a sensitive field this list (and so the policy table) lacks.
const everyFieldListed: Exclude<TSensitiveField, (typeof SENSITIVE_FIELD_NAMES)[number]> extends never
  ? true
  : never = true;
void everyFieldListed;
