import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { e2eServerUrl, newE2eDatabaseName, withDatabaseName } from './scripts/database-url';

/*
 * One API process serves the built SPA against a database made for this run.
 *
 * Playwright starts `webServer` before `globalSetup`, and the API migrates and seeds its database while it
 * starts, so the database cannot come from a globalSetup. Instead the database name (and a free port) are
 * chosen here, and the webServer command creates the database (scripts/create-database.ts) before it
 * builds the SPA and starts the API. The runner loads this file again in every worker; keeping both
 * values in process.env, which workers inherit, makes every load agree on them.
 */

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const serverUrl = e2eServerUrl();
process.env.CIMS_E2E_DATABASE_URL ??= withDatabaseName(serverUrl, newE2eDatabaseName());
process.env.CIMS_E2E_PORT ??= String(await findFreePort());

const databaseUrl = process.env.CIMS_E2E_DATABASE_URL;
const port = process.env.CIMS_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  // A retry would hide exactly the flakiness these tests exist to reveal.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: the sandbox needs user namespaces CI containers lack, and no browser may be
      // downloaded, so the flags also keep Chromium from reaching out for updates, sync or field trials.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: [
      'pnpm --filter @cims/e2e exec tsx scripts/create-database.ts',
      'pnpm --filter @cims/web build',
      'pnpm --filter @cims/api start',
    ].join(' && '),
    cwd: repoRoot,
    env: {
      CIMS_E2E_DATABASE_URL: databaseUrl,
      CIMS_E2E_SERVER_URL: serverUrl,
      DATABASE_URL: databaseUrl,
      PORT: port,
      HOST: '127.0.0.1',
      CIMS_DEMO_SEED: 'small',
      // Every spec signs in several times from 127.0.0.1; the production limit would throttle the suite.
      SIGN_IN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
    },
    url: `${baseURL}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
