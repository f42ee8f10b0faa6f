import type { components } from '@cims/api-client';
import type { TCustomerFilters } from '../../lib/query-keys';
import { paramsFromFilters } from '../customers/customer-filters';
import { isOneOf, LIFECYCLE_STAGES, VALUE_TIERS } from '../customers/enums';
import { monthInstants } from './dashboard-filters';

export type TDashboardChartName = components['schemas']['DashboardChartName'];
type TWorkOrderStatus = components['schemas']['WorkOrderStatus'];
type TWorkOrderCategory = components['schemas']['WorkOrderCategory'];

/** The customer list with filters, the way its filter bar writes them into the address. */
export function customerListHref(filters: TCustomerFilters): string {
  const query = paramsFromFilters(filters).toString();
  return query ? `/customers?${query}` : '/customers';
}

/**
 * The customer list behind one point of a dashboard chart, within the dashboard's province; null where
 * the list has no matching filter (customers without a region, unscored customers, purchases per month).
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

/** The work-order list filtered by a status or a category. */
export function workOrderListHref(
  filter: { status: TWorkOrderStatus } | { category: TWorkOrderCategory },
): string {
  return `/work-orders?${new URLSearchParams(filter).toString()}`;
}
