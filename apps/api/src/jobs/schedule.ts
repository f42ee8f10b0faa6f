/**
 * Background jobs on pg-boss: the queue lives in PostgreSQL (schema `pgboss`), so it needs no other
 * infrastructure; with several API processes each job runs once, in one of them. Scheduled jobs are
 * registered by the server only; workers for on-demand jobs (imports, duplicate scans) run wherever the
 * queue is started, the integration tests included.
 *
 * Imports ride out a database restart or cut connections without pg-boss's retries: pg-boss 10 records
 * a job's failure without awaiting or catching it, so a job that fails while the database is away stays
 * `active` until it expires (hours), and the lost write is an unhandled rejection (main.ts logs it
 * rather than letting it end the process). The import worker waits such trouble out itself and resumes the run, which continues after
 * its last committed batch; only after about five minutes does the error go to pg-boss.
 * A server that starts re-queues every import left running (its worker died with the old process)
 * instead of waiting for the minutely check's stale heartbeat; a run that turns out to be alive after
 * all is harmless, as two runs of one import never both commit a batch (see `processImport`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { evaluateAnomalyRules } from '../modules/alerts/service';
import { expireApprovals } from '../modules/approvals/service';
import { systemAuditContext } from '../modules/audit/service';
import { refreshDashboardRollups } from '../modules/dashboard/rollups';
import { flagStaleCustomers } from '../modules/data-quality/service';
import { runScan } from '../modules/duplicates/scan';
import { expireExports, runExport } from '../modules/exports/service';
import { failImport, findInterruptedImports, processImport } from '../modules/imports/service';
import { runRetention } from '../modules/retention/service';
import { refreshDynamicSegments } from '../modules/segments/service';
import { createRenewalTasks, remindDueTasks } from '../modules/tasks/service';
import { runDueTriggers } from '../modules/triggers/service';
import { runValueTierScoring } from '../modules/value-tiers/service';
import { runSlaClock } from '../modules/workorders/service';

export type OnDemandJob = 'import' | 'duplicate-scan' | 'export';

export interface JobQueue {
  send(name: OnDemandJob, id: string): Promise<void>;
}

/** A run left behind by a stopped worker has had no heartbeat for this long. */
const interruptedAfterMs = 60_000;

/** Pauses before resuming an import after connection trouble: about five minutes in all. */
const resumeDelaysMs = [250, 500, 1_000, 2_000, 4_000, 8_000, ...Array<number>(18).fill(15_000)];

export async function startJobs(
  db: Database,
  options: {
    connectionString: string;
    dataDir: string;
    log: (message: string) => void;
    isScheduling: boolean;
  },
) {
  const { log } = options;
  const boss = new PgBoss({ connectionString: options.connectionString, schema: 'pgboss' });
  boss.on('error', (error) => log(`job queue error: ${error.message}`));
  await boss.start();

  const queue: JobQueue = {
    async send(name, id) {
      await boss.send(name, { id }, { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInHours: 6 });
    },
  };
  const onDemand: { name: OnDemandJob; run: (id: string) => Promise<void> }[] = [
    { name: 'import', run: (id) => resumeImport(db, id, options) },
    { name: 'duplicate-scan', run: (id) => runScan(db, id) },
    { name: 'export', run: async (id) => void (await runExport(db, id, options.dataDir)) },
  ];
  for (const job of onDemand) {
    await boss.createQueue(job.name);
    await boss.work<{ id: string }>(job.name, { pollingIntervalSeconds: 0.5 }, async ([received]) => {
      if (!received) return;
      try {
        await job.run(received.data.id);
      } catch (error) {
        const reason = rootCause(error).message ?? 'unknown error';
        log(`${job.name} ${received.data.id}: ${reason}`);
        // Connection trouble that outlasted `resumeImport` is left to pg-boss's retries; anything else
        // ends the import (a start with the same settings resumes it).
        if (job.name === 'import' && !isConnectionError(error))
          await failImport(db, received.data.id, reason);
        else throw error;
      }
    });
  }

  if (options.isScheduling) {
    const requeueInterrupted = async (staleAfterMs: number) => {
      const ids = await findInterruptedImports(db, staleAfterMs);
      for (const id of ids) await queue.send('import', id);
      return { requeued: ids.length };
    };
    const scheduled: { name: string; cron: string; run: () => Promise<unknown> }[] = [
      {
        name: 'retention',
        cron: '30 3 * * *',
        run: () =>
          runRetention(db, {
            audit: systemAuditContext('retention job'),
            isDryRun: false,
            dataDir: options.dataDir,
          }),
      },
      { name: 'anomaly-rules', cron: '*/5 * * * *', run: () => evaluateAnomalyRules(db) },
      { name: 'stale-data', cron: '0 4 * * *', run: () => flagStaleCustomers(db) },
      { name: 'interrupted-imports', cron: '* * * * *', run: () => requeueInterrupted(interruptedAfterMs) },
      { name: 'sla-clock', cron: '*/5 * * * *', run: () => runSlaClock(db) },
      { name: 'task-reminders', cron: '*/15 * * * *', run: () => remindDueTasks(db) },
      { name: 'dashboard-rollups', cron: '*/5 * * * *', run: () => refreshDashboardRollups(db) },
      {
        name: 'dashboard-rollups-full',
        cron: '15 1 * * *',
        run: () => refreshDashboardRollups(db, { isFull: true }),
      },
      {
        name: 'expiries',
        cron: '5 * * * *',
        run: async () => ({
          ...(await expireApprovals(db)),
          ...(await expireExports(db, options.dataDir, queue)),
        }),
      },
      { name: 'contract-renewals', cron: '30 4 * * *', run: () => createRenewalTasks(db) },
      // Triggers act on fresh membership: they run right after the refresh.
      {
        name: 'segment-refresh',
        cron: '*/15 * * * *',
        run: async () => ({ ...(await refreshDynamicSegments(db)), ...(await runDueTriggers(db)) }),
      },
      {
        name: 'value-tiers',
        cron: '30 2 * * *',
        run: () => runValueTierScoring(db, systemAuditContext('value tier job')),
      },
    ];
    for (const job of scheduled) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
      await boss.work(job.name, async () => {
        log(`${job.name}: ${JSON.stringify(await job.run())}`);
      });
    }
    // What was running when a previous process stopped need not wait for its heartbeat to age.
    const { requeued } = await requeueInterrupted(0);
    if (requeued > 0) log(`imports resumed at start-up: ${requeued}`);
  }
  return { boss, queue };
}

/** Runs an import, resuming it in-process while the database is unreachable or drops connections. */
async function resumeImport(
  db: Database,
  id: string,
  options: { dataDir: string; log: (message: string) => void },
) {
  for (const delayMs of [...resumeDelaysMs, null]) {
    try {
      await processImport(db, id, options.dataDir);
      return;
    } catch (error) {
      if (delayMs === null || !isConnectionError(error)) throw error;
      options.log(`import ${id}: ${rootCause(error).message}; resuming in ${delayMs} ms`);
      await sleep(delayMs);
    }
  }
}

/** drizzle wraps the driver's error as `cause`: the innermost error says what happened. */
function rootCause(error: unknown): { code?: string; message?: string } {
  let current = error as { cause?: unknown; code?: string; message?: string };
  while (current.cause) current = current.cause as typeof current;
  return current;
}

function isConnectionError(error: unknown): boolean {
  const { code = '', message = '' } = rootCause(error);
  return (
    ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code) ||
    code.startsWith('08') ||
    // node-postgres's own words for a connection that died under a client ("… and is not queryable").
    /connection terminated|terminating connection|connection error|not queryable/i.test(message)
  );
}
