import type { components } from '@cims/api-client';
import { formatRegionPath, ZInteractionType } from '@cims/schemas';
import { CUSTOMER_KINDS, LIFECYCLE_STAGES, SOURCE_CHANNELS } from '../customers/enums';

type Schemas = components['schemas'];
export type TSegmentField = Schemas['SegmentField'];
export type TFieldOperator = Schemas['SegmentFieldCondition']['operator'];
export type TEventCondition = Schemas['SegmentEventCondition'];
export type TEventKind = TEventCondition['event'];
export type TEventMeasure = TEventCondition['measure'];
export type TComparison = TEventCondition['operator'];
export type TEventFilter = keyof NonNullable<TEventCondition['where']>;
export type TOrderStatus = Schemas['OrderStatus'];
export type TOrderChannel = Schemas['OrderChannel'];
export type TConsentPurpose = Schemas['ConsentPurpose'];
export type TConsentChannel = Schemas['ConsentChannel'];

/** Every member of a contract enum, checked both ways by the compiler: none missing, none unknown. */
function allOf<T extends string>(members: Record<T, true>): readonly T[] {
  return Object.keys(members) as T[];
}

/** What kind of value a field takes, which decides its input. */
export type TFieldValueKind = 'enum' | 'province' | 'city' | 'text' | 'tags' | 'owner' | 'number' | 'date';

const TEXT_OPERATORS: readonly TFieldOperator[] = ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'];
const DATE_OPERATORS: readonly TFieldOperator[] = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
];

/**
 * The fields a rule may test, the operators each takes and its kind of value: the table in the
 * contract's SegmentField description, in the order the picker lists them.
 */
export const SEGMENT_FIELDS = {
  kind: { valueKind: 'enum', operators: TEXT_OPERATORS },
  lifecycleStage: { valueKind: 'enum', operators: TEXT_OPERATORS },
  sourceChannel: { valueKind: 'enum', operators: TEXT_OPERATORS },
  valueTier: { valueKind: 'enum', operators: TEXT_OPERATORS },
  serviceStatus: { valueKind: 'enum', operators: TEXT_OPERATORS },
  provinceCode: { valueKind: 'province', operators: TEXT_OPERATORS },
  cityCode: { valueKind: 'city', operators: TEXT_OPERATORS },
  industry: { valueKind: 'text', operators: TEXT_OPERATORS },
  customerType: { valueKind: 'text', operators: TEXT_OPERATORS },
  tags: { valueKind: 'tags', operators: TEXT_OPERATORS },
  ownerId: { valueKind: 'owner', operators: TEXT_OPERATORS },
  qualityScore: {
    valueKind: 'number',
    operators: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'],
  },
  createdAt: { valueKind: 'date', operators: DATE_OPERATORS },
  contractEndDate: { valueKind: 'date', operators: DATE_OPERATORS },
} as const satisfies Record<
  TSegmentField,
  { valueKind: TFieldValueKind; operators: readonly TFieldOperator[] }
>;

export const SEGMENT_FIELD_NAMES = Object.keys(SEGMENT_FIELDS) as TSegmentField[];

export function operatorsOf(field: TSegmentField): readonly TFieldOperator[] {
  return SEGMENT_FIELDS[field].operators;
}

export function valueKindOf(field: TSegmentField): TFieldValueKind {
  return SEGMENT_FIELDS[field].valueKind;
}

export function isListOperator(operator: TFieldOperator): boolean {
  return operator === 'in' || operator === 'not_in';
}

export function isPresenceOperator(operator: TFieldOperator): boolean {
  return operator === 'is_set' || operator === 'is_not_set';
}

// Enum values: the shared zod enums where there are any, the contract's types otherwise.
const VALUE_TIERS = allOf<NonNullable<Schemas['ValueTier']>>({ A: true, B: true, C: true, D: true });
const SERVICE_STATUSES = allOf<NonNullable<Schemas['ServiceStatus']>>({ in_after_sales: true });

/** The values of an enum field with the i18n key of each label (value tiers are letters in both languages). */
export function enumOptionsOf(field: TSegmentField): readonly { value: string; labelKey: string | null }[] {
  const labelled = (values: readonly string[], name: string) =>
    values.map((value) => ({ value, labelKey: `enums.${name}.${value}` }));
  switch (field) {
    case 'kind':
      return labelled(CUSTOMER_KINDS, 'kind');
    case 'lifecycleStage':
      return labelled(LIFECYCLE_STAGES, 'lifecycleStage');
    case 'sourceChannel':
      return labelled(SOURCE_CHANNELS, 'sourceChannel');
    case 'serviceStatus':
      return labelled(SERVICE_STATUSES, 'serviceStatus');
    case 'valueTier':
      return VALUE_TIERS.map((value) => ({ value, labelKey: null }));
    default:
      return [];
  }
}

export const EVENT_KINDS = allOf<TEventKind>({ order: true, interaction: true, work_order: true });
export const COMPARISONS = allOf<TComparison>({
  eq: true,
  neq: true,
  gt: true,
  gte: true,
  lt: true,
  lte: true,
});
export const ORDER_STATUSES = allOf<TOrderStatus>({
  pending: true,
  paid: true,
  shipped: true,
  completed: true,
  cancelled: true,
  refunded: true,
});
export const ORDER_CHANNELS = allOf<TOrderChannel>({ online: true, offline: true, other: true });
export const INTERACTION_TYPES = ZInteractionType.options;
export const CONSENT_PURPOSES = allOf<TConsentPurpose>({
  marketing: true,
  analytics: true,
  third_party_sharing: true,
});
export const CONSENT_CHANNELS = allOf<TConsentChannel>({ sms: true, email: true, phone: true, wechat: true });

/** The filters and measures each event takes (amounts are on orders only). */
export const EVENT_OPTIONS = {
  order: {
    filters: ['orderStatus', 'orderChannel', 'campaignCode'],
    measures: ['count', 'sum_amount', 'max_amount', 'days_since_last'],
  },
  interaction: { filters: ['interactionType', 'campaignCode'], measures: ['count', 'days_since_last'] },
  work_order: { filters: ['workOrderCategory'], measures: ['count', 'days_since_last'] },
} as const satisfies Record<
  TEventKind,
  { filters: readonly TEventFilter[]; measures: readonly TEventMeasure[] }
>;

export function measuresOf(event: TEventKind): readonly TEventMeasure[] {
  return EVENT_OPTIONS[event].measures;
}

export function filtersOf(event: TEventKind): readonly TEventFilter[] {
  return EVENT_OPTIONS[event].filters;
}

/** The province a city code belongs to (GB/T 2260: its first two digits). */
export function provinceOfCity(cityCode: string): string {
  return `${cityCode.slice(0, 2)}0000`;
}

/** A province or city code by name, the city with its province ('广东省深圳市', '北京市'); unknown codes as they are. */
export function regionLabel(code: string): string {
  const isProvince = code.endsWith('0000');
  const path = formatRegionPath(
    isProvince ? { provinceCode: code } : { provinceCode: provinceOfCity(code), cityCode: code },
  );
  return path || code;
}
