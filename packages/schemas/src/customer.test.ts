import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  displayNameFor,
  formatAddressLine,
  standardizeContactValue,
  ZAddressInput,
  ZContactPointInput,
  ZCustomerCreate,
  ZCustomerUpdate,
  ZOrganizationInput,
  ZPersonInput,
  zodIssuesToFieldErrors,
} from './customer';

const RESIDENT_ID = '11010519491231002X';
const USCC = '91350100M000100Y43';
const OWNER_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function fieldErrors(result: z.ZodSafeParseResult<unknown>) {
  if (result.success) {
    throw new Error('expected the input to be rejected');
  }
  return zodIssuesToFieldErrors(result.error);
}

describe('standardizeContactValue', () => {
  it('standardizes each type', () => {
    expect(standardizeContactValue('phone', '138-0013-8000')).toEqual({ ok: true, value: '+8613800138000' });
    expect(standardizeContactValue('email', ' Li@Example.com')).toEqual({
      ok: true,
      value: 'li@example.com',
    });
    expect(standardizeContactValue('wechat', ' wx_zhang-3 ')).toEqual({ ok: true, value: 'wx_zhang-3' });
  });

  it.each([['1zhangsan'], ['zhang'], ['zhang.san'], ['a23456789012345678901'], ['张三三三三三']])(
    'rejects the WeChat ID %j',
    (value) => {
      expect(standardizeContactValue('wechat', value).ok).toBe(false);
    },
  );
});

describe('ZContactPointInput', () => {
  it('stores phones in E.164 and keeps other fields', () => {
    expect(ZContactPointInput.parse({ type: 'phone', value: '010-65529988', label: ' Office ' })).toEqual({
      type: 'phone',
      value: '+861065529988',
      label: 'Office',
    });
  });

  it('turns a blank label into null', () => {
    expect(ZContactPointInput.parse({ type: 'email', value: 'a@b.cn', label: '  ' }).label).toBeNull();
  });

  it('reports a bad value on the value field', () => {
    expect(fieldErrors(ZContactPointInput.safeParse({ type: 'phone', value: '12345' }))).toEqual([
      { path: '/value', message: 'Not a valid phone number' },
    ]);
    expect(fieldErrors(ZContactPointInput.safeParse({ type: 'email', value: 'nope' }))).toEqual([
      { path: '/value', message: 'Not a valid email address' },
    ]);
  });

  it('rejects unknown types, unknown keys and long labels', () => {
    expect(fieldErrors(ZContactPointInput.safeParse({ type: 'fax', value: '1' }))[0]?.path).toBe('/type');
    expect(fieldErrors(ZContactPointInput.safeParse({ type: 'email', value: 'a@b.cn', note: 'x' }))).toEqual([
      { path: '/note', message: 'Unknown field' },
    ]);
    expect(
      fieldErrors(ZContactPointInput.safeParse({ type: 'email', value: 'a@b.cn', label: 'x'.repeat(41) })),
    ).toEqual([{ path: '/label', message: 'Must be at most 40 characters' }]);
  });
});

describe('other identity documents', () => {
  it('standardizes the number and defaults its type', () => {
    const person = ZPersonInput.parse({
      familyName: 'Smith',
      givenName: 'Anna',
      otherIdNumber: ' e12-345 678 ',
    });
    expect(person).toMatchObject({ otherIdNumber: 'E12345678', otherIdType: 'other' });
    expect(
      ZPersonInput.parse({
        familyName: 'Smith',
        givenName: 'Anna',
        otherIdType: 'passport',
        otherIdNumber: 'E1234567',
      }).otherIdType,
    ).toBe('passport');
    expect(
      ZPersonInput.parse({ familyName: 'Smith', givenName: 'Anna', otherIdType: 'passport' }).otherIdType,
    ).toBeUndefined();
    expect(
      fieldErrors(ZPersonInput.safeParse({ familyName: 'Smith', givenName: 'Anna', otherIdNumber: 'E1!' })),
    ).toEqual([{ path: '/otherIdNumber', message: 'ID number must be 4-30 letters or digits' }]);
  });
});

