import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './customer-filters';
import type { TCustomerFilters } from './queries';

describe('customer filters in the URL', () => {
  it('round-trip the quality, stale and sort filters with their types', () => {
    const filters: TCustomerFilters = { kind: 'person', qualityBelow: 70, stale: true, sort: 'qualityScore' };
    const params = paramsFromFilters(filters);
    expect(params.toString()).toBe('kind=person&qualityBelow=70&stale=true&sort=qualityScore');
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('drop values the list does not offer rather than send them', () => {
    const params = new URLSearchParams({ qualityBelow: '55', stale: 'yes', sort: 'email' });
    expect(filtersFromParams(params)).toEqual({});
  });

  it('leave an unticked stale filter out of the address', () => {
    expect(paramsFromFilters({ stale: false }).toString()).toBe('');
  });
});
