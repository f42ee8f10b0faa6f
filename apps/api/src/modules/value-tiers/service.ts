/**
 * Value tiers (客户价值等级) from RFM: every live customer's paid orders in the window give recency,
 * frequency and monetary scores of 1–5 (fifths by percentile rank among the customers who ordered, ties
 * scoring alike, or fixed cut points),
 * whose sum gives the tier; organizations can be tiered by their order amount instead (annual contract
 * value). One run scores everyone in a few set-based statements inside one transaction; only changed
 * tiers are written to `customers`, and each change is recorded for the customer's timeline.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customerValueScores } from '../../db/schema';
import { type AuditContext, appendAuditEntry } from '../audit/service';
import { paidOrderStatusesParam } from '../orders/statuses';
import { getValueTierSettings, type ValueTierSettings } from './settings';

/** A 1–5 score from four ascending cut points: at or past the n-th cut scores n + 1. */
function scoreByCuts(value: ReturnType<typeof sql>, cuts: number[], isLowerBetter: boolean) {
  const [c1, c2, c3, c4] = cuts;
  return isLowerBetter
    ? sql`CASE WHEN ${value} <= ${c1} THEN 5 WHEN ${value} <= ${c2} THEN 4 WHEN ${value} <= ${c3} THEN 3 WHEN ${value} <= ${c4} THEN 2 ELSE 1 END`
    : sql`CASE WHEN ${value} >= ${c4} THEN 5 WHEN ${value} >= ${c3} THEN 4 WHEN ${value} >= ${c2} THEN 3 WHEN ${value} >= ${c1} THEN 2 ELSE 1 END`;
}

function scores(settings: ValueTierSettings) {
  if (settings.method === 'quintiles') {
    // Ranked by percentile, so that equal figures score alike; organizations tiered by amount are ranked
    // apart, not among the persons they would push down.
    const byAmount = settings.organizationRule.isEnabled;
    const tile = (order: ReturnType<typeof sql>) =>
      sql`CASE WHEN b.n = 0 THEN 1 ELSE LEAST(5, 1 + floor(5 * percent_rank() OVER (
            PARTITION BY b.n > 0, (b.kind = 'organization' AND ${byAmount}) ORDER BY ${order})))::int END`;
    return {
      recency: tile(sql`b.days DESC`),
      frequency: tile(sql`b.n`),
      monetary: tile(sql`b.amount`),
    };
  }
  return {
    recency: sql`CASE WHEN b.n = 0 THEN 1 ELSE ${scoreByCuts(sql`b.days`, settings.recencyDays, true)} END`,
    frequency: scoreByCuts(sql`b.n`, settings.frequencyCounts, false),
    monetary: scoreByCuts(sql`b.amount`, settings.monetaryAmounts, false),
  };
}

export async function runValueTierScoring(db: Database, audit: AuditContext, asOf = new Date()) {
  const settings = await getValueTierSettings(db);
  const { recency, frequency, monetary } = scores(settings);
  const { A, B, C } = settings.tierMinimums;
  const organization = settings.organizationRule;
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      CREATE TEMP TABLE scored ON COMMIT DROP AS
      WITH paid AS (
        SELECT o.customer_id, max(o.ordered_at) AS last_at, count(*)::int AS n, sum(o.amount) AS amount
          FROM orders o
         WHERE o.status = ANY(${paidOrderStatusesParam()})
           AND o.ordered_at <= ${asOf}::timestamptz
           AND o.ordered_at > ${asOf}::timestamptz - make_interval(days => ${settings.windowDays}::int)
         GROUP BY o.customer_id
      ), base AS (
        SELECT c.id, c.kind, c.value_tier AS old_tier, coalesce(p.n, 0) AS n, coalesce(p.amount, 0) AS amount,
               floor(extract(epoch FROM ${asOf}::timestamptz - p.last_at) / 86400)::int AS days
          FROM customers c LEFT JOIN paid p ON p.customer_id = c.id
         WHERE c.deleted_at IS NULL AND c.erased_at IS NULL
      ), rfm AS (
        SELECT b.*, ${recency} AS recency, ${frequency} AS frequency, ${monetary} AS monetary FROM base b
      )
      SELECT r.*,
             (r.kind = 'organization' AND ${organization.isEnabled}) AS is_by_amount,
             CASE WHEN r.kind = 'organization' AND ${organization.isEnabled} THEN
                    CASE WHEN r.amount >= ${organization.minimumAmounts.A} THEN 'A'
                         WHEN r.amount >= ${organization.minimumAmounts.B} THEN 'B'
                         WHEN r.amount >= ${organization.minimumAmounts.C} THEN 'C' ELSE 'D' END
                  ELSE
                    CASE WHEN r.recency + r.frequency + r.monetary >= ${A} THEN 'A'
                         WHEN r.recency + r.frequency + r.monetary >= ${B} THEN 'B'
                         WHEN r.recency + r.frequency + r.monetary >= ${C} THEN 'C' ELSE 'D' END
             END AS tier
        FROM rfm r`);
    await tx.execute(sql`
      INSERT INTO customer_value_scores
        (customer_id, recency, frequency, monetary, days_since_last_order, order_count, order_amount, method, scored_at)
      SELECT id, recency, frequency, monetary, days, n, amount,
             CASE WHEN is_by_amount THEN 'organization' ELSE ${settings.method} END, ${asOf}::timestamptz
        FROM scored
      ON CONFLICT (customer_id) DO UPDATE SET
        recency = EXCLUDED.recency, frequency = EXCLUDED.frequency, monetary = EXCLUDED.monetary,
        days_since_last_order = EXCLUDED.days_since_last_order, order_count = EXCLUDED.order_count,
        order_amount = EXCLUDED.order_amount, method = EXCLUDED.method, scored_at = EXCLUDED.scored_at`);
    const changed = await tx.execute(sql`
      WITH changed AS (
        UPDATE customers c SET value_tier = s.tier
          FROM scored s
         WHERE c.id = s.id AND c.value_tier IS DISTINCT FROM s.tier
        RETURNING c.id, s.old_tier, s.tier
      )
      INSERT INTO value_tier_changes (customer_id, from_tier, to_tier, changed_at)
      SELECT id, old_tier, tier, ${asOf}::timestamptz FROM changed`);
    const distribution = await tx.execute<{ tier: 'A' | 'B' | 'C' | 'D'; count: number }>(
      sql`SELECT tier, count(*)::int AS count FROM scored GROUP BY tier`,
    );
    const byTier = { A: 0, B: 0, C: 0, D: 0 };
    for (const row of distribution.rows) byTier[row.tier] = Number(row.count);
    const run = {
      asOf: asOf.toISOString(),
      scored: byTier.A + byTier.B + byTier.C + byTier.D,
      changed: changed.rowCount ?? 0,
      distribution: byTier,
    };
    await appendAuditEntry(tx, audit, {
      action: 'value_tier.run',
      resourceType: 'value_tier_settings',
      resourceId: '1',
      details: { ...run },
    });
    return run;
  });
}

export async function findValueScores(db: Queryable, customerId: string) {
  const [row] = await db
    .select()
    .from(customerValueScores)
    .where(eq(customerValueScores.customerId, customerId));
  return row ?? null;
}
