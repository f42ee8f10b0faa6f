/**
 * Integration-test harness: the real app on the run's real database, driven through `app.inject()`.
 * `signIn(role)` gives a client that carries the session cookie and CSRF token; every response is checked
 * against the contract, so a handler that drifts from the OpenAPI document fails the test that hit it.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TStaffRole } from '@cims/schemas';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, expect, inject } from 'vitest';
import { buildApp } from '../src/app';
import { readConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { startJobs } from '../src/jobs/schedule';
import { systemAuditContext } from '../src/modules/audit/service';
import { installKeyring, loadKeyring } from '../src/modules/encryption/service';
import { createUser } from '../src/modules/users/service';
import { contractViolations } from './contract-check';

export const testPassword = 'correct horse battery staple';

/** A fixed master key for the test databases, which hold nothing real. */
export const testMasterKey = Buffer.alloc(32, 7);

export async function createTestApp(options: { signInRateLimit?: number; databaseUrl?: string } = {}) {
  const databaseUrl = options.databaseUrl ?? inject('databaseUrl');
  const { db, pool } = openDatabase(databaseUrl, { max: 4 });
  installKeyring(await loadKeyring(db, testMasterKey));
  const config = {
    ...readConfig({}),
    databaseUrl,
    webDistDir: undefined,
    signInRateLimit: options.signInRateLimit ?? 1000,
    // Shared by every test process on this database: a job may run in another process's worker.
    dataDir: join(tmpdir(), 'cims-test-data', new URL(databaseUrl).pathname.slice(1)),
  };
  const jobs = await startJobs(db, {
    connectionString: databaseUrl,
    dataDir: config.dataDir,
    log: () => undefined,
    isScheduling: false,
  });
  const app = await buildApp({ db, config, logger: false, jobs: jobs.queue });
  afterAll(async () => {
    await app.close();
    await jobs.boss.stop({ graceful: false, wait: true });
    await pool.end();
  });

  async function request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await app.inject(options);
    const violations = contractViolations({
      method: options.method ?? 'GET',
      url: String(options.url),
      status: response.statusCode,
      contentType: response.headers['content-type'] as string | undefined,
      body: response.body,
    });
    expect(violations, `response breaks the contract: ${response.body.slice(0, 500)}`).toEqual([]);
    return response;
  }

  /** A new staff user with these roles. */
  async function createStaff(roles: TStaffRole[]) {
    const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@test.cims`;
    const user = await createUser(db, systemAuditContext('test setup'), {
      email,
      displayName: `Test ${roles.join('/')}`,
      password: testPassword,
      roles,
    });
    return { ...user, email };
  }

  /** Signs a new staff user in and returns a client acting as them. */
  async function signIn(roles: TStaffRole[] | TStaffRole) {
    const user = await createStaff(Array.isArray(roles) ? roles : [roles]);
    const response = await request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cims_session');
    const { csrfToken } = response.json() as { csrfToken: string };
    const send = (options: InjectOptions) =>
      request({
        ...options,
        cookies: { cims_session: cookie?.value ?? '' },
        headers: { 'x-csrf-token': csrfToken, ...options.headers },
      });
    return { user, csrfToken, cookie: cookie?.value ?? '', request: send };
  }

  return { app, db, pool, request, createStaff, signIn };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A unique marker to find this test's own records in a shared database. */
export function uniqueMarker(prefix = 't'): string {
  return `${prefix}${randomUUID().replaceAll('-', '').slice(0, 10)}`;
}
