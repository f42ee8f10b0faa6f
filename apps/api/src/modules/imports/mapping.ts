/**
 * From a file's columns to customer fields: the suggested mapping (from header names in Chinese and
 * English), and one row turned into a customer input for the shared validators — with each input path
 * traced back to the column it came from, so that an error names the column the user sees.
 */
import type { components } from '@cims/api-client';
import {
  HOME_COUNTRY,
  isKnownCountryCode,
  parseChineseAddress,
  type TCustomerCreate,
  ZCustomerCreate,
  zodIssuesToFieldErrors,
} from '@cims/schemas';

export type ImportField = components['schemas']['ImportField'];
export type ImportMapping = Record<string, ImportField>;

const synonyms: [ImportField, string[]][] = [
  [
    'externalId',
    [
      'external id',
      'externalid',
      'external_id',
      'customer id',
      'customer_id',
      'record id',
      'record_id',
      'rec_id',
      'unique id',
      'uid',
      'id',
      '编号',
      '客户编号',
      '客户id',
      '外部编号',
      '会员号',
      '会员编号',
    ],
  ],
  ['kind', ['kind', 'type of customer', 'customer kind', '客户类别', '类别', '主体类型']],
  [
    'name',
    ['name', 'full name', 'fullname', 'customer name', '姓名', '名称', '客户名称', '客户姓名', '联系人'],
  ],
  ['familyName', ['family name', 'surname', 'last name', 'lastname', 'last_name', '姓']],
  ['givenName', ['given name', 'given_name', 'first name', 'firstname', 'first_name', '名']],
  ['gender', ['gender', 'sex', '性别']],
  [
    'birthDate',
    [
      'birth date',
      'birthdate',
      'birth_date',
      'date of birth',
      'date_of_birth',
      'dob',
      'birthday',
      '出生日期',
      '生日',
    ],
  ],
  [
    'residentIdNumber',
    [
      'id number',
      'id_number',
      'id card',
      'resident id',
      '身份证',
      '身份证号',
      '身份证号码',
      '证件号',
      '证件号码',
    ],
  ],
  [
    'otherIdNumber',
    [
      'passport',
      'passport number',
      'passport no',
      'soc sec id',
      'social security number',
      'ssn',
      'other id',
      '护照',
      '护照号',
      '护照号码',
      '通行证号',
      '通行证号码',
      '其他证件号',
      '其他证件号码',
    ],
  ],
  [
    'organizationName',
    [
      'company',
      'company name',
      'organization',
      'organisation',
      'legal name',
      '公司',
      '公司名称',
      '企业名称',
      '单位',
      '单位名称',
    ],
  ],
  ['uscc', ['uscc', 'credit code', 'unified social credit code', '统一社会信用代码', '信用代码', '税号']],
  ['organizationSize', ['size', 'company size', '规模', '企业规模']],
  ['industry', ['industry', '行业']],
  ['customerType', ['customer type', 'customer_type', '客户类型']],
  ['lifecycleStage', ['lifecycle', 'lifecycle stage', 'stage', '生命周期', '阶段', '客户阶段']],
  [
    'phone',
    [
      'phone',
      'mobile',
      'mobile phone',
      'cell',
      'telephone',
      'tel',
      'phone number',
      '手机',
      '手机号',
      '手机号码',
      '电话',
      '电话号码',
      '联系电话',
      '座机',
    ],
  ],
  ['email', ['email', 'e-mail', 'mail', 'email address', '邮箱', '电子邮箱', '电子邮件']],
  ['wechat', ['wechat', 'weixin', 'wechat id', '微信', '微信号']],
  [
    'address',
    [
      'address',
      'street',
      'street number',
      'house number',
      '门牌号',
      'address_1',
      'address_2',
      'city',
      'suburb',
      'state',
      'province',
      '地址',
      '详细地址',
      '联系地址',
      '住址',
      '省',
      '市',
      '区',
    ],
  ],
  ['postcode', ['postcode', 'post code', 'postal code', 'zip', 'zip code', 'zipcode', '邮编', '邮政编码']],
  ['country', ['country', 'country code', 'nation', '国家', '国家/地区', '国家或地区', '国籍']],
  ['tags', ['tags', 'tag', 'labels', '标签']],
  ['notes', ['notes', 'note', 'remark', 'remarks', 'comment', '备注', '说明']],
];

const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

export function suggestMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const column of columns) {
    const key = normalizeHeader(column);
    const found = synonyms.find(([, names]) => names.some((name) => normalizeHeader(name) === key));
    mapping[column] = found ? found[0] : 'ignore';
  }
  return mapping;
}

const compoundSurnames = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 独孤 南宫 西门 百里 端木 呼延 澹台 公冶 太史 申屠 万俟 闻人'.split(
    ' ',
  ),
);

