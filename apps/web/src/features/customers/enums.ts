import type { ListCustomersQuery } from '@cims/api-client';
import {
  ZContactPointType,
  ZCustomerKind,
  ZGender,
  ZLifecycleStage,
  ZOrganizationSize,
  ZOtherIdType,
  ZSourceChannel,
} from '@cims/schemas';

// The option lists are the shared schemas' enums (which a test holds to the contract); the labels come
// from i18n under `enums.<name>.<value>`.
export const CUSTOMER_KINDS = ZCustomerKind.options;
export const LIFECYCLE_STAGES = ZLifecycleStage.options;
export const SOURCE_CHANNELS = ZSourceChannel.options;
export const GENDERS = ZGender.options;
export const ORGANIZATION_SIZES = ZOrganizationSize.options;
export const OTHER_ID_TYPES = ZOtherIdType.options;
export const CONTACT_POINT_TYPES = ZContactPointType.options;
export const VALUE_TIERS = ['A', 'B', 'C', 'D'] as const satisfies readonly NonNullable<
  ListCustomersQuery['valueTier']
>[];
export const CUSTOMER_STATUSES = ['active', 'deleted'] as const;
/** 订单渠道, for "ordered in" filters and the dashboard's purchase trend. */
export const ORDER_CHANNELS = ['online', 'offline', 'other'] as const satisfies readonly NonNullable<
  ListCustomersQuery['orderChannel']
>[];
/** The list's sort choices, the default (newest first) first. */
export const CUSTOMER_SORTS = [
  '-createdAt',
  '-updatedAt',
  'displayName',
  'qualityScore',
  '-qualityScore',
] as const satisfies readonly NonNullable<ListCustomersQuery['sort']>[];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
