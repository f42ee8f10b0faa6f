/**
 * Background jobs on pg-boss: the queue lives in PostgreSQL (schema `pgboss`), so it needs no other
 * infrastructure; with several API processes each job runs once, in one of them. Scheduled jobs are
 * registered by the server only; workers for on-demand jobs (imports, duplicate scans) run wherever the
 * queue is started, the integration tests included.
 */
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { evaluateAnomalyRules } from '../modules/alerts/service';
import { systemAuditContext } from '../modules/audit/service';
import { flagStaleCustomers } from '../modules/data-quality/service';
import { runScan } from '../modules/duplicates/scan';
import { failImport, findInterruptedImports, processImport } from '../modules/imports/service';
import { runRetention } from '../modules/retention/service';

export type OnDemandJob = 'import' | 'duplicate-scan';

export interface JobQueue {
  send(name: OnDemandJob, id: string): Promise<void>;
}

/** A run left behind by a stopped worker has had no heartbeat for this long. */
const interruptedAfterMs = 60_000;

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
    { name: 'import', run: (id) => processImport(db, id, options.dataDir) },
    { name: 'duplicate-scan', run: (id) => runScan(db, id) },
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
        // Connection trouble is retried (the run resumes where it stopped); anything else ends the import.
        if (job.name === 'import' && !isConnectionError(error))
          await failImport(db, received.data.id, reason);
        else throw error;
      }
    });
  }

  if (options.isScheduling) {
    const requeueInterrupted = async () => {
      for (const id of await findInterruptedImports(db, interruptedAfterMs)) await queue.send('import', id);
    };
    const scheduled: { name: string; cron: string; run: () => Promise<unknown> }[] = [
      {
        name: 'retention',
        cron: '30 3 * * *',
        run: () => runRetention(db, { audit: systemAuditContext('retention job'), isDryRun: false }),
      },
      { name: 'anomaly-rules', cron: '*/5 * * * *', run: () => evaluateAnomalyRules(db) },
      { name: 'stale-data', cron: '0 4 * * *', run: () => flagStaleCustomers(db) },
      { name: 'interrupted-imports', cron: '* * * * *', run: requeueInterrupted },
    ];
    for (const job of scheduled) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
      await boss.work(job.name, async () => {
        log(`${job.name}: ${JSON.stringify(await job.run())}`);
      });
    }
    await requeueInterrupted();
  }
  return { boss, queue };
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
    ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET'].includes(code) ||
    code.startsWith('08') ||
    /connection terminated|terminating connection|connection error/i.test(message)
  );
}
