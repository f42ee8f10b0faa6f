export type TUsccResult = { ok: true; value: string } | { ok: false; message: string };

// GB 32100 leaves out I, O, S, V and Z so they cannot be mistaken for 1, 0, 5, U and 2.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The GB 32100 check character for a 17-character body, or null when the body is malformed. */
export function computeUsccCheckChar(body: string): string | null {
  if (body.length !== 17) {
    return null;
  }
  let sum = 0;
  for (let index = 0; index < WEIGHTS.length; index++) {
    const charValue = USCC_ALPHABET.indexOf(body.charAt(index));
    if (charValue < 0) {
      return null;
    }
    sum += charValue * (WEIGHTS[index] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function parseUscc(input: string): TUsccResult {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) {
    return { ok: false, message: 'Unified social credit code must be 18 characters' };
  }
  if (!USCC_SHAPE.test(value)) {
    return {
      ok: false,
      message: 'Unified social credit code may only use digits and capital letters other than I, O, S, V, Z',
    };
  }
  if (computeUsccCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, message: 'Unified social credit code check character does not match' };
  }
  return { ok: true, value };
}
