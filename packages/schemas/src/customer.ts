/*
 * Customer input schemas shared by the SPA forms and the API.
 *
 * Parsing standardizes as well as validates: phones come out in E.164, emails lower-cased, resident IDs
 * and credit codes upper-cased, blank optional text as null, and exactly one primary contact point per
 * type and one primary address. Use the parsed output, never the raw input, for storage and matching.
 */
import { z } from 'zod';
import { EARLIEST_BIRTH_DATE, isIsoCalendarDate, todayInChina } from './calendar-date';
import { normalizeEmail } from './email';
import { normalizePhone } from './phone';
import { findRegionTripleProblem, formatRegionPath } from './regions';
import { parseResidentId } from './resident-id';
import { parseUscc } from './uscc';

export const ZCustomerKind = z.enum(['person', 'organization']);
export type TCustomerKind = z.infer<typeof ZCustomerKind>;

export const ZGender = z.enum(['male', 'female', 'unknown']);
export type TGender = z.infer<typeof ZGender>;

export const ZLifecycleStage = z.enum(['lead', 'prospect', 'customer', 'churned']);
export type TLifecycleStage = z.infer<typeof ZLifecycleStage>;

export const ZSourceChannel = z.enum([
  'website',
  'marketplace',
  'store',
  'hotline',
  'wechat',
  'partner',
  'import',
]);
export type TSourceChannel = z.infer<typeof ZSourceChannel>;

export const ZOrganizationSize = z.enum(['micro', 'small', 'medium', 'large']);
export type TOrganizationSize = z.infer<typeof ZOrganizationSize>;

export const ZContactPointType = z.enum(['phone', 'email', 'wechat']);
export type TContactPointType = z.infer<typeof ZContactPointType>;

export const ZStaffRole = z.enum(['admin', 'sales', 'service', 'marketing', 'compliance', 'auditor']);
export type TStaffRole = z.infer<typeof ZStaffRole>;

const MAX_CONTACT_POINTS = 20;
const MAX_ADDRESSES = 10;
const MAX_TAGS = 50;

const stringError = (issue: { input: unknown }) =>
  issue.input === undefined ? 'Required' : 'Must be a string';
const objectError = (issue: { input: unknown }) =>
  issue.input === undefined ? 'Required' : 'Must be an object';

function requiredText(maxLength: number) {
  return z
    .string({ error: stringError })
    .trim()
    .min(1, 'Required')
    .max(maxLength, `Must be at most ${maxLength} characters`);
}

/**
 * Optional text where null, a missing key and a blank string all mean "no value". Forms send '' for an
 * empty input; turning it into null here means the API never stores empty strings.
 */
function blankAsNull<TOutput>(schema: z.ZodType<TOutput, string>) {
  return z
    .string({ error: 'Must be a string' })
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(schema.nullable())
    .nullish();
}

function nameText(maxLength: number) {
  return z
    .string({ error: stringError })
    .trim()
    .max(maxLength, `Must be at most ${maxLength} characters`)
    .optional();
}

function optionalText(maxLength: number) {
  return blankAsNull(z.string().max(maxLength, `Must be at most ${maxLength} characters`));
}

const REGION_CODE = /^\d{6}$/;
/** Addresses default to China, where region codes are required. */
export const HOME_COUNTRY = 'CN';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** ISO 3166-1 alpha-2 codes the platform's region data knows (unknown ones come back unchanged). */
export function isKnownCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countryNames.of(code) !== code;
}
const ZRegionCode = z.string().regex(REGION_CODE, 'Region code must be 6 digits');

const ZIsoDate = z
  .string()
  .refine(isIsoCalendarDate, { message: 'Must be a date in the form YYYY-MM-DD', abort: true });

const ZBirthDate = ZIsoDate.refine((date) => date >= EARLIEST_BIRTH_DATE && date <= todayInChina(), {
  message: 'Birth date is out of range',
});

