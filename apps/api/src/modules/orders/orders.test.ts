import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { orders } from '../../db/schema';

describe('orders by (source, orderNo)', async () => {
  const t = await createTestApp();
  type Client = Awaited<ReturnType<typeof t.signIn>>;

  async function customerOf(client: Client) {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('or')}订单公司` } },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  const orderFor = (customerId: string, productCode = 'SKU-1') => ({
    customer: { customerId },
    channel: 'online',
    store: '天猫旗舰店',
    orderedAt: '2026-11-11T02:00:00Z',
    status: 'paid',
    lines: [{ productCode, productName: '空调', quantity: 1, unitPrice: '2999.00' }],
  });

  it('creates a new order once when it is sent several times at once, and audits it once', async () => {
    const sales = await t.signIn('sales');
    const customerId = await customerOf(sales);
    const orderNo = uniqueMarker('NO');
    const url = `/api/v1/orders/tmall/${orderNo}`;
    const sent = await Promise.all(
      [1, 2, 3, 4].map(() => sales.request({ method: 'PUT', url, payload: orderFor(customerId) })),
    );
    expect(sent.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 201]);
    const rows = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.source, 'tmall'), eq(orders.orderNo, orderNo)));
    expect(rows).toHaveLength(1);
    const audited = await t.db.execute(
      sql`SELECT 1 FROM audit_entries WHERE action = 'order.upsert' AND resource_id = ${rows[0]?.id}`,
    );
    expect(audited.rows).toHaveLength(1);

    const changed = await sales.request({
      method: 'PUT',
      url,
      payload: { ...orderFor(customerId), status: 'shipped' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().status).toBe('shipped');
    const audits = await t.db.execute(
      sql`SELECT 1 FROM audit_entries WHERE action = 'order.upsert' AND resource_id = ${rows[0]?.id}`,
    );
    expect(audits.rows).toHaveLength(2);
  });

  it('refuses a number taken for another customer without saying whose it is', async () => {
    const sales = await t.signIn('sales');
    const stranger = await t.signIn('sales');
    const orderNo = uniqueMarker('NO');
    const url = `/api/v1/orders/pos/${orderNo}`;
    const first = await sales.request({ method: 'PUT', url, payload: orderFor(await customerOf(sales)) });
    expect(first.statusCode).toBe(201);
    const taken = await stranger.request({
      method: 'PUT',
      url,
      payload: orderFor(await customerOf(stranger)),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toBe('This order number is taken in this source.');
  });

  it('maps a product code sent with spaces around it', async () => {
    const admin = await t.signIn('admin');
    const source = uniqueMarker('src');
    const mappings = (await admin.request({ method: 'GET', url: '/api/v1/product-code-mappings' })).json();
    const replaced = await admin.request({
      method: 'PUT',
      url: '/api/v1/product-code-mappings',
      payload: { items: [...mappings.items, { source, productCode: 'KT-35', catalogueCode: 'AC-3500' }] },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const sent = await admin.request({
      method: 'PUT',
      url: `/api/v1/orders/${source}/${uniqueMarker('NO')}`,
      payload: orderFor(await customerOf(admin), ' KT-35 '),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().lines[0]).toMatchObject({ productCode: 'KT-35', catalogueCode: 'AC-3500' });
  });
});
