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

  it('round-trip the ordered-in period and channel of a dashboard drill-down', () => {
    const filters: TCustomerFilters = {
      orderedFrom: '2026-02-28T16:00:00.000Z',
      orderedTo: '2026-03-31T16:00:00.000Z',
      orderChannel: 'offline',
    };
    const params = paramsFromFilters(filters);
    expect(params.getAll('orderedFrom')).toEqual(['2026-02-28T16:00:00.000Z']);
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('read an ordered-in instant with an offset as the instant it is, and drop unreadable ones', () => {
    expect(
      filtersFromParams(
        new URLSearchParams({
          orderedFrom: '2026-03-01T00:00:00+08:00',
          orderedTo: 'soon',
          orderChannel: 'app',
        }),
      ),
    ).toEqual({ orderedFrom: '2026-02-28T16:00:00.000Z' });
  });

  it('leave an unticked stale filter out of the address', () => {
    expect(paramsFromFilters({ stale: false }).toString()).toBe('');
  });
});
