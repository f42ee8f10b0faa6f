import { EARLIEST_BIRTH_DATE, isCalendarDate, todayInChina } from './calendar-date';

export type TResidentIdResult =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female'; regionCode: string }
  | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;

/** The GB 11643 check character for the first 17 digits, or null when they are not 17 digits. */
export function computeResidentIdCheckChar(body: string): string | null {
  if (!/^\d{17}$/.test(body)) {
    return null;
  }
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index++) {
    sum += Number(body.charAt(index)) * (WEIGHTS[index] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates an 18-character resident ID number. The region part is deliberately not checked against the
 * current region list: IDs keep the code of the county that issued them, and many counties have since
 * been merged or renamed.
 */
export function parseResidentId(input: string, now: Date = new Date()): TResidentIdResult {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) {
    return { ok: false, message: 'Resident ID must be 18 characters' };
  }
  if (!RESIDENT_ID_SHAPE.test(value)) {
    return { ok: false, message: 'Resident ID must be 17 digits followed by a digit or X' };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(year, month, day)) {
    return { ok: false, message: 'Resident ID contains an impossible birth date' };
  }
  if (birthDate < EARLIEST_BIRTH_DATE || birthDate > todayInChina(now)) {
    return { ok: false, message: 'Resident ID birth date is out of range' };
  }
  if (computeResidentIdCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, message: 'Resident ID check digit does not match' };
  }
  // The 17th character is a sequence number whose parity encodes the sex.
  const gender = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, gender, regionCode: value.slice(0, 6) };
}

/** '11010519491231002X' → '110105********002X'. Input of another length is masked entirely. */
export function maskResidentId(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length !== 18) {
    return '*'.repeat(Math.max(trimmed.length, 8));
  }
  return `${trimmed.slice(0, 6)}${'*'.repeat(8)}${trimmed.slice(14)}`;
}
