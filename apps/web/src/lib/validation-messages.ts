import type { TFunction } from 'i18next';

/*
 * The shared schemas (and the API, which uses them) word their messages in English. Rather than fork the
 * rules, the SPA recognises those messages and shows its own translation; anything it does not know is
 * shown as it came, so a new rule is never silent, merely untranslated until added here.
 */
const EXACT: Record<string, string> = {
  Required: 'required',
  'Must be a string': 'invalid',
  'Must be an object': 'invalid',
  'Must be a UUID': 'invalid',
  'Unknown field': 'unknownField',
  'Region code must be 6 digits': 'regionCode',
  'Unknown province code': 'unknownProvince',
  'Unknown city code': 'unknownCity',
  'Unknown district code': 'unknownDistrict',
  'City is not in the given province': 'cityNotInProvince',
  'City is required when a district is given': 'cityRequired',
  'District is not in the given city': 'districtNotInCity',
  'Region codes apply to addresses in China only': 'regionCodesAbroad',
  'Must be an ISO 3166-1 two-letter country code': 'countryCode',
  'Postcode in China must be 6 digits': 'postcodeChina',
  'Postcode must be 2-12 letters or digits': 'postcode',
  'ID number must be 4-30 letters or digits': 'otherIdNumber',
  'Only one address can be primary': 'onePrimaryAddress',
  'Duplicate contact point': 'duplicateContactPoint',
  'Phone number is empty': 'phoneEmpty',
  'Phone number may only contain digits, spaces, +, -, ( and )': 'phoneCharacters',
  'Not a valid phone number': 'phoneInvalid',
  'Email address is empty': 'emailEmpty',
  'Not a valid email address': 'emailInvalid',
  'WeChat ID must be 6-20 letters, digits, - or _ and start with a letter': 'wechatInvalid',
  'Must be a date in the form YYYY-MM-DD': 'dateFormat',
  'Birth date is out of range': 'birthDateRange',
  'Birth date does not match the resident ID': 'birthDateMismatch',
  'Gender does not match the resident ID': 'genderMismatch',
  'Resident ID must be 18 characters': 'residentIdLength',
  'Resident ID must be 17 digits followed by a digit or X': 'residentIdFormat',
  'Resident ID contains an impossible birth date': 'residentIdBirthDate',
  'Resident ID birth date is out of range': 'residentIdBirthDateRange',
  'Resident ID check digit does not match': 'residentIdCheck',
  'Unified social credit code must be 18 characters': 'usccLength',
  'Unified social credit code may only use digits and capital letters other than I, O, S, V, Z':
    'usccCharacters',
  'Unified social credit code check character does not match': 'usccCheck',
  'An update cannot change both person and organization fields': 'invalid',
  // Work-order settings (apps/api workorders/settings.ts, and the form's own checks in the same words).
  'Used twice': 'usedTwice',
  'No queue with this id': 'noSuchQueue',
  'No active staff user': 'inactiveMember',
  'Unknown time zone': 'unknownTimeZone',
  'Must be after dayStart': 'dayEndAfterStart',
  'A calendar needs working days': 'needsWorkdays',
  'Queue id must be 1-50 lowercase letters, digits, _ or -': 'queueId',
  'Must be a time in the form HH:MM': 'timeFormat',
  'Must be a percentage from 10 to 99': 'percentRange',
  // Triggers (the form's own checks) and value tier settings (apps/api value-tiers/settings.ts).
  'Add at least one action': 'atLeastOneAction',
  'Must be strictly ascending': 'ascending',
  'A must be above B, and B above C': 'tiersDescending',
  'Must be an amount of 0 or more': 'amount',
  // Campaigns (the form's own checks, apps/api campaigns/service.ts).
  'Code must be 2-50 letters, digits, _ or -': 'campaignCode',
  'A campaign with this code exists already.': 'campaignCodeTaken',
  'Must be after startsAt': 'endsAfterStarts',
  // Exports, approvals and tags (apps/api exports/service.ts, approvals/requests.ts, tags/service.ts).
  'Required for a segment export': 'required',
  'A dashboard report is a PDF': 'dashboardPdfOnly',
  'Must be before to': 'beforeTo',
  'Say why the request is rejected': 'rejectNeedsComment',
  'An export policy in force needs a row threshold': 'exportThresholdRequired',
  'Only the export policy has a row threshold': 'notForThisPolicy',
  'Only the reveal policy names requester roles': 'notForThisPolicy',
  'Name tags to add or to remove': 'tagsToChange',
  'No such customer in your scope': 'customerOutOfScope',
};

const PATTERNS: { pattern: RegExp; key: string }[] = [
  { pattern: /^Must be at most (?<max>\d+) characters$/, key: 'maxLength' },
  { pattern: /^Email address must be at most (?<max>\d+) characters$/, key: 'maxLength' },
  { pattern: /^At most (?<max>\d+) contact points are allowed$/, key: 'maxContactPoints' },
  { pattern: /^At most (?<max>\d+) addresses are allowed$/, key: 'maxAddresses' },
  { pattern: /^At most (?<max>\d+) tags are allowed$/, key: 'maxTags' },
  { pattern: /^Must be a number of hours above 0 and at most (?<max>\d+)$/, key: 'hoursRange' },
  { pattern: /^Must be a whole number from (?<min>\d+) to (?<max>\d+)$/, key: 'wholeNumberRange' },
  { pattern: /^Must be a whole number of (?<min>\d+) or more$/, key: 'wholeNumberMin' },
  { pattern: /^Only for a (?<source>[a-z_]+) export$/, key: 'onlyForSource' },
  { pattern: /^Must be one of (?<values>.+)$/, key: 'oneOf' },
  { pattern: /^Both added and removed: (?<tags>.+)$/, key: 'addedAndRemoved' },
  {
    pattern: /^Only one (?<type>phone|email|wechat) contact point can be primary$/,
    key: 'onePrimaryContactPoint',
  },
];

export function translateValidationMessage(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const exact = EXACT[message];
  if (exact) return t(`validation.${exact}`);
  for (const { pattern, key } of PATTERNS) {
    const match = pattern.exec(message);
    if (match) {
      const values: Record<string, string> = { ...match.groups };
      if (values.type) values.type = t(`enums.contactPointType.${values.type}`);
      return t(`validation.${key}`, values);
    }
  }
  return message;
}
