/**
 * The anomaly rules as SQL over the audit log. Each rule inserts at most one alert per (rule, subject,
 * time bucket) and refreshes the observed count of an existing one; `xmax = 0` tells new rows apart.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { anomalySettings, securityAlerts } from '../../db/schema';
import type { AnomalySettings } from './settings';

export type SecurityAlertRow = typeof securityAlerts.$inferSelect;
type SQLCondition = ReturnType<typeof sql>;

const upsert = sql`ON CONFLICT (rule, subject, bucket_start) DO UPDATE SET observed = EXCLUDED.observed
  WHERE security_alerts.observed < EXCLUDED.observed RETURNING (xmax = 0) AS is_new`;

async function countNew(db: Queryable, statement: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute<{ is_new: boolean }>(statement);
  return result.rows.filter((row) => row.is_new).length;
}

export async function raiseCountAlerts(
  db: Queryable,
  input: { rule: 'bulk_reveal' | 'bulk_export'; actions: SQLCondition; threshold: number; since: Date },
) {
  return countNew(
    db,
    sql`INSERT INTO security_alerts (rule, subject, bucket_start, observed, threshold, details)
      SELECT ${input.rule}, coalesce(actor_label, actor_id::text, 'unknown'), date_trunc('hour', occurred_at),
        count(*), ${input.threshold}, jsonb_build_object('actorId', actor_id)
      FROM audit_entries WHERE ${input.actions} AND occurred_at >= ${input.since}
      GROUP BY 2, 3, actor_id HAVING count(*) > ${input.threshold}
      ${upsert}`,
  );
}

export async function raiseFailedSignInAlerts(db: Queryable, input: { threshold: number; since: Date }) {
  return countNew(
    db,
    sql`INSERT INTO security_alerts (rule, subject, bucket_start, observed, threshold, details)
      SELECT 'failed_sign_ins', subject, to_timestamp(floor(extract(epoch FROM occurred_at) / 900) * 900),
        count(*), ${input.threshold}, '{}'::jsonb
      FROM audit_entries,
        LATERAL (VALUES ('email:' || coalesce(details->>'email', '?')), ('address:' || coalesce(ip_address, '?'))) AS s(subject)
      WHERE action = 'auth.sign_in_failed' AND occurred_at >= ${input.since}
      GROUP BY 2, 3 HAVING count(*) > ${input.threshold}
      ${upsert}`,
  );
}

export async function raiseOffHoursAlerts(db: Queryable, input: { settings: AnomalySettings; since: Date }) {
  const { start, end, days, timeZone } = input.settings.workingHours;
  const workingDays = sql.join(
    days.map((day) => sql`${day}`),
    sql`, `,
  );
  const local = sql`(occurred_at AT TIME ZONE ${timeZone})`;
  const isWorkingDay = days.length > 0 ? sql`extract(isodow FROM ${local}) IN (${workingDays})` : sql`false`;
  return countNew(
    db,
    sql`INSERT INTO security_alerts (rule, subject, bucket_start, observed, threshold, details)
      SELECT 'off_hours_access', coalesce(actor_label, actor_id::text, 'unknown'), occurred_at, 1, 0,
        jsonb_build_object('localTime', to_char(${local}, 'YYYY-MM-DD HH24:MI'), 'ipAddress', ip_address)
      FROM audit_entries
      WHERE action = 'auth.sign_in' AND occurred_at >= ${input.since}
        AND NOT (${isWorkingDay} AND ${local}::time >= ${start}::time AND ${local}::time < ${end}::time)
      ${upsert}`,
  );
}

export async function raiseUnusualVolumeAlerts(
  db: Queryable,
  input: { settings: AnomalySettings; now: Date },
) {
  const { timeZone } = input.settings.workingHours;
  const { unusualVolumeFactor: factor, unusualVolumeMinimum: minimum } = input.settings;
  return countNew(
    db,
    sql`WITH daily AS (
        SELECT actor_id, max(actor_label) AS actor_label, (occurred_at AT TIME ZONE ${timeZone})::date AS day, count(*) AS views
        FROM audit_entries
        WHERE action = 'customer.view' AND occurred_at >= ${input.now}::timestamptz - interval '15 days' AND actor_id IS NOT NULL
        GROUP BY actor_id, day
      ), today AS (
        SELECT * FROM daily WHERE day = (${input.now}::timestamptz AT TIME ZONE ${timeZone})::date
      ), baseline AS (
        SELECT actor_id, sum(views) / 14.0 AS average FROM daily
        WHERE day < (${input.now}::timestamptz AT TIME ZONE ${timeZone})::date GROUP BY actor_id
      )
      INSERT INTO security_alerts (rule, subject, bucket_start, observed, threshold, details)
      SELECT 'unusual_volume', coalesce(t.actor_label, t.actor_id::text), t.day::timestamp AT TIME ZONE ${timeZone}, t.views,
        greatest(${minimum}, ceil(${factor} * coalesce(b.average, 0)))::int,
        jsonb_build_object('dailyAverage', round(coalesce(b.average, 0), 1))
      FROM today t LEFT JOIN baseline b USING (actor_id)
      WHERE t.views > greatest(${minimum}, ${factor} * coalesce(b.average, 0))
      ${upsert}`,
  );
}

export async function listAlertRows(db: Queryable, status: 'open' | 'acknowledged' | undefined) {
  return db
    .select()
    .from(securityAlerts)
    .where(status ? eq(securityAlerts.status, status) : undefined)
    .orderBy(desc(securityAlerts.createdAt))
    .limit(200);
}

export async function acknowledgeAlertRow(db: Queryable, id: string, by: string | null) {
  const [row] = await db
    .update(securityAlerts)
    .set({ status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: new Date() })
    .where(eq(securityAlerts.id, id))
    .returning();
  return row ?? null;
}

export async function findStoredSettings(db: Queryable) {
  const [row] = await db.select().from(anomalySettings).where(eq(anomalySettings.id, 1));
  return row?.settings ?? null;
}

export async function storeSettings(db: Queryable, settings: AnomalySettings) {
  await db
    .insert(anomalySettings)
    .values({ id: 1, settings })
    .onConflictDoUpdate({ target: anomalySettings.id, set: { settings, updatedAt: new Date() } });
}
