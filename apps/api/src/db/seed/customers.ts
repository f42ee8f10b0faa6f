/**
 * Deterministic, realistic Chinese customers for the demo, the tests and the benchmarks. Every value is
 * already in its standardized form (E.164 phones, valid resident IDs and USCCs, GB/T 2260 codes); a unit
 * test runs a sample through ZCustomerCreate to keep it that way.
 */
import {
  computeResidentIdCheckChar,
  computeUsccCheckChar,
  listCities,
  listDistricts,
  listProvinces,
  type TCustomerCreate,
  type TRegion,
} from '@cims/schemas';
import type { Pool } from 'pg';
import { insertCustomerRows } from '../../modules/customers/bulk-insert';
import { customerRowsFor, fieldsSetBy, provenanceFor } from '../../modules/customers/rows';
import { createRandom, type Random } from './random';

const familyNames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const givenNameChars = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红建文辉力斌宇鹏飞浩晨欣怡子涵梓轩雨婷佳琪思远嘉俊雪梅志国海燕春秋晓东',
];
const companyWords = [
  '华信',
  '创新',
  '星辰',
  '远大',
  '恒通',
  '博雅',
  '鼎盛',
  '天成',
  '金桥',
  '瑞丰',
  '中联',
  '汇通',
  '云帆',
  '宏图',
  '安泰',
  '新锐',
  '青松',
  '长风',
  '鸿运',
  '启明',
];
const industries = [
  { word: '科技', name: '信息技术' },
  { word: '贸易', name: '批发零售' },
  { word: '电子', name: '制造业' },
  { word: '医药', name: '医疗健康' },
  { word: '物流', name: '交通物流' },
  { word: '餐饮管理', name: '住宿餐饮' },
  { word: '建筑工程', name: '建筑业' },
  { word: '教育咨询', name: '教育' },
  { word: '食品', name: '制造业' },
  { word: '文化传媒', name: '文化传媒' },
] as const;
const companySuffixes = ['有限公司', '有限责任公司', '股份有限公司'];
const streets = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '科技园路',
  '和平街',
  '新华路',
  '长江路',
  '迎宾大道',
  '世纪大道',
  '文化路',
  '学府路',
];
const mobilePrefixes = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];
const emailDomains = ['qq.com', '163.com', '126.com', 'sina.com', 'outlook.com', 'gmail.com'];
const syllables = [
  'li',
  'wang',
  'zhang',
  'liu',
  'chen',
  'yang',
  'hua',
  'wei',
  'ming',
  'fang',
  'jun',
  'xin',
  'yu',
  'hao',
  'lin',
  'qing',
];
const tagPool = ['VIP', '老客户', '高意向', '企业采购', '价格敏感', '投诉过', '活动参与', '复购'];
const lifecycleStages = [
  'lead',
  'prospect',
  'prospect',
  'customer',
  'customer',
  'customer',
  'churned',
] as const;
const sourceChannels = ['website', 'marketplace', 'store', 'hotline', 'wechat', 'partner'] as const;
const sizes = ['micro', 'small', 'medium', 'large'] as const;
const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

interface Place {
  province: TRegion;
  city: TRegion;
  district: TRegion;
}

function allPlaces(): Place[] {
  const places: Place[] = [];
  for (const province of listProvinces()) {
    for (const city of listCities(province.code)) {
      for (const district of listDistricts(city.code)) places.push({ province, city, district });
    }
  }
  return places;
}

function shortName(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
}

export interface GeneratedCustomer {
  id: string;
  createdAt: Date;
  input: TCustomerCreate;
}

function mobile(random: Random): string {
  return `+86${random.pick(mobilePrefixes)}${random.digits(8)}`;
}

function address(random: Random, place: Place, label: string | null) {
  return {
    label,
    countryCode: 'CN',
    provinceCode: place.province.code,
    cityCode: place.city.code,
    districtCode: place.district.code,
    detail: `${random.pick(streets)}${random.int(1, 999)}号${random.chance(0.4) ? `${random.int(1, 30)}栋${random.int(101, 2808)}室` : ''}`,
    isPrimary: true,
  };
}

