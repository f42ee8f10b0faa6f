import type { components } from '@cims/api-client';
import type { TCustomerFilters } from '../../lib/query-keys';
import { paramsFromFilters } from '../customers/customer-filters';
import { isOneOf, LIFECYCLE_STAGES, VALUE_TIERS } from '../customers/enums';
import { monthInstants, type TDashboardQuery, type TOrderChannel } from './dashboard-filters';

export { workOrderListHref } from '../work-orders/work-order-filters';

export type TDashboardChartName = components['schemas']['DashboardChartName'];

/** The customer list with filters, the way its filter bar writes them into the address. */
export function customerListHref(filters: TCustomerFilters): string {
  const query = paramsFromFilters(filters).toString();
  return query ? `/customers?${query}` : '/customers';
}

/**
 * The customer list behind one point of a dashboard chart, within the dashboard's province; null where
 * the list has no matching filter (customers without a region, unscored customers). The purchase trend's
 * points are per month and channel: see `purchaseDrillHref`.
 */
export function customerDrillHref(
  chart: TDashboardChartName,
  key: string,
  provinceCode: string | undefined,
): string | null {
  const region = provinceCode ? { provinceCode } : {};
  switch (chart) {
    case 'customers_by_region':
      if (!/^\d{6}$/.test(key)) return null;
      return customerListHref(provinceCode ? { provinceCode, cityCode: key } : { provinceCode: key });
    case 'new_customers': {
      const month = monthInstants(key);
      return month ? customerListHref({ ...region, createdFrom: month.from, createdTo: month.to }) : null;
    }
    case 'value_tiers':
      return isOneOf(VALUE_TIERS, key) ? customerListHref({ ...region, valueTier: key }) : null;
    case 'lifecycle_funnel':
      return isOneOf(LIFECYCLE_STAGES, key) ? customerListHref({ ...region, lifecycleStage: key }) : null;
    case 'purchase_trend':
      return null;
  }
}

/**
 * The customers who bought in one month of the purchase trend (on one channel, for a channel's bar),
 * within the dashboard's province. A month the chosen period cuts short is cut the same way, so that the
 * list holds the customers behind the bar's orders; null for a month outside the period.
 */
export function purchaseDrillHref(options: {
  month: string;
  channel?: TOrderChannel | undefined;
  provinceCode?: string | undefined;
  period: Pick<TDashboardQuery, 'from' | 'to'> | null;
}): string | null {
  const month = monthInstants(options.month);
  if (!month) return null;
  const { period } = options;
  // ISO instants of toISOString() sort as text.
  const from = period && period.from > month.from ? period.from : month.from;
  const to = period && period.to < month.to ? period.to : month.to;
  if (from >= to) return null;
  return customerListHref({
    ...(options.provinceCode ? { provinceCode: options.provinceCode } : {}),
    orderedFrom: from,
    orderedTo: to,
    ...(options.channel ? { orderChannel: options.channel } : {}),
  });
}
