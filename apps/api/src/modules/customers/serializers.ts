/**
 * The only way customer data leaves the server: every response is built here, with the viewer's field
 * access applied (visible, masked or hidden), so no route can forget to mask.
 */
import type { components } from '@cims/api-client';
import { getRegionName } from '@cims/schemas';
import { shownValue } from '../access/masking';
import type { FieldAccessMap, Viewer } from '../access/policies';
import type { CustomerListRow, CustomerRecord } from './repo';

type Schemas = components['schemas'];

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function toCustomer(record: CustomerRecord, viewer: Viewer): Schemas['Customer'] {
  const access = viewer.fieldAccess;
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
            birthDate: shownValue('birthDate', access.birthDate, row.birthDate),
            residentIdNumber: shownValue(
              'residentIdNumber',
              access.residentIdNumber,
              record.residentIdNumber,
            ),
            otherIdType: access.otherIdNumber === 'hidden' ? null : row.otherIdType,
            otherIdNumber: shownValue('otherIdNumber', access.otherIdNumber, record.otherIdNumber),
          }
        : null,
    organization:
      row.kind === 'organization'
        ? { legalName: row.legalName ?? row.displayName, uscc: row.uscc, size: row.organizationSize }
        : null,
    contactPoints: record.contactPoints
      .filter((point) => access[point.type] !== 'hidden')
      .map((point) => ({
        id: point.id,
        type: point.type,
        value: shownValue(point.type, access[point.type], point.value) ?? '',
        label: point.label,
        isPrimary: point.isPrimary,
      })),
    addresses: record.addresses.map((address) => ({
      id: address.id,
      label: address.label,
      countryCode: address.countryCode,
      provinceCode: address.provinceCode,
      provinceName: address.provinceCode
        ? (getRegionName(address.provinceCode) ?? address.provinceCode)
        : null,
      cityCode: address.cityCode,
      cityName: address.cityCode ? getRegionName(address.cityCode) : null,
      districtCode: address.districtCode,
      districtName: address.districtCode ? getRegionName(address.districtCode) : null,
      postcode: address.postcode,
      detail: shownValue('addressDetail', access.addressDetail, address.detail) ?? '',
      isPrimary: address.isPrimary,
    })),
    tags: row.tags,
    customerType: row.customerType,
    industry: row.industry,
    sourceChannel: row.sourceChannel,
    lifecycleStage: row.lifecycleStage,
    owner: record.owner,
    notes: row.notes,
    fieldAccess: access,
    canReveal: viewer.canReveal,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    qualityScore: row.qualityScore,
    qualityIssues: row.qualityIssues,
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
    externalIds: record.externalIds,
    provenance: Object.entries(row.provenance).map(([field, origin]) => ({
      field,
      source: origin.source,
      sourceChannel: (origin.sourceChannel as Schemas['SourceChannel'] | null) ?? null,
      importId: origin.importId,
      recordedAt: origin.at,
    })),
    mergedInto: record.mergedInto,
    serviceStatus: row.serviceStatus,
    valueTier: row.valueTier,
    contractEndDate: row.contractEndDate,
  };
}

export function toCustomerSummary(row: CustomerListRow, access: FieldAccessMap): Schemas['CustomerSummary'] {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    primaryPhone: shownValue('phone', access.phone, row.primaryPhone),
    primaryEmail: shownValue('email', access.email, row.primaryEmail),
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
    qualityScore: row.qualityScore,
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
  };
}
