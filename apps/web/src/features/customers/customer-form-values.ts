import type { Customer, CustomerUpdate } from '@cims/api-client';
import {
  formatPhoneNational,
  HOME_COUNTRY,
  type TContactPointType,
  type TCustomerCreate,
  type TCustomerUpdate,
  type TGender,
  type TLifecycleStage,
  type TOrganizationSize,
  type TOtherIdType,
  type TSourceChannel,
  ZCustomerCreate,
  ZCustomerUpdate,
} from '@cims/schemas';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';

/*
 * The form keeps every input as the string the browser gives it ('' for empty) and holds both the person
 * and the organization fields, so switching the kind back and forth loses nothing. `toSchemaInput` turns
 * that into the shape the shared zod schemas expect, with only the chosen kind, so validation, the
 * request body and the server's JSON Pointer error paths all share one layout. In the same spirit an
 * address keeps its region picks while another country is chosen, and sends them only for China.
 */

export type TContactPointFormValues = {
  type: TContactPointType;
  value: string;
  label: string;
  isPrimary: boolean;
};

export type TAddressFormValues = {
  label: string;
  /** ISO 3166-1 alpha-2; region codes (GB/T 2260) apply only to HOME_COUNTRY. */
  countryCode: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  postcode: string;
  detail: string;
  isPrimary: boolean;
};

export type TCustomerFormValues = {
  kind: 'person' | 'organization';
  person: {
    familyName: string;
    givenName: string;
    gender: TGender | '';
    birthDate: string;
    residentIdNumber: string;
    otherIdType: TOtherIdType | '';
    otherIdNumber: string;
  };
  organization: { legalName: string; uscc: string; size: TOrganizationSize | '' };
  contactPoints: TContactPointFormValues[];
  addresses: TAddressFormValues[];
  tags: string[];
  customerType: string;
  industry: string;
  sourceChannel: TSourceChannel | '';
  lifecycleStage: TLifecycleStage | '';
  ownerId: string;
  notes: string;
  /** 合同到期日, `yyyy-mm-dd` as the date input gives it; '' for none. */
  contractEndDate: string;
};

export type TFormMode = 'create' | 'edit';

/**
 * Parts of a stored customer this viewer sees masked or not at all (the API's `fieldAccess`). Their
 * values in the form are the masked ones, so they are shown read-only and never validated or sent:
 * writing them back would replace real data with asterisks. Lists are locked whole, because a PATCH
 * replaces a whole list and hidden contact points are not even in the response.
 */
export type TLockedFields = {
  residentIdNumber: boolean;
  /** The other ID's type travels with its number, so both are locked together. */
  otherIdNumber: boolean;
  birthDate: boolean;
  contactPoints: boolean;
  addresses: boolean;
};

export const NOTHING_LOCKED: TLockedFields = {
  residentIdNumber: false,
  otherIdNumber: false,
  birthDate: false,
  contactPoints: false,
  addresses: false,
};

type TFieldAccess = Customer['fieldAccess'][keyof Customer['fieldAccess']];

// A masked field with no value hides nothing, so it can be filled in; a hidden one may hide a value.
function isLocked(access: TFieldAccess, hasValue: boolean): boolean {
  return access === 'hidden' || (access === 'masked' && hasValue);
}

export function lockedFieldsOf(customer: Customer): TLockedFields {
  const access = customer.fieldAccess;
  const hasContact = (type: 'phone' | 'email' | 'wechat') =>
    customer.contactPoints.some((point) => point.type === type);
  return {
    residentIdNumber: isLocked(access.residentIdNumber, Boolean(customer.person?.residentIdNumber)),
    otherIdNumber: isLocked(access.otherIdNumber, Boolean(customer.person?.otherIdNumber)),
    birthDate: isLocked(access.birthDate, Boolean(customer.person?.birthDate)),
    contactPoints: (['phone', 'email', 'wechat'] as const).some((type) =>
      isLocked(access[type], hasContact(type)),
    ),
    addresses: isLocked(access.addressDetail, customer.addresses.length > 0),
  };
}
export type TCustomerFormOutput = TCustomerCreate | TCustomerUpdate;

export function emptyContactPoint(type: TContactPointType = 'phone'): TContactPointFormValues {
  return { type, value: '', label: '', isPrimary: false };
}

