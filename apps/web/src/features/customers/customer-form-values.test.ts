import type { Customer } from '@cims/api-client';
import { ZCustomerCreate, ZCustomerUpdate } from '@cims/schemas';
import { describe, expect, it } from 'vitest';
import {
  customerFormResolver,
  emptyAddress,
  formValuesFromCustomer,
  lockedFieldsOf,
  NOTHING_LOCKED,
  newCustomerFormValues,
  type TAddressFormValues,
  type TCustomerFormValues,
  type TLockedFields,
  toSchemaInput,
  toUpdateBody,
} from './customer-form-values';

const customer: Customer = {
  id: '2f9a3c1e-8d4b-4c7a-9e21-5b6f0a1d2c3e',
  kind: 'person',
  displayName: '张三',
  person: {
    familyName: '张',
    givenName: '三',
    gender: 'male',
    birthDate: null,
    residentIdNumber: null,
    otherIdType: null,
    otherIdNumber: null,
  },
  organization: null,
  contactPoints: [
    { id: 'c1', type: 'phone', value: '+8613800138000', label: null, isPrimary: true },
    { id: 'c2', type: 'email', value: 'zhang@example.com', label: '工作', isPrimary: true },
  ],
  addresses: [
    {
      id: 'a1',
      label: null,
      countryCode: 'CN',
      provinceCode: '440000',
      provinceName: '广东省',
      cityCode: '440300',
      cityName: '深圳市',
      districtCode: '440305',
      districtName: '南山区',
      postcode: null,
      detail: '科技园',
      isPrimary: true,
    },
  ],
  tags: ['VIP'],
  customerType: null,
  industry: null,
  sourceChannel: 'store',
  lifecycleStage: 'lead',
  owner: null,
  notes: null,
  fieldAccess: {
    residentIdNumber: 'visible',
    otherIdNumber: 'visible',
    birthDate: 'visible',
    phone: 'visible',
    email: 'visible',
    wechat: 'visible',
    addressDetail: 'visible',
  },
  canReveal: false,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deletedAt: null,
  erasedAt: null,
  qualityScore: 57,
  qualityIssues: ['email', 'birthDate', 'residentIdNumber'],
  lastVerifiedAt: null,
  externalIds: [],
  provenance: [],
  mergedInto: null,
  serviceStatus: null,
  valueTier: null,
  contractEndDate: null,
};

function parsedUpdate(values: TCustomerFormValues, locked: TLockedFields = NOTHING_LOCKED) {
  return ZCustomerUpdate.parse(toSchemaInput(values, 'edit', locked));
}

describe('new customer values', () => {
  it('pass the create schema once a name and a valid phone are given', () => {
    const values = newCustomerFormValues(null);
    values.person.familyName = '李';
    values.person.givenName = '四';
    values.contactPoints[0] = { type: 'phone', value: '139 1234 5678', label: '', isPrimary: true };
    const parsed = ZCustomerCreate.parse(toSchemaInput(values, 'create'));
    expect(parsed.kind).toBe('person');
    expect(parsed.contactPoints?.[0]?.value).toBe('+8613912345678');
    expect(parsed.ownerId).toBeNull();
  });

  it('send a contract end date when one is given, and none when left empty', () => {
    const values = newCustomerFormValues(null);
    values.person.familyName = '李';
    values.contactPoints = [];
    expect(ZCustomerCreate.parse(toSchemaInput(values, 'create')).contractEndDate).toBeNull();
    values.contractEndDate = '2026-09-30';
    expect(ZCustomerCreate.parse(toSchemaInput(values, 'create')).contractEndDate).toBe('2026-09-30');
  });

  it('report an impossible contract end date on its field', async () => {
    const values = newCustomerFormValues(null);
    values.person.familyName = '李';
    values.contactPoints = [];
    values.contractEndDate = '2026-02-30';
    const result = await customerFormResolver('create')(values, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.errors.contractEndDate?.message).toBe('Must be a date in the form YYYY-MM-DD');
  });

  it('send only the chosen kind', () => {
    const values = newCustomerFormValues(null);
    values.kind = 'organization';
    values.organization.legalName = '深圳某某科技有限公司';
    values.contactPoints = [];
    const input = toSchemaInput(values, 'create');
    expect(input).not.toHaveProperty('person');
    expect(ZCustomerCreate.safeParse(input).success).toBe(true);
  });
});