const ZResidentIdNumber = z.string().transform((input, ctx) => {
  const parsed = parseResidentId(input);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

const ZUscc = z.string().transform((input, ctx) => {
  const parsed = parseUscc(input);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

const WECHAT_ID = /^[a-zA-Z][-_a-zA-Z0-9]{5,19}$/;

export type TContactValueResult = { ok: true; value: string } | { ok: false; message: string };

/** The stored form of a contact point value; the same rules the schemas apply, for import pipelines. */
export function standardizeContactValue(type: TContactPointType, input: string): TContactValueResult {
  switch (type) {
    case 'phone': {
      const phone = normalizePhone(input);
      return phone.ok ? { ok: true, value: phone.e164 } : phone;
    }
    case 'email':
      return normalizeEmail(input);
    case 'wechat': {
      const value = input.trim();
      return WECHAT_ID.test(value)
        ? { ok: true, value }
        : {
            ok: false,
            message: 'WeChat ID must be 6-20 letters, digits, - or _ and start with a letter',
          };
    }
  }
}

export const ZContactPointInput = z
  .strictObject(
    {
      type: ZContactPointType,
      value: z.string({ error: stringError }),
      label: optionalText(40),
      isPrimary: z.boolean().optional(),
    },
    { error: objectError },
  )
  .transform((contactPoint, ctx) => {
    const standardized = standardizeContactValue(contactPoint.type, contactPoint.value);
    if (!standardized.ok) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: standardized.message });
      return z.NEVER;
    }
    return { ...contactPoint, value: standardized.value };
  });
export type TContactPointInput = z.infer<typeof ZContactPointInput>;

const ZCountryCode = z
  .string({ error: stringError })
  .trim()
  .toUpperCase()
  .refine(isKnownCountryCode, 'Must be an ISO 3166-1 two-letter country code');

const ZPostcode = z
  .string()
  .transform((value) => value.toUpperCase().replace(/\s+/g, ' '))
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9 -]{1,11}$/, 'Postcode must be 2-12 letters or digits'));

export const ZAddressInput = z
  .strictObject(
    {
      label: optionalText(40),
      countryCode: ZCountryCode.default(HOME_COUNTRY),
      provinceCode: blankAsNull(ZRegionCode),
      cityCode: blankAsNull(ZRegionCode),
      districtCode: blankAsNull(ZRegionCode),
      postcode: blankAsNull(ZPostcode),
      detail: requiredText(200),
      isPrimary: z.boolean().optional(),
    },
    { error: objectError },
  )
  .superRefine((address, ctx) => {
    const codes = [address.provinceCode, address.cityCode, address.districtCode];
    if (address.countryCode !== HOME_COUNTRY) {
      // Region codes (GB/T 2260) exist for China only; elsewhere the detail carries the whole address.
      for (const field of ['provinceCode', 'cityCode', 'districtCode'] as const) {
        if (address[field])
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'Region codes apply to addresses in China only',
          });
      }
      return;
    }
    if (address.postcode && !/^\d{6}$/.test(address.postcode)) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Postcode in China must be 6 digits' });
    }
    if (!address.provinceCode) {
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'Required' });
      return;
    }
    // A malformed code already has its own issue; looking it up would only add a second one.
    if (!codes.every((code) => code == null || REGION_CODE.test(code))) {
      return;
    }
    const problem = findRegionTripleProblem({ ...address, provinceCode: address.provinceCode });
    if (problem) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }
  });
export type TAddressInput = z.infer<typeof ZAddressInput>;

type AddressLineSource = {
  countryCode?: string | null;
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
  postcode?: string | null;
  detail: string;
};

/** 广东省深圳市南山区科技园路1号 at home; '7 Wallaby Place, Delmar 2119, 澳大利亚' (country in `locale`) abroad. */
export function formatAddressLine(address: AddressLineSource, locale = 'zh-CN'): string {
  const country = address.countryCode ?? HOME_COUNTRY;
  if (country === HOME_COUNTRY) return formatRegionPath(address) + address.detail;
  const countryName = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(country);
  return [address.detail, address.postcode, countryName].filter(Boolean).join(', ');
}

type PrimaryFlagged = { isPrimary?: boolean | undefined };

/** One primary per group: a second explicit primary is an error, no primary at all makes the first one. */
function withOnePrimaryPerGroup<TItem extends PrimaryFlagged>(
  items: TItem[],
  ctx: z.RefinementCtx,
  options: { groupOf: (item: TItem) => string; duplicateMessage: (item: TItem) => string },
): (TItem & { isPrimary: boolean })[] {
  const groupsWithExplicitPrimary = new Set<string>();
  items.forEach((item, position) => {
    const group = options.groupOf(item);
    if (!item.isPrimary) {
      return;
    }
    if (groupsWithExplicitPrimary.has(group)) {
      ctx.addIssue({
        code: 'custom',
        path: [position, 'isPrimary'],
        message: options.duplicateMessage(item),
      });
    }
    groupsWithExplicitPrimary.add(group);
  });
  const groupsWithPrimary = new Set(groupsWithExplicitPrimary);
  return items.map((item) => {
    const group = options.groupOf(item);
    if (item.isPrimary) {
      return { ...item, isPrimary: true };
    }
    const isPrimary = !groupsWithPrimary.has(group);
    groupsWithPrimary.add(group);
    return { ...item, isPrimary };
  });
}

