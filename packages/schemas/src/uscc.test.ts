import { describe, expect, it } from 'vitest';
import { computeUsccCheckChar, parseUscc } from './uscc';

// Codes as published on business licences; their last character satisfies the GB 32100 checksum.
const PUBLISHED_CODES = ['91350100M000100Y43', '91440300708461136T', '91110108551385082Q'];

describe('computeUsccCheckChar', () => {
  it.each(PUBLISHED_CODES)('reproduces the check character of %s', (code) => {
    expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code.slice(17));
  });

  it('can produce a check value of zero', () => {
    const body = '9144030070846113';
    const bodies = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').map((last) => `${body}${last}`);
    expect(bodies.map((candidate) => computeUsccCheckChar(candidate))).toContain('0');
  });

  it('refuses bodies with letters outside the alphabet or of the wrong length', () => {
    expect(computeUsccCheckChar('91350100I000100Y4')).toBeNull();
    expect(computeUsccCheckChar('91350100M000100Y')).toBeNull();
  });
});

describe('parseUscc', () => {
  it.each(PUBLISHED_CODES)('accepts %s', (code) => {
    expect(parseUscc(code)).toEqual({ ok: true, value: code });
  });

  it('trims and upper-cases', () => {
    expect(parseUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('accepts a code built from any valid body', () => {
    const body = '92440300MA5EXAMPL';
    expect(parseUscc(`${body}${computeUsccCheckChar(body)}`).ok).toBe(true);
  });

  it('rejects a tampered code', () => {
    expect(parseUscc('91350100M000100Y44')).toEqual({
      ok: false,
      message: 'Unified social credit code check character does not match',
    });
    expect(parseUscc('91350100M000200Y43').ok).toBe(false);
  });

  it('rejects the letters I, O, S, V and Z', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      expect(parseUscc(`91350100${letter}000100Y43`).ok).toBe(false);
    }
  });

  it.each([['91350100M000100Y4'], ['91350100M000100Y433'], ['']])('rejects the wrong length %j', (input) => {
    expect(parseUscc(input)).toEqual({
      ok: false,
      message: 'Unified social credit code must be 18 characters',
    });
  });
});
