import { describe, expect, it } from 'vitest';
import { formatPhoneNational, maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['138-0013-8000', '+8613800138000'],
    ['+86 13800138000', '+8613800138000'],
    ['0086 138 0013 8000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['  13800138000  ', '+8613800138000'],
    ['１３８００１３８０００', '+8613800138000'],
    ['(010) 6552 9988', '+861065529988'],
    ['010-65529988', '+861065529988'],
    ['0755-86013388', '+8675586013388'],
    ['+852 9123 4567', '+85291234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('accepts %s as %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['12345'],
    ['138001380001'],
    ['+86 12345678901'],
    ['abc'],
    ['13800138000x'],
    ['138 0013 8000 ext. 12'],
    [''],
    ['   '],
  ])('rejects %j', (input) => {
    const result = normalizePhone(input);
    expect(result.ok).toBe(false);
  });

  it('explains the two kinds of failure', () => {
    expect(normalizePhone('12345')).toEqual({ ok: false, message: 'Not a valid phone number' });
    expect(normalizePhone('1380013800a')).toMatchObject({
      ok: false,
      message: expect.stringContaining('only'),
    });
  });

  it('reads national numbers in the given default region', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toEqual({ ok: true, e164: '+14155552671' });
  });
});

describe('formatPhoneNational', () => {
  it('formats Chinese mobiles and landlines the way they are dialled locally', () => {
    expect(formatPhoneNational('+8613800138000')).toBe('138 0013 8000');
    expect(formatPhoneNational('+861065529988')).toBe('010 6552 9988');
  });

  it('keeps the country code of foreign numbers', () => {
    expect(formatPhoneNational('+85291234567')).toBe('+852 9123 4567');
  });

  it('returns unparsable input unchanged', () => {
    expect(formatPhoneNational('not a number')).toBe('not a number');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four national digits', () => {
    expect(maskPhone('+8613800138000')).toBe('+86 138****8000');
  });

  it('keeps only the end of shorter numbers, at most half of it', () => {
    expect(maskPhone('+861065529988')).toBe('+86 ******9988');
    expect(maskPhone('+85291234567')).toBe('+852 ****4567');
    expect(maskPhone('+3545511234')).toBe('+354 ****234');
  });

  it('reveals nothing of unparsable input', () => {
    expect(maskPhone('garbage')).toBe('****');
  });
});
