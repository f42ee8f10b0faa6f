/**
 * `pnpm start`: database (embedded when DATABASE_URL is unset), migrations, demo data on an empty
 * database, then API + SPA on one port. SIGINT/SIGTERM drain requests before closing the database.
 */
import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/client';
import { startEmbeddedPostgres } from './db/embedded';
import { migrateDatabase } from './db/migrate';
import { seedDemoIfEmpty } from './db/seed/demo';
import { demoPassword } from './db/seed/staff';
import { startJobs } from './jobs/schedule';
import { installKeyring, loadKeyring, refreshKeyring, resolveMasterKey } from './modules/encryption/service';

const config = readConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
const databaseUrl = config.databaseUrl ?? (embedded?.url as string);
const { db, pool } = openDatabase(databaseUrl);
await migrateDatabase(db);
installKeyring(await loadKeyring(db, resolveMasterKey(process.env, config.dataDir)));
// A rotation run by another process makes a new key active; pick it up within a minute.
const keyRefresh = setInterval(() => {
  refreshKeyring(db).catch((error: Error) => console.error('key refresh failed:', error.message));
}, 60_000);
keyRefresh.unref();
const seeded = await seedDemoIfEmpty(db, pool, config.demoSeed);

const jobs = await startJobs(db, {
  connectionString: databaseUrl,
  dataDir: config.dataDir,
  log: (message) => console.log(message),
  isScheduling: true,
});
const app = await buildApp({ db, config, jobs: jobs.queue });
let isClosing = false;
async function shutdown(signal: string) {
  if (isClosing) return;
  isClosing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await jobs.boss.stop({ graceful: true, wait: true });
  await pool.end();
  await embedded?.stop();
  process.exit(0);
}
// pg-boss 10 writes a job's failure without awaiting it; while the database is away that write rejects
// with nobody to catch it. Losing one job-state write is recoverable (the job expires and is retried;
// imports resume on their own), losing the server is not: log it and keep serving.
process.on('unhandledRejection', (reason) => {
  app.log.error({ err: reason }, 'unhandled rejection');
});
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const scheme = config.tls ? 'https' : 'http';
const url = `${scheme}://localhost:${config.port}`;
console.log(
  [
    '',
    `  CIMS is running at ${url}`,
    `  API docs (Swagger UI): ${url}/docs`,
    `  Database: ${embedded ? `embedded PostgreSQL in ${config.dataDir}/pg` : 'DATABASE_URL'}${seeded ? ', demo data seeded' : ''}`,
    `  Sign in as admin@demo.cims / ${demoPassword} (demo data only)`,
    '',
  ].join('\n'),
);