describe('ZAddressInput', () => {
  const shenzhen = {
    provinceCode: '440000',
    cityCode: '440300',
    districtCode: '440305',
    detail: '科技园路1号',
  };

  it('accepts a full triple and a province-only address, in China by default', () => {
    expect(ZAddressInput.parse(shenzhen)).toEqual({ ...shenzhen, countryCode: 'CN' });
    expect(ZAddressInput.parse({ provinceCode: '440000', cityCode: '', detail: 'x' })).toEqual({
      countryCode: 'CN',
      provinceCode: '440000',
      cityCode: null,
      detail: 'x',
    });
  });

  it('requires a province and a 6-digit postcode in China', () => {
    expect(fieldErrors(ZAddressInput.safeParse({ detail: '科技园路1号', postcode: '51805' }))).toEqual([
      { path: '/postcode', message: 'Postcode in China must be 6 digits' },
      { path: '/provinceCode', message: 'Required' },
    ]);
    expect(ZAddressInput.parse({ ...shenzhen, postcode: ' 518057 ' }).postcode).toBe('518057');
  });

  it('takes addresses abroad without region codes', () => {
    expect(
      ZAddressInput.parse({ countryCode: 'au', postcode: '2119', detail: '7 Wallaby Place, Delmar NSW' }),
    ).toEqual({ countryCode: 'AU', postcode: '2119', detail: '7 Wallaby Place, Delmar NSW' });
    expect(ZAddressInput.parse({ countryCode: 'GB', postcode: 'sw1a  1aa', detail: 'x' }).postcode).toBe(
      'SW1A 1AA',
    );
    expect(
      fieldErrors(ZAddressInput.safeParse({ countryCode: 'US', provinceCode: '440000', detail: 'x' })),
    ).toEqual([{ path: '/provinceCode', message: 'Region codes apply to addresses in China only' }]);
    expect(fieldErrors(ZAddressInput.safeParse({ countryCode: 'XX', detail: 'x' }))).toEqual([
      { path: '/countryCode', message: 'Must be an ISO 3166-1 two-letter country code' },
    ]);
  });

  it('formats an address line at home and abroad', () => {
    expect(formatAddressLine({ ...shenzhen, countryCode: 'CN' })).toBe('广东省深圳市南山区科技园路1号');
    expect(
      formatAddressLine(
        { countryCode: 'AU', provinceCode: null, postcode: '2119', detail: '7 Wallaby Place' },
        'en',
      ),
    ).toBe('7 Wallaby Place, 2119, Australia');
  });

  it('puts region errors on the offending code', () => {
    expect(fieldErrors(ZAddressInput.safeParse({ ...shenzhen, districtCode: '110105' }))).toEqual([
      { path: '/districtCode', message: 'District is not in the given city' },
    ]);
    expect(fieldErrors(ZAddressInput.safeParse({ ...shenzhen, cityCode: '110100' }))).toEqual([
      { path: '/cityCode', message: 'City is not in the given province' },
    ]);
    expect(fieldErrors(ZAddressInput.safeParse({ ...shenzhen, provinceCode: '44' }))).toEqual([
      { path: '/provinceCode', message: 'Region code must be 6 digits' },
    ]);
  });

  it('requires a detail line of at most 200 characters', () => {
    expect(fieldErrors(ZAddressInput.safeParse({ ...shenzhen, detail: '  ' }))).toEqual([
      { path: '/detail', message: 'Required' },
    ]);
    expect(fieldErrors(ZAddressInput.safeParse({ ...shenzhen, detail: '路'.repeat(201) }))[0]?.path).toBe(
      '/detail',
    );
  });
});

