import type { components } from '@cims/api-client';

// The option lists follow the contract's enums; the generated types make a missing or misspelt value a
// compile error, and the labels come from i18n under `enums.<name>.<value>`.
type Schemas = components['schemas'];

export const CUSTOMER_KINDS = [
  'person',
  'organization',
] as const satisfies readonly Schemas['CustomerKind'][];
export const LIFECYCLE_STAGES = [
  'lead',
  'prospect',
  'customer',
  'churned',
] as const satisfies readonly Schemas['LifecycleStage'][];
export const SOURCE_CHANNELS = [
  'website',
  'marketplace',
  'store',
  'hotline',
  'wechat',
  'partner',
  'import',
] as const satisfies readonly Schemas['SourceChannel'][];
export const GENDERS = ['male', 'female', 'unknown'] as const satisfies readonly Schemas['Gender'][];
export const ORGANIZATION_SIZES = [
  'micro',
  'small',
  'medium',
  'large',
] as const satisfies readonly Schemas['OrganizationSize'][];
export const CONTACT_POINT_TYPES = [
  'phone',
  'email',
  'wechat',
] as const satisfies readonly Schemas['ContactPointType'][];
export const CUSTOMER_STATUSES = ['active', 'deleted'] as const;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
