/** Session cookies are Secure whenever the client reached us over HTTPS: directly, or through a TLS proxy. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testPassword } from '../../../test/app';
import { buildApp } from '../../app';
import { readConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { systemAuditContext } from '../audit/service';
import { createUser } from '../users/service';

const { db, pool } = openDatabase(inject('databaseUrl'), { max: 2 });
afterAll(() => pool.end());

async function staffEmail() {
  const email = `tls-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@test.cims`;
  await createUser(db, systemAuditContext('test'), {
    email,
    displayName: 'TLS',
    password: testPassword,
    roles: ['sales'],
  });
  return email;
}

describe('TLS', () => {
  it('serves HTTPS directly with the configured certificate and sets Secure cookies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cims-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const config = readConfig({ TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') });
    const app = await buildApp({ db, config: { ...config, webDistDir: undefined }, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const email = await staffEmail();
    const response = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/auth/sign-in',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          ca: readFileSync(join(dir, 'cert.pem')),
          servername: 'localhost',
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie'] ?? '') }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ email, password: testPassword }));
    });
    await app.close();
    expect(response.status).toBe(200);
    expect(response.cookie).toMatch(/cims_session=.*; Secure/);
  });

  it('trusts X-Forwarded-Proto only when told it runs behind a proxy', async () => {
    const email = await staffEmail();
    for (const trustProxy of [true, false]) {
      const app = await buildApp({
        db,
        config: { ...readConfig({}), trustProxy, webDistDir: undefined },
        logger: false,
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email, password: testPassword },
      });
      await app.close();
      expect(response.cookies.find((c) => c.name === 'cims_session')?.secure ?? false).toBe(trustProxy);
    }
  });
});
