/**
 * Columns derived from a customer's own data: the primaries shown in lists, the quick-search text and the
 * quality score.
 * Every writer of customers (the service, the seeders, later the importer) goes through here, so search
 * finds a customer the same way however it was entered.
 */
import { formatPhoneNational, type TOtherIdType as OtherIdType } from '@cims/schemas';
import { keyring, otherIdColumn, residentIdColumn } from '../encryption/service';

export interface CustomerSearchSource {
  kind: 'person' | 'organization';
  displayName: string;
  familyName?: string | null;
  givenName?: string | null;
  legalName?: string | null;
  tags: string[];
  contactPoints: { type: 'phone' | 'email' | 'wechat'; value: string; isPrimary: boolean }[];
  addresses: { provinceCode: string | null; cityCode?: string | null; isPrimary: boolean }[];
  gender?: string | null;
  birthDate?: string | null;
  residentIdNumberEncrypted?: string | null;
  uscc?: string | null;
  industry?: string | null;
  organizationSize?: string | null;
}

/**
 * What a complete record of each kind has besides its name: the fields staff need to reach, identify and
 * place a customer. Every stored value has passed the shared validators, so presence is validity here.
 */
const expectedFields = {
  person: {
    phone: (s: CustomerSearchSource) => s.contactPoints.some((p) => p.type === 'phone'),
    email: (s: CustomerSearchSource) => s.contactPoints.some((p) => p.type === 'email'),
    gender: (s: CustomerSearchSource) => Boolean(s.gender && s.gender !== 'unknown'),
    birthDate: (s: CustomerSearchSource) => Boolean(s.birthDate),
    residentIdNumber: (s: CustomerSearchSource) => Boolean(s.residentIdNumberEncrypted),
    address: (s: CustomerSearchSource) => s.addresses.length > 0,
  },
  organization: {
    phone: (s: CustomerSearchSource) => s.contactPoints.some((p) => p.type === 'phone'),
    email: (s: CustomerSearchSource) => s.contactPoints.some((p) => p.type === 'email'),
    uscc: (s: CustomerSearchSource) => Boolean(s.uscc),
    industry: (s: CustomerSearchSource) => Boolean(s.industry),
    organizationSize: (s: CustomerSearchSource) => Boolean(s.organizationSize),
    address: (s: CustomerSearchSource) => s.addresses.length > 0,
  },
};

export const qualityFields = [
  ...new Set([...Object.keys(expectedFields.person), ...Object.keys(expectedFields.organization)]),
];

/** 0–100: the name (always there) and each expected field count equally. */
export function qualityOf(source: CustomerSearchSource): { qualityScore: number; qualityIssues: string[] } {
  const checks = Object.entries(expectedFields[source.kind]);
  const qualityIssues = checks.filter(([, isPresent]) => !isPresent(source)).map(([field]) => field);
  const present = checks.length - qualityIssues.length;
  return { qualityScore: Math.round((100 * (1 + present)) / (1 + checks.length)), qualityIssues };
}

/** Phone digits in both international (8613800138000) and national (13800138000, 01065529988) form. */
function phoneDigits(e164: string): string {
  return `${e164.replace(/\D/g, '')} ${formatPhoneNational(e164).replace(/\D/g, '')}`;
}

export function buildSearchDocument(source: CustomerSearchSource): string {
  const parts = [source.displayName, source.legalName, `${source.familyName ?? ''}${source.givenName ?? ''}`];
  for (const point of source.contactPoints) {
    parts.push(point.type === 'phone' ? phoneDigits(point.value) : point.value);
  }
  parts.push(...source.tags);
  const unique = [...new Set(parts.map((part) => part?.trim().toLowerCase()).filter(Boolean))];
  return unique.join(' ');
}

export function deriveCustomerColumns(source: CustomerSearchSource) {
  const primary = (type: 'phone' | 'email') =>
    source.contactPoints.find((point) => point.type === type && point.isPrimary)?.value ?? null;
  const address = source.addresses.find((a) => a.isPrimary) ?? source.addresses[0];
  return {
    primaryPhone: primary('phone'),
    primaryEmail: primary('email'),
    provinceCode: address?.provinceCode ?? null,
    cityCode: address?.cityCode ?? null,
    searchDocument: buildSearchDocument(source),
    ...qualityOf(source),
  };
}

/**
 * The encrypted fields and their columns. A ciphertext differs on every write (random IV), so two values
 * are the same when their blind indexes are.
 */
export const encryptedFields = [
  {
    field: 'residentIdNumber',
    ciphertext: 'residentIdNumberEncrypted',
    blindIndex: 'residentIdNumberBlindIndex',
  },
  { field: 'otherIdNumber', ciphertext: 'otherIdNumberEncrypted', blindIndex: 'otherIdNumberBlindIndex' },
] as const;

/** The stored form of a resident ID: ciphertext plus the blind index for exact-match lookups. */
export function residentIdColumns(residentIdNumber: string | null) {
  if (!residentIdNumber) return { residentIdNumberEncrypted: null, residentIdNumberBlindIndex: null };
  const ring = keyring();
  return {
    residentIdNumberEncrypted: ring.encrypt(residentIdNumber, residentIdColumn),
    residentIdNumberBlindIndex: ring.blindIndex(residentIdNumber, residentIdColumn),
  };
}

/** Another identity document, stored like the resident ID; its type only travels with a number. */
export function otherIdColumns(otherIdNumber: string | null, otherIdType: OtherIdType | null | undefined) {
  if (!otherIdNumber)
    return { otherIdType: null, otherIdNumberEncrypted: null, otherIdNumberBlindIndex: null };
  const ring = keyring();
  return {
    otherIdType: otherIdType ?? 'other',
    otherIdNumberEncrypted: ring.encrypt(otherIdNumber, otherIdColumn),
    otherIdNumberBlindIndex: ring.blindIndex(otherIdNumber, otherIdColumn),
  };
}