describe('ZPersonInput', () => {
  it('standardizes the resident ID and fills birth date and gender from it', () => {
    expect(
      ZPersonInput.parse({ familyName: ' 张 ', givenName: '三', residentIdNumber: ' 11010519491231002x ' }),
    ).toEqual({
      familyName: '张',
      givenName: '三',
      residentIdNumber: RESIDENT_ID,
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts matching birth date and gender, and gender unknown', () => {
    const person = {
      familyName: '张',
      givenName: '三',
      residentIdNumber: RESIDENT_ID,
      birthDate: '1949-12-31',
    };
    expect(ZPersonInput.safeParse({ ...person, gender: 'female' }).success).toBe(true);
    expect(ZPersonInput.parse({ ...person, gender: 'unknown' }).gender).toBe('unknown');
  });

  it('reports contradictions with the resident ID on the contradicting field', () => {
    const result = ZPersonInput.safeParse({
      familyName: '张',
      givenName: '三',
      residentIdNumber: RESIDENT_ID,
      birthDate: '1949-12-30',
      gender: 'male',
    });
    expect(fieldErrors(result)).toEqual([
      { path: '/birthDate', message: 'Birth date does not match the resident ID' },
      { path: '/gender', message: 'Gender does not match the resident ID' },
    ]);
  });

  it('rejects a bad resident ID with its reason', () => {
    expect(
      fieldErrors(
        ZPersonInput.safeParse({ familyName: '张', givenName: '三', residentIdNumber: '110105194912310021' }),
      ),
    ).toEqual([{ path: '/residentIdNumber', message: 'Resident ID check digit does not match' }]);
  });

  it('validates birth dates without an ID', () => {
    const base = { familyName: '张', givenName: '三' };
    expect(ZPersonInput.parse({ ...base, birthDate: '2000-02-29' }).birthDate).toBe('2000-02-29');
    expect(ZPersonInput.parse({ ...base, birthDate: '' }).birthDate).toBeNull();
    expect(fieldErrors(ZPersonInput.safeParse({ ...base, birthDate: '1999-02-29' }))).toEqual([
      { path: '/birthDate', message: 'Must be a date in the form YYYY-MM-DD' },
    ]);
    expect(fieldErrors(ZPersonInput.safeParse({ ...base, birthDate: '2999-01-01' }))).toEqual([
      { path: '/birthDate', message: 'Birth date is out of range' },
    ]);
  });

  it('enforces name lengths', () => {
    expect(fieldErrors(ZPersonInput.safeParse({ familyName: '张', givenName: '三'.repeat(31) }))).toEqual([
      { path: '/givenName', message: 'Must be at most 30 characters' },
    ]);
  });

  it('needs one of the two name parts', () => {
    expect(fieldErrors(ZPersonInput.safeParse({ familyName: ' ', givenName: '' }))).toEqual([
      { path: '/familyName', message: 'Required' },
    ]);
    expect(ZPersonInput.parse({ givenName: 'Madonna' })).toMatchObject({
      familyName: '',
      givenName: 'Madonna',
    });
    expect(displayNameFor({ kind: 'person', person: { familyName: '', givenName: 'Madonna' } })).toBe(
      'Madonna',
    );
  });
});

describe('ZOrganizationInput', () => {
  it('standardizes the credit code', () => {
    expect(ZOrganizationInput.parse({ legalName: '某某科技有限公司', uscc: '91350100m000100y43' })).toEqual({
      legalName: '某某科技有限公司',
      uscc: USCC,
    });
  });

  it('rejects a bad credit code and an unknown size', () => {
    expect(
      fieldErrors(ZOrganizationInput.safeParse({ legalName: 'X', uscc: '91350100M000100Y44', size: 'huge' })),
    ).toEqual([
      { path: '/uscc', message: 'Unified social credit code check character does not match' },
      { path: '/size', message: expect.stringContaining('Invalid option') },
    ]);
  });
});

describe('ZCustomerCreate', () => {
  const person = { kind: 'person', person: { familyName: '张', givenName: '三' } } as const;
  const organization = { kind: 'organization', organization: { legalName: '某某科技有限公司' } } as const;

  it('accepts the smallest person and organization', () => {
    expect(ZCustomerCreate.parse(person)).toEqual(person);
    expect(ZCustomerCreate.parse(organization)).toEqual(organization);
  });

  it('accepts and standardizes a full person customer', () => {
    const parsed = ZCustomerCreate.parse({
      ...person,
      displayName: ' 张三 ',
      contactPoints: [
        { type: 'phone', value: '138-0013-8000' },
        { type: 'phone', value: '010-65529988', isPrimary: true },
        { type: 'email', value: 'Zhang@Example.com' },
      ],
      addresses: [
        { provinceCode: '440000', cityCode: '440300', detail: '科技园路1号' },
        { provinceCode: '110000', cityCode: '110100', districtCode: '110105', detail: '建国路88号' },
      ],
      tags: [' VIP ', 'VIP', '老客户'],
      customerType: '',
      sourceChannel: 'wechat',
      lifecycleStage: 'customer',
      ownerId: OWNER_ID,
      notes: null,
    });
    expect(parsed).toMatchObject({
      displayName: '张三',
      contactPoints: [
        { type: 'phone', value: '+8613800138000', isPrimary: false },
        { type: 'phone', value: '+861065529988', isPrimary: true },
        { type: 'email', value: 'zhang@example.com', isPrimary: true },
      ],
      addresses: [{ isPrimary: true }, { isPrimary: false }],
      tags: ['VIP', '老客户'],
      customerType: null,
      notes: null,
    });
  });

  it('rejects a second primary of the same type and duplicate values', () => {
    const result = ZCustomerCreate.safeParse({
      ...person,
      contactPoints: [
        { type: 'email', value: 'a@b.cn', isPrimary: true },
        { type: 'email', value: 'c@d.cn', isPrimary: true },
        { type: 'phone', value: '13800138000' },
        { type: 'phone', value: '+86 138 0013 8000' },
      ],
      addresses: [
        { provinceCode: '440000', detail: 'a', isPrimary: true },
        { provinceCode: '440000', detail: 'b', isPrimary: true },
      ],
    });
    expect(fieldErrors(result)).toEqual([
      { path: '/contactPoints/3/value', message: 'Duplicate contact point' },
      { path: '/contactPoints/1/isPrimary', message: 'Only one email contact point can be primary' },
      { path: '/addresses/1/isPrimary', message: 'Only one address can be primary' },
    ]);
  });

  it('reports nested errors with JSON Pointer paths', () => {
    const result = ZCustomerCreate.safeParse({
      ...person,
      contactPoints: [{ type: 'phone', value: '12345' }],
      addresses: [{ provinceCode: '440000', cityCode: '110100', detail: 'x' }],
      ownerId: 'not-a-uuid',
      extra: true,
    });
    expect(fieldErrors(result)).toEqual([
      { path: '/contactPoints/0/value', message: 'Not a valid phone number' },
      { path: '/addresses/0/cityCode', message: 'City is not in the given province' },
      { path: '/ownerId', message: 'Must be a UUID' },
      { path: '/extra', message: 'Unknown field' },
    ]);
  });

  it('needs the section that matches the kind, and only that one', () => {
    expect(fieldErrors(ZCustomerCreate.safeParse({ kind: 'person' }))).toEqual([
      { path: '/person', message: 'Required' },
    ]);
    expect(
      fieldErrors(ZCustomerCreate.safeParse({ ...person, organization: organization.organization })),
    ).toEqual([{ path: '/organization', message: 'Unknown field' }]);
    expect(fieldErrors(ZCustomerCreate.safeParse({ kind: 'robot' }))[0]?.path).toBe('/kind');
  });

  it('enforces list limits', () => {
    const tags = Array.from({ length: 51 }, (_, position) => `tag${position}`);
    expect(fieldErrors(ZCustomerCreate.safeParse({ ...person, tags }))).toEqual([
      { path: '/tags', message: 'At most 50 tags are allowed' },
    ]);
    const addresses = Array.from({ length: 11 }, () => ({ provinceCode: '440000', detail: 'x' }));
    expect(fieldErrors(ZCustomerCreate.safeParse({ ...person, addresses }))[0]?.path).toBe('/addresses');
    expect(fieldErrors(ZCustomerCreate.safeParse({ ...person, tags: ['x'.repeat(31), ' '] }))).toEqual([
      { path: '/tags/0', message: 'Must be at most 30 characters' },
      { path: '/tags/1', message: 'Required' },
    ]);
  });
});

describe('ZCustomerUpdate', () => {
  it('accepts an empty patch and partial sections', () => {
    expect(ZCustomerUpdate.parse({})).toEqual({});
    expect(ZCustomerUpdate.parse({ person: { givenName: '四' }, notes: '' })).toEqual({
      person: { givenName: '四' },
      notes: null,
    });
    expect(ZCustomerUpdate.parse({ organization: { size: null } })).toEqual({ organization: { size: null } });
  });

  it('replaces lists with standardized copies', () => {
    expect(ZCustomerUpdate.parse({ contactPoints: [{ type: 'email', value: 'A@B.cn' }] })).toEqual({
      contactPoints: [{ type: 'email', value: 'a@b.cn', isPrimary: true }],
    });
    expect(ZCustomerUpdate.parse({ tags: [] })).toEqual({ tags: [] });
  });

  it('checks the fields of a patch against each other', () => {
    expect(
      fieldErrors(
        ZCustomerUpdate.safeParse({ person: { residentIdNumber: RESIDENT_ID, birthDate: '2000-01-01' } }),
      ),
    ).toEqual([{ path: '/person/birthDate', message: 'Birth date does not match the resident ID' }]);
  });

  it('rejects changing the kind, unknown keys and both sections at once', () => {
    expect(fieldErrors(ZCustomerUpdate.safeParse({ kind: 'organization' }))).toEqual([
      { path: '/kind', message: 'Unknown field' },
    ]);
    expect(fieldErrors(ZCustomerUpdate.safeParse({ person: { nickname: 'x' } }))).toEqual([
      { path: '/person/nickname', message: 'Unknown field' },
    ]);
    expect(fieldErrors(ZCustomerUpdate.safeParse({ person: {}, organization: {} }))).toEqual([
      { path: '/organization', message: 'An update cannot change both person and organization fields' },
    ]);
  });

  it('does not accept null for required fields', () => {
    expect(fieldErrors(ZCustomerUpdate.safeParse({ person: { familyName: null } }))).toEqual([
      { path: '/person/familyName', message: 'Must be a string' },
    ]);
  });
});

describe('zodIssuesToFieldErrors', () => {
  it('escapes ~ and / as RFC 6901 requires', () => {
    const result = ZCustomerUpdate.safeParse({ 'a/b': 1, 'c~d': 2 });
    expect(fieldErrors(result)).toEqual([
      { path: '/a~1b', message: 'Unknown field' },
      { path: '/c~0d', message: 'Unknown field' },
    ]);
  });

  it('uses the empty pointer for the whole document', () => {
    expect(fieldErrors(ZCustomerUpdate.safeParse('nope'))).toEqual([
      { path: '', message: expect.any(String) },
    ]);
  });
});

describe('displayNameFor', () => {
  it('writes Chinese names family name first without a space', () => {
    expect(displayNameFor({ kind: 'person', person: { familyName: '欧阳', givenName: '娜娜' } })).toBe(
      '欧阳娜娜',
    );
  });

  it('writes Latin names given name first', () => {
    expect(displayNameFor({ kind: 'person', person: { familyName: 'Smith', givenName: 'Anna' } })).toBe(
      'Anna Smith',
    );
    expect(displayNameFor({ kind: 'person', person: { familyName: 'Müller', givenName: 'Jürgen' } })).toBe(
      'Jürgen Müller',
    );
  });

  it('keeps Chinese order when only one part is Latin', () => {
    expect(displayNameFor({ kind: 'person', person: { familyName: '张', givenName: 'Wei' } })).toBe('张Wei');
  });

  it('uses the legal name of organizations', () => {
    expect(displayNameFor({ kind: 'organization', organization: { legalName: ' 某某科技有限公司 ' } })).toBe(
      '某某科技有限公司',
    );
  });
});