// Duplicates and primaries are checked in one pass so that a form shows every list problem at once.
const ZContactPointList = z
  .array(ZContactPointInput)
  .max(MAX_CONTACT_POINTS, `At most ${MAX_CONTACT_POINTS} contact points are allowed`)
  .transform((contactPoints, ctx) => {
    const seen = new Set<string>();
    contactPoints.forEach((contactPoint, position) => {
      const key = `${contactPoint.type}:${contactPoint.value}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: [position, 'value'], message: 'Duplicate contact point' });
      }
      seen.add(key);
    });
    return withOnePrimaryPerGroup(contactPoints, ctx, {
      groupOf: (contactPoint) => contactPoint.type,
      duplicateMessage: (contactPoint) => `Only one ${contactPoint.type} contact point can be primary`,
    });
  });

const ZAddressList = z
  .array(ZAddressInput)
  .max(MAX_ADDRESSES, `At most ${MAX_ADDRESSES} addresses are allowed`)
  .transform((addresses, ctx) =>
    withOnePrimaryPerGroup(addresses, ctx, {
      groupOf: () => 'address',
      duplicateMessage: () => 'Only one address can be primary',
    }),
  );

const ZTagList = z
  .array(requiredText(30))
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags are allowed`)
  .transform((tags) => [...new Set(tags)]);

export const ZOtherIdType = z.enum([
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
  'social_security',
  'other',
]);
export type TOtherIdType = z.infer<typeof ZOtherIdType>;

// Passports, permits and foreign social-security numbers have no shared check digit: standardize the
// spelling (no spaces or dashes, upper case) so that the same number always compares equal.
const ZOtherIdNumber = z
  .string()
  .transform((value) => value.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,30}$/, 'ID number must be 4-30 letters or digits'));

const personShape = {
  // One of the two may be empty ('' rather than null, so the output stays a string): many records from
  // abroad carry a single name, and a customer is better stored with half a name than refused.
  familyName: nameText(20),
  givenName: nameText(30),
  gender: ZGender.optional(),
  birthDate: blankAsNull(ZBirthDate),
  residentIdNumber: blankAsNull(ZResidentIdNumber),
  /** Another identity document (for foreigners, or alongside the resident ID). */
  otherIdType: ZOtherIdType.nullish(),
  otherIdNumber: blankAsNull(ZOtherIdNumber),
};

type PersonFields = {
  gender?: TGender | undefined;
  birthDate?: string | null | undefined;
  residentIdNumber?: string | null | undefined;
};

/**
 * The resident ID wins: a birth date or gender that contradicts it is an error, and a missing one is
 * taken from it. On a partial update this only sees the fields in the patch, so the service must still
 * compare a patched birth date or gender with a stored ID.
 */
function reconcileWithResidentId<TPerson extends PersonFields>(
  person: TPerson,
  ctx: z.RefinementCtx,
): TPerson {
  if (!person.residentIdNumber) {
    return person;
  }
  const parsed = parseResidentId(person.residentIdNumber);
  if (!parsed.ok) {
    return person;
  }
  if (person.birthDate && person.birthDate !== parsed.birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: 'Birth date does not match the resident ID',
    });
  }
  if (person.gender && person.gender !== 'unknown' && person.gender !== parsed.gender) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: 'Gender does not match the resident ID' });
  }
  return {
    ...person,
    birthDate: person.birthDate ?? parsed.birthDate,
    gender: person.gender ?? parsed.gender,
  };
}

export const ZPersonInput = z
  .strictObject(personShape, { error: objectError })
  .superRefine((person, ctx) => {
    if (!person.familyName && !person.givenName) {
      ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'Required' });
    }
  })
  .transform(({ familyName = '', givenName = '', ...person }) => ({ familyName, givenName, ...person }))
  .transform(reconcileWithResidentId)
  .transform((person) => ({
    ...person,
    otherIdType: person.otherIdNumber ? (person.otherIdType ?? ('other' as const)) : undefined,
  }));
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZPersonPatch = z
  .strictObject(personShape, { error: objectError })
  .partial()
  .transform(reconcileWithResidentId);
