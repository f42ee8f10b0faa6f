import type { components } from '@cims/api-client';
import { getRegionName } from '@cims/schemas';
import { dayRange, toDateInput } from '../../lib/date-input';
import { isOneOf, ORDER_CHANNELS } from '../customers/enums';

export { ORDER_CHANNELS };

export type TOrderChannel = components['schemas']['OrderChannel'];

/** The dashboard's filters as the address holds them: whole days, a province, an order channel. */
export type TDashboardFilters = {
  fromDay: string;
  toDay: string;
  provinceCode?: string;
  channel?: TOrderChannel;
};

/** The query every dashboard chart takes. */
export type TDashboardQuery = {
  from: string;
  to: string;
  provinceCode?: string;
  channel?: TOrderChannel;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGION_CODE = /^\d{6}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DEFAULT_MONTHS = 12;

/** The default period: the last twelve calendar months, this one included, up to today. */
export function defaultPeriod(today: Date): Pick<TDashboardFilters, 'fromDay' | 'toDay'> {
  const start = new Date(today.getFullYear(), today.getMonth() - (DEFAULT_MONTHS - 1), 1);
  return { fromDay: toDateInput(start), toDay: toDateInput(today) };
}

/** Filters live in the URL like the customer list's, so a dashboard view can be bookmarked and shared. */
export function dashboardFiltersFromParams(params: URLSearchParams, today: Date): TDashboardFilters {
  const period = defaultPeriod(today);
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const filters: TDashboardFilters = {
    fromDay: DAY.test(fromDay) ? fromDay : period.fromDay,
    toDay: DAY.test(toDay) ? toDay : period.toDay,
  };
  const provinceCode = params.get('provinceCode');
  if (provinceCode && REGION_CODE.test(provinceCode) && getRegionName(provinceCode))
    filters.provinceCode = provinceCode;
  const channel = params.get('channel');
  if (isOneOf(ORDER_CHANNELS, channel)) filters.channel = channel;
  return filters;
}

/** The address of the filters; the default period stays out of it, so that it moves with the clock. */
export function paramsFromDashboardFilters(filters: TDashboardFilters, today: Date): URLSearchParams {
  const period = defaultPeriod(today);
  const params = new URLSearchParams();
  if (filters.fromDay !== period.fromDay) params.set('from', filters.fromDay);
  if (filters.toDay !== period.toDay) params.set('to', filters.toDay);
  if (filters.provinceCode) params.set('provinceCode', filters.provinceCode);
  if (filters.channel) params.set('channel', filters.channel);
  return params;
}

/** The charts' query, or null while the chosen period is empty or backwards. */
export function dashboardQuery(filters: TDashboardFilters): TDashboardQuery | null {
  if (filters.fromDay > filters.toDay) return null;
  return {
    ...dayRange(filters.fromDay, filters.toDay),
    ...(filters.provinceCode ? { provinceCode: filters.provinceCode } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
  };
}

/** The `YYYY-MM` months from the first day's month to the last day's, to show months without figures. */
export function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let year = Number(fromDay.slice(0, 4));
  let month = Number(fromDay.slice(5, 7));
  const last = toDay.slice(0, 7);
  for (let key = fromDay.slice(0, 7); key <= last; key = monthKey(year, month)) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A `YYYY-MM` month as the UI language writes it (2026年3月, Mar 2026). */
export function monthLabel(key: string, locale: string): string {
  const match = MONTH.exec(key);
  if (!match) return key;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

/** China Standard Time has no daylight saving: the server counts months from midnight at UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instants a `YYYY-MM` month of the server's charts spans (in Asia/Shanghai), end excluded. */
export function monthInstants(key: string): { from: string; to: string } | null {
  const match = MONTH.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS).toISOString(),
    to: new Date(Date.UTC(year, month + 1, 1) - SHANGHAI_OFFSET_MS).toISOString(),
  };
}
