/** Column mapping and row standardization: pure functions, no database. */
import { describe, expect, it } from 'vitest';
import { countryCodeOf, mapRow, standardizeRow, suggestMapping } from './mapping';

const defaults = { kind: 'person' as const, sourceChannel: 'import', countryCode: 'CN' };

describe('suggestMapping', () => {
  it('reads Chinese and English headers, including addresses abroad and other ID documents', () => {
    expect(
      suggestMapping([
        'unique_id',
        '姓名',
        '手机号',
        'street_number',
        'Address 1',
        'Post Code',
        '国家',
        '护照号码',
        'foo',
      ]),
    ).toEqual({
      unique_id: 'externalId',
      姓名: 'name',
      手机号: 'phone',
      street_number: 'address',
      'Address 1': 'address',
      'Post Code': 'postcode',
      国家: 'country',
      护照号码: 'otherIdNumber',
      foo: 'ignore',
    });
  });
});

describe('countryCodeOf', () => {
  it('knows codes and English and Chinese names', () => {
    expect(countryCodeOf(' au ')).toBe('AU');
    expect(countryCodeOf('Australia')).toBe('AU');
    expect(countryCodeOf('澳大利亚')).toBe('AU');
    expect(countryCodeOf('中国')).toBe('CN');
    expect(countryCodeOf('Atlantis')).toBe('Atlantis');
  });
});

describe('mapRow', () => {
  const columns = ['given_name', 'surname', 'street_number', 'address_1', 'suburb', 'postcode', 'soc_sec_id'];
  const mapping = {
    given_name: 'givenName',
    surname: 'familyName',
    street_number: 'address',
    address_1: 'address',
    suburb: 'address',
    postcode: 'postcode',
    soc_sec_id: 'otherIdNumber',
  } as const;

  it('keeps the words of an address abroad apart and takes its postcode and the default country', () => {
    const row = mapRow(
      columns,
      ['mitchell', 'green', '7', 'wallaby place', 'delmar', '2119', '1804974'],
      mapping,
      {
        ...defaults,
        countryCode: 'AU',
      },
    );
    expect(row.input).toMatchObject({
      person: { familyName: 'green', givenName: 'mitchell', otherIdNumber: '1804974' },
      addresses: [{ countryCode: 'AU', postcode: '2119', detail: '7 wallaby place delmar' }],
    });
    const standardized = standardizeRow(row.input, 'reject_row');
    expect(standardized.ok).toBe(true);
  });

  it('parses a Chinese address into region codes', () => {
    const row = mapRow(
      ['姓名', '地址'],
      ['张三', '广东省深圳市南山区科技园路1号'],
      { 姓名: 'name', 地址: 'address' },
      defaults,
    );
    expect(row.input).toMatchObject({
      person: { familyName: '张', givenName: '三' },
      addresses: [{ countryCode: 'CN', provinceCode: '440000', cityCode: '440300', detail: '科技园路1号' }],
    });
  });
});

describe('standardizeRow', () => {
  const raw = {
    kind: 'person',
    person: {
      familyName: '张',
      givenName: '三',
      residentIdNumber: '110105194912310021',
      birthDate: '1949-12-31',
    },
    contactPoints: [
      { type: 'phone', value: '13800138000' },
      { type: 'phone', value: '12345' },
    ],
  };

  it('refuses the row with every error under reject_row', () => {
    const result = standardizeRow(raw, 'reject_row');
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: '/person/residentIdNumber', message: 'Resident ID check digit does not match' },
        { path: '/contactPoints/1/value', message: expect.any(String) },
      ],
    });
  });

  it('stores the row without the invalid values under skip_value, and says what it left out', () => {
    const result = standardizeRow(raw, 'skip_value');
    if (!result.ok) throw new Error('expected the row to be stored');
    expect(result.input.kind === 'person' && result.input.person.residentIdNumber).toBeFalsy();
    expect(result.input.contactPoints).toEqual([{ type: 'phone', value: '+8613800138000', isPrimary: true }]);
    expect(result.skipped.map((e) => e.path)).toEqual(['/person/residentIdNumber', '/contactPoints/1/value']);
  });

  it('never stores a row without a name', () => {
    const result = standardizeRow(
      { kind: 'person', person: { familyName: '', givenName: '' } },
      'skip_value',
    );
    expect(result.ok).toBe(false);
  });
});
