import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { interactions } from '../../db/schema';

describe('orders, interactions and the 360° view', async () => {
  const t = await createTestApp();
  const admin = await t.signIn('admin');

  async function newCustomer(externalId?: string) {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('c')}贸易公司` } },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    if (externalId) {
      const linked = await admin.request({
        method: 'PUT',
        url: `/api/v1/customers/external/shop/${externalId}`,
        payload: { kind: 'organization', organization: { legalName: created.json().displayName } },
      });
      expect(linked.statusCode, linked.body).toBeLessThan(300);
      return linked.json().id as string;
    }
    return id;
  }

  it('stores an order once per (source, order number), with mapped product codes and exact amounts', async () => {
    const externalId = uniqueMarker('ext');
    const customerId = await newCustomer(externalId);
    const mappings = await admin.request({
      method: 'PUT',
      url: '/api/v1/product-code-mappings',
      payload: { items: [{ source: 'tmall', productCode: 'SKU-1', catalogueCode: 'CAT-AC-01' }] },
    });
    expect(mappings.statusCode, mappings.body).toBe(200);
    const orderNo = uniqueMarker('o');
    const body = {
      customer: { externalId: { source: 'shop', externalId } },
      channel: 'online',
      store: '天猫旗舰店',
      orderedAt: '2026-11-11T00:05:00+08:00',
      status: 'paid',
      lines: [
        { productCode: 'SKU-1', productName: '空调', quantity: 3, unitPrice: '0.10' },
        { productCode: 'SKU-2', productName: '安装', quantity: 1, unitPrice: '199.99' },
      ],
    };
    const first = await admin.request({
      method: 'PUT',
      url: `/api/v1/orders/tmall/${orderNo}`,
      payload: body,
    });
    expect(first.statusCode, first.body).toBe(201);
    // 3 × 0.10 + 199.99 in decimal, not 200.29000000000002.
    expect(first.json()).toMatchObject({ amount: '200.29', currency: 'CNY', customer: { id: customerId } });
    expect(first.json().lines.map((line: { catalogueCode: string | null }) => line.catalogueCode)).toEqual([
      'CAT-AC-01',
      null,
    ]);
    const again = await admin.request({
      method: 'PUT',
      url: `/api/v1/orders/tmall/${orderNo}`,
      payload: { ...body, status: 'refunded' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, status: 'refunded' });
    const page = (
      await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}/orders` })
    ).json();
    expect(page.items).toHaveLength(1);

    const unknown = await admin.request({
      method: 'PUT',
      url: `/api/v1/orders/tmall/${uniqueMarker('o')}`,
      payload: { ...body, customer: { externalId: { source: 'shop', externalId: 'nobody' } } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ path: '/customer', message: 'No such customer' }]);
    const badMoney = await admin.request({
      method: 'PUT',
      url: `/api/v1/orders/tmall/${uniqueMarker('o')}`,
      payload: { ...body, amount: '12.345' },
    });
    expect(badMoney.statusCode).toBe(422);
    expect(badMoney.json().errors[0].path).toBe('/amount');
  });

  it('takes interaction batches all or nothing, and a resend changes nothing', async () => {
    const customerId = await newCustomer();
    const source = uniqueMarker('cc');
    const item = (externalId: string, customer: object = { customerId }) => ({
      customer,
      source,
      externalId,
      type: 'login',
      channel: 'app',
      occurredAt: '2026-11-30T08:00:00Z',
      summary: 'App 登录',
    });
    const refused = await admin.request({
      method: 'POST',
      url: '/api/v1/interactions/batch',
      payload: { items: [item('a'), item('b', { customerId: '00000000-0000-4000-8000-000000000000' })] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ path: '/items/1/customer', message: 'No such customer' }]);
    const countStored = async () =>
      (await t.db.select().from(interactions)).filter((row) => row.source === source).length;
    expect(await countStored()).toBe(0);

    const sent = await admin.request({
      method: 'POST',
      url: '/api/v1/interactions/batch',
      payload: { items: [item('a'), item('b')] },
    });
    expect(sent.json().items.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
    const resent = await admin.request({
      method: 'POST',
      url: '/api/v1/interactions/batch',
      payload: { items: [item('a'), item('c')] },
    });
    expect(resent.json().items.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'created']);
    expect(resent.json().items[0].id).toBe(sent.json().items[0].id);
    expect(await countStored()).toBe(3);
  });

  it('shows one timeline of every kind, newest first, paged without gaps or repeats, filterable', async () => {
    const customerId = await newCustomer();
    const logged = await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/interactions`,
      payload: {
        type: 'call',
        channel: 'phone',
        direction: 'inbound',
        occurredAt: new Date().toISOString(),
        summary: '询问保修',
      },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ staff: { id: admin.user.id }, source: 'staff' });
    // Many events at one instant, so the cursor must order ties.
    const sameInstant = '2026-10-01T02:00:00.000Z';
    for (let n = 0; n < 7; n++) {
      await admin.request({
        method: 'PUT',
        url: `/api/v1/orders/pos/${uniqueMarker('p')}`,
        payload: {
          customer: { customerId },
          channel: 'offline',
          orderedAt: sameInstant,
          status: n === 0 ? 'cancelled' : 'completed',
          lines: [{ productCode: 'X', productName: '滤芯', quantity: 1, unitPrice: '100.00' }],
        },
      });
    }
    await admin.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: { customerId, category: 'installation', title: '上门安装' },
    });

    const all: { id: string; type: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const response = await admin.request({
        method: 'GET',
        url: `/api/v1/customers/${customerId}/timeline?${query}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      all.push(...response.json().items);
      cursor = response.json().nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
    const times = all.map((event) => Date.parse(event.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(all.map((event) => event.type))).toEqual(
      new Set(['order', 'interaction', 'work_order', 'profile']),
    );
    expect(all.filter((event) => event.type === 'order')).toHaveLength(7);

    const ordersOnly = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/customers/${customerId}/timeline?types=order&limit=50`,
      })
    ).json();
    expect(ordersOnly.items.every((event: { type: string }) => event.type === 'order')).toBe(true);
    expect(ordersOnly.items).toHaveLength(7);
    const wrongCursor = await admin.request({
      method: 'GET',
      url: `/api/v1/customers/${customerId}/timeline?cursor=xyz`,
    });
    expect(wrongCursor.statusCode).toBe(422);

    const view = (await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}/360` })).json();
    expect(view.figures).toMatchObject({
      lifetimeValue: '600.00',
      currency: 'CNY',
      orderCount: 7,
      lastOrderAt: sameInstant,
      openWorkOrderCount: 1,
    });
    expect(view.recentOrders).toHaveLength(5);
    expect(view.openWorkOrders).toHaveLength(1);
    expect(view.timeline.items.length).toBeGreaterThan(0);
  });

  it('blanks what staff wrote about a customer when the customer is erased', async () => {
    const customerId = await newCustomer();
    const note = `${uniqueMarker('n')}客户说他住在幸福路`;
    await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/interactions`,
      payload: { type: 'visit', channel: 'in_person', occurredAt: new Date().toISOString(), summary: note },
    });
    const erased = await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/erasure`,
      payload: { reason: '客户要求删除' },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const timeline = await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}/timeline` });
    expect(timeline.body).not.toContain(note);
    const stored = (await t.db.select().from(interactions)).filter((row) => row.customerId === customerId);
    expect(stored.map((row) => row.summary)).toEqual(['']);
  });
});
