/**
 * A standardized customer (the parsed ZCustomerCreate) as table rows. Every writer of new customers — the
 * service, the importer, the demo seeder — builds its rows here, so that derived columns, encryption and
 * defaults are the same however a customer enters.
 */
import { randomUUID } from 'node:crypto';
import { displayNameFor, type TCustomerCreate } from '@cims/schemas';
import type { FieldProvenance } from '../../db/schema';
import { deriveCustomerColumns, otherIdColumns, residentIdColumns } from './derived-columns';
import type { AddressInsert, ContactPointInsert, CustomerInsert } from './repo';

export interface CustomerRows {
  customer: CustomerInsert & { id: string };
  contactPoints: ContactPointInsert[];
  addresses: AddressInsert[];
}

export function contactPointRows(
  points: NonNullable<TCustomerCreate['contactPoints']>,
): ContactPointInsert[] {
  return points.map((p) => ({
    type: p.type,
    value: p.value,
    label: p.label ?? null,
    isPrimary: p.isPrimary ?? false,
  }));
}

export function addressRows(addresses: NonNullable<TCustomerCreate['addresses']>): AddressInsert[] {
  return addresses.map((a) => ({
    label: a.label ?? null,
    countryCode: a.countryCode,
    provinceCode: a.provinceCode ?? null,
    cityCode: a.cityCode ?? null,
    districtCode: a.districtCode ?? null,
    postcode: a.postcode ?? null,
    detail: a.detail,
    isPrimary: a.isPrimary ?? false,
  }));
}

/** The kind-specific columns of a new customer. */
export function kindColumns(input: TCustomerCreate): Partial<CustomerInsert> {
  return input.kind === 'person'
    ? {
        familyName: input.person.familyName || null,
        givenName: input.person.givenName || null,
        gender: input.person.gender ?? 'unknown',
        birthDate: input.person.birthDate ?? null,
        ...residentIdColumns(input.person.residentIdNumber ?? null),
        ...otherIdColumns(input.person.otherIdNumber ?? null, input.person.otherIdType),
      }
    : {
        legalName: input.organization.legalName,
        uscc: input.organization.uscc ?? null,
        organizationSize: input.organization.size ?? null,
      };
}

/** The fields a create input sets, for provenance. */
export function fieldsSetBy(input: TCustomerCreate): string[] {
  const profile = input.kind === 'person' ? input.person : input.organization;
  const fields = Object.entries(profile)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([field]) => (field === 'size' ? 'organizationSize' : field));
  for (const key of [
    'customerType',
    'industry',
    'notes',
    'lifecycleStage',
    'sourceChannel',
    'contractEndDate',
  ] as const) {
    if (input[key]) fields.push(key);
  }
  if (input.contactPoints?.length) fields.push('contactPoints');
  if (input.addresses?.length) fields.push('addresses');
  if (input.tags?.length) fields.push('tags');
  return fields;
}

export function provenanceFor(
  fields: string[],
  origin: Omit<FieldProvenance, 'at'>,
  at = new Date(),
): Record<string, FieldProvenance> {
  return Object.fromEntries(fields.map((field) => [field, { ...origin, at: at.toISOString() }]));
}

export function customerRowsFor(
  input: TCustomerCreate,
  options: {
    id?: string;
    ownerId: string | null;
    lastVerifiedAt: Date | null;
    provenance: Record<string, FieldProvenance>;
    createdAt?: Date;
  },
): CustomerRows {
  const contactPoints = contactPointRows(input.contactPoints ?? []);
  const addresses = addressRows(input.addresses ?? []);
  const tags = input.tags ?? [];
  const displayName = input.displayName ?? displayNameFor(input);
  const columns = kindColumns(input);
  const customer = {
    id: options.id ?? randomUUID(),
    kind: input.kind,
    displayName,
    ...columns,
    customerType: input.customerType ?? null,
    industry: input.industry ?? null,
    sourceChannel: input.sourceChannel ?? 'website',
    lifecycleStage: input.lifecycleStage ?? 'lead',
    ownerId: options.ownerId,
    notes: input.notes ?? null,
    contractEndDate: input.contractEndDate ?? null,
    tags,
    lastVerifiedAt: options.lastVerifiedAt,
    provenance: options.provenance,
    ...(options.createdAt ? { createdAt: options.createdAt, updatedAt: options.createdAt } : {}),
    ...deriveCustomerColumns({
      kind: input.kind,
      displayName,
      ...columns,
      tags,
      contactPoints,
      addresses,
    }),
  };
  return { customer, contactPoints, addresses };
}
