/**
 * A fresh database for one benchmark run, on the server DATABASE_URL points at (the embedded PostgreSQL
 * when it is unset): created, migrated, with the keyring loaded; dropped afterwards unless
 * BENCH_KEEP_DATABASE is set.
 */
import pg from 'pg';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { migrateDatabase } from '../src/db/migrate';
import { installKeyring, loadKeyring, resolveMasterKey } from '../src/modules/encryption/service';

export async function openBenchDatabase(options: Parameters<typeof openDatabase>[1] = {}) {
  const config = readConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const serverUrl = config.databaseUrl ?? (embedded?.url as string);
  const databaseName = `cims_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const { db, pool } = openDatabase(url.toString(), { max: 4, ...options });
  await migrateDatabase(db);
  installKeyring(await loadKeyring(db, resolveMasterKey(process.env, config.dataDir)));
  return {
    db,
    pool,
    url: url.toString(),
    config,
    async close() {
      await pool.end();
      if (!process.env.BENCH_KEEP_DATABASE)
        await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
      await embedded?.stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

export function latencySummary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), p99_ms: percentile(sorted, 99) };
}

/** Signs a staff user in to a running server and returns the session cookie. */
export async function signInAs(address: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${address}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