describe('toUpdateBody', () => {
  it('is empty when nothing changed, even though phones are shown in national format', () => {
    const initialValues = formValuesFromCustomer(customer);
    expect(initialValues.contactPoints[0]?.value).toBe('138 0013 8000');
    const body = toUpdateBody({
      output: parsedUpdate(initialValues),
      values: initialValues,
      initialValues,
      locked: NOTHING_LOCKED,
    });
    expect(body).toEqual({});
  });

  it('holds only the changed keys, standardized by the schema', () => {
    const initialValues = formValuesFromCustomer(customer);
    const values = structuredClone(initialValues);
    values.lifecycleStage = 'customer';
    values.person.givenName = ' 三丰 ';
    values.tags = ['VIP', '复购'];
    const body = toUpdateBody({
      output: parsedUpdate(values),
      values,
      initialValues,
      locked: NOTHING_LOCKED,
    });
    expect(body).toEqual({
      lifecycleStage: 'customer',
      person: { givenName: '三丰' },
      tags: ['VIP', '复购'],
    });
  });

  it('sends a cleared optional text as null', () => {
    const initialValues = formValuesFromCustomer({ ...customer, notes: '旧备注' });
    const values = structuredClone(initialValues);
    values.notes = '';
    expect(
      toUpdateBody({ output: parsedUpdate(values), values, initialValues, locked: NOTHING_LOCKED }),
    ).toEqual({
      notes: null,
    });
  });

  it('sets, changes and clears the contract end date', () => {
    const initialValues = formValuesFromCustomer(customer);
    expect(initialValues.contractEndDate).toBe('');
    const patch = (change: (values: TCustomerFormValues) => void, from = initialValues) => {
      const values = structuredClone(from);
      change(values);
      return toUpdateBody({
        output: parsedUpdate(values),
        values,
        initialValues: from,
        locked: NOTHING_LOCKED,
      });
    };
    expect(patch((values) => (values.contractEndDate = '2026-12-31'))).toEqual({
      contractEndDate: '2026-12-31',
    });
    const withDate = formValuesFromCustomer({ ...customer, contractEndDate: '2026-12-31' });
    expect(withDate.contractEndDate).toBe('2026-12-31');
    expect(patch(() => undefined, withDate)).toEqual({});
    expect(patch((values) => (values.contractEndDate = '2027-06-30'), withDate)).toEqual({
      contractEndDate: '2027-06-30',
    });
    expect(patch((values) => (values.contractEndDate = ''), withDate)).toEqual({ contractEndDate: null });
  });
});

describe('fields the viewer sees masked', () => {
  const masked: Customer = {
    ...customer,
    person: {
      familyName: '张',
      givenName: '三',
      gender: 'male',
      birthDate: '1990-**-**',
      residentIdNumber: '110105********002X',
      otherIdType: 'passport',
      otherIdNumber: 'E1****78',
    },
    contactPoints: [{ id: 'c1', type: 'phone', value: '+86 138****8000', label: null, isPrimary: true }],
    fieldAccess: {
      ...customer.fieldAccess,
      residentIdNumber: 'masked',
      otherIdNumber: 'masked',
      birthDate: 'masked',
      phone: 'masked',
    },
    canReveal: true,
  };

  it('are locked, and lists are locked whole', () => {
    expect(lockedFieldsOf(masked)).toEqual({
      residentIdNumber: true,
      otherIdNumber: true,
      birthDate: true,
      contactPoints: true,
      addresses: false,
    });
  });

  it('stay editable while masked but empty, since there is nothing to overwrite', () => {
    const empty: Customer = {
      ...masked,
      person: {
        familyName: '张',
        givenName: '三',
        gender: 'male',
        birthDate: null,
        residentIdNumber: null,
        otherIdType: null,
        otherIdNumber: null,
      },
    };
    expect(lockedFieldsOf(empty)).toMatchObject({
      residentIdNumber: false,
      otherIdNumber: false,
      birthDate: false,
    });
  });

  it('are neither validated nor sent, so other changes still save', () => {
    const locked = lockedFieldsOf(masked);
    const initialValues = formValuesFromCustomer(masked);
    const values = structuredClone(initialValues);
    values.notes = '已回访';
    const input = toSchemaInput(values, 'edit', locked);
    expect(input.person).toEqual({ familyName: '张', givenName: '三', gender: 'male' });
    expect(input).not.toHaveProperty('contactPoints');
    const body = toUpdateBody({ output: parsedUpdate(values, locked), values, initialValues, locked });
    expect(body).toEqual({ notes: '已回访' });
  });
});

