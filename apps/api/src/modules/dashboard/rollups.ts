/**
 * Dashboard rollups. Each is defined once, as a grouped SELECT over the base tables: the refresh writes
 * its rows into the rollup table, and a viewer whose data scope cannot be expressed on the rollups (service
 * staff, who see customers through work orders) gets the same SELECT computed live, restricted to their
 * customers — few rows for them. Orders are re-counted by month: every five minutes the months that order
 * writes marked dirty (`dashboard_dirty_months`, the month before and after each write); nightly all of
 * them, which also follows customers who moved or changed owner. Customers are re-counted whole each time
 * (one grouped scan), into a few thousand rows per chart dimension.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers } from '../../db/schema';
import { paidOrderStatusesParam } from '../orders/statuses';

const timeZone = 'Asia/Shanghai';
const live = sql`${customers.deletedAt} IS NULL AND ${customers.erasedAt} IS NULL`;

/** Joins `customers` to a set of customer ids (a SELECT of one uuid column without duplicates). */
const joinScoped = (customerIds: SQL | undefined, on: SQL) =>
  customerIds ? sql`JOIN (${customerIds}) scoped (id) ON scoped.id = ${on}` : sql``;

/**
 * Customers counted once per chart dimension — `city` (region charts), `lifecycle`, `tier` (value tier,
 * `unscored` when none) and `month` (created, `YYYY-MM`) — each by region and owner, so that a chart sums
 * a few thousand rows whatever the size of the base. `customerIds` (a SELECT of ids, as from
 * scopedCustomerIds) narrows it for a live reading, which then starts from those customers.
 */
export function customerRollupSelect(customerIds?: SQL): SQL {
  return sql`
    SELECT d.dimension, d.key, c.province_code, c.owner_id, count(*)::int AS customers
      FROM ${customers} c ${joinScoped(customerIds, sql`c.id`)}
      CROSS JOIN LATERAL (VALUES
        ('city', c.city_code),
        ('lifecycle', c.lifecycle_stage),
        ('tier', coalesce(c.value_tier, 'unscored')),
        ('month', to_char(c.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM'))
      ) d (dimension, key)
     WHERE c.deleted_at IS NULL AND c.erased_at IS NULL
     GROUP BY 1, 2, 3, 4`;
}

/**
 * Paid orders by month, channel and the customer's region and owner. `customerIds` narrows it to those
 * customers (a live reading: their orders through orders_customer_idx); `months` (dates, first of the
 * month) to those months, each read as a range on ordered_at that orders_ordered_at_idx serves.
 */
export function orderRollupSelect(options: { customerIds?: SQL; months?: string[] } = {}): SQL {
  const monthStart = (month: SQL) => sql`(${month}::timestamp AT TIME ZONE ${timeZone})`;
  const months = options.months
    ? sql`JOIN unnest(${sql.param(options.months)}::date[]) m (month)
            ON o.ordered_at >= ${monthStart(sql`m.month`)}
           AND o.ordered_at < ${monthStart(sql`(m.month + interval '1 month')`)}`
    : sql``;
  return sql`
    SELECT date_trunc('month', o.ordered_at AT TIME ZONE ${timeZone})::date AS month, o.channel,
           ${customers.provinceCode} AS province_code, ${customers.ownerId} AS owner_id,
           count(*)::int AS orders, sum(o.amount) AS revenue
      FROM orders o ${months}
      JOIN ${customers} ON ${customers.id} = o.customer_id
      ${joinScoped(options.customerIds, sql`o.customer_id`)}
     WHERE o.status = ANY(${paidOrderStatusesParam()}) AND ${live}
     GROUP BY 1, 2, 3, 4`;
}

/**
 * Marks the months of these instants (an order's `ordered_at` before and after a write) for the next
 * refresh; call it in the transaction that writes the order. An existing row is touched rather than left
 * alone (DO UPDATE, not DO NOTHING): the row stays locked until the write commits, so a refresh that claims
 * the month waits for the order instead of re-counting without it and deleting the mark. The months go in
 * ascending order, as the refresh claims them, so that two such transactions never deadlock.
 */
export async function markOrderMonthsDirty(db: Queryable, instants: Date[]) {
  await db.execute(sql`
    INSERT INTO dashboard_dirty_months (month)
    SELECT DISTINCT date_trunc('month', t AT TIME ZONE ${timeZone})::date
      FROM unnest(${sql.param(instants.map((instant) => instant.toISOString()))}::timestamptz[]) t
     ORDER BY 1
    ON CONFLICT (month) DO UPDATE SET month = EXCLUDED.month`);
}

/**
 * Brings the rollups up to date. `isFull` (or a first refresh) re-counts every month of orders; otherwise
 * only the dirty months. Readers see the old rollups until the transaction commits.
 */
export async function refreshDashboardRollups(db: Database, options: { isFull?: boolean; now?: Date } = {}) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    // One refresh at a time; a second one waits and then finds little to do.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('cims.dashboard_rollups'))`);
    const state = await tx.execute(sql`SELECT 1 FROM dashboard_refreshes WHERE id = 1`);
    const isFull = options.isFull === true || state.rows.length === 0;
    // Customers first: the dirty months claimed below stay locked until the commit (an order write in one
    // of them waits), so the claim comes as late as it can.
    await tx.execute(sql`DELETE FROM dashboard_customer_rollups`);
    await tx.execute(sql`INSERT INTO dashboard_customer_rollups (dimension, key, province_code, owner_id, customers)
      ${customerRollupSelect()}`);
    // Claim the dirty months: waits for the writers still holding one (see markOrderMonthsDirty), so the
    // re-count below, a later statement with a later snapshot, sees their orders. A month first marked by
    // a writer that has not committed yet is not seen here and stays for the next refresh.
    const claimed = await tx.execute<{ month: string }>(
      sql`SELECT month::text AS month FROM dashboard_dirty_months ORDER BY month FOR UPDATE`,
    );
    const months = claimed.rows.map((row) => row.month);
    if (months.length > 0)
      await tx.execute(
        sql`DELETE FROM dashboard_dirty_months WHERE month = ANY(${sql.param(months)}::date[])`,
      );
    if (isFull) {
      await tx.execute(sql`DELETE FROM dashboard_order_rollups`);
      await tx.execute(sql`INSERT INTO dashboard_order_rollups (month, channel, province_code, owner_id, orders, revenue)
        ${orderRollupSelect()}`);
    } else if (months.length > 0) {
      await tx.execute(
        sql`DELETE FROM dashboard_order_rollups WHERE month = ANY(${sql.param(months)}::date[])`,
      );
      await tx.execute(sql`INSERT INTO dashboard_order_rollups (month, channel, province_code, owner_id, orders, revenue)
        ${orderRollupSelect({ months })}`);
    }
    await tx.execute(sql`
      INSERT INTO dashboard_refreshes (id, refreshed_at) VALUES (1, ${now})
      ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`);
    return { isFull, orderMonthsRecounted: isFull ? null : months.length };
  });
}
