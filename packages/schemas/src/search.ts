/*
 * Query normalization for customer search. Names are indexed by their CJK unigrams and bigrams because
 * Chinese names are two to four characters long: trigram indexes cannot find a one- or two-character query
 * such as a family name, while a bigram index can.
 */

export type TSearchQuery = { kind: 'digits'; value: string } | { kind: 'text'; value: string };

// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space come from Chinese input methods.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;
const PHONE_LIKE = /^[\d\s()+-]+$/;
const MIN_DIGITS_FOR_PHONE_SEARCH = 2;

/**
 * Phone-like input ('138-0013', '(010) 6552') becomes its bare digits so it can be matched against the
 * digits of stored E.164 numbers; anything else is lower-cased text with single spaces.
 */
export function normalizeSearchQuery(raw: string): TSearchQuery {
  const cleaned = raw
    .replace(FULL_WIDTH_ASCII, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_SPACE, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  const digits = cleaned.replace(/\D/g, '');
  if (PHONE_LIKE.test(cleaned) && digits.length >= MIN_DIGITS_FOR_PHONE_SEARCH) {
    return { kind: 'digits', value: digits };
  }
  return { kind: 'text', value: cleaned.toLowerCase() };
}

function isCjkCodeUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** True when the text is not blank and every character other than whitespace is a CJK ideograph. */
export function isCjk(text: string): boolean {
  let hasIdeograph = false;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (isCjkCodeUnit(code)) {
      hasIdeograph = true;
    } else if (!/\s/.test(text.charAt(position))) {
      return false;
    }
  }
  return hasIdeograph;
}

/**
 * Distinct unigrams and bigrams of each run of consecutive CJK ideographs, in order of first appearance.
 * Any other character ends a run, so no bigram spans a space or a Latin letter.
 */
export function cjkGrams(text: string): string[] {
  const grams = new Set<string>();
  for (let position = 0; position < text.length; position++) {
    if (!isCjkCodeUnit(text.charCodeAt(position))) {
      continue;
    }
    grams.add(text.charAt(position));
    if (position + 1 < text.length && isCjkCodeUnit(text.charCodeAt(position + 1))) {
      grams.add(text.slice(position, position + 2));
    }
  }
  return [...grams];
}
