/**
 * Dashboard rollups. Each is defined once, as a grouped SELECT over the base tables: the refresh writes
 * its rows into the rollup table, and a viewer whose data scope cannot be expressed on the rollups (service
 * staff, who see customers through work orders) gets the same SELECT computed live, restricted to their
 * scope — few rows for them. Orders are re-counted by month: every five minutes the months with orders
 * changed since the watermark; nightly all of them, which also follows customers who moved or changed
 * owner. Customers are re-counted whole each time (one grouped scan).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { customers } from '../../db/schema';

const timeZone = 'Asia/Shanghai';
const paidStatuses = ['paid', 'shipped', 'completed'];
const live = sql`${customers.deletedAt} IS NULL AND ${customers.erasedAt} IS NULL`;

/** Customers by every dimension a chart uses; `scope` narrows it for a live reading. */
export function customerRollupSelect(scope: SQL = sql`true`): SQL {
  return sql`
    SELECT ${customers.provinceCode} AS province_code, ${customers.cityCode} AS city_code,
           ${customers.ownerId} AS owner_id, ${customers.kind} AS kind,
           ${customers.lifecycleStage} AS lifecycle_stage, ${customers.valueTier} AS value_tier,
           date_trunc('month', ${customers.createdAt} AT TIME ZONE ${timeZone})::date AS created_month,
           count(*)::int AS customers
      FROM ${customers}
     WHERE ${live} AND ${scope}
     GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** Paid orders by month, channel and the customer's region and owner. */
export function orderRollupSelect(scope: SQL = sql`true`, months?: SQL): SQL {
  return sql`
    SELECT date_trunc('month', o.ordered_at AT TIME ZONE ${timeZone})::date AS month, o.channel,
           ${customers.provinceCode} AS province_code, ${customers.ownerId} AS owner_id,
           count(*)::int AS orders, sum(o.amount) AS revenue
      FROM orders o JOIN ${customers} ON ${customers.id} = o.customer_id
     WHERE o.status = ANY(${sql.param(paidStatuses)}::text[]) AND ${live}
       -- The customers first: a live reading over a few of them then reads only their orders.
       AND o.customer_id IN (SELECT ${customers.id} FROM ${customers} WHERE ${scope})
       ${months ? sql`AND date_trunc('month', o.ordered_at AT TIME ZONE ${timeZone})::date = ANY(${months})` : sql``}
     GROUP BY 1, 2, 3, 4`;
}

/**
 * Brings the rollups up to date. `isFull` re-counts every month of orders; otherwise only the months of
 * orders changed since the last refresh. Readers see the old rollups until the transaction commits.
 */
export async function refreshDashboardRollups(db: Database, options: { isFull?: boolean; now?: Date } = {}) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    // One refresh at a time; a second one waits and then finds little to do.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('cims.dashboard_rollups'))`);
    const state = await tx.execute<{ orders_watermark: Date }>(
      sql`SELECT orders_watermark FROM dashboard_refreshes WHERE id = 1`,
    );
    const watermark = options.isFull ? null : (state.rows[0]?.orders_watermark ?? null);
    await tx.execute(sql`DELETE FROM dashboard_customer_rollups`);
    await tx.execute(sql`INSERT INTO dashboard_customer_rollups
      (province_code, city_code, owner_id, kind, lifecycle_stage, value_tier, created_month, customers)
      ${customerRollupSelect()}`);
    let months = 0;
    if (watermark === null) {
      await tx.execute(sql`DELETE FROM dashboard_order_rollups`);
      await tx.execute(sql`INSERT INTO dashboard_order_rollups (month, channel, province_code, owner_id, orders, revenue)
        ${orderRollupSelect()}`);
    } else {
      const changed = await tx.execute<{ month: string }>(sql`
        SELECT DISTINCT date_trunc('month', ordered_at AT TIME ZONE ${timeZone})::date::text AS month
          FROM orders WHERE updated_at > ${watermark}::timestamptz`);
      months = changed.rows.length;
      if (months > 0) {
        const list = sql`${sql.param(changed.rows.map((row) => row.month))}::date[]`;
        await tx.execute(sql`DELETE FROM dashboard_order_rollups WHERE month = ANY(${list})`);
        await tx.execute(sql`INSERT INTO dashboard_order_rollups (month, channel, province_code, owner_id, orders, revenue)
          ${orderRollupSelect(sql`true`, list)}`);
      }
    }
    // A writer that stamped its order before `now` may commit after this refresh read the orders: the next
    // refresh looks a minute further back (re-counting a whole month twice is harmless).
    const nextWatermark = new Date(now.getTime() - 60_000);
    await tx.execute(sql`
      INSERT INTO dashboard_refreshes (id, orders_watermark, refreshed_at) VALUES (1, ${nextWatermark}, ${now})
      ON CONFLICT (id) DO UPDATE SET orders_watermark = EXCLUDED.orders_watermark, refreshed_at = EXCLUDED.refreshed_at`);
    return { isFull: watermark === null, orderMonthsRecounted: watermark === null ? null : months };
  });
}
