import { describe, expect, it } from 'vitest';
import {
  barOption,
  funnelOption,
  lineOption,
  purchaseMonths,
  purchaseTrendOption,
  type TDatum,
} from './chart-options';

const data: TDatum[] = [
  { key: '440000', label: '广东省', value: 12, href: '/customers?provinceCode=440000' },
  { key: '110000', label: '北京市', value: null, href: null },
];

describe('chart options', () => {
  it('draw horizontal bars with the labels on the category axis, biggest first at the top', () => {
    const option = barOption(data, { seriesName: '客户数', isHorizontal: true, unit: '%' });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['广东省', '北京市'], inverse: true });
    expect(option.xAxis).toMatchObject({ type: 'value', axisLabel: { formatter: '{value}%' } });
    expect(option.series).toMatchObject([{ type: 'bar', name: '客户数', data: [12, null] }]);
  });

  it('draw a line over months and a funnel in the given order', () => {
    expect(lineOption(data, '新增客户').series).toMatchObject([{ type: 'line', data: [12, null] }]);
    expect(funnelOption(data, '客户数').series).toMatchObject([
      {
        type: 'funnel',
        sort: 'none',
        data: [
          { name: '广东省', value: 12 },
          { name: '北京市', value: 0 },
        ],
      },
    ]);
  });

  it('sum the purchase trend per month, months without orders included', () => {
    const months = purchaseMonths(
      [
        { key: '2026-01', label: null, series: 'online', value: 3, amount: '100.10' },
        { key: '2026-01', label: null, series: 'offline', value: 1, amount: '0.20' },
        { key: '2026-03', label: null, series: 'online', value: 2, amount: '50.00' },
      ],
      ['2026-01', '2026-02', '2026-03'].map((key) => ({ key, label: key })),
    );
    expect(months).toEqual([
      { key: '2026-01', label: '2026-01', orders: { online: 3, offline: 1 }, revenueCents: 10030 },
      { key: '2026-02', label: '2026-02', orders: {}, revenueCents: 0 },
      { key: '2026-03', label: '2026-03', orders: { online: 2 }, revenueCents: 5000 },
    ]);
    const option = purchaseTrendOption(
      months,
      [
        { channel: 'online', name: '线上' },
        { channel: 'offline', name: '线下' },
      ],
      '销售额',
    );
    expect(option.series).toMatchObject([
      { type: 'bar', name: '线上', stack: 'orders', data: [3, 0, 2] },
      { type: 'bar', name: '线下', stack: 'orders', data: [1, 0, 0] },
      { type: 'line', name: '销售额', yAxisIndex: 1, data: [100.3, 0, 50] },
    ]);
  });
});
