/**
 * A client mistake is never a 500: random bodies, patches and query strings all get a 2xx or a 4xx
 * problem+json, and a refused write leaves nothing behind.
 */

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';

const t = await createTestApp();
let sales: Awaited<ReturnType<typeof t.signIn>>;
let customerId: string;
beforeAll(async () => {
  sales = await t.signIn('sales');
  const created = await sales.request({
    method: 'POST',
    url: '/api/v1/customers',
    payload: { kind: 'person', person: { familyName: '模', givenName: '糊' } },
  });
  customerId = created.json().id;
  await sales.request({
    method: 'POST',
    url: '/api/v1/customers',
    payload: { kind: 'organization', organization: { legalName: '模糊测试有限公司' } },
  });
});

const customerCount = async () =>
  (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM customers`)).rows[0]?.n;

// Values shaped like customer bodies, with wrong types and stray keys mixed in.
const fieldValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string()),
  fc.object(),
);
const customerLike = fc.record(
  {
    kind: fc.constantFrom('person', 'organization', 'robot', 7),
    person: fc.record(
      { familyName: fieldValue, givenName: fieldValue, residentIdNumber: fieldValue, birthDate: fieldValue },
      { requiredKeys: [] },
    ),
    organization: fc.record(
      { legalName: fieldValue, uscc: fieldValue, size: fieldValue },
      { requiredKeys: [] },
    ),
    contactPoints: fc.array(
      fc.record({ type: fc.constantFrom('phone', 'email', 'wechat', 'fax'), value: fieldValue }),
      { maxLength: 3 },
    ),
    addresses: fc.array(fc.record({ provinceCode: fieldValue, cityCode: fieldValue, detail: fieldValue }), {
      maxLength: 2,
    }),
    tags: fieldValue,
    ownerId: fieldValue,
    lifecycleStage: fieldValue,
  },
  { requiredKeys: [] },
);

describe('bad input', () => {
  it('never answers a random create with a 5xx, and stores only what it accepted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(customerLike, fc.jsonValue()), async (payload) => {
        const before = await customerCount();
        const response = await sales.request({
          method: 'POST',
          url: '/api/v1/customers',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(response.statusCode).toBeLessThan(500);
        const after = await customerCount();
        expect(after).toBe(response.statusCode === 201 ? (before ?? 0) + 1 : before);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it('never answers a random patch with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        customerLike,
        fc.constantFrom('"1"', '*', 'garbage', 'W/"1"'),
        async (payload, ifMatch) => {
          const current = await sales.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
          const { kind: _kind, ...patch } = payload as Record<string, unknown>;
          const response = await sales.request({
            method: 'PATCH',
            url: `/api/v1/customers/${customerId}`,
            headers: { 'if-match': ifMatch === '"1"' ? String(current.headers.etag) : ifMatch },
            payload: patch,
          });
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it('never answers random list and search query strings with a 5xx', async () => {
    const parameter = fc.constantFrom(
      'kind',
      'tag',
      'sort',
      'limit',
      'cursor',
      'createdFrom',
      'status',
      'ownerId',
      'provinceCode',
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(parameter, fc.string()), fc.string(), async (query, q) => {
        const list = await sales.request({
          method: 'GET',
          url: `/api/v1/customers?${new URLSearchParams(query)}`,
        });
        expect(list.statusCode).toBeLessThan(500);
        const search = await sales.request({
          method: 'GET',
          url: `/api/v1/customers/search?${new URLSearchParams({ q })}`,
        });
        expect(search.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await sales.request({ method: 'GET', url: '/api/v1/customers?limit=1&sort=displayName' });
    const cursor = first.json().nextCursor;
    expect(cursor).toBeTruthy();
    const mixed = await sales.request({
      method: 'GET',
      url: `/api/v1/customers?limit=1&sort=-createdAt&cursor=${cursor}`,
    });
    expect(mixed.statusCode).toBe(422);
  });

  it('refuses NUL characters in bodies and addresses with 400, storing nothing', async () => {
    const before = await customerCount();
    const body = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'content-type': 'application/json' },
      payload: '{"kind":"person","person":{"familyName":"\\u0000","givenName":"x"}}',
    });
    expect(body.statusCode).toBe(400);
    expect(await customerCount()).toBe(before);
    for (const url of ['/api/v1/customers/search?q=%00abc', '/api/v1/customers?tag=a%00b']) {
      expect((await sales.request({ method: 'GET', url })).statusCode).toBe(400);
    }
    const signIn = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a\\u0000@x.cn","password":"whatever it is"}',
    });
    expect(signIn.statusCode).toBe(400);
  });

  it('answers a forged cursor with an impossible timestamp with 422', async () => {
    const cursor = Buffer.from(JSON.stringify(['-createdAt', '2026-13-45 99:99:99+00', customerId])).toString(
      'base64url',
    );
    const response = await sales.request({ method: 'GET', url: `/api/v1/customers?cursor=${cursor}` });
    expect(response.statusCode).toBe(422);
  });
});