/** 张三 → 张 + 三, 欧阳修 → 欧阳 + 修, "John Smith" → Smith + John. */
export function splitPersonName(name: string): { familyName: string; givenName: string } {
  const text = name.trim();
  if (/[\u3400-\u9fff]/.test(text) && !/\s/.test(text)) {
    const familyLength = compoundSurnames.has(text.slice(0, 2)) && text.length > 2 ? 2 : 1;
    return { familyName: text.slice(0, familyLength), givenName: text.slice(familyLength) };
  }
  const words = text.split(/\s+/);
  if (words.length === 1) return { familyName: text, givenName: text };
  return { familyName: words.at(-1) as string, givenName: words.slice(0, -1).join(' ') };
}

const kindWords: Record<string, 'person' | 'organization'> = {
  person: 'person',
  individual: 'person',
  p: 'person',
  个人: 'person',
  自然人: 'person',
  organization: 'organization',
  organisation: 'organization',
  company: 'organization',
  org: 'organization',
  企业: 'organization',
  公司: 'organization',
  机构: 'organization',
  单位: 'organization',
};
const genderWords: Record<string, 'male' | 'female'> = {
  m: 'male',
  male: 'male',
  男: 'male',
  man: 'male',
  f: 'female',
  female: 'female',
  女: 'female',
  woman: 'female',
};
const stageWords: Record<string, string> = {
  线索: 'lead',
  潜在客户: 'prospect',
  意向: 'prospect',
  成交客户: 'customer',
  客户: 'customer',
  流失: 'churned',
};
const sizeWords: Record<string, string> = { 微型: 'micro', 小型: 'small', 中型: 'medium', 大型: 'large' };

/** 2024-03-05, 2024/3/5, 20240305, 2024年3月5日 → 2024-03-05; anything else is passed on to be refused. */
export function normalizeDate(text: string): string {
  const value = text.trim();
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const listSeparators = /[;；,，、/|]+/;

let countriesByName: Map<string, string> | null = null;

/** 'AU', 'au', 'Australia', '澳大利亚' → AU; unknown text is passed on to be refused by the validators. */
export function countryCodeOf(text: string): string {
  const value = text.trim();
  if (isKnownCountryCode(value.toUpperCase())) return value.toUpperCase();
  if (!countriesByName) {
    countriesByName = new Map();
    const names = ['en', 'zh-CN'].map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        if (!isKnownCountryCode(code)) continue;
        for (const name of names) countriesByName.set((name.of(code) ?? code).toLowerCase(), code);
      }
    }
    countriesByName.set('中国大陆', HOME_COUNTRY).set('china mainland', HOME_COUNTRY);
  }
  return countriesByName.get(value.toLowerCase()) ?? value;
}

export interface MappedRow {
  externalId: string | null;
  input: Record<string, unknown>;
  /** Input path prefix → the column it came from. */
  columnOf: [string, string][];
}

export function mapRow(
  columns: string[],
  values: string[],
  mapping: ImportMapping,
  defaults: { kind: 'person' | 'organization'; sourceChannel: string; countryCode: string },
): MappedRow {
  const byField = new Map<ImportField, { column: string; value: string }[]>();
  columns.forEach((column, index) => {
    const field = mapping[column];
    const value = (values[index] ?? '').trim();
    if (!field || field === 'ignore' || value === '') return;
    byField.set(field, [...(byField.get(field) ?? []), { column, value }]);
  });
  const first = (field: ImportField) => byField.get(field)?.[0];
  const columnOf: [string, string][] = [];
  const kindText = first('kind')?.value.toLowerCase();
  const kind =
    (kindText && kindWords[kindText]) ||
    (first('organizationName') && !first('familyName') ? 'organization' : defaults.kind);
  const input: Record<string, unknown> = { kind, sourceChannel: defaults.sourceChannel };

  if (kind === 'person') {
    const full = first('name');
    const split = full ? splitPersonName(full.value) : null;
    const person: Record<string, unknown> = {
      familyName: first('familyName')?.value ?? split?.familyName ?? '',
      givenName: first('givenName')?.value ?? split?.givenName ?? '',
    };
    columnOf.push(
      ['/person/familyName', (first('familyName') ?? full)?.column ?? ''],
      ['/person/givenName', (first('givenName') ?? full)?.column ?? ''],
    );
    const gender = first('gender');
    if (gender) person.gender = genderWords[gender.value.toLowerCase()] ?? 'unknown';
    const birth = first('birthDate');
    if (birth) {
      person.birthDate = normalizeDate(birth.value);
      columnOf.push(['/person/birthDate', birth.column]);
    }
    const id = first('residentIdNumber');
    if (id) {
      person.residentIdNumber = id.value;
      columnOf.push(['/person/residentIdNumber', id.column], ['/person', id.column]);
    }
    const otherId = first('otherIdNumber');
    if (otherId) {
      person.otherIdNumber = otherId.value;
      columnOf.push(['/person/otherIdNumber', otherId.column]);
    }
    input.person = person;
  } else {
    const name = first('organizationName') ?? first('name');
    const organization: Record<string, unknown> = { legalName: name?.value ?? '' };
    columnOf.push(['/organization/legalName', name?.column ?? '']);
    const uscc = first('uscc');
    if (uscc) {
      organization.uscc = uscc.value;
      columnOf.push(['/organization/uscc', uscc.column]);
    }
    const size = first('organizationSize');
    if (size) {
      organization.size = sizeWords[size.value] ?? size.value.toLowerCase();
      columnOf.push(['/organization/size', size.column]);
    }
    input.organization = organization;
  }

  const contactPoints: Record<string, unknown>[] = [];
  for (const type of ['phone', 'email', 'wechat'] as const) {
    for (const { column, value } of byField.get(type) ?? []) {
      for (const part of value.split(type === 'phone' ? /[;；,，、/|]+/ : listSeparators)) {
        if (!part.trim()) continue;
        columnOf.push([`/contactPoints/${contactPoints.length}`, column]);
        contactPoints.push({ type, value: part.trim() });
      }
    }
  }
  if (contactPoints.length) input.contactPoints = contactPoints;

  const addressParts = byField.get('address') ?? [];
  if (addressParts.length) {
    const country = first('country');
    const countryCode = country ? countryCodeOf(country.value) : defaults.countryCode;
    const postcode = first('postcode');
    if (countryCode === HOME_COUNTRY) {
      const text = addressParts.map((part) => part.value).join('');
      const parsed = parseChineseAddress(text);
      input.addresses = [
        {
          countryCode,
          provinceCode: parsed.provinceCode ?? '',
          cityCode: parsed.cityCode,
          districtCode: parsed.districtCode,
          postcode: postcode?.value,
          detail: parsed.detail || text,
        },
      ];
    } else {
      // Abroad the parts (street number, street, town, state) are words: keep them apart.
      const detail = addressParts.map((part) => part.value).join(' ');
      input.addresses = [{ countryCode, postcode: postcode?.value, detail }];
    }
    columnOf.push(['/addresses', addressParts.map((part) => part.column).join(' + ')]);
    if (country) columnOf.push(['/addresses/0/countryCode', country.column]);
    if (postcode) columnOf.push(['/addresses/0/postcode', postcode.column]);
  }
  const tags = (byField.get('tags') ?? [])
    .flatMap(({ value }) => value.split(listSeparators))
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length) {
    input.tags = tags;
    columnOf.push(['/tags', first('tags')?.column ?? '']);
  }
  const notes = (byField.get('notes') ?? []).map(({ value }) => value).join('\n');
  if (notes) input.notes = notes;
  for (const field of ['industry', 'customerType'] as const) {
    const cell = first(field);
    if (cell) input[field] = cell.value;
  }
  const stage = first('lifecycleStage');
  if (stage) {
    input.lifecycleStage = stageWords[stage.value] ?? stage.value.toLowerCase();
    columnOf.push(['/lifecycleStage', stage.column]);
  }
  return { externalId: first('externalId')?.value ?? null, input, columnOf };
}

