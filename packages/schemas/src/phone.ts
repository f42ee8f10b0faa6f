/*
 * Uses the 'max' metadata of libphonenumber-js: the smaller 'min' set only checks lengths, so it accepts
 * numbers such as 138001380001 (12 digits) that no Chinese carrier issues. The extra ~80 kB is the price
 * of rejecting those in the browser form as well as in the API.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type TPhoneResult = { ok: true; e164: string } | { ok: false; message: string };

const HOME_REGION: CountryCode = 'CN';

// Full-width forms are common in data typed with a Chinese IME; everything else that is not a digit or a
// usual separator (letters, 'ext.', '#') is refused rather than silently dropped by the parser.
const FULL_WIDTH_PHONE_CHARS = /[\uFF08\uFF09\uFF0B\uFF0D\uFF10-\uFF19\u3000]/g;
const ALLOWED_PHONE_CHARS = /^[+\d\s().-]+$/;
const CN_NUMBER_WITHOUT_PLUS = /^86(1\d{10})$/;

function toHalfWidth(input: string): string {
  return input.replace(FULL_WIDTH_PHONE_CHARS, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

export function normalizePhone(input: string, defaultRegion: CountryCode = HOME_REGION): TPhoneResult {
  const cleaned = toHalfWidth(input).trim();
  if (cleaned === '') {
    return { ok: false, message: 'Phone number is empty' };
  }
  if (!ALLOWED_PHONE_CHARS.test(cleaned)) {
    return { ok: false, message: 'Phone number may only contain digits, spaces, +, -, ( and )' };
  }
  const digits = cleaned.replace(/\D/g, '');
  // Exports from Chinese systems often store mobiles as 8613800138000; without the '+' the parser would
  // read the leading 86 as part of a national number.
  const cnMobile = CN_NUMBER_WITHOUT_PLUS.exec(digits);
  const candidate =
    cnMobile && defaultRegion === 'CN' && !cleaned.startsWith('+') ? `+86${cnMobile[1]}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, defaultRegion);
  if (!parsed?.isValid()) {
    return { ok: false, message: 'Not a valid phone number' };
  }
  return { ok: true, e164: parsed.number };
}

/**
 * Numbers of the home region are shown the way people dial them locally ('138 0013 8000'); numbers from
 * elsewhere keep their country code, because a national format alone cannot be dialled from China.
 * Anything that does not parse is returned unchanged so that legacy data still shows up.
 */
export function formatPhoneNational(e164: string, homeRegion: CountryCode = HOME_REGION): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) {
    return e164;
  }
  return parsed.country === homeRegion ? parsed.formatNational() : parsed.formatInternational();
}

const KEPT_LEADING_DIGITS = 3;
const KEPT_TRAILING_DIGITS = 4;
// The 3 + 4 rule is the convention for 11-digit mobiles. Applied to shorter numbers it would leave too few
// digits hidden, so those only keep their end, and at most half of it.
const MIN_DIGITS_FOR_LEADING_KEPT = 11;

/** '+8613800138000' → '+86 138****8000'; '+861065529988' → '+86 ******9988'. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) {
    return '****';
  }
  const national = String(parsed.nationalNumber);
  const leading =
    national.length >= MIN_DIGITS_FOR_LEADING_KEPT ? national.slice(0, KEPT_LEADING_DIGITS) : '';
  const trailingLength = Math.min(KEPT_TRAILING_DIGITS, Math.floor(national.length / 2));
  const hidden = national.length - leading.length - trailingLength;
  return `+${parsed.countryCallingCode} ${leading}${'*'.repeat(hidden)}${national.slice(-trailingLength)}`;
}
