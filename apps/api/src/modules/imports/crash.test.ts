/**
 * A crash in the middle of an import, two ways, each against `src/main.ts` running as its own process:
 * the server is killed (SIGKILL) and another one started on the same database; and every connection to
 * the database is cut, again and again for a while, as a restart of PostgreSQL would. Either way the
 * import must finish with each row stored once. Each test has a database of its own: cutting connections
 * would break other files' tests on the shared one, and no other worker may take the server's jobs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { expect, it, onTestFinished } from 'vitest';
import { testMasterKey, testPassword } from '../../../test/app';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { systemAuditContext, verifyAuditChain } from '../audit/service';
import { createUser } from '../users/service';
import { importBatchSize } from './service';

const batchCount = 3;
const rowCount = batchCount * importBatchSize;
const apiDir = new URL('../../..', import.meta.url).pathname;

type TestDatabase = Awaited<ReturnType<typeof isolatedDatabase>>;
type Server = Awaited<ReturnType<typeof startServer>>;

/** A migrated database of the test's own with an admin user; dropped, with its files, after the test. */
async function isolatedDatabase() {
  const database = await createFreshDatabase('cims_crash');
  const { db, pool } = openDatabase(database.url, { max: 2 });
  const admin = new pg.Client({ connectionString: database.url });
  const dataDir = join(tmpdir(), 'cims-test-data', new URL(database.url).pathname.slice(1));
  onTestFinished(async () => {
    await admin.end();
    await pool.end();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  await migrateDatabase(db);
  await admin.connect();
  const email = `crash-${randomUUID().slice(0, 8)}@test.cims`;
  await createUser(db, systemAuditContext('test setup'), {
    email,
    displayName: 'Crash test',
    password: testPassword,
    roles: ['admin'],
  });
  return { url: database.url, db, admin, dataDir, email };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil(what: string, isDone: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await isDone())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** `src/main.ts` as its own process, as in production but on the test's database; killed after the test. */
async function startServer(database: TestDatabase) {
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      CIMS_DATA_DIR: database.dataDir,
      CIMS_MASTER_KEY: testMasterKey.toString('base64'),
      CIMS_DEMO_SEED: 'none',
      CIMS_WEB_DIST: join(database.dataDir, 'no-web'),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  onTestFinished(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const origin = `http://127.0.0.1:${port}`;
  await waitUntil(
    'the server to listen',
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited: ${output.join('')}`);
      return fetch(`${origin}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
    },
    30_000,
  );
  return {
    url: `${origin}/api/v1`,
    /** What the server printed, for failure messages. */
    log: () => output.join(''),
    async stop(signal: 'SIGKILL' | 'SIGTERM') {
      child.kill(signal);
      await exited;
    },
  };
}

/** Signs in, uploads `rowCount` customers tagged `tag` and starts a run; the import's id. */
async function startImport(server: Server, database: TestDatabase, tag: string): Promise<string> {
  const signedIn = await fetch(`${server.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: database.email, password: testPassword }),
  });
  expect(signedIn.status).toBe(200);
  const headers = {
    cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken,
  };
  const lines = ['客户编号,姓名,手机号,标签'];
  for (let i = 1; i <= rowCount; i++)
    lines.push(`${tag}-${i},客户${i},139${String(i).padStart(8, '0')},${tag}`);
  const uploaded = await fetch(`${server.url}/imports?fileName=customers.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  expect(uploaded.status).toBe(201);
  const { id, suggestedMapping } = (await uploaded.json()) as {
    id: string;
    suggestedMapping: Record<string, string>;
  };
  const started = await fetch(`${server.url}/imports/${id}/start`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'run', mapping: suggestedMapping, sourceChannel: 'import', source: tag }),
  });
  expect(started.status).toBe(202);
  return id;
}

async function importState(database: TestDatabase, id: string) {
  const { rows } = await database.admin.query<{ status: string; committed_rows: number }>(
    'SELECT status, committed_rows FROM imports WHERE id = $1',
    [id],
  );
  return rows[0] as { status: string; committed_rows: number };
}

async function waitForImport(
  server: Server,
  database: TestDatabase,
  id: string,
  status: 'some batches' | 'completed',
) {
  const isDone = async () => {
    const state = await importState(database, id);
    return status === 'completed' ? state.status === 'completed' : state.committed_rows > 0;
  };
  await waitUntil(`the import: ${status}`, isDone, 40_000).catch((error: Error) => {
    throw new Error(`${error.message}; the server said:\n${server.log()}`);
  });
}

/** Every row once: one customer per external id, counters that add up, and each batch committed once. */
async function expectEachRowStoredOnce(database: TestDatabase, id: string, tag: string) {
  const { rows } = await database.admin.query(
    `SELECT status, total_rows, committed_rows, created_count, updated_count, unchanged_count, error_count,
       (SELECT count(*)::int FROM customers WHERE $2 = ANY(tags)) AS customers,
       (SELECT count(*)::int FROM customer_external_ids WHERE source = $2) AS external_ids,
       (SELECT count(DISTINCT customer_id)::int FROM customer_external_ids WHERE source = $2) AS linked,
       (SELECT count(*)::int FROM audit_entries
         WHERE action = 'import.batch' AND resource_id = $3) AS batches
     FROM imports WHERE id = $1`,
    [id, tag, id],
  );
  expect(rows[0]).toEqual({
    status: 'completed',
    total_rows: rowCount,
    committed_rows: rowCount,
    created_count: rowCount,
    updated_count: 0,
    unchanged_count: 0,
    error_count: 0,
    customers: rowCount,
    external_ids: rowCount,
    linked: rowCount,
    batches: batchCount,
  });
  expect((await verifyAuditChain(database.db)).isValid).toBe(true);
}

it('a server killed in the middle of an import: the next one to start finishes it, every row once', async () => {
  const database = await isolatedDatabase();
  const first = await startServer(database);
  const tag = `killed${randomUUID().slice(0, 8)}`;
  const id = await startImport(first, database, tag);
  await waitForImport(first, database, id, 'some batches');
  await first.stop('SIGKILL');
  const atCrash = await importState(database, id);
  expect(atCrash.status, first.log()).toBe('running');
  expect(atCrash.committed_rows).toBeLessThan(rowCount);

  // The dead server's pg-boss job stays active for hours and the import's heartbeat takes a minute to
  // age: the next server must resume the import without waiting for either.
  const second = await startServer(database);
  await waitForImport(second, database, id, 'completed');
  await second.stop('SIGTERM');
  await expectEachRowStoredOnce(database, id, tag);
}, 90_000);

it('every database connection cut, again and again, in the middle of an import: it finishes, every row once', async () => {
  const database = await isolatedDatabase();
  const server = await startServer(database);
  const tag = `cut${randomUUID().slice(0, 8)}`;
  const id = await startImport(server, database, tag);
  await waitForImport(server, database, id, 'some batches');
  // For two seconds every session on the database but this one is ended as soon as it appears: the
  // import's, the idle pooled ones and pg-boss's alike. No batch (hundreds of milliseconds) fits between.
  let terminated = 0;
  for (const until = Date.now() + 2_000; Date.now() < until; await sleep(25)) {
    const { rows } = await database.admin.query<{ n: number }>(`
      SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
      FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    terminated += rows[0]?.n ?? 0;
  }
  const afterCuts = await importState(database, id);
  expect(terminated).toBeGreaterThan(0);
  expect(afterCuts.status, server.log()).toBe('running');
  expect(afterCuts.committed_rows).toBeLessThan(rowCount);

  await waitForImport(server, database, id, 'completed');
  await server.stop('SIGTERM');
  await expectEachRowStoredOnce(database, id, tag);
}, 60_000);
