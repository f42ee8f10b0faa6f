/*
 * Creates the empty database an e2e run's API server will use, named by playwright.config.ts in
 * CIMS_E2E_DATABASE_URL. It runs as the first step of the webServer command because Playwright starts
 * web servers before globalSetup, and the API migrates and seeds its database as it starts.
 *
 * Each run keeps its database afterwards, so a failure can be inspected; databases of runs older than a
 * day are dropped here, which keeps the server tidy without racing a run that is still going.
 */
import pg from 'pg';
import { databaseNameOf, E2E_DATABASE_PREFIX, e2eServerUrl } from './database-url';

const KEEP_FOR_MS = 24 * 60 * 60 * 1000;
const SAFE_NAME = /^cims_e2e_(\d+)_[a-z0-9]+$/;

function quoteIdentifier(name: string): string {
  if (!SAFE_NAME.test(name))
    throw new Error(`Refusing to touch database "${name}": not an e2e database name`);
  return `"${name}"`;
}

async function main(): Promise<void> {
  const targetUrl = process.env.CIMS_E2E_DATABASE_URL;
  if (!targetUrl) throw new Error('CIMS_E2E_DATABASE_URL is not set; run this through playwright.config.ts');
  const name = databaseNameOf(targetUrl);
  const admin = new pg.Client({ connectionString: process.env.CIMS_E2E_SERVER_URL ?? e2eServerUrl() });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${E2E_DATABASE_PREFIX}%`],
    );
    for (const { datname } of stale.rows) {
      const createdAt = Number(SAFE_NAME.exec(datname)?.[1]);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > KEEP_FOR_MS) {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
      }
    }
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    console.log(`e2e database ${name} created`);
  } finally {
    await admin.end();
  }
}

await main();