describe('addresses abroad', () => {
  const abroad: Customer = {
    ...customer,
    addresses: [
      {
        id: 'a2',
        label: '悉尼',
        countryCode: 'AU',
        provinceCode: null,
        provinceName: null,
        cityCode: null,
        cityName: null,
        districtCode: null,
        districtName: null,
        postcode: '2119',
        detail: '7 Wallaby Place, Delmar NSW',
        isPrimary: true,
      },
    ],
  };

  it('load with their country and postcode, and no region codes', () => {
    expect(formValuesFromCustomer(abroad).addresses).toEqual([
      {
        label: '悉尼',
        countryCode: 'AU',
        provinceCode: '',
        cityCode: '',
        districtCode: '',
        postcode: '2119',
        detail: '7 Wallaby Place, Delmar NSW',
        isPrimary: true,
      },
    ]);
    const initialValues = formValuesFromCustomer(abroad);
    expect(
      toUpdateBody({
        output: parsedUpdate(initialValues),
        values: initialValues,
        initialValues,
        locked: NOTHING_LOCKED,
      }),
    ).toEqual({});
  });

  it('send no region codes, so picks made for China neither fail nor travel', () => {
    const inBritain: TAddressFormValues = {
      label: '',
      countryCode: 'GB',
      provinceCode: '440000',
      cityCode: '440300',
      districtCode: '',
      postcode: 'sw1a 1aa',
      detail: '10 Downing Street, London',
      isPrimary: true,
    };
    const values = newCustomerFormValues(null);
    values.person.givenName = 'Anna';
    values.contactPoints = [];
    values.addresses = [inBritain];
    const input = toSchemaInput(values, 'create');
    expect(input.addresses?.[0]).toEqual({
      label: '',
      countryCode: 'GB',
      postcode: 'sw1a 1aa',
      detail: '10 Downing Street, London',
      isPrimary: true,
    });
    const parsed = ZCustomerCreate.parse(input);
    expect(parsed.addresses?.[0]).toMatchObject({ countryCode: 'GB', postcode: 'SW1A 1AA' });
    expect(parsed.addresses?.[0]?.provinceCode ?? null).toBeNull();

    // Back in China the province and city chosen before are there again.
    values.addresses = [{ ...inBritain, countryCode: 'CN', postcode: '518057' }];
    expect(toSchemaInput(values, 'create').addresses?.[0]).toMatchObject({
      countryCode: 'CN',
      provinceCode: '440000',
      cityCode: '440300',
    });
  });

  it('move a stored address abroad with a PATCH of the whole list', () => {
    const initialValues = formValuesFromCustomer(customer);
    const values = structuredClone(initialValues);
    const [home] = values.addresses;
    if (!home) throw new Error('the fixture has an address');
    values.addresses = [
      { ...home, countryCode: 'JP', postcode: '100-0005', detail: '1-1 Marunouchi, Tokyo' },
    ];
    const body = toUpdateBody({
      output: parsedUpdate(values),
      values,
      initialValues,
      locked: NOTHING_LOCKED,
    });
    expect(body.addresses).toEqual([
      expect.objectContaining({ countryCode: 'JP', postcode: '100-0005', detail: '1-1 Marunouchi, Tokyo' }),
    ]);
    expect(body.addresses?.[0]?.provinceCode ?? null).toBeNull();
  });

  it('still need a province in China', () => {
    const values = newCustomerFormValues(null);
    values.person.familyName = '李';
    values.contactPoints = [];
    values.addresses = [{ ...emptyAddress(), detail: '某路1号' }];
    const result = ZCustomerCreate.safeParse(toSchemaInput(values, 'create'));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['addresses.0.provinceCode']);
  });
});

