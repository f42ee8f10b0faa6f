/**
 * Home dashboard charts. Each reads one rollup (see rollups.ts) narrowed to the viewer's data scope: for
 * `all` nothing, for owners and teams by the owner column the rollups keep; for service staff, whose
 * scope follows work orders, the same rollup computed live over their customers.
 */
import type { components } from '@cims/api-client';
import { getRegionName } from '@cims/schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { validationFailed } from '../../http/errors';
import { hasAllScope, type Viewer } from '../access/policies';
import { scopedCustomerIds } from '../customers/repo';
import { formatCents } from '../orders/service';
import { customerRollupSelect, orderRollupSelect } from './rollups';

type Schemas = components['schemas'];
export type DashboardChartName = Schemas['DashboardChartName'];
type Point = Schemas['DashboardChart']['points'][number];

export interface ChartFilters {
  from?: string;
  to?: string;
  provinceCode?: string;
  channel?: Schemas['OrderChannel'];
}

const lifecycleOrder = ['lead', 'prospect', 'customer', 'churned'];
const tierOrder = ['A', 'B', 'C', 'D', 'unscored'];

/** The rollups to read for this viewer: the tables with an owner filter, or live subqueries. */
function sources(viewer: Viewer): { customers: SQL; orders: SQL; isLive: boolean } {
  if (hasAllScope(viewer))
    return {
      customers: sql`dashboard_customer_rollups`,
      orders: sql`dashboard_order_rollups`,
      isLive: false,
    };
  if (!viewer.dataScopes.includes('assigned_work_orders') && viewer.userId) {
    const owners = viewer.team
      ? sql`(r.owner_id = ${viewer.userId} OR r.owner_id IN (SELECT id FROM staff_users WHERE team = ${viewer.team}))`
      : sql`r.owner_id = ${viewer.userId}`;
    return {
      customers: sql`(SELECT * FROM dashboard_customer_rollups r WHERE ${owners})`,
      orders: sql`(SELECT * FROM dashboard_order_rollups r WHERE ${owners})`,
      isLive: false,
    };
  }
  // Their customers first (owned, then those of their work orders, each through its index), and the
  // rollups over those alone.
  const customerIds = scopedCustomerIds(viewer);
  return {
    customers: sql`(${customerRollupSelect(customerIds)})`,
    orders: sql`(${orderRollupSelect({ customerIds })})`,
    isLive: true,
  };
}

function period(filters: ChartFilters) {
  const to = filters.to ? new Date(filters.to) : new Date();
  const from = filters.from
    ? new Date(filters.from)
    : new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
  if (from >= to) throw validationFailed([{ path: '/query/from', message: 'Must be before to' }]);
  return { from, to };
}

const monthOf = (instant: Date) =>
  sql`date_trunc('month', ${instant}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;

export async function getDashboardChart(
  db: Queryable,
  viewer: Viewer,
  chart: DashboardChartName,
  filters: ChartFilters,
): Promise<Schemas['DashboardChart']> {
  const { from, to } = period(filters);
  const source = sources(viewer);
  const region = filters.provinceCode ? sql`r.province_code = ${filters.provinceCode}` : sql`true`;
  const inPeriod = (column: SQL) => sql`${column} BETWEEN ${monthOf(from)} AND ${monthOf(to)}`;
  let points: Point[];
  switch (chart) {
    case 'customers_by_region': {
      const key = filters.provinceCode ? sql`r.key` : sql`r.province_code`;
      const rows = await db.execute<{ key: string | null; value: number }>(sql`
        SELECT ${key} AS key, sum(r.customers)::int AS value FROM ${source.customers} r
         WHERE r.dimension = 'city' AND ${region} GROUP BY 1 ORDER BY 2 DESC, 1`);
      points = rows.rows.map((row) => ({
        key: row.key ?? 'unknown',
        label: row.key ? (getRegionName(row.key) ?? row.key) : null,
        series: null,
        value: Number(row.value),
        amount: null,
      }));
      break;
    }
    case 'new_customers': {
      const rows = await db.execute<{ key: string; value: number }>(sql`
        SELECT r.key, sum(r.customers)::int AS value FROM ${source.customers} r
         WHERE r.dimension = 'month' AND ${region}
           AND r.key BETWEEN to_char(${monthOf(from)}, 'YYYY-MM') AND to_char(${monthOf(to)}, 'YYYY-MM')
         GROUP BY 1 ORDER BY 1`);
      points = rows.rows.map((row) => ({
        key: row.key,
        label: null,
        series: null,
        value: Number(row.value),
        amount: null,
      }));
      break;
    }
    case 'purchase_trend': {
      const channel = filters.channel ? sql`r.channel = ${filters.channel}` : sql`true`;
      const rows = await db.execute<{ key: string; series: string; value: number; cents: string }>(sql`
        SELECT to_char(r.month, 'YYYY-MM') AS key, r.channel AS series, sum(r.orders)::int AS value,
               (sum(r.revenue) * 100)::bigint::text AS cents
          FROM ${source.orders} r
         WHERE ${region} AND ${channel} AND ${inPeriod(sql`r.month`)} GROUP BY 1, 2 ORDER BY 1, 2`);
      points = rows.rows.map((row) => ({
        key: row.key,
        label: null,
        series: row.series,
        value: Number(row.value),
        amount: formatCents(BigInt(row.cents)),
      }));
      break;
    }
    case 'value_tiers':
    case 'lifecycle_funnel': {
      const dimension = chart === 'value_tiers' ? 'tier' : 'lifecycle';
      const order = chart === 'value_tiers' ? tierOrder : lifecycleOrder;
      const rows = await db.execute<{ key: string; value: number }>(sql`
        SELECT r.key, sum(r.customers)::int AS value FROM ${source.customers} r
         WHERE r.dimension = ${dimension} AND ${region} GROUP BY 1`);
      const byKey = new Map(rows.rows.map((row) => [row.key, Number(row.value)]));
      points = order.map((key) => ({
        key,
        label: null,
        series: null,
        value: byKey.get(key) ?? 0,
        amount: null,
      }));
      break;
    }
  }
  const refreshed = source.isLive
    ? null
    : (
        await db.execute<{ refreshed_at: Date }>(
          sql`SELECT refreshed_at FROM dashboard_refreshes WHERE id = 1`,
        )
      ).rows[0]?.refreshed_at;
  return {
    chart,
    from: from.toISOString(),
    to: to.toISOString(),
    points,
    refreshedAt: refreshed ? new Date(refreshed).toISOString() : null,
  };
}
