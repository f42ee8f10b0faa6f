import { maskEmail, maskPhone, maskResidentId } from '@cims/schemas';
import type { FieldAccess, SensitiveField } from './policies';

const maskers: Record<SensitiveField, (value: string) => string> = {
  residentIdNumber: maskResidentId,
  otherIdNumber: (value) =>
    `${value.slice(0, 2)}${'*'.repeat(Math.max(value.length - 4, 2))}${value.slice(-2)}`,
  birthDate: (value) => `${value.slice(0, 4)}-**-**`,
  phone: maskPhone,
  email: maskEmail,
  wechat: (value) => `${value.slice(0, 2)}****`,
  addressDetail: (value) => `${value.slice(0, 2)}****`,
};

export function maskValue(field: SensitiveField, value: string): string {
  return maskers[field](value);
}

/** The value as a viewer with this access may see it; null when hidden. */
export function shownValue(field: SensitiveField, access: FieldAccess, value: string | null): string | null {
  if (value === null || access === 'visible') return value;
  return access === 'masked' ? maskValue(field, value) : null;
}