describe('the other identity document', () => {
  it('is sent with its type, and standardized by the schema', () => {
    const values = newCustomerFormValues(null);
    values.person.givenName = 'Anna';
    values.contactPoints = [];
    values.person.otherIdType = 'passport';
    values.person.otherIdNumber = 'e12 345-678';
    const input = toSchemaInput(values, 'create');
    expect(input.person).toMatchObject({ otherIdType: 'passport', otherIdNumber: 'e12 345-678' });
    const parsed = ZCustomerCreate.parse(input);
    expect(parsed.kind === 'person' && parsed.person).toMatchObject({
      otherIdType: 'passport',
      otherIdNumber: 'E12345678',
    });
  });

  it('counts as "other" without a type, and a type alone is no document', () => {
    const values = newCustomerFormValues(null);
    values.person.givenName = 'Anna';
    values.contactPoints = [];
    values.person.otherIdNumber = 'X1234567';
    const withoutType = ZCustomerCreate.parse(toSchemaInput(values, 'create'));
    expect(withoutType.kind === 'person' && withoutType.person.otherIdType).toBe('other');

    values.person.otherIdType = 'taiwan_permit';
    values.person.otherIdNumber = '';
    const typeOnly = ZCustomerCreate.parse(toSchemaInput(values, 'create'));
    expect(typeOnly.kind === 'person' && typeOnly.person.otherIdType).toBeUndefined();
  });

  it('loads from a stored customer and patches only what changed', () => {
    const stored: Customer = {
      ...customer,
      person: {
        ...(customer.person as NonNullable<Customer['person']>),
        otherIdType: 'other',
        otherIdNumber: 'H12345678',
      },
    };
    const initialValues = formValuesFromCustomer(stored);
    expect(initialValues.person).toMatchObject({ otherIdType: 'other', otherIdNumber: 'H12345678' });
    const values = structuredClone(initialValues);
    values.person.otherIdType = 'hk_macao_permit';
    expect(
      toUpdateBody({ output: parsedUpdate(values), values, initialValues, locked: NOTHING_LOCKED }),
    ).toEqual({ person: { otherIdType: 'hk_macao_permit' } });

    values.person.otherIdNumber = '';
    expect(
      toUpdateBody({ output: parsedUpdate(values), values, initialValues, locked: NOTHING_LOCKED }),
    ).toEqual({ person: { otherIdType: null, otherIdNumber: null } });
  });
});

describe('person names', () => {
  const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;

  it('need only one of family and given name', async () => {
    const values = newCustomerFormValues(null);
    values.contactPoints = [];
    values.person.givenName = 'Madonna';
    expect((await customerFormResolver('create')(values, undefined, resolverOptions)).errors).toEqual({});
  });

  it('report a missing name on the family name, on creation and on edit alike', async () => {
    const created = newCustomerFormValues(null);
    created.contactPoints = [];
    const edited = formValuesFromCustomer(customer);
    edited.person.familyName = ' ';
    edited.person.givenName = '';
    for (const [mode, values] of [
      ['create', created],
      ['edit', edited],
    ] as const) {
      const { errors } = await customerFormResolver(mode)(values, undefined, resolverOptions);
      expect(errors.person?.familyName?.message).toBe('Required');
    }
  });
});
