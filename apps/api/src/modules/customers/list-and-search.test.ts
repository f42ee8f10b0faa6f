import { cjkGrams } from '@cims/schemas';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { customers } from '../../db/schema';

const t = await createTestApp();
let admin: Awaited<ReturnType<typeof t.signIn>>;
beforeAll(async () => {
  admin = await t.signIn('admin');
});

async function createCustomer(payload: Record<string, unknown>) {
  const response = await admin.request({ method: 'POST', url: '/api/v1/customers', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; displayName: string };
}

function uniqueMobile(): string {
  return `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

describe('listing customers', () => {
  it('pages through a filtered list with keyset cursors, without gaps or repeats', async () => {
    const tag = uniqueMarker('tag');
    const created: string[] = [];
    for (let index = 0; index < 7; index++) {
      const customer = await createCustomer({
        kind: index % 2 ? 'organization' : 'person',
        ...(index % 2
          ? { organization: { legalName: `分页测试${index}有限公司` } }
          : { person: { familyName: '分', givenName: `页${index}` } }),
        tags: [tag],
      });
      created.push(customer.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({
        tag,
        limit: '3',
        sort: 'displayName',
        ...(cursor ? { cursor } : {}),
      });
      const response = await admin.request({ method: 'GET', url: `/api/v1/customers?${query}` });
      expect(response.statusCode).toBe(200);
      const page = response.json() as {
        items: { id: string; displayName: string }[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));

    const organizations = await admin.request({
      method: 'GET',
      url: `/api/v1/customers?tag=${tag}&kind=organization`,
    });
    expect(organizations.json().items).toHaveLength(3);
  });

  it('sorts newest first by default and pages by creation time', async () => {
    const tag = uniqueMarker('tag');
    const ids = [];
    for (let index = 0; index < 4; index++) {
      ids.push(
        (
          await createCustomer({
            kind: 'person',
            person: { familyName: '时', givenName: `序${index}` },
            tags: [tag],
          })
        ).id,
      );
    }
    const first = await admin.request({ method: 'GET', url: `/api/v1/customers?tag=${tag}&limit=2` });
    const second = await admin.request({
      method: 'GET',
      url: `/api/v1/customers?tag=${tag}&limit=2&cursor=${first.json().nextCursor}`,
    });
    const order = [...first.json().items, ...second.json().items].map((item: { id: string }) => item.id);
    expect(order).toEqual([...ids].reverse());
    expect(second.json().nextCursor).toBeNull();
  });

  it('filters by province, city, lifecycle stage and status', async () => {
    const tag = uniqueMarker('tag');
    const shenzhen = await createCustomer({
      kind: 'person',
      person: { familyName: '深', givenName: '圳' },
      tags: [tag],
      lifecycleStage: 'customer',
      addresses: [{ provinceCode: '440000', cityCode: '440300', districtCode: '440305', detail: '一号' }],
    });
    const beijing = await createCustomer({
      kind: 'person',
      person: { familyName: '北', givenName: '京' },
      tags: [tag],
      addresses: [{ provinceCode: '110000', cityCode: '110100', districtCode: '110105', detail: '二号' }],
    });
    const ids = async (query: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/customers?tag=${tag}&${query}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('provinceCode=440000')).toEqual([shenzhen.id]);
    expect(await ids('cityCode=110100')).toEqual([beijing.id]);
    expect(await ids('lifecycleStage=customer')).toEqual([shenzhen.id]);
    await admin.request({ method: 'DELETE', url: `/api/v1/customers/${beijing.id}` });
    expect(await ids('status=active')).toEqual([shenzhen.id]);
    expect(await ids('status=deleted')).toEqual([beijing.id]);
  });

  it('filters by value tier, after-sales status and segment, for drill-downs', async () => {
    const tag = uniqueMarker('dd');
    const tiered = await createCustomer({
      kind: 'organization',
      organization: { legalName: `${tag}甲` },
      tags: [tag],
    });
    const other = await createCustomer({
      kind: 'organization',
      organization: { legalName: `${tag}乙` },
      tags: [tag],
    });
    await t.db.update(customers).set({ valueTier: 'A' }).where(eq(customers.id, tiered.id));
    await t.db.update(customers).set({ serviceStatus: 'in_after_sales' }).where(eq(customers.id, other.id));
    const ids = async (query: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/customers?tag=${tag}&${query}` }))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids('valueTier=A')).toEqual([tiered.id]);
    expect(await ids('serviceStatus=in_after_sales')).toEqual([other.id]);
    const segment = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/segments',
        payload: {
          name: tag,
          kind: 'static',
          rule: { type: 'field', field: 'valueTier', operator: 'eq', value: 'A' },
        },
      })
    ).json();
    expect(await ids(`segmentId=${segment.id}`)).toEqual([tiered.id]);
  });

  it('refuses unknown filters and broken cursors with 422 naming the parameter', async () => {
    const unknown = await admin.request({ method: 'GET', url: '/api/v1/customers?colour=red' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('/query/colour');
    const badLimit = await admin.request({ method: 'GET', url: '/api/v1/customers?limit=5000' });
    expect(badLimit.json().errors[0].path).toBe('/query/limit');
    const badCursor = await admin.request({ method: 'GET', url: '/api/v1/customers?cursor=garbage' });
    expect(badCursor.statusCode).toBe(422);
    expect(badCursor.json().errors[0].path).toBe('/query/cursor');
  });
});

