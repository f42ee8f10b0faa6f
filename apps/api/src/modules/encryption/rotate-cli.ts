/** `pnpm keys:rotate`: a new data key, and every encrypted value re-encrypted under it, beside live traffic. */
import { readConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded';
import { installKeyring, loadKeyring, resolveMasterKey, rotateDataKey } from './service';

const config = readConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
const { db, pool } = openDatabase(config.databaseUrl ?? (embedded?.url as string), { max: 2 });
try {
  installKeyring(await loadKeyring(db, resolveMasterKey(process.env, config.dataDir)));
  const result = await rotateDataKey(db, (done) => console.log(`re-encrypted ${done} values`));
  console.log(JSON.stringify(result));
} finally {
  await pool.end();
  await embedded?.stop();
}
