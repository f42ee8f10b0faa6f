import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import type { Principal } from '../../http/authorize';
import { defaultPolicies, type Viewer, viewerOf } from '../access/policies';
import { resolveViewer } from '../access/service';
import { customerScope, scopedCustomerIds } from '../customers/repo';
import { refreshDashboardRollups } from './rollups';

describe('dashboard charts', async () => {
  const t = await createTestApp();
  const admin = await t.signIn('admin');

  it('counts a salesperson’s own customers and orders from the rollups, and follows new orders', async () => {
    const sales = await t.signIn('sales');
    const created: string[] = [];
    for (const [n, provinceCode, cityCode] of [
      [0, '440000', '440300'],
      [1, '440000', '440100'],
      [2, '110000', '110100'],
    ] as const) {
      const response = await sales.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: {
          kind: 'organization',
          organization: { legalName: `${uniqueMarker('db')}看板公司${n}` },
          lifecycleStage: n === 2 ? 'lead' : 'customer',
          addresses: [{ provinceCode, cityCode, detail: '某路 1 号' }],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      created.push(response.json().id);
    }
    const order = (customerId: string, channel: 'online' | 'offline', amount: string, orderedAt: string) =>
      admin.request({
        method: 'PUT',
        url: `/api/v1/orders/pos/${uniqueMarker('d')}`,
        payload: {
          customer: { customerId },
          channel,
          orderedAt,
          status: 'completed',
          lines: [{ productCode: 'P', productName: '商品', quantity: 1, unitPrice: amount }],
        },
      });
    await order(created[0] as string, 'online', '100.00', '2026-10-05T04:00:00Z');
    await order(created[1] as string, 'offline', '50.50', '2026-10-20T04:00:00Z');
    await order(created[2] as string, 'online', '10.00', '2026-11-03T04:00:00Z');
    await refreshDashboardRollups(t.db);

    const chart = async (name: string, query = '') => {
      const response = await sales.request({ method: 'GET', url: `/api/v1/dashboard/${name}?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const period = 'from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z';
    expect((await chart('customers_by_region')).points).toEqual([
      { key: '440000', label: '广东省', series: null, value: 2, amount: null },
      { key: '110000', label: '北京市', series: null, value: 1, amount: null },
    ]);
    expect(
      (await chart('customers_by_region', 'provinceCode=440000')).points
        .map((p: { key: string }) => p.key)
        .sort(),
    ).toEqual(['440100', '440300']);
    expect((await chart('purchase_trend', period)).points).toEqual([
      { key: '2026-10', label: null, series: 'offline', value: 1, amount: '50.50' },
      { key: '2026-10', label: null, series: 'online', value: 1, amount: '100.00' },
      { key: '2026-11', label: null, series: 'online', value: 1, amount: '10.00' },
    ]);
    const funnel = (await chart('lifecycle_funnel')).points;
    expect(funnel.map((p: { key: string; value: number }) => [p.key, p.value])).toEqual([
      ['lead', 1],
      ['prospect', 0],
      ['customer', 2],
      ['churned', 0],
    ]);
    expect((await chart('value_tiers')).points.find((p: { key: string }) => p.key === 'unscored').value).toBe(
      3,
    );

    // A new order is counted by the next (incremental) refresh.
    await order(created[0] as string, 'online', '1.00', '2026-11-20T04:00:00Z');
    const refreshed = await refreshDashboardRollups(t.db);
    expect(refreshed.isFull).toBe(false);
    const november = (await chart('purchase_trend', `${period}&channel=online`)).points.find(
      (p: { key: string }) => p.key === '2026-11',
    );
    expect(november).toMatchObject({ value: 2, amount: '11.00' });

    // Another salesperson sees none of it.
    const other = await t.signIn('sales');
    const theirs = (
      await other.request({ method: 'GET', url: `/api/v1/dashboard/purchase_trend?${period}` })
    ).json();
    expect(theirs.points).toEqual([]);
  });

  it('computes a service user’s figures live over the customers of their work orders', async () => {
    const service = await t.signIn('service');
    const customer = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: `${uniqueMarker('sv')}客服公司` },
        lifecycleStage: 'prospect',
      },
    });
    await admin.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: {
        customerId: customer.json().id,
        category: 'consultation',
        title: '咨询',
        assigneeId: service.user.id,
      },
    });
    const response = await service.request({ method: 'GET', url: '/api/v1/dashboard/lifecycle_funnel' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().refreshedAt).toBeNull();
    const prospects = response.json().points.find((p: { key: string }) => p.key === 'prospect').value;
    expect(prospects).toBeGreaterThanOrEqual(1);
    const bad = await service.request({
      method: 'GET',
      url: '/api/v1/dashboard/new_customers?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    });
    expect(bad.statusCode).toBe(422);
  });

  it('re-counts both months of an order moved to another month, at the next incremental refresh', async () => {
    const sales = await t.signIn('sales');
    const created = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('mv')}迁移公司` } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const orderNo = uniqueMarker('mv');
    const put = (orderedAt: string) =>
      admin.request({
        method: 'PUT',
        url: `/api/v1/orders/pos/${orderNo}`,
        payload: {
          customer: { customerId: created.json().id },
          channel: 'online',
          orderedAt,
          status: 'paid',
          lines: [{ productCode: 'P', productName: '商品', quantity: 1, unitPrice: '30.00' }],
        },
      });
    const trend = async () => {
      const response = await sales.request({
        method: 'GET',
        url: '/api/v1/dashboard/purchase_trend?from=2026-08-01T00:00:00Z&to=2026-12-31T00:00:00Z',
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().points.map((p: { key: string; value: number }) => [p.key, p.value]);
    };
    expect((await put('2026-09-15T04:00:00Z')).statusCode).toBe(201);
    await refreshDashboardRollups(t.db);
    expect(await trend()).toEqual([['2026-09', 1]]);
    // 1 November 01:30 in Shanghai: a November order, though still October in UTC.
    expect((await put('2026-10-31T17:30:00Z')).statusCode).toBe(200);
    const refreshed = await refreshDashboardRollups(t.db);
    expect(refreshed.isFull).toBe(false);
    expect(await trend()).toEqual([['2026-11', 1]]);
  });

  it('counts exactly a service user’s own customers and those of their open work orders, live', async () => {
    const service = await t.signIn('service');
    const marker = uniqueMarker('sx');
    const customer = async (by: typeof admin, name: string) => {
      const response = await by.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: { kind: 'organization', organization: { legalName: `${marker}${name}` } },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const own = await customer(service, '自建');
    const assigned = await customer(admin, '工单');
    const closed = await customer(admin, '已关闭工单');
    const other = await customer(admin, '无关');
    for (const customerId of [assigned, closed]) {
      const workOrder = await admin.request({
        method: 'POST',
        url: '/api/v1/work-orders',
        payload: { customerId, category: 'consultation', title: '咨询', assigneeId: service.user.id },
      });
      expect(workOrder.statusCode, workOrder.body).toBe(201);
    }
    await t.db.execute(sql`UPDATE work_orders SET status = 'closed' WHERE customer_id = ${closed}`);
    for (const customerId of [own, assigned, closed, other]) {
      const order = await admin.request({
        method: 'PUT',
        url: `/api/v1/orders/pos/${uniqueMarker('so')}`,
        payload: {
          customer: { customerId },
          channel: 'offline',
          orderedAt: '2031-03-10T04:00:00Z',
          status: 'completed',
          lines: [{ productCode: 'P', productName: '商品', quantity: 1, unitPrice: '7.00' }],
        },
      });
      expect(order.statusCode, order.body).toBe(201);
    }
    const trend = await service.request({
      method: 'GET',
      url: '/api/v1/dashboard/purchase_trend?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z',
    });
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().points).toEqual([
      { key: '2031-03', label: null, series: 'offline', value: 2, amount: '14.00' },
    ]);

    // The customer charts count the same customers as customerScope admits.
    const viewer = await resolveViewer(t.db, {
      kind: 'staff',
      user: { ...service.user, roles: ['service'], team: null, isActive: true, createdAt: new Date() },
      session: { tokenHash: '', csrfToken: '' },
    } as unknown as Principal);
    const [expected] = (
      await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM customers
        WHERE deleted_at IS NULL AND erased_at IS NULL AND ${customerScope(viewer)}`)
    ).rows;
    const funnel = await service.request({ method: 'GET', url: '/api/v1/dashboard/lifecycle_funnel' });
    const total = funnel.json().points.reduce((sum: number, p: { value: number }) => sum + p.value, 0);
    expect(total).toBe(expected?.n);
  });

  it('admits through scopedCustomerIds exactly the customers customerScope admits', async () => {
    const service = await t.signIn('service');
    const sales = await t.signIn('sales');
    const viewers: Viewer[] = [
      viewerOf(defaultPolicies.service, { userId: service.user.id, team: null, queueIds: ['service'] }),
      viewerOf(defaultPolicies.service, { userId: service.user.id, team: null }),
      viewerOf(defaultPolicies.sales, { userId: sales.user.id, team: 'east' }),
      viewerOf(defaultPolicies.sales, { userId: sales.user.id, team: null }),
      viewerOf(defaultPolicies.sales, { userId: null, team: null }),
    ];
    for (const viewer of viewers) {
      const byScope = await t.db.execute<{ id: string }>(
        sql`SELECT id FROM customers WHERE ${customerScope(viewer)} ORDER BY id`,
      );
      const byIds = await t.db.execute<{ id: string }>(
        sql`SELECT id FROM (${scopedCustomerIds(viewer)}) s (id) ORDER BY id`,
      );
      expect(byIds.rows).toEqual(byScope.rows);
    }
    expect(scopedCustomerIds(viewerOf(defaultPolicies.admin, { userId: null, team: null }))).toBeUndefined();
  });
});
