import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('tags', async () => {
  const t = await createTestApp();
  const marketing = await t.signIn('marketing');
  const sales = await t.signIn('sales');
  const otherSales = await t.signIn('sales');

  async function customerOf(client: typeof sales, tags: string[] = []) {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('tg')}标签公司` }, tags },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  const tagOf = async (client: typeof sales, name: string) =>
    (await client.request({ method: 'GET', url: '/api/v1/tags' }))
      .json()
      .items.find((tag: { name: string }) => tag.name === name);

  it('lists defined tags and tags in use, counted within scope', async () => {
    const vip = uniqueMarker('重点');
    await customerOf(sales, [vip]);
    await customerOf(otherSales, [vip]);
    expect(await tagOf(sales, vip)).toEqual({
      name: vip,
      color: null,
      description: null,
      kind: 'manual',
      isDefined: false,
      customerCount: 1,
    });
    const defined = await marketing.request({
      method: 'PUT',
      url: `/api/v1/tags/${encodeURIComponent(vip)}`,
      payload: { color: '#FF8800', description: '重点跟进客户' },
    });
    expect(defined.statusCode, defined.body).toBe(200);
    expect(await tagOf(marketing, vip)).toMatchObject({
      color: '#ff8800',
      isDefined: true,
      customerCount: 2,
    });
    expect(
      (
        await sales.request({
          method: 'PUT',
          url: `/api/v1/tags/${encodeURIComponent(vip)}`,
          payload: { color: '#000000' },
        })
      ).statusCode,
    ).toBe(403);
    const badColour = await marketing.request({
      method: 'PUT',
      url: `/api/v1/tags/${encodeURIComponent(vip)}`,
      payload: { color: 'orange' },
    });
    expect(badColour.statusCode).toBe(422);
    // In use: not deleted.
    expect(
      (await marketing.request({ method: 'DELETE', url: `/api/v1/tags/${encodeURIComponent(vip)}` }))
        .statusCode,
    ).toBe(409);
  });

  it('tags and untags a selection all or nothing, naming a customer out of scope', async () => {
    const campaign = uniqueMarker('春季');
    const old = uniqueMarker('旧');
    const mine = [
      await customerOf(sales, [old]),
      await customerOf(sales),
      await customerOf(sales, [campaign]),
    ];
    const bulk = await sales.request({
      method: 'POST',
      url: '/api/v1/customers/bulk-tags',
      payload: { customerIds: mine, add: [campaign], remove: [old] },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toEqual({ updated: 2, unchanged: 1 });
    for (const id of mine) {
      const customer = (await sales.request({ method: 'GET', url: `/api/v1/customers/${id}` })).json();
      expect(customer.tags).toEqual([campaign]);
    }

    const theirs = await customerOf(otherSales);
    const refused = await sales.request({
      method: 'POST',
      url: '/api/v1/customers/bulk-tags',
      payload: { customerIds: [...mine, theirs], remove: [campaign] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].path).toBe('/customerIds/3');
    // Nothing changed for the customers before it either.
    expect((await tagOf(sales, campaign)).customerCount).toBe(3);

    const both = await sales.request({
      method: 'POST',
      url: '/api/v1/customers/bulk-tags',
      payload: { customerIds: mine, add: [campaign], remove: [campaign] },
    });
    expect(both.statusCode).toBe(422);

    const untag = await sales.request({
      method: 'POST',
      url: '/api/v1/customers/bulk-tags',
      payload: { customerIds: mine, remove: [campaign] },
    });
    expect(untag.json()).toEqual({ updated: 3, unchanged: 0 });
    const history = (
      await sales.request({ method: 'GET', url: `/api/v1/customers/${mine[0]}/history` })
    ).json();
    expect(
      history.items.filter((entry: { action: string }) => entry.action === 'customer.update'),
    ).toHaveLength(2);

    const defined = await marketing.request({
      method: 'PUT',
      url: `/api/v1/tags/${encodeURIComponent(campaign)}`,
      payload: { color: '#00aa00' },
    });
    expect(defined.statusCode).toBe(200);
    expect(
      (await marketing.request({ method: 'DELETE', url: `/api/v1/tags/${encodeURIComponent(campaign)}` }))
        .statusCode,
    ).toBe(204);
    expect(await tagOf(marketing, campaign)).toBeUndefined();
  });
});