describe('quick search', () => {
  const search = async (q: string) => {
    const response = await admin.request({
      method: 'GET',
      url: `/api/v1/customers/search?${new URLSearchParams({ q, limit: '50' })}`,
    });
    expect(response.statusCode).toBe(200);
    return (response.json().items as { id: string; displayName: string }[]).map((item) => item.id);
  };

  it('finds a customer by any four contiguous digits of the phone, in any format', async () => {
    const phone = uniqueMobile();
    const customer = await createCustomer({
      kind: 'person',
      person: { familyName: '欧阳', givenName: '电话' },
      contactPoints: [{ type: 'phone', value: phone }],
    });
    const national = phone.slice(3);
    expect(await search(national.slice(4, 8))).toContain(customer.id);
    expect(await search(`${national.slice(0, 3)}-${national.slice(3, 7)}`)).toContain(customer.id);
    expect(await search(`+86 ${national}`)).toContain(customer.id);
  });

  it('finds Chinese names by one or two characters and ranks exact names first', async () => {
    const given = uniqueMarker('');
    const exact = await createCustomer({ kind: 'person', person: { familyName: '鲲鹏', givenName: '展' } });
    const longer = await createCustomer({
      kind: 'person',
      person: { familyName: '鲲鹏', givenName: `展翅${given}` },
    });
    const organization = await createCustomer({
      kind: 'organization',
      organization: { legalName: `北冥鲲鹏展${given}有限公司` },
    });
    const results = await search('鲲鹏展');
    expect(results.indexOf(exact.id)).toBe(0);
    expect(results).toContain(longer.id);
    expect(results).toContain(organization.id);
    expect(await search('鲲')).toContain(exact.id);
  });

  it('finds by email prefix, WeChat id and tag, requiring every word of a multi-word query', async () => {
    const handle = uniqueMarker('mail');
    const tag = uniqueMarker('标签');
    const customer = await createCustomer({
      kind: 'person',
      person: { familyName: '邮', givenName: '件' },
      contactPoints: [{ type: 'email', value: `${handle}@Example.com` }],
      tags: [tag],
    });
    expect(await search(handle.slice(0, 8))).toContain(customer.id);
    expect(await search(tag)).toContain(customer.id);
    expect(await search(`邮件 ${handle}`)).toEqual([customer.id]);
    expect(await search(`邮件 nomatch${handle}`)).toEqual([]);
  });

  it('leaves deleted customers out and treats LIKE wildcards literally', async () => {
    const marker = uniqueMarker('gone');
    const customer = await createCustomer({
      kind: 'person',
      person: { familyName: '删', givenName: marker },
    });
    expect(await search(marker)).toEqual([customer.id]);
    await admin.request({ method: 'DELETE', url: `/api/v1/customers/${customer.id}` });
    expect(await search(marker)).toEqual([]);
    expect((await search('%')).length).toBe(0);
  });

  it('indexes the same CJK grams in SQL as the query side computes in TypeScript', async () => {
    for (const text of ['张伟明 13800138000', '北京鲲鹏科技有限公司 abc 王', '𠀋a丽b', '']) {
      const result = await t.db.execute<{ grams: string[] }>(sql`SELECT cims_cjk_grams(${text}) AS grams`);
      expect([...(result.rows[0]?.grams ?? [])].sort()).toEqual([...cjkGrams(text)].sort());
    }
  });
});
