/**
 * Anomaly alerts: rules over the audit log for bulk reveals and exports, repeated failed sign-ins,
 * sign-ins outside working hours, and users reading far more customers than their own baseline.
 * Evaluated every five minutes (and on demand) over a look-back window, so a missed run loses nothing.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { DomainError } from '../../http/errors';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import {
  acknowledgeAlertRow,
  findStoredSettings,
  listAlertRows,
  raiseCountAlerts,
  raiseFailedSignInAlerts,
  raiseOffHoursAlerts,
  raiseUnusualVolumeAlerts,
  type SecurityAlertRow,
  storeSettings,
} from './repo';
import { type AnomalySettings, defaultAnomalySettings } from './settings';

export async function getAnomalySettings(db: Database): Promise<AnomalySettings> {
  return {
    ...defaultAnomalySettings,
    ...((await findStoredSettings(db)) as Partial<AnomalySettings> | null),
  };
}

export async function updateAnomalySettings(db: Database, audit: AuditContext, settings: AnomalySettings) {
  if (!Intl.supportedValuesOf('timeZone').includes(settings.workingHours.timeZone)) {
    throw new DomainError('validation_failed', 'Unknown time zone.', [
      { path: '/workingHours/timeZone', message: 'Not an IANA time zone such as Asia/Shanghai' },
    ]);
  }
  const before = await getAnomalySettings(db);
  await db.transaction(async (tx) => {
    await storeSettings(tx, settings);
    await appendAuditEntry(tx, audit, {
      action: 'anomaly_settings.update',
      resourceType: 'anomaly_settings',
      changes: diffSnapshots({ ...before }, { ...settings }),
    });
  });
  return settings;
}

export async function evaluateAnomalyRules(db: Database, now: Date = new Date()) {
  const settings = await getAnomalySettings(db);
  // Two hours back covers the current clock hour and a few missed runs; buckets keep alerts unique.
  const since = new Date(now.getTime() - 2 * 3_600_000);
  const counts = await Promise.all([
    raiseCountAlerts(db, {
      rule: 'bulk_reveal',
      actions: sql`action = 'customer.reveal'`,
      threshold: settings.bulkRevealPerHour,
      since,
    }),
    raiseCountAlerts(db, {
      rule: 'bulk_export',
      actions: sql`(action = 'customer.subject_access' OR action LIKE 'export.%')`,
      threshold: settings.bulkExportPerHour,
      since,
    }),
    raiseFailedSignInAlerts(db, { threshold: settings.failedSignInsPer15Minutes, since }),
    raiseOffHoursAlerts(db, { settings, since }),
    raiseUnusualVolumeAlerts(db, { settings, now }),
  ]);
  return { raised: counts.reduce((a, b) => a + b, 0) };
}

export function toSecurityAlert(row: SecurityAlertRow) {
  return {
    ...row,
    bucketStart: row.bucketStart.toISOString(),
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  };
}

export async function listSecurityAlerts(db: Database, status?: 'open' | 'acknowledged') {
  return (await listAlertRows(db, status)).map(toSecurityAlert);
}

export async function acknowledgeSecurityAlert(db: Database, audit: AuditContext, id: string) {
  return db.transaction(async (tx) => {
    const row = await acknowledgeAlertRow(tx, id, audit.actorLabel);
    if (!row) throw new DomainError('not_found', 'No such alert.');
    await appendAuditEntry(tx, audit, {
      action: 'security_alert.acknowledge',
      resourceType: 'security_alert',
      resourceId: id,
    });
    return toSecurityAlert(row);
  });
}
