import { describe, expect, it } from 'vitest';
import { filtersFromParams } from '../customers/customer-filters';
import { listStateFromParams } from '../work-orders/work-order-filters';
import { customerDrillHref, customerListHref, purchaseDrillHref, workOrderListHref } from './drill-down';

/** The customer list's filters as it reads them from a drill-down link. */
function listFilters(href: string | null) {
  return filtersFromParams(new URL(href ?? '', 'http://localhost').searchParams);
}

describe('drill-down links', () => {
  it('open a province, then a city within the dashboard’s province', () => {
    expect(customerDrillHref('customers_by_region', '440000', undefined)).toBe(
      '/customers?provinceCode=440000',
    );
    expect(customerDrillHref('customers_by_region', '440300', '440000')).toBe(
      '/customers?provinceCode=440000&cityCode=440300',
    );
    expect(customerDrillHref('customers_by_region', 'unknown', undefined)).toBeNull();
  });

  it('open the customers created in a month, as the list reads them back', () => {
    expect(listFilters(customerDrillHref('new_customers', '2026-03', '440000'))).toEqual({
      provinceCode: '440000',
      createdFrom: '2026-02-28T16:00:00.000Z',
      createdTo: '2026-03-31T16:00:00.000Z',
    });
  });

  it('open a value tier or a lifecycle stage, but not unscored customers', () => {
    expect(customerDrillHref('value_tiers', 'A', undefined)).toBe('/customers?valueTier=A');
    expect(customerDrillHref('value_tiers', 'unscored', undefined)).toBeNull();
    expect(listFilters(customerDrillHref('lifecycle_funnel', 'prospect', '110000'))).toEqual({
      provinceCode: '110000',
      lifecycleStage: 'prospect',
    });
    expect(customerDrillHref('purchase_trend', '2026-03', undefined)).toBeNull();
  });

  it('open a segment’s customers and the work orders of a status or category', () => {
    const segmentId = '0b5c2a52-8d1e-4c53-9a43-1f4f1b8f2f11';
    expect(listFilters(customerListHref({ segmentId }))).toEqual({ segmentId });
    expect(customerListHref({})).toBe('/customers');
    expect(workOrderListHref({ status: ['new'] })).toBe('/work-orders?status=new');
    expect(workOrderListHref({ category: 'complaint' })).toBe('/work-orders?category=complaint');
  });

  it('open the work orders of several states as the list reads them back, in all work orders', () => {
    const href = workOrderListHref({ status: ['in_progress', 'new'], category: 'after_sales' });
    expect(href).toBe('/work-orders?status=new&status=in_progress&category=after_sales');
    expect(listStateFromParams(new URL(href, 'http://localhost').searchParams)).toEqual({
      view: 'all',
      filters: { status: ['new', 'in_progress'], category: 'after_sales' },
    });
  });

  it('open the customers who bought in a month of the purchase trend, on a channel', () => {
    const period = { from: '2025-12-31T16:00:00.000Z', to: '2026-05-31T16:00:00.000Z' };
    expect(
      listFilters(purchaseDrillHref({ month: '2026-03', channel: 'online', provinceCode: '440000', period })),
    ).toEqual({
      provinceCode: '440000',
      orderedFrom: '2026-02-28T16:00:00.000Z',
      orderedTo: '2026-03-31T16:00:00.000Z',
      orderChannel: 'online',
    });
    // The revenue line: every channel.
    expect(listFilters(purchaseDrillHref({ month: '2026-03', period }))).toEqual({
      orderedFrom: '2026-02-28T16:00:00.000Z',
      orderedTo: '2026-03-31T16:00:00.000Z',
    });
  });

  it('cut a purchase month the dashboard’s period cuts, and open nothing outside it', () => {
    const period = { from: '2026-03-10T00:00:00.000Z', to: '2026-03-20T00:00:00.000Z' };
    expect(listFilters(purchaseDrillHref({ month: '2026-03', period }))).toEqual({
      orderedFrom: '2026-03-10T00:00:00.000Z',
      orderedTo: '2026-03-20T00:00:00.000Z',
    });
    expect(purchaseDrillHref({ month: '2026-05', period })).toBeNull();
    expect(purchaseDrillHref({ month: 'March', period: null })).toBeNull();
  });
});
