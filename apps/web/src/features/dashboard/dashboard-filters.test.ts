import { describe, expect, it } from 'vitest';
import {
  dashboardFiltersFromParams,
  dashboardQuery,
  defaultPeriod,
  monthInstants,
  monthLabel,
  monthsBetween,
  paramsFromDashboardFilters,
} from './dashboard-filters';

const today = new Date(2026, 4, 20);

describe('dashboard filters in the URL', () => {
  it('default to the last twelve calendar months up to today', () => {
    expect(defaultPeriod(today)).toEqual({ fromDay: '2025-06-01', toDay: '2026-05-20' });
    expect(dashboardFiltersFromParams(new URLSearchParams(), today)).toEqual(defaultPeriod(today));
  });

  it('round-trip a period, a province and a channel, leaving the default period out', () => {
    const filters = {
      fromDay: '2026-01-01',
      toDay: '2026-03-31',
      provinceCode: '440000',
      channel: 'online' as const,
    };
    const params = paramsFromDashboardFilters(filters, today);
    expect(params.toString()).toBe('from=2026-01-01&to=2026-03-31&provinceCode=440000&channel=online');
    expect(dashboardFiltersFromParams(params, today)).toEqual(filters);
    expect(paramsFromDashboardFilters(defaultPeriod(today), today).toString()).toBe('');
  });

  it('drop values the dashboard does not offer', () => {
    const params = new URLSearchParams({ from: 'soon', provinceCode: '999999', channel: 'phone' });
    expect(dashboardFiltersFromParams(params, today)).toEqual(defaultPeriod(today));
  });

  it('ask nothing for a backwards period', () => {
    expect(dashboardQuery({ fromDay: '2026-03-02', toDay: '2026-03-01' })).toBeNull();
    expect(dashboardQuery({ fromDay: '2026-03-01', toDay: '2026-03-01', channel: 'offline' })).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 2).toISOString(),
      channel: 'offline',
    });
  });
});

describe('months', () => {
  it('list every month of a period across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('are written in the UI language', () => {
    expect(monthLabel('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
  });

  it('span the server’s months in China Standard Time', () => {
    expect(monthInstants('2026-03')).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
    });
    expect(monthInstants('2025-12')?.to).toBe('2025-12-31T16:00:00.000Z');
    expect(monthInstants('March')).toBeNull();
  });
});
