import type { TFunction } from 'i18next';

/**
 * Labels for the customer field names the API reports outside forms: quality issues, field provenance,
 * merge previews, audit changes and duplicate explanations. A name not listed shows as it came.
 */
export const CUSTOMER_FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: 'fields.kind',
  name: 'fields.displayName',
  displayName: 'fields.displayName',
  familyName: 'fields.familyName',
  givenName: 'fields.givenName',
  gender: 'fields.gender',
  birthDate: 'fields.birthDate',
  residentIdNumber: 'fields.residentIdNumber',
  otherIdType: 'fields.otherIdType',
  otherIdNumber: 'fields.otherIdNumber',
  legalName: 'fields.legalName',
  uscc: 'fields.uscc',
  organizationSize: 'fields.organizationSize',
  customerType: 'fields.customerType',
  industry: 'fields.industry',
  sourceChannel: 'fields.sourceChannel',
  lifecycleStage: 'fields.lifecycleStage',
  ownerId: 'fields.owner',
  notes: 'fields.notes',
  tags: 'fields.tags',
  phone: 'enums.contactPointType.phone',
  email: 'enums.contactPointType.email',
  wechat: 'enums.contactPointType.wechat',
  address: 'customer.address',
  countryCode: 'fields.country',
  postcode: 'fields.postcode',
  contactPoints: 'customer.contactPoints',
  addresses: 'customer.addresses',
  deletedAt: 'fields.deletedAt',
  serviceStatus: 'fields.serviceStatus',
  valueTier: 'fields.valueTier',
  contractEndDate: 'fields.contractEndDate',
};

export function customerFieldLabel(t: TFunction, field: string): string {
  const key = CUSTOMER_FIELD_LABELS[field];
  return key ? t(key) : field;
}
