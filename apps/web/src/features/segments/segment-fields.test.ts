import { describe, expect, it } from 'vitest';
import { enumOptionsOf, measuresOf, operatorsOf, SEGMENT_FIELD_NAMES, valueKindOf } from './segment-fields';

describe('SEGMENT_FIELDS', () => {
  it('offers the operators of the contract table for each kind of field', () => {
    const textOperators = ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'];
    for (const field of [
      'kind',
      'lifecycleStage',
      'sourceChannel',
      'valueTier',
      'serviceStatus',
      'provinceCode',
      'cityCode',
      'industry',
      'customerType',
      'ownerId',
    ] as const)
      expect(operatorsOf(field)).toEqual(textOperators);
    expect(operatorsOf('tags')).toEqual(textOperators);
    expect(operatorsOf('qualityScore')).toEqual(['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte']);
    for (const field of ['createdAt', 'contractEndDate'] as const)
      expect(operatorsOf(field)).toEqual(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set']);
  });

  it('lists every field of the contract once', () => {
    expect(new Set(SEGMENT_FIELD_NAMES).size).toBe(14);
  });

  it('gives each field an input suited to its values', () => {
    expect(valueKindOf('lifecycleStage')).toBe('enum');
    expect(valueKindOf('cityCode')).toBe('city');
    expect(valueKindOf('ownerId')).toBe('owner');
    expect(valueKindOf('qualityScore')).toBe('number');
    expect(valueKindOf('contractEndDate')).toBe('date');
    expect(enumOptionsOf('kind').map((option) => option.value)).toEqual(['person', 'organization']);
    expect(enumOptionsOf('valueTier')).toEqual(
      ['A', 'B', 'C', 'D'].map((value) => ({ value, labelKey: null })),
    );
    expect(enumOptionsOf('serviceStatus')[0]?.labelKey).toBe('enums.serviceStatus.in_after_sales');
    expect(enumOptionsOf('industry')).toEqual([]);
  });

  it('measures amounts on orders only', () => {
    expect(measuresOf('order')).toContain('sum_amount');
    expect(measuresOf('interaction')).toEqual(['count', 'days_since_last']);
    expect(measuresOf('work_order')).toEqual(['count', 'days_since_last']);
  });
});