export function emptyAddress(): TAddressFormValues {
  return {
    label: '',
    countryCode: HOME_COUNTRY,
    provinceCode: '',
    cityCode: '',
    districtCode: '',
    postcode: '',
    detail: '',
    isPrimary: false,
  };
}

export function newCustomerFormValues(ownerId: string | null): TCustomerFormValues {
  return {
    kind: 'person',
    person: {
      familyName: '',
      givenName: '',
      gender: '',
      birthDate: '',
      residentIdNumber: '',
      otherIdType: '',
      otherIdNumber: '',
    },
    organization: { legalName: '', uscc: '', size: '' },
    contactPoints: [{ ...emptyContactPoint('phone'), isPrimary: true }],
    addresses: [],
    tags: [],
    customerType: '',
    industry: '',
    sourceChannel: '',
    lifecycleStage: 'lead',
    ownerId: ownerId ?? '',
    notes: '',
    contractEndDate: '',
  };
}

export function formValuesFromCustomer(customer: Customer): TCustomerFormValues {
  return {
    kind: customer.kind,
    person: {
      familyName: customer.person?.familyName ?? '',
      givenName: customer.person?.givenName ?? '',
      gender: customer.person?.gender ?? '',
      birthDate: customer.person?.birthDate ?? '',
      residentIdNumber: customer.person?.residentIdNumber ?? '',
      otherIdType: customer.person?.otherIdType ?? '',
      otherIdNumber: customer.person?.otherIdNumber ?? '',
    },
    organization: {
      legalName: customer.organization?.legalName ?? '',
      uscc: customer.organization?.uscc ?? '',
      size: customer.organization?.size ?? '',
    },
    contactPoints: customer.contactPoints.map((contactPoint) => ({
      type: contactPoint.type,
      // Stored phones are E.164; people read and edit them in the national format they dial.
      value: contactPoint.type === 'phone' ? formatPhoneNational(contactPoint.value) : contactPoint.value,
      label: contactPoint.label ?? '',
      isPrimary: contactPoint.isPrimary,
    })),
    addresses: customer.addresses.map((address) => ({
      label: address.label ?? '',
      countryCode: address.countryCode,
      provinceCode: address.provinceCode ?? '',
      cityCode: address.cityCode ?? '',
      districtCode: address.districtCode ?? '',
      postcode: address.postcode ?? '',
      detail: address.detail,
      isPrimary: address.isPrimary,
    })),
    tags: [...customer.tags],
    customerType: customer.customerType ?? '',
    industry: customer.industry ?? '',
    sourceChannel: customer.sourceChannel,
    lifecycleStage: customer.lifecycleStage,
    ownerId: customer.owner?.id ?? '',
    notes: customer.notes ?? '',
    contractEndDate: customer.contractEndDate ?? '',
  };
}

function addressInput(address: TAddressFormValues) {
  const { label, countryCode, provinceCode, cityCode, districtCode, postcode, detail, isPrimary } = address;
  const regionCodes = countryCode === HOME_COUNTRY ? { provinceCode, cityCode, districtCode } : {};
  return { label, countryCode, ...regionCodes, postcode, detail, isPrimary };
}

function commonInput(values: TCustomerFormValues) {
  return {
    contactPoints: values.contactPoints.map(({ type, value, label, isPrimary }) => ({
      type,
      value,
      label,
      isPrimary,
    })),
    addresses: values.addresses.map(addressInput),
    tags: values.tags,
    customerType: values.customerType,
    industry: values.industry,
    sourceChannel: values.sourceChannel || undefined,
    lifecycleStage: values.lifecycleStage || undefined,
    ownerId: values.ownerId || null,
    notes: values.notes,
    contractEndDate: values.contractEndDate,
  };
}

function personInput(values: TCustomerFormValues, locked: TLockedFields) {
  const { familyName, givenName, gender, birthDate, residentIdNumber, otherIdType, otherIdNumber } =
    values.person;
  return {
    familyName,
    givenName,
    gender: gender || undefined,
    ...(locked.birthDate ? {} : { birthDate }),
    ...(locked.residentIdNumber ? {} : { residentIdNumber }),
    // The schemas store a type only with a number, so a type chosen without one is not sent either.
    ...(locked.otherIdNumber
      ? {}
      : { otherIdType: (otherIdNumber.trim() !== '' && otherIdType) || null, otherIdNumber }),
  };
}

