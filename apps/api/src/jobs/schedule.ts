/**
 * Scheduled jobs on pg-boss: the queue lives in PostgreSQL (schema `pgboss`), so scheduling needs no
 * other infrastructure, and with several API processes each scheduled run is done by one of them.
 */
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { evaluateAnomalyRules } from '../modules/alerts/service';
import { systemAuditContext } from '../modules/audit/service';
import { runRetention } from '../modules/retention/service';

export async function startScheduledJobs(
  db: Database,
  connectionString: string,
  log: (message: string) => void,
) {
  const boss = new PgBoss({ connectionString, schema: 'pgboss' });
  boss.on('error', (error) => log(`job queue error: ${error.message}`));
  await boss.start();

  const jobs: { name: string; cron: string; run: () => Promise<unknown> }[] = [
    {
      name: 'retention',
      cron: '30 3 * * *',
      run: () => runRetention(db, { audit: systemAuditContext('retention job'), isDryRun: false }),
    },
    { name: 'anomaly-rules', cron: '*/5 * * * *', run: () => evaluateAnomalyRules(db) },
  ];
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
    await boss.work(job.name, async () => {
      log(`${job.name}: ${JSON.stringify(await job.run())}`);
    });
  }
  return boss;
}
