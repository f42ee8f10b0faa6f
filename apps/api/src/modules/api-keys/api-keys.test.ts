import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';

const t = await createTestApp();

describe('partner API keys', () => {
  it('shows the secret once, authenticates with it as a bearer token and honours scopes and revocation', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'ERP 同步', scopes: ['customers:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const listed = await admin.request({ method: 'GET', url: '/api/v1/api-keys' });
    expect(JSON.stringify(listed.json())).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const read = await t.request({ method: 'GET', url: '/api/v1/customers?limit=1', headers: bearer });
    expect(read.statusCode).toBe(200);

    const write = await t.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: bearer,
      payload: { kind: 'person', person: { familyName: '赵', givenName: '六' } },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().detail).toContain('customers:write');

    const staffOnly = await t.request({ method: 'GET', url: '/api/v1/users', headers: bearer });
    expect(staffOnly.statusCode).toBe(403);

    const revoked = await admin.request({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}` });
    expect(revoked.statusCode).toBe(204);
    const afterRevoke = await t.request({ method: 'GET', url: '/api/v1/customers?limit=1', headers: bearer });
    expect(afterRevoke.statusCode).toBe(401);
  });

  it('lets a key with the write scope create customers without a CSRF token', async () => {
    const admin = await t.signIn('admin');
    const { secret } = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'CRM', scopes: ['customers:read', 'customers:write'] },
      })
    ).json();
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { authorization: `Bearer ${secret}` },
      payload: {
        kind: 'organization',
        organization: { legalName: '合作方测试有限公司' },
        sourceChannel: 'partner',
      },
    });
    expect(created.statusCode).toBe(201);
  });

  it('answers 404 for revoking an unknown key and 401 for a made-up one', async () => {
    const admin = await t.signIn('admin');
    const missing = await admin.request({
      method: 'DELETE',
      url: '/api/v1/api-keys/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const fake = await t.request({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { authorization: 'Bearer cims_fake' },
    });
    expect(fake.statusCode).toBe(401);
  });
});
