/** `pnpm audit:verify`: recompute the audit chain of DATABASE_URL (or the embedded database); exit 1 if broken. */
import { readConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded';
import { verifyAuditChain } from './service';

const config = readConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
const { db, pool } = openDatabase(config.databaseUrl ?? (embedded?.url as string), { max: 1 });
try {
  const result = await verifyAuditChain(db);
  console.log(JSON.stringify(result));
  if (!result.isValid) {
    console.error(`audit chain broken at entry ${result.firstBrokenSeq}: ${result.problem}`);
    process.exitCode = 1;
  }
} finally {
  await pool.end();
  await embedded?.stop();
}
