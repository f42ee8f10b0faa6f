import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, testPassword } from '../../../test/app';
import { staffUsers } from '../../db/schema';

const t = await createTestApp();

describe('staff sign-in', () => {
  it('signs in, sets an httpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const user = await t.createStaff(['sales']);
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cims_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json()).toMatchObject({ user: { email: user.email, roles: ['sales'] } });
    expect(response.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await t.createStaff(['service']);
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(testPassword);
  });

  it('answers a wrong password and an unknown email alike with 401', async () => {
    const user = await t.createStaff(['sales']);
    for (const payload of [
      { email: user.email, password: 'wrong password!' },
      { email: 'nobody@test.cims', password: testPassword },
    ]) {
      const response = await t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'invalid_credentials' });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('returns the current user from GET /me and ends the session on sign-out', async () => {
    const staff = await t.signIn('marketing');
    const me = await staff.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(staff.user.id);

    const signOut = await staff.request({ method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(signOut.statusCode).toBe(204);
    const after = await staff.request({ method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
  });

  it('refuses requests without a session with 401 problem+json', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/customers' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const staff = await t.signIn('admin');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/customers',
      cookies: { cims_session: staff.cookie },
      payload: { kind: 'person', person: { familyName: '王', givenName: '五' } },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });

  it('enforces the roles the contract declares: marketing may read customers but not create them', async () => {
    const marketing = await t.signIn('marketing');
    expect((await marketing.request({ method: 'GET', url: '/api/v1/customers?limit=1' })).statusCode).toBe(
      200,
    );
    const create = await marketing.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'person', person: { familyName: '王', givenName: '五' } },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('forbidden');
    const users = await marketing.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'x@test.cims', displayName: 'X', password: 'long enough password', roles: ['admin'] },
    });
    expect(users.statusCode).toBe(403);
  });

  it('lets an admin create staff users, refusing a duplicate email with 409', async () => {
    const admin = await t.signIn('admin');
    const payload = {
      email: `new-${Date.now()}@test.cims`,
      displayName: '新同事',
      password: 'long enough password',
      roles: ['service'],
    };
    const created = await admin.request({ method: 'POST', url: '/api/v1/users', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: payload.email, roles: ['service'], isActive: true });
    const again = await admin.request({ method: 'POST', url: '/api/v1/users', payload });
    expect(again.statusCode).toBe(409);
    const short = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...payload, password: 'short' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual([{ path: '/password', message: expect.any(String) }]);
  });
});

describe('sign-in rate limit', async () => {
  const limited = await createTestApp({ signInRateLimit: 3 });

  it('answers 429 problem+json after too many attempts from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await limited.request({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'nobody@test.cims', password: 'whatever it is' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
