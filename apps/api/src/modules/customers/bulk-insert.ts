/**
 * New customers in bulk, with COPY: the seeder and the importer write thousands of rows at a time, where
 * one INSERT per row would spend its time on round trips. Runs inside the caller's transaction.
 */
import type { PoolClient } from 'pg';
import { copyRows } from '../../db/copy';
import type { CustomerRows } from './rows';

const customerColumns = {
  id: 'id',
  kind: 'kind',
  displayName: 'display_name',
  familyName: 'family_name',
  givenName: 'given_name',
  gender: 'gender',
  birthDate: 'birth_date',
  residentIdNumberEncrypted: 'resident_id_number_encrypted',
  residentIdNumberBlindIndex: 'resident_id_number_blind_index',
  otherIdType: 'other_id_type',
  otherIdNumberEncrypted: 'other_id_number_encrypted',
  otherIdNumberBlindIndex: 'other_id_number_blind_index',
  legalName: 'legal_name',
  uscc: 'uscc',
  organizationSize: 'organization_size',
  customerType: 'customer_type',
  industry: 'industry',
  sourceChannel: 'source_channel',
  lifecycleStage: 'lifecycle_stage',
  ownerId: 'owner_id',
  notes: 'notes',
  contractEndDate: 'contract_end_date',
  tags: 'tags',
  primaryPhone: 'primary_phone',
  primaryEmail: 'primary_email',
  provinceCode: 'province_code',
  cityCode: 'city_code',
  searchDocument: 'search_document',
  qualityScore: 'quality_score',
  qualityIssues: 'quality_issues',
  lastVerifiedAt: 'last_verified_at',
  provenance: 'provenance',
} as const;

type CopiedColumn = keyof typeof customerColumns;

export async function insertCustomerRows(client: PoolClient, rows: CustomerRows[], at = new Date()) {
  const keys = Object.keys(customerColumns) as CopiedColumn[];
  await copyRows(
    client,
    'customers',
    [...Object.values(customerColumns), 'created_at', 'updated_at'],
    rows.map(({ customer }) => [
      ...keys.map((key) => customer[key]),
      customer.createdAt ?? at,
      customer.updatedAt ?? customer.createdAt ?? at,
    ]),
  );
  await copyRows(
    client,
    'customer_contact_points',
    ['customer_id', 'type', 'value', 'label', 'is_primary', 'position'],
    rows.flatMap(({ customer, contactPoints }) =>
      contactPoints.map((p, position) => [customer.id, p.type, p.value, p.label, p.isPrimary, position]),
    ),
  );
  await copyRows(
    client,
    'customer_addresses',
    [
      'customer_id',
      'label',
      'country_code',
      'province_code',
      'city_code',
      'district_code',
      'postcode',
      'detail',
      'is_primary',
      'position',
    ],
    rows.flatMap(({ customer, addresses }) =>
      addresses.map((a, position) => [
        customer.id,
        a.label,
        a.countryCode,
        a.provinceCode,
        a.cityCode,
        a.districtCode,
        a.postcode,
        a.detail,
        a.isPrimary,
        position,
      ]),
    ),
  );
}