// A row without these is no customer: no invalid-value policy can store it.
const essentialPaths =
  /^\/(kind|person\/(familyName|givenName)|organization\/legalName|person|organization)?$/;

export type StandardizedRow =
  | { ok: true; input: TCustomerCreate; skipped: { path: string; message: string }[] }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * A mapped row through the shared validators. With `skip_value`, invalid optional values are left out
 * (a contact point or an address as a whole, any other field by itself) and the row is validated again;
 * what was left out comes back in `skipped`, so the import can list it.
 */
export function standardizeRow(
  raw: Record<string, unknown>,
  invalidValues: 'reject_row' | 'skip_value',
): StandardizedRow {
  const skipped: { path: string; message: string }[] = [];
  let current = structuredClone(raw);
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = ZCustomerCreate.safeParse(current);
    if (parsed.success) return { ok: true, input: parsed.data, skipped };
    const errors = zodIssuesToFieldErrors(parsed.error);
    if (invalidValues === 'reject_row' || errors.some((e) => essentialPaths.test(e.path)))
      return { ok: false, errors: [...skipped, ...errors] };
    skipped.push(...errors);
    current = withoutPaths(
      current,
      errors.map((e) => e.path),
    );
  }
  return { ok: false, errors: skipped };
}

function withoutPaths(input: Record<string, unknown>, paths: string[]): Record<string, unknown> {
  const result = structuredClone(input);
  const droppedItems = new Map<string, Set<number>>();
  for (const path of paths) {
    const [section, key] = path.split('/').slice(1);
    if (!section) continue;
    if (section === 'contactPoints' || section === 'addresses') {
      droppedItems.set(section, (droppedItems.get(section) ?? new Set()).add(Number(key)));
    } else if ((section === 'person' || section === 'organization') && key) {
      delete (result[section] as Record<string, unknown>)[key];
    } else {
      delete result[section];
    }
  }
  for (const [section, positions] of droppedItems) {
    const items = (result[section] as unknown[]).filter((_, position) => !positions.has(position));
    if (items.length > 0) result[section] = items;
    else delete result[section];
  }
  return result;
}

/** An input path (from the validators) as the column the user sees; the longest traced prefix wins. */
export function columnForPath(path: string, columnOf: [string, string][]): string {
  let best: [string, string] | undefined;
  for (const entry of columnOf) {
    const [prefix] = entry;
    if ((path === prefix || path.startsWith(`${prefix}/`)) && (!best || prefix.length > best[0].length))
      best = entry;
  }
  return best?.[1] || path || '(row)';
}
