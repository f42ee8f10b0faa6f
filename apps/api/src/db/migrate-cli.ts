import { readConfig } from '../config';
import { openDatabase } from './client';
import { startEmbeddedPostgres } from './embedded';
import { migrateDatabase } from './migrate';

const config = readConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
const { db, pool } = openDatabase(config.databaseUrl ?? (embedded?.url as string), { max: 1 });
try {
  await migrateDatabase(db);
  console.log('migrations applied');
} finally {
  await pool.end();
  await embedded?.stop();
}
