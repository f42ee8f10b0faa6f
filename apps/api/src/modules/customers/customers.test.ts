import { computeResidentIdCheckChar, computeUsccCheckChar } from '@cims/schemas';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

const t = await createTestApp();
let sales: Awaited<ReturnType<typeof t.signIn>>;
beforeAll(async () => {
  sales = await t.signIn('sales');
});

const residentId = (body: string) => body + computeResidentIdCheckChar(body);
const uscc = (body: string) => body + computeUsccCheckChar(body);

function person(marker: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'person',
    person: { familyName: '张', givenName: marker },
    contactPoints: [
      { type: 'phone', value: '138-0013-8000', label: '手机' },
      { type: 'email', value: '  Zhang.San@Example.COM ' },
    ],
    addresses: [
      { provinceCode: '440000', cityCode: '440300', districtCode: '440305', detail: '科技园路1号' },
    ],
    tags: ['VIP'],
    ...extra,
  };
}

async function countCustomersNoted(marker: string): Promise<number> {
  const result = await t.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM customers WHERE notes = ${marker}`,
  );
  return result.rows[0]?.n ?? -1;
}

describe('creating customers', () => {
  it('standardizes every field on the way in', async () => {
    const marker = uniqueMarker();
    const response = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: person(marker, {
        person: {
          familyName: '张',
          givenName: marker,
          residentIdNumber: `${residentId('11010519491231002').toLowerCase()} `,
        },
        contactPoints: [
          { type: 'phone', value: '0086 139 1234 5678' },
          { type: 'phone', value: '(010) 6552 9988', label: '办公' },
          { type: 'email', value: '  Zhang.San@Example.COM ' },
        ],
      }),
    });
    expect(response.statusCode).toBe(201);
    const customer = response.json();
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/customers/${customer.id}`);
    expect(customer).toMatchObject({
      kind: 'person',
      displayName: `张${marker}`,
      person: {
        residentIdNumber: '110105********002X',
        birthDate: '1949-**-**',
        gender: 'female',
      },
      addresses: [
        {
          provinceName: '广东省',
          cityName: '深圳市',
          districtName: '南山区',
          detail: '科技园路1号',
          isPrimary: true,
        },
      ],
      lifecycleStage: 'lead',
      version: 1,
    });
    expect(customer.contactPoints.map((p: { value: string }) => p.value)).toEqual([
      '+8613912345678',
      '+861065529988',
      'zhang.san@example.com',
    ]);
    expect(customer.contactPoints.map((p: { isPrimary: boolean }) => p.isPrimary)).toEqual([
      true,
      false,
      true,
    ]);

    const admin = await t.signIn('admin');
    const revealed = await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${customer.id}/reveal`,
      payload: { field: 'residentIdNumber', reason: '核对身份证号' },
    });
    expect(revealed.json()).toEqual({
      field: 'residentIdNumber',
      values: [residentId('11010519491231002').toUpperCase()],
    });
  });

  it('creates organizations with a checked USCC', async () => {
    const marker = uniqueMarker();
    const code = uscc('91440300MA5EXAMPL'.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0'));
    const response = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: `深圳${marker}科技有限公司`, uscc: code, size: 'small' },
        industry: '信息技术',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'organization',
      person: null,
      organization: { uscc: code, size: 'small' },
    });
  });

  it.each([
    ['an invalid phone', { contactPoints: [{ type: 'phone', value: '12345' }] }, '/contactPoints/0/value'],
    [
      'an invalid email',
      { contactPoints: [{ type: 'email', value: 'not-an-email' }] },
      '/contactPoints/0/value',
    ],
    [
      'a resident ID with a wrong check digit',
      { person: { familyName: '张', givenName: 'x', residentIdNumber: '110105194912310020' } },
      '/person/residentIdNumber',
    ],
    [
      'a birth date that contradicts the ID',
      {
        person: {
          familyName: '张',
          givenName: 'x',
          residentIdNumber: residentId('11010519491231002'),
          birthDate: '1950-01-01',
        },
      },
      '/person/birthDate',
    ],
    [
      'a district outside its city',
      { addresses: [{ provinceCode: '440000', cityCode: '440300', districtCode: '110105', detail: 'x' }] },
      '/addresses/0/districtCode',
    ],
    ['an unknown property', { nickname: 'x' }, '/nickname'],
    ['a missing name', { person: { familyName: ' ', givenName: '' } }, '/person/familyName'],
    [
      'an address in China without a province',
      { addresses: [{ detail: '科技园路1号' }] },
      '/addresses/0/provinceCode',
    ],
    ['an unknown owner', { ownerId: '7a1c1c55-4a8e-4c2a-9f7e-3c1a2b3c4d5e' }, '/ownerId'],
  ])('refuses %s with 422 and a field path, storing nothing', async (_case, override, path) => {
    const marker = uniqueMarker();
    const payload = { ...person(marker), notes: marker, ...override };
    const response = await sales.request({ method: 'POST', url: '/api/v1/customers', payload });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await countCustomersNoted(marker)).toBe(0);
  });

  it('refuses an invalid USCC on organizations', async () => {
    const response = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: '某某有限公司', uscc: '91440300MA5EXAMPL0' },
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].path).toBe('/organization/uscc');
  });

  it('answers malformed JSON with 400, a wrong media type with 415 and an oversized body with 413', async () => {
    const malformed = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'content-type': 'application/json' },
      payload: '{"kind": "person",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_request');

    const text = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);

    const huge = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { ...person(uniqueMarker()), notes: 'x'.repeat(2_000_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });
});

describe('reading, updating, deleting', () => {
  async function create(marker = uniqueMarker()) {
    const response = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: person(marker),
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; version: number };
  }

  it('reads a customer with its ETag and answers 404 for an unknown id', async () => {
    const { id } = await create();
    const response = await sales.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const missing = await sales.request({
      method: 'GET',
      url: '/api/v1/customers/6f1c1c55-4a8e-4c2a-9f7e-3c1a2b3c4d5e',
    });
    expect(missing.statusCode).toBe(404);
    const notUuid = await sales.request({ method: 'GET', url: '/api/v1/customers/42' });
    expect(notUuid.statusCode).toBe(422);
    expect(notUuid.json().errors[0].path).toBe('/params/customerId');
  });

  it('updates with If-Match, bumps the version and refuses a stale write with 412, changing nothing', async () => {
    const { id } = await create();
    const first = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { lifecycleStage: 'customer', tags: ['VIP', '复购'] },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ lifecycleStage: 'customer', tags: ['VIP', '复购'], version: 2 });

    const stale = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { lifecycleStage: 'churned' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('version_conflict');
    const after = await sales.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    expect(after.json()).toMatchObject({ lifecycleStage: 'customer', version: 2 });
  });

  it('requires If-Match (428) and validates patches like creates', async () => {
    const { id } = await create();
    const withoutIfMatch = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      payload: { notes: 'x' },
    });
    expect(withoutIfMatch.statusCode).toBe(428);

    const badPhone = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { contactPoints: [{ type: 'phone', value: 'abc' }] },
    });
    expect(badPhone.statusCode).toBe(422);
    expect(badPhone.json().errors[0].path).toBe('/contactPoints/0/value');

    const wrongKind = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { organization: { legalName: 'x' } },
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().errors[0].path).toBe('/organization');

    const empty = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: {},
    });
    expect(empty.statusCode).toBe(422);
    const unchanged = await sales.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    expect(unchanged.json().version).toBe(1);
  });

  it('checks a new resident ID against the stored birth date', async () => {
    const marker = uniqueMarker();
    const created = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: person(marker, { person: { familyName: '李', givenName: marker, birthDate: '1990-05-01' } }),
    });
    const response = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${created.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { person: { residentIdNumber: residentId('11010519491231002') } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].path).toBe('/person/birthDate');
  });

  it('renames the display name with the person unless it was set by hand', async () => {
    const { id } = await create();
    const renamed = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { person: { givenName: '三丰' } },
    });
    expect(renamed.json().displayName).toBe('张三丰');
    const custom = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"2"' },
      payload: { displayName: '张真人' },
    });
    expect(custom.json().displayName).toBe('张真人');
    const again = await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"3"' },
      payload: { person: { givenName: '君宝' } },
    });
    expect(again.json().displayName).toBe('张真人');
  });

  it('soft-deletes and restores', async () => {
    const { id } = await create();
    const deleted = await sales.request({ method: 'DELETE', url: `/api/v1/customers/${id}` });
    expect(deleted.statusCode).toBe(204);
    const read = await sales.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    expect(read.json().deletedAt).not.toBeNull();
    const twice = await sales.request({ method: 'DELETE', url: `/api/v1/customers/${id}` });
    expect(twice.statusCode).toBe(204);

    const admin = await t.signIn('admin');
    const restored = await admin.request({ method: 'POST', url: `/api/v1/customers/${id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    const missing = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/6f1c1c55-4a8e-4c2a-9f7e-3c1a2b3c4d5e/restore',
    });
    expect(missing.statusCode).toBe(404);
  });
});
