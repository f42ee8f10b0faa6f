/**
 * Columns derived from a customer's own data: the primaries shown in lists and the quick-search text.
 * Every writer of customers (the service, the seeders, later the importer) goes through here, so search
 * finds a customer the same way however it was entered.
 */
import { formatPhoneNational } from '@cims/schemas';
import { keyring, residentIdColumn } from '../encryption/service';

export interface CustomerSearchSource {
  displayName: string;
  familyName?: string | null;
  givenName?: string | null;
  legalName?: string | null;
  tags: string[];
  contactPoints: { type: 'phone' | 'email' | 'wechat'; value: string; isPrimary: boolean }[];
  addresses: { provinceCode: string; cityCode?: string | null; isPrimary: boolean }[];
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
  };
}

/** The stored form of a resident ID: ciphertext plus the blind index for exact-match lookups. */
export function residentIdColumns(residentIdNumber: string | null) {
  if (!residentIdNumber) return { residentIdNumberEncrypted: null, residentIdNumberBlindIndex: null };
  const ring = keyring();
  return {
    residentIdNumberEncrypted: ring.encrypt(residentIdNumber, residentIdColumn),
    residentIdNumberBlindIndex: ring.blindIndex(residentIdNumber, residentIdColumn),
  };
}
