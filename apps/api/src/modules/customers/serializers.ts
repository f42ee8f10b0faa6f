/**
 * The only way customer data leaves the server: every response is built here, so the field-level
 * access and masking rules have one place to live.
 */
import type { components } from '@cims/api-client';
import { getRegionName } from '@cims/schemas';
import type { CustomerListRow, CustomerRecord } from './repo';

type Schemas = components['schemas'];

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function toCustomer(record: CustomerRecord): Schemas['Customer'] {
  const { row } = record;
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    person:
      row.kind === 'person'
        ? {
            familyName: row.familyName ?? '',
            givenName: row.givenName ?? '',
            gender: row.gender ?? 'unknown',
            birthDate: row.birthDate,
            residentIdNumber: row.residentIdNumber,
          }
        : null,
    organization:
      row.kind === 'organization'
        ? { legalName: row.legalName ?? row.displayName, uscc: row.uscc, size: row.organizationSize }
        : null,
    contactPoints: record.contactPoints.map((point) => ({
      id: point.id,
      type: point.type,
      value: point.value,
      label: point.label,
      isPrimary: point.isPrimary,
    })),
    addresses: record.addresses.map((address) => ({
      id: address.id,
      label: address.label,
      provinceCode: address.provinceCode,
      provinceName: getRegionName(address.provinceCode) ?? address.provinceCode,
      cityCode: address.cityCode,
      cityName: address.cityCode ? getRegionName(address.cityCode) : null,
      districtCode: address.districtCode,
      districtName: address.districtCode ? getRegionName(address.districtCode) : null,
      detail: address.detail,
      isPrimary: address.isPrimary,
    })),
    tags: row.tags,
    customerType: row.customerType,
    industry: row.industry,
    sourceChannel: row.sourceChannel,
    lifecycleStage: row.lifecycleStage,
    owner: record.owner,
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export function toCustomerSummary(row: CustomerListRow): Schemas['CustomerSummary'] {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    primaryPhone: row.primaryPhone,
    primaryEmail: row.primaryEmail,
    provinceCode: row.provinceCode,
    provinceName: row.provinceCode ? getRegionName(row.provinceCode) : null,
    cityCode: row.cityCode,
    cityName: row.cityCode ? getRegionName(row.cityCode) : null,
    tags: row.tags,
    lifecycleStage: row.lifecycleStage,
    sourceChannel: row.sourceChannel,
    owner: row.ownerId ? { id: row.ownerId, displayName: row.ownerName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
