import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { describeRule } from './rule-text';
import type { TSegmentRule } from './rule-tree';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

const options = { userName: (id: string) => (id === 'u1' ? '销售·王磊' : null) };

const rule: TSegmentRule = {
  type: 'group',
  op: 'and',
  rules: [
    {
      type: 'event',
      event: 'interaction',
      where: { interactionType: 'login' },
      measure: 'count',
      windowDays: 30,
      operator: 'eq',
      value: 0,
    },
    {
      type: 'event',
      event: 'order',
      where: { orderStatus: ['paid', 'shipped', 'completed'] },
      measure: 'count',
      windowDays: 365,
      operator: 'gte',
      value: 6,
    },
    {
      type: 'not',
      rule: {
        type: 'group',
        op: 'or',
        rules: [
          { type: 'field', field: 'cityCode', operator: 'in', value: ['440300', '110100'] },
          { type: 'field', field: 'ownerId', operator: 'eq', value: 'u1' },
        ],
      },
    },
    { type: 'not', rule: { type: 'field', field: 'tags', operator: 'eq', value: 'VIP' } },
    { type: 'field', field: 'createdAt', operator: 'lt', value: '2025-01-01' },
    { type: 'event', event: 'order', measure: 'days_since_last', operator: 'gt', value: 90 },
    { type: 'consent', purpose: 'marketing', channel: 'sms', isGranted: false },
  ],
};

function lines(language: string) {
  const t = i18n.getFixedT(language);
  const words = describeRule(t, rule, options);
  return [
    words.text,
    ...words.rules.map((line) => [
      line.text,
      ...line.rules.flatMap((inner) => [inner.text, ...inner.rules.map((leaf) => leaf.text)]),
    ]),
  ];
}

describe('describeRule', () => {
  it('reads a rule in Chinese', () => {
    expect(lines('zh-CN')).toEqual([
      '满足以下全部条件：',
      ['最近 30 天内“登录”互动的次数为 0'],
      ['最近 365 天内订单（状态为已付款、已发货、已完成）的次数不少于 6'],
      ['不满足以下条件：', '满足以下任一条件：', '市为广东省深圳市、北京市之一', '负责人为销售·王磊'],
      ['并非：有标签“VIP”'],
      ['创建日期早于 2025-01-01'],
      ['距最近一次订单的天数多于 90'],
      ['没有有效的营销用途短信同意'],
    ]);
  });

  it('reads a rule in English', () => {
    expect(lines('en')).toEqual([
      'All of the following:',
      ['Number of Login interactions in the last 30 days is 0'],
      ['Number of orders (status Paid, Shipped, Completed) in the last 365 days is at least 6'],
      [
        'None of the following holds:',
        'Any of the following:',
        'City is one of 广东省深圳市, 北京市',
        'Owner is 销售·王磊',
      ],
      ['Not: Has the tag “VIP”'],
      ['Created on is before 2025-01-01'],
      ['Days since the last of orders is more than 90'],
      ['No consent to Marketing by SMS in force'],
    ]);
  });
});
