/**
 * The retention job: applies every enabled retention policy, reports what it did, and records the run.
 * Each archived or erased customer goes through the same service functions as a person's request would,
 * so each one is audited on its own. A run handles at most `batchLimit` records per category; the next
 * (nightly) run carries on, so a first run over a large base cannot hold the database for hours.
 */
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { systemViewer } from '../access/policies';
import { getApprovalPolicy, requestApproval } from '../approvals/requests';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import { deleteCustomer } from '../customers/service';
import { eraseCustomer } from '../privacy/erasure-service';
import {
  countExpiredSessions,
  deleteExpiredSessions,
  findChurnedToArchive,
  findDeletedToErase,
  findStoredRetentionPolicies,
  insertRetentionRun,
  listRetentionRunRows,
  type RetentionCategory,
  type RetentionRunRow,
  upsertRetentionPolicy,
} from './repo';

// In run order: erasing before archiving means no run archives and erases the same customer.
const defaults: Record<RetentionCategory, { isEnabled: boolean; afterDays: number }> = {
  deleted_customers: { isEnabled: true, afterDays: 180 },
  churned_customers: { isEnabled: true, afterDays: 3 * 365 },
  expired_sessions: { isEnabled: true, afterDays: 30 },
};
const categories = Object.keys(defaults) as RetentionCategory[];
const batchLimit = 5000;

export async function listRetentionPolicies(db: Database) {
  const stored = await findStoredRetentionPolicies(db);
  return categories.map((category) => {
    const row = stored.find((s) => s.category === category);
    return {
      category,
      ...(row ? { isEnabled: row.isEnabled, afterDays: row.afterDays } : defaults[category]),
    };
  });
}

/**
 * A retention policy change, at once or, while erasures need approval, held like an erasure: a policy
 * that erases after one day would otherwise erase without an approver.
 */
export async function changeRetentionPolicy(
  db: Database,
  actor: RequestActor,
  input: { category: RetentionCategory; isEnabled: boolean; afterDays: number },
): Promise<{ policy: Awaited<ReturnType<typeof updateRetentionPolicy>> } | { approvalId: string }> {
  const erasures = await getApprovalPolicy(db, 'erasure');
  if (!erasures.isEnabled) return { policy: await updateRetentionPolicy(db, actor.audit, input) };
  const { category, ...policy } = input;
  const before = (await listRetentionPolicies(db)).find((p) => p.category === category);
  const held = await db.transaction((tx) =>
    requestApproval(tx, actor, {
      kind: 'erasure',
      policy: erasures,
      reason: `保留策略变更 Retention policy change: ${category}`,
      details: { retentionCategory: category, policy, policyBefore: before ?? null },
    }),
  );
  return { approvalId: held.id };
}

export async function updateRetentionPolicy(
  db: Database,
  audit: AuditContext,
  input: { category: RetentionCategory; isEnabled: boolean; afterDays: number },
  details?: Record<string, unknown>,
) {
  const { category, ...settings } = input;
  const before = (await listRetentionPolicies(db)).find((p) => p.category === category);
  await db.transaction(async (tx) => {
    await upsertRetentionPolicy(tx, category, settings);
    await appendAuditEntry(tx, audit, {
      action: 'retention_policy.update',
      resourceType: 'retention_policy',
      resourceId: category,
      changes: diffSnapshots({ isEnabled: before?.isEnabled, afterDays: before?.afterDays }, settings),
      details,
    });
  });
  return { category, ...settings };
}

export async function runRetention(
  db: Database,
  input: { audit: AuditContext; isDryRun: boolean; dataDir: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const startedAt = new Date();
  const actor: RequestActor = { audit: input.audit, viewer: systemViewer };
  const report: {
    category: RetentionCategory;
    action: 'archive' | 'erase' | 'delete' | 'skipped';
    affected: number;
  }[] = [];
  for (const policy of await listRetentionPolicies(db)) {
    const window = { now, afterDays: policy.afterDays, limit: batchLimit };
    if (!policy.isEnabled) {
      report.push({ category: policy.category, action: 'skipped', affected: 0 });
    } else if (policy.category === 'churned_customers') {
      const ids = await findChurnedToArchive(db, window);
      if (!input.isDryRun) for (const id of ids) await deleteCustomer(db, actor, id);
      report.push({ category: policy.category, action: 'archive', affected: ids.length });
    } else if (policy.category === 'deleted_customers') {
      const ids = await findDeletedToErase(db, window);
      const reason = `retention policy: ${policy.afterDays} days in the recycle bin`;
      if (!input.isDryRun)
        for (const id of ids)
          await eraseCustomer(db, actor, { customerId: id, reason, dataDir: input.dataDir });
      report.push({ category: policy.category, action: 'erase', affected: ids.length });
    } else {
      const affected = input.isDryRun
        ? await countExpiredSessions(db, window)
        : await deleteExpiredSessions(db, window);
      report.push({ category: policy.category, action: 'delete', affected });
    }
  }
  return db.transaction(async (tx) => {
    const run = await insertRetentionRun(tx, {
      startedAt,
      finishedAt: new Date(),
      isDryRun: input.isDryRun,
      report,
      triggeredBy: input.audit.actorLabel,
    });
    await appendAuditEntry(tx, input.audit, {
      action: input.isDryRun ? 'retention.dry_run' : 'retention.run',
      resourceType: 'retention_run',
      resourceId: run.id,
      details: { report },
    });
    return run;
  });
}

export function toRetentionRun(row: RetentionRunRow) {
  return {
    ...row,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
    report: row.report as {
      category: RetentionCategory;
      action: 'archive' | 'erase' | 'delete' | 'skipped';
      affected: number;
    }[],
  };
}

export async function listRetentionRuns(db: Database) {
  return (await listRetentionRunRows(db)).map(toRetentionRun);
}
