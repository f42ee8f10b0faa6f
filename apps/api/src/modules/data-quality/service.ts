/** The data-quality summary and the stale-data job. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { hasAllScope, type Viewer } from '../access/policies';
import { qualityFields } from '../customers/derived-columns';
import { customerScope } from '../customers/repo';
import { getDataQualitySettings } from './settings';

export async function dataQualitySummary(db: Database, viewer: Viewer) {
  const scope = customerScope(viewer) ?? sql`true`;
  const { staleAfterDays } = await getDataQualitySettings(db);
  const active = sql`deleted_at IS NULL AND erased_at IS NULL AND ${scope}`;
  const [totals] = (
    await db.execute<{ customers: number; average: number | null; stale: number }>(sql`
      SELECT count(*)::int AS customers, round(avg(quality_score), 1)::float AS average,
             count(*) FILTER (WHERE coalesce(last_verified_at, created_at) < now() - make_interval(days => ${staleAfterDays}))::int AS stale
        FROM customers WHERE ${active}`)
  ).rows;
  const channels = await db.execute<{
    source_channel: string;
    customers: number;
    average: number;
    poor: number;
    fair: number;
    good: number;
    excellent: number;
  }>(sql`
    SELECT source_channel, count(*)::int AS customers, round(avg(quality_score), 1)::float AS average,
           count(*) FILTER (WHERE quality_score < 40)::int AS poor,
           count(*) FILTER (WHERE quality_score >= 40 AND quality_score < 70)::int AS fair,
           count(*) FILTER (WHERE quality_score >= 70 AND quality_score < 90)::int AS good,
           count(*) FILTER (WHERE quality_score >= 90)::int AS excellent
      FROM customers WHERE ${active} GROUP BY source_channel ORDER BY customers DESC`);
  const missing = await db.execute<{ field: string; count: number }>(sql`
    SELECT issue AS field, count(*)::int AS count
      FROM customers, unnest(quality_issues) AS issue WHERE ${active} GROUP BY issue ORDER BY count DESC`);
  const invalid = await db.execute<{ field: string; count: number }>(sql`
    SELECT e->>'path' AS field, count(*)::int AS count
      FROM import_row_errors r JOIN imports i ON i.id = r.import_id, jsonb_array_elements(r.errors) AS e
     WHERE r.created_at > now() - interval '30 days' AND i.mode = 'run'
       ${hasAllScope(viewer) ? sql`` : sql`AND i.created_by = ${viewer.userId}`}
     GROUP BY 1 ORDER BY 2 DESC LIMIT 20`);
  const [open] = (
    await db.execute<{ count: number }>(sql`
      SELECT count(*)::int AS count FROM duplicate_candidates d
        JOIN customers a ON a.id = d.customer_a AND a.deleted_at IS NULL
        JOIN customers b ON b.id = d.customer_b AND b.deleted_at IS NULL
       WHERE d.status = 'open' AND a.id IN (SELECT id FROM customers WHERE ${scope})
         AND b.id IN (SELECT id FROM customers WHERE ${scope})`)
  ).rows;
  return {
    customers: totals?.customers ?? 0,
    averageScore: totals?.average ?? null,
    staleCustomers: totals?.stale ?? 0,
    openDuplicateCandidates: open?.count ?? 0,
    bySourceChannel: channels.rows.map((row) => ({
      sourceChannel: row.source_channel as never,
      customers: row.customers,
      averageScore: row.average,
      scoreBands: { poor: row.poor, fair: row.fair, good: row.good, excellent: row.excellent },
    })),
    invalidValues: invalid.rows,
    missingFields: missing.rows.filter((row) => qualityFields.includes(row.field)),
  };
}

/**
 * Customers not verified for the configured number of days get one open review task for their owner
 * (customers without an owner are left to the summary); an open task is not created twice.
 */
export async function flagStaleCustomers(db: Database) {
  const { staleAfterDays } = await getDataQualitySettings(db);
  const result = await db.execute(sql`
    INSERT INTO tasks (kind, customer_id, assignee_id, due_at)
    SELECT 'data_review', c.id, c.owner_id, now() + interval '14 days'
      FROM customers c
      JOIN staff_users u ON u.id = c.owner_id AND u.is_active
     WHERE c.deleted_at IS NULL AND c.erased_at IS NULL
       AND coalesce(c.last_verified_at, c.created_at) < now() - make_interval(days => ${staleAfterDays})
    ON CONFLICT (customer_id, kind) WHERE status = 'open' AND kind IN ('data_review', 'renewal') DO NOTHING`);
  return { tasksCreated: result.rowCount ?? 0 };
}
