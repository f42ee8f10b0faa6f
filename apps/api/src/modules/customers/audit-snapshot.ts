/**
 * A customer as the audit log records it: flat field → value, with sensitive values masked so that
 * the log itself never becomes a copy of the personal data it protects.
 */
import { formatAddressLine, maskResidentId } from '@cims/schemas';
import { maskValue } from '../access/masking';
import type { SensitiveField, Viewer } from '../access/policies';
import type { CustomerRecord } from './repo';

export function customerAuditSnapshot(record: CustomerRecord): Record<string, unknown> {
  const { row } = record;
  return {
    kind: row.kind,
    displayName: row.displayName,
    familyName: row.familyName,
    givenName: row.givenName,
    gender: row.gender,
    birthDate: row.birthDate ? maskValue('birthDate', row.birthDate) : null,
    residentIdNumber: record.residentIdNumber ? maskResidentId(record.residentIdNumber) : null,
    otherIdType: row.otherIdType,
    otherIdNumber: record.otherIdNumber ? maskValue('otherIdNumber', record.otherIdNumber) : null,
    legalName: row.legalName,
    uscc: row.uscc,
    organizationSize: row.organizationSize,
    customerType: row.customerType,
    industry: row.industry,
    sourceChannel: row.sourceChannel,
    lifecycleStage: row.lifecycleStage,
    ownerId: row.ownerId,
    notes: row.notes,
    contractEndDate: row.contractEndDate,
    tags: row.tags,
    contactPoints: record.contactPoints.map(
      (p) =>
        `${p.type}:${maskValue(p.type, p.value)}${p.label ? ` (${p.label})` : ''}${p.isPrimary ? ' *' : ''}`,
    ),
    // The detail line can identify a home; the audit keeps the region (or abroad the country) only.
    addresses: record.addresses.map((a) => formatAddressLine({ ...a, detail: '', postcode: null })),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

// Which sensitive fields each snapshot key shows (masked) values of.
const snapshotFields: Partial<Record<string, SensitiveField[]>> = {
  residentIdNumber: ['residentIdNumber'],
  otherIdNumber: ['otherIdNumber'],
  birthDate: ['birthDate'],
  contactPoints: ['phone', 'email', 'wechat'],
};

/**
 * A customer's history as a viewer may see it: the log keeps masked values, but a field hidden from the
 * viewer's role must not appear even masked.
 */
export function changesVisibleTo<T extends Record<string, unknown> | null>(changes: T, viewer: Viewer): T {
  if (!changes) return changes;
  return Object.fromEntries(
    Object.entries(changes).filter(([key]) =>
      (snapshotFields[key] ?? []).every((field) => viewer.fieldAccess[field] !== 'hidden'),
    ),
  ) as T;
}
