import type { Customer } from '@cims/api-client';
import { ZCustomerCreate, ZCustomerUpdate } from '@cims/schemas';
import { describe, expect, it } from 'vitest';
import {
  formValuesFromCustomer,
  lockedFieldsOf,
  NOTHING_LOCKED,
  newCustomerFormValues,
  type TCustomerFormValues,
  type TLockedFields,
  toSchemaInput,
  toUpdateBody,
} from './customer-form-values';

const customer: Customer = {
  id: '2f9a3c1e-8d4b-4c7a-9e21-5b6f0a1d2c3e',
  kind: 'person',
  displayName: '张三',
  person: { familyName: '张', givenName: '三', gender: 'male', birthDate: null, residentIdNumber: null },
  organization: null,
  contactPoints: [
    { id: 'c1', type: 'phone', value: '+8613800138000', label: null, isPrimary: true },
    { id: 'c2', type: 'email', value: 'zhang@example.com', label: '工作', isPrimary: true },
  ],
  addresses: [
    {
      id: 'a1',
      label: null,
      provinceCode: '440000',
      provinceName: '广东省',
      cityCode: '440300',
      cityName: '深圳市',
      districtCode: '440305',
      districtName: '南山区',
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
    },
    contactPoints: [{ id: 'c1', type: 'phone', value: '+86 138****8000', label: null, isPrimary: true }],
    fieldAccess: {
      ...customer.fieldAccess,
      residentIdNumber: 'masked',
      birthDate: 'masked',
      phone: 'masked',
    },
    canReveal: true,
  };

  it('are locked, and lists are locked whole', () => {
    expect(lockedFieldsOf(masked)).toEqual({
      residentIdNumber: true,
      birthDate: true,
      contactPoints: true,
      addresses: false,
    });
  });

  it('stay editable while masked but empty, since there is nothing to overwrite', () => {
    const empty: Customer = {
      ...masked,
      person: { familyName: '张', givenName: '三', gender: 'male', birthDate: null, residentIdNumber: null },
    };
    expect(lockedFieldsOf(empty)).toMatchObject({ residentIdNumber: false, birthDate: false });
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
