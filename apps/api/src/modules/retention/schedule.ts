/**
 * Nightly retention on pg-boss: the job queue lives in PostgreSQL (schema `pgboss`), so scheduling needs
 * no other infrastructure, and with several API processes only one of them runs each night's job.
 */
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client';
import { systemAuditContext } from '../audit/service';
import { runRetention } from './service';

const queue = 'retention';

export async function startRetentionSchedule(
  db: Database,
  connectionString: string,
  log: (message: string) => void,
) {
  const boss = new PgBoss({ connectionString, schema: 'pgboss' });
  boss.on('error', (error) => log(`job queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(queue);
  await boss.schedule(queue, '30 3 * * *', {}, { tz: 'Asia/Shanghai' });
  await boss.work(queue, async () => {
    const run = await runRetention(db, { audit: systemAuditContext('retention job'), isDryRun: false });
    log(`retention run ${run.id}: ${JSON.stringify(run.report)}`);
  });
  return boss;
}
