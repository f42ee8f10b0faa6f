import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  comparePath,
  defaultSurvivorOf,
  formatMatchScore,
  formatWeight,
  isChoosable,
  mergeChoicesOf,
  mergeValueLabel,
} from './duplicate-format';
import type { TMergePreview } from './queries';

const t = ((key: string) => key) as unknown as TFunction;

describe('weights and scores', () => {
  it('read as signed evidence', () => {
    expect(formatWeight(4)).toBe('+4');
    expect(formatWeight(-5)).toBe('-5');
    expect(formatWeight(1.5)).toBe('+1.5');
    expect(formatWeight(0)).toBe('0');
    expect(formatMatchScore(4.5)).toBe('4.5');
    expect(formatMatchScore(10)).toBe('10');
  });
});

describe('defaultSurvivorOf', () => {
  const older = { id: 'a', createdAt: '2025-01-01T00:00:00Z', qualityScore: 30 };
  const newer = { id: 'b', createdAt: '2026-03-01T00:00:00Z', qualityScore: 90 };

  it('keeps the older record whichever way round the pair comes', () => {
    expect(defaultSurvivorOf([older, newer])).toEqual({ survivor: older, merged: newer });
    expect(defaultSurvivorOf([newer, older])).toEqual({ survivor: older, merged: newer });
  });

  it('keeps the more complete of two records created together', () => {
    const sparse = { ...newer, id: 'c', qualityScore: 40 };
    expect(defaultSurvivorOf([sparse, newer])).toEqual({ survivor: newer, merged: sparse });
  });
});

describe('comparePath', () => {
  it('puts the candidate in the path and the sides in the query', () => {
    expect(comparePath('c1', { survivorId: 's1', mergedId: 'm1' })).toBe(
      '/duplicates/c1?survivor=s1&merged=m1',
    );
  });
});

describe('merge choices', () => {
  const fields = [
    {
      field: 'displayName',
      survivorValue: '王晓明',
      mergedValue: '王小明',
      choice: 'survivor',
      rule: 'most_recent',
    },
    { field: 'gender', survivorValue: null, mergedValue: 'male', choice: 'merged', rule: 'only_value' },
    { field: 'notes', survivorValue: 'x', mergedValue: 'x', choice: 'survivor', rule: 'same' },
  ] as const;

  it('are offered only where both sides have different values', () => {
    expect(fields.map(isChoosable)).toEqual([true, false, false]);
  });

  it('send only the overrides, so the other fields follow the rules', () => {
    expect(mergeChoicesOf(fields, {})).toEqual({});
    expect(mergeChoicesOf(fields, { displayName: 'survivor' })).toEqual({});
    expect(mergeChoicesOf(fields, { displayName: 'merged', notes: 'survivor' })).toEqual({
      displayName: 'merged',
    });
  });
});

describe('mergeValueLabel', () => {
  const preview = {
    survivor: { owner: { id: 'u1', displayName: '销售·王磊' } },
    merged: { owner: null },
  } as unknown as Pick<TMergePreview, 'survivor' | 'merged'>;

  it('labels enum codes and owners, and shows a dash for nothing', () => {
    expect(mergeValueLabel(t, 'lifecycleStage', 'lead', preview)).toBe('enums.lifecycleStage.lead');
    expect(mergeValueLabel(t, 'ownerId', 'u1', preview)).toBe('销售·王磊');
    expect(mergeValueLabel(t, 'ownerId', 'u9', preview)).toBe('history.unknownUser');
    expect(mergeValueLabel(t, 'notes', null, preview)).toBe('—');
    expect(mergeValueLabel(t, 'displayName', '王晓明', preview)).toBe('王晓明');
  });
});
