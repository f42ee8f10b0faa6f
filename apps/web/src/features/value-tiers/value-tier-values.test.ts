import { describe, expect, it } from 'vitest';
import { type TValueTierSettings, valueTierFormValuesOf, valueTierSettingsOf } from './value-tier-values';

const settings: TValueTierSettings = {
  windowDays: 365,
  method: 'quintiles',
  recencyDays: [30, 90, 180, 365],
  frequencyCounts: [2, 3, 5, 10],
  monetaryAmounts: [500, 2000, 10000, 50000.5],
  tierMinimums: { A: 13, B: 10, C: 7 },
  organizationRule: { isEnabled: true, minimumAmounts: { A: 1_000_000, B: 200_000, C: 50_000 } },
};

describe('value tier settings form', () => {
  it('round-trips the saved settings', () => {
    expect(valueTierSettingsOf(valueTierFormValuesOf(settings))).toEqual({ settings, problems: [] });
  });

  it('reads the typed numbers, the method and the organization switch', () => {
    const values = valueTierFormValuesOf(settings);
    const result = valueTierSettingsOf({
      ...values,
      windowDays: ' 180 ',
      method: 'thresholds',
      isOrganizationRuleEnabled: false,
      cuts: { ...values.cuts, monetaryAmounts: ['0', '99.9', '1000', '20000'] },
    });
    expect(result.settings).toMatchObject({
      windowDays: 180,
      method: 'thresholds',
      monetaryAmounts: [0, 99.9, 1000, 20000],
      organizationRule: { isEnabled: false },
    });
  });

  it('reports values out of range at their own paths', () => {
    const values = valueTierFormValuesOf(settings);
    const { settings: sent, problems } = valueTierSettingsOf({
      ...values,
      windowDays: '10',
      cuts: {
        ...values.cuts,
        frequencyCounts: ['0', '3', '5', '10'],
        monetaryAmounts: ['1', '2', '3', '-4'],
      },
      tierMinimums: { A: '16', B: '10', C: '7' },
    });
    expect(sent).toBeNull();
    expect(problems).toEqual([
      { path: '/windowDays', message: 'Must be a whole number from 30 to 3650' },
      { path: '/frequencyCounts/0', message: 'Must be a whole number of 1 or more' },
      { path: '/monetaryAmounts/3', message: 'Must be an amount of 0 or more' },
      { path: '/tierMinimums/A', message: 'Must be a whole number from 3 to 15' },
    ]);
  });

  it('checks the order as the server does once every value is a number', () => {
    const values = valueTierFormValuesOf(settings);
    const { problems } = valueTierSettingsOf({
      ...values,
      cuts: { ...values.cuts, recencyDays: ['30', '30', '180', '365'] },
      tierMinimums: { A: '10', B: '10', C: '7' },
      organizationMinimums: { A: '100', B: '200', C: '50' },
    });
    expect(problems).toEqual([
      { path: '/recencyDays', message: 'Must be strictly ascending' },
      { path: '/tierMinimums', message: 'A must be above B, and B above C' },
      { path: '/organizationRule/minimumAmounts', message: 'A must be above B, and B above C' },
    ]);
  });
});
