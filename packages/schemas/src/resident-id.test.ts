import { describe, expect, it } from 'vitest';
import { computeResidentIdCheckChar, maskResidentId, parseResidentId } from './resident-id';

// The sample number printed in GB 11643.
const STANDARD_SAMPLE = '11010519491231002X';

function withCheckChar(body: string): string {
  const checkChar = computeResidentIdCheckChar(body);
  if (checkChar === null) {
    throw new Error(`bad test body ${body}`);
  }
  return `${body}${checkChar}`;
}

describe('computeResidentIdCheckChar', () => {
  it('reproduces the check character of the standard sample', () => {
    expect(computeResidentIdCheckChar(STANDARD_SAMPLE.slice(0, 17))).toBe('X');
  });

  it('refuses bodies that are not 17 digits', () => {
    expect(computeResidentIdCheckChar('1101051949123100')).toBeNull();
    expect(computeResidentIdCheckChar('1101051949123100A')).toBeNull();
  });
});

describe('parseResidentId', () => {
  it('extracts birth date, gender and region', () => {
    expect(parseResidentId(STANDARD_SAMPLE)).toEqual({
      ok: true,
      value: STANDARD_SAMPLE,
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(parseResidentId('  11010519491231002x ')).toMatchObject({ ok: true, value: STANDARD_SAMPLE });
  });

  it('reads an odd sequence digit as male', () => {
    const id = withCheckChar('44030519900101123');
    expect(parseResidentId(id)).toMatchObject({ ok: true, gender: 'male', birthDate: '1990-01-01' });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseResidentId(withCheckChar('44030520000229123')).ok).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(parseResidentId('110105194912310021')).toEqual({
      ok: false,
      message: 'Resident ID check digit does not match',
    });
  });

  it('rejects a single changed digit', () => {
    expect(parseResidentId('11010519491231003X').ok).toBe(false);
  });

  it('rejects impossible birth dates even with a matching check character', () => {
    expect(parseResidentId(withCheckChar('11010519990230002'))).toEqual({
      ok: false,
      message: 'Resident ID contains an impossible birth date',
    });
    expect(parseResidentId(withCheckChar('11010519991301002')).ok).toBe(false);
  });

  it('rejects birth dates in the future or before 1900', () => {
    const now = new Date('2020-06-01T00:00:00Z');
    expect(parseResidentId(withCheckChar('11010520210101002'), now)).toEqual({
      ok: false,
      message: 'Resident ID birth date is out of range',
    });
    expect(parseResidentId(withCheckChar('11010518991231002'), now).ok).toBe(false);
  });

  it.each([['1101051949123100'], ['11010519491231002X1'], ['110105491231002'], ['']])(
    'rejects the wrong length %j',
    (input) => {
      expect(parseResidentId(input)).toEqual({ ok: false, message: 'Resident ID must be 18 characters' });
    },
  );

  it('rejects X anywhere but at the end and other letters', () => {
    expect(parseResidentId('1101051949123100X2').ok).toBe(false);
    expect(parseResidentId('11010519491231002Y').ok).toBe(false);
  });
});

describe('maskResidentId', () => {
  it('keeps the region and the last four characters', () => {
    expect(maskResidentId(STANDARD_SAMPLE)).toBe('110105********002X');
  });

  it('masks malformed values completely', () => {
    expect(maskResidentId('1234')).toBe('********');
    expect(maskResidentId('1101051949123100')).toBe('****************');
  });
});