function person(random: Random, place: Place, index: number): TCustomerCreate {
  const familyName = random.pick(familyNames);
  const givenName = random.pick(givenNameChars) + (random.chance(0.7) ? random.pick(givenNameChars) : '');
  const year = random.int(1955, 2004);
  const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const gender = random.chance(0.5) ? ('male' as const) : ('female' as const);
  const sequence =
    random.int(0, 99) * 10 +
    (gender === 'male' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]));
  const body = `${place.district.code}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const hasId = random.chance(0.6);
  const contactPoints: TCustomerCreate['contactPoints'] = [
    { type: 'phone', value: mobile(random), label: '手机', isPrimary: true },
  ];
  if (random.chance(0.5)) {
    const handle = `${random.pick(syllables)}${random.pick(syllables)}${random.int(1, 9999)}`;
    contactPoints.push({
      type: 'email',
      value: `${handle}@${random.pick(emailDomains)}`,
      label: null,
      isPrimary: true,
    });
  }
  if (random.chance(0.2))
    contactPoints.push({
      type: 'wechat',
      value: `wx_${random.pick(syllables)}${index}`,
      label: null,
      isPrimary: true,
    });
  return {
    kind: 'person',
    person: {
      familyName,
      givenName,
      gender,
      birthDate: hasId || random.chance(0.3) ? birthDate : null,
      residentIdNumber: hasId ? body + computeResidentIdCheckChar(body) : null,
    },
    contactPoints,
    addresses: [address(random, place, '家庭')],
    tags: random.chance(0.4) ? [random.pick(tagPool)] : [],
    sourceChannel: random.pick(sourceChannels),
    lifecycleStage: random.pick(lifecycleStages),
    customerType: random.chance(0.2) ? '会员' : null,
    industry: null,
    notes: null,
  } as TCustomerCreate;
}

function organization(random: Random, place: Place, index: number): TCustomerCreate {
  const industry = random.pick(industries);
  const legalName = `${shortName(place.city.name === '市辖区' ? place.province.name : place.city.name)}${random.pick(companyWords)}${industry.word}${random.pick(companySuffixes)}`;
  const orgCode = Array.from({ length: 9 }, () => random.pick([...usccAlphabet.slice(0, 10)])).join('');
  const body = `91${place.district.code}${orgCode}`;
  const landline = `+86${place.city.code.startsWith('11') ? '10' : '755'}${random.int(2, 8)}${random.digits(7)}`;
  return {
    kind: 'organization',
    organization: {
      legalName,
      uscc: random.chance(0.85) ? body + computeUsccCheckChar(body) : null,
      size: random.pick(sizes),
    },
    contactPoints: [
      { type: 'phone', value: landline, label: '总机', isPrimary: true },
      { type: 'phone', value: mobile(random), label: '采购负责人', isPrimary: false },
      {
        type: 'email',
        value: `contact${index}@${random.pick(syllables)}${random.pick(syllables)}.com.cn`,
        label: null,
        isPrimary: true,
      },
    ],
    addresses: [address(random, place, '办公地址')],
    tags: random.chance(0.5) ? [random.pick(tagPool)] : [],
    sourceChannel: random.pick(sourceChannels),
    lifecycleStage: random.pick(lifecycleStages),
    customerType: random.chance(0.3) ? '重点客户' : null,
    industry: industry.name,
    notes: null,
  } as TCustomerCreate;
}

/** `count` customers, 80 % persons, created over the two years before `until`. */
export function* generateCustomers(options: {
  count: number;
  seed: number;
  ownerIds: string[];
  until?: Date;
}) {
  const random = createRandom(options.seed);
  const places = allPlaces();
  const until = (options.until ?? new Date('2026-11-01T00:00:00Z')).getTime();
  for (let index = 0; index < options.count; index++) {
    const place = random.pick(places);
    const input = random.chance(0.8) ? person(random, place, index) : organization(random, place, index);
    input.ownerId = options.ownerIds.length > 0 && random.chance(0.9) ? random.pick(options.ownerIds) : null;
    const customer: GeneratedCustomer = {
      id: random.uuid(),
      createdAt: new Date(until - random.int(0, 730 * 86_400) * 1000),
      input,
    };
    yield customer;
  }
}

/** Writes generated customers with COPY in one transaction: all or nothing. */
export async function seedCustomers(
  pool: Pool,
  options: { count: number; seed: number; ownerIds: string[]; until?: Date },
) {
  const customers = [...generateCustomers(options)];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await insertCustomerRows(
      client,
      customers.map(({ id, createdAt, input }) =>
        customerRowsFor(input, {
          id,
          ownerId: input.ownerId ?? null,
          createdAt,
          lastVerifiedAt: createdAt,
          provenance: provenanceFor(
            fieldsSetBy(input),
            { source: 'demo', sourceChannel: input.sourceChannel ?? null, importId: null },
            createdAt,
          ),
        }),
      ),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return customers;
}