export type TPersonPatch = z.infer<typeof ZPersonPatch>;

const organizationShape = {
  legalName: requiredText(100),
  uscc: blankAsNull(ZUscc),
  size: ZOrganizationSize.nullish(),
};

export const ZOrganizationInput = z.strictObject(organizationShape, { error: objectError });
export type TOrganizationInput = z.infer<typeof ZOrganizationInput>;

export const ZOrganizationPatch = z.strictObject(organizationShape, { error: objectError }).partial();
export type TOrganizationPatch = z.infer<typeof ZOrganizationPatch>;

// Every key is optional so that the same shape serves creation and partial updates; in an update a
// missing key leaves the value alone, null clears it, and a given list replaces the stored list.
const commonShape = {
  displayName: optionalText(100),
  contactPoints: ZContactPointList.optional(),
  addresses: ZAddressList.optional(),
  tags: ZTagList.optional(),
  customerType: optionalText(40),
  industry: optionalText(60),
  sourceChannel: ZSourceChannel.optional(),
  lifecycleStage: ZLifecycleStage.optional(),
  ownerId: z.uuid('Must be a UUID').nullish(),
  notes: optionalText(5000),
  /** 合同到期: a renewal task for the owner is created 30 days before. */
  contractEndDate: blankAsNull(ZIsoDate),
};

export const ZPersonCustomerCreate = z.strictObject({
  kind: z.literal('person'),
  person: ZPersonInput,
  ...commonShape,
});
export type TPersonCustomerCreate = z.infer<typeof ZPersonCustomerCreate>;

export const ZOrganizationCustomerCreate = z.strictObject({
  kind: z.literal('organization'),
  organization: ZOrganizationInput,
  ...commonShape,
});
export type TOrganizationCustomerCreate = z.infer<typeof ZOrganizationCustomerCreate>;

export const ZCustomerCreate = z.discriminatedUnion('kind', [
  ZPersonCustomerCreate,
  ZOrganizationCustomerCreate,
]);
/** The parsed (standardized) form; use TCustomerCreateInput for what a form or client may send. */
export type TCustomerCreate = z.output<typeof ZCustomerCreate>;
export type TCustomerCreateInput = z.input<typeof ZCustomerCreate>;

export const ZCustomerUpdate = z
  .strictObject({
    ...commonShape,
    person: ZPersonPatch.optional(),
    organization: ZOrganizationPatch.optional(),
  })
  .superRefine((update, ctx) => {
    if (update.person && update.organization) {
      ctx.addIssue({
        code: 'custom',
        path: ['organization'],
        message: 'An update cannot change both person and organization fields',
      });
    }
  });
export type TCustomerUpdate = z.output<typeof ZCustomerUpdate>;
export type TCustomerUpdateInput = z.input<typeof ZCustomerUpdate>;

export type TFieldError = { path: string; message: string };

/**
 * Flattens zod issues into JSON Pointer (RFC 6901) paths such as '/contactPoints/0/value', the form used
 * in problem+json error lists. An unknown key becomes one error on that key's own path.
 */
export function zodIssuesToFieldErrors(error: z.ZodError): TFieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: toJsonPointer([...issue.path, key]), message: 'Unknown field' }))
      : [{ path: toJsonPointer(issue.path), message: issue.message }],
  );
}

function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

type DisplayNameSource =
  | { kind: 'person'; person: { familyName: string; givenName: string } }
  | { kind: 'organization'; organization: { legalName: string } };

const LATIN_NAME = /^[\p{Script=Latin}\s'.-]+$/u;

/** 张三 for Chinese names (family name first, no space); 'Anna Smith' when both parts are Latin script. */
export function displayNameFor(input: DisplayNameSource): string {
  if (input.kind === 'organization') {
    return input.organization.legalName.trim();
  }
  const familyName = input.person.familyName.trim();
  const givenName = input.person.givenName.trim();
  return LATIN_NAME.test(familyName) && LATIN_NAME.test(givenName)
    ? `${givenName} ${familyName}`
    : `${familyName}${givenName}`;
}