function organizationInput(values: TCustomerFormValues) {
  const { legalName, uscc, size } = values.organization;
  return { legalName, uscc, size: size || null };
}

export function toSchemaInput(values: TCustomerFormValues, mode: TFormMode, locked = NOTHING_LOCKED) {
  const profile =
    values.kind === 'person'
      ? { person: personInput(values, locked) }
      : { organization: organizationInput(values) };
  const { contactPoints, addresses, ...common } = commonInput(values);
  const lists = {
    ...(locked.contactPoints ? {} : { contactPoints }),
    ...(locked.addresses ? {} : { addresses }),
  };
  return mode === 'create'
    ? { kind: values.kind, ...profile, ...lists, ...common }
    : { ...profile, ...lists, ...common };
}

/**
 * A person needs a family or a given name. The create schema says so itself; the update schema checks
 * each field of a patch on its own, and only the API sees the merged person. The form holds the whole
 * person, so it answers for edits here as the API would: 'Required' on the family name.
 */
function isNameless(values: TCustomerFormValues): boolean {
  return (
    values.kind === 'person' &&
    values.person.familyName.trim() === '' &&
    values.person.givenName.trim() === ''
  );
}

const createResolver = zodResolver(ZCustomerCreate);
const updateResolver = zodResolver(ZCustomerUpdate);

/**
 * zodResolver over the shared schemas, applied to the schema-shaped input rather than the raw form.
 * Field names are identical in both shapes, so the errors land on the right inputs unchanged.
 */
export function customerFormResolver(
  mode: TFormMode,
  locked: TLockedFields = NOTHING_LOCKED,
): Resolver<TCustomerFormValues, unknown, TCustomerFormOutput> {
  return async (values, context, options) => {
    const input = toSchemaInput(values, mode, locked);
    // The options carry field refs keyed by path, and the paths are the same in both shapes.
    const result =
      mode === 'create'
        ? await createResolver(
            input as Parameters<typeof createResolver>[0],
            context,
            options as unknown as Parameters<typeof createResolver>[2],
          )
        : await updateResolver(
            input as Parameters<typeof updateResolver>[0],
            context,
            options as unknown as Parameters<typeof updateResolver>[2],
          );
    const errors = result.errors as FieldErrors<TCustomerFormValues>;
    if (mode === 'edit' && isNameless(values)) {
      errors.person = { ...errors.person, familyName: { type: 'custom', message: 'Required' } };
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors };
    return { values: result.values, errors: {} };
  };
}

const PROFILE_KEYS = ['person', 'organization'] as const;

/**
 * A PATCH of only what the user changed, taken from the parsed (standardized) output. Comparing the
 * schema-shaped inputs tells what changed without being fooled by formatting the schemas would undo.
 */
export function toUpdateBody(options: {
  output: TCustomerUpdate;
  values: TCustomerFormValues;
  initialValues: TCustomerFormValues;
  locked: TLockedFields;
}): CustomerUpdate {
  const current: Record<string, unknown> = toSchemaInput(options.values, 'edit', options.locked);
  const initial: Record<string, unknown> = toSchemaInput(options.initialValues, 'edit', options.locked);
  const output: Record<string, unknown> = options.output;
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(current)) {
    if (JSON.stringify(current[key]) === JSON.stringify(initial[key])) continue;
    if ((PROFILE_KEYS as readonly string[]).includes(key)) {
      const currentProfile = current[key] as Record<string, unknown>;
      const initialProfile = (initial[key] ?? {}) as Record<string, unknown>;
      const outputProfile = (output[key] ?? {}) as Record<string, unknown>;
      body[key] = Object.fromEntries(
        Object.keys(currentProfile)
          .filter((field) => JSON.stringify(currentProfile[field]) !== JSON.stringify(initialProfile[field]))
          .map((field) => [field, outputProfile[field] ?? null]),
      );
    } else {
      body[key] = output[key] ?? null;
    }
  }
  return body as CustomerUpdate;
}
