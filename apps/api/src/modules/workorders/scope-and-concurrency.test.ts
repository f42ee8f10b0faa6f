import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { customers, notifications, tasks, workOrderEvents } from '../../db/schema';
import { runSlaClock } from './service';

describe('work orders: scope of service staff and concurrent changes', async () => {
  const t = await createTestApp();
  type Client = Awaited<ReturnType<typeof t.signIn>>;

  async function customerOf(client: Client, name = `${uniqueMarker('sc')}服务公司`) {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: name } },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; owner: { id: string } | null };
  }

  async function openFor(client: Client, customerId: string, assigneeId: string, category = 'complaint') {
    const opened = await client.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: { customerId, category, title: '测试工单', queueId: 'service', assigneeId },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json().id as string;
  }

  const move = (client: Client, id: string, to: string) =>
    client.request({ method: 'POST', url: `/api/v1/work-orders/${id}/transitions`, payload: { to } });

  it('does not let service staff take a customer by naming themselves its owner', async () => {
    const sales = await t.signIn('sales');
    const agent = await t.signIn('service');
    const customer = await customerOf(sales);
    const workOrderId = await openFor(sales, customer.id, agent.user.id);
    const seen = await agent.request({ method: 'GET', url: `/api/v1/customers/${customer.id}` });
    expect(seen.statusCode).toBe(200);

    const taken = await agent.request({
      method: 'PATCH',
      url: `/api/v1/customers/${customer.id}`,
      headers: { 'if-match': String(seen.headers.etag) },
      payload: { ownerId: agent.user.id },
    });
    expect(taken.statusCode, taken.body).toBe(422);
    expect(taken.json().errors).toEqual([{ path: '/ownerId', message: expect.any(String) }]);
    // Resending the owner as it is (as an edit form does) is no change, and other fields still change.
    const edited = await agent.request({
      method: 'PATCH',
      url: `/api/v1/customers/${customer.id}`,
      headers: { 'if-match': String(seen.headers.etag) },
      payload: { ownerId: sales.user.id, notes: '来电报修' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().owner.id).toBe(sales.user.id);

    for (const to of ['in_progress', 'resolved'])
      expect((await move(agent, workOrderId, to)).statusCode).toBe(200);
    // The work is done: the customer is out of the agent's sight again.
    expect((await agent.request({ method: 'GET', url: `/api/v1/customers/${customer.id}` })).statusCode).toBe(
      404,
    );

    // A customer the agent records themselves is theirs (they may open its work order), but not someone else's.
    const own = await customerOf(agent);
    expect(own.owner?.id).toBe(agent.user.id);
    await openFor(agent, own.id, agent.user.id);
    const handedOut = await agent.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: `${uniqueMarker('sc')}转交公司` },
        ownerId: sales.user.id,
      },
    });
    expect(handedOut.statusCode).toBe(422);
    expect(handedOut.json().errors[0].path).toBe('/ownerId');
  });

  it('keeps a resolved work order with its assignee, not the queue, and lets only them reopen it', async () => {
    const admin = await t.signIn('admin');
    const assignee = await t.signIn('service');
    const colleague = await t.signIn('service');
    const customer = await customerOf(admin);
    const workOrderId = await openFor(admin, customer.id, assignee.user.id);
    // While open, the whole queue sees it.
    expect(
      (await colleague.request({ method: 'GET', url: `/api/v1/work-orders/${workOrderId}` })).statusCode,
    ).toBe(200);
    for (const to of ['in_progress', 'resolved'])
      expect((await move(assignee, workOrderId, to)).statusCode).toBe(200);

    expect(
      (await colleague.request({ method: 'GET', url: `/api/v1/work-orders/${workOrderId}` })).statusCode,
    ).toBe(404);
    const reopenedByColleague = await move(colleague, workOrderId, 'in_progress');
    expect(reopenedByColleague.statusCode).toBe(404);
    expect(
      (await colleague.request({ method: 'GET', url: `/api/v1/customers/${customer.id}` })).statusCode,
    ).toBe(404);

    // Someone who sees the work order through the customer, but is not its assignee, may not reopen it.
    const both = await t.signIn(['sales', 'service']);
    await t.db.update(customers).set({ ownerId: both.user.id }).where(eq(customers.id, customer.id));
    const refused = await move(both, workOrderId, 'in_progress');
    expect(refused.statusCode, refused.body).toBe(403);

    expect((await move(assignee, workOrderId, 'in_progress')).statusCode).toBe(200);
    expect((await move(assignee, workOrderId, 'resolved')).statusCode).toBe(200);
    expect((await move(admin, workOrderId, 'in_progress')).statusCode).toBe(200);
  });

  it('gives a user with sales and service roles both scopes', async () => {
    const sales = await t.signIn('sales');
    const both = await t.signIn(['sales', 'service']);
    const theirs = await customerOf(both);
    const withWork = await customerOf(sales);
    const without = await customerOf(sales);
    await openFor(sales, withWork.id, both.user.id);
    for (const [id, status] of [
      [theirs.id, 200],
      [withWork.id, 200],
      [without.id, 404],
    ] as const)
      expect((await both.request({ method: 'GET', url: `/api/v1/customers/${id}` })).statusCode, id).toBe(
        status,
      );
    // As a salesperson they name owners (themselves) as before.
    const handed = await both.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: `${uniqueMarker('sc')}自有公司` },
        ownerId: both.user.id,
      },
    });
    expect(handed.statusCode, handed.body).toBe(201);
  });

  it('ends the after-sales status once when the last two after-sales work orders are resolved at once', async () => {
    const sales = await t.signIn('sales');
    const agent = await t.signIn('service');
    const runs = await Promise.all(
      [1, 2, 3].map(async () => {
        const customer = await customerOf(sales);
        const ids = [
          await openFor(sales, customer.id, agent.user.id, 'after_sales'),
          await openFor(sales, customer.id, agent.user.id, 'after_sales'),
        ];
        for (const id of ids) expect((await move(agent, id, 'in_progress')).statusCode).toBe(200);
        return { customerId: customer.id, ids };
      }),
    );
    await Promise.all(
      runs.flatMap(({ ids }) =>
        ids.map(async (id) => expect((await move(agent, id, 'resolved')).statusCode).toBe(200)),
      ),
    );
    for (const { customerId } of runs) {
      const [row] = await t.db
        .select({ serviceStatus: customers.serviceStatus })
        .from(customers)
        .where(eq(customers.id, customerId));
      expect(row?.serviceStatus).toBeNull();
      const followUps = await t.db
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.customerId, customerId), eq(tasks.kind, 'follow_up')));
      expect(followUps).toHaveLength(1);
    }
  });

  it('tells the queue of an unassigned work order about its SLA, once, however many clocks run', async () => {
    const admin = await t.signIn('admin');
    const member = await t.signIn('service');
    const customer = await customerOf(admin);
    const workOrderId = await openFor(admin, customer.id, member.user.id);
    const unassigned = await admin.request({
      method: 'POST',
      url: `/api/v1/work-orders/${workOrderId}/assignment`,
      payload: { queueId: 'service', assigneeId: null },
    });
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    expect(unassigned.json()).toMatchObject({ status: 'new', assignee: null });
    const later = new Date(Date.parse(unassigned.json().sla.firstResponseDueAt) + 60_000);
    await Promise.all([runSlaClock(t.db, later), runSlaClock(t.db, later), runSlaClock(t.db, later)]);
    const breaches = await t.db
      .select({ id: workOrderEvents.id })
      .from(workOrderEvents)
      .where(
        and(
          eq(workOrderEvents.workOrderId, workOrderId),
          eq(workOrderEvents.type, 'sla_breach'),
          eq(workOrderEvents.sla, 'first_response'),
        ),
      );
    expect(breaches).toHaveLength(1);
    const told = await t.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, member.user.id),
          eq(notifications.workOrderId, workOrderId),
          eq(notifications.kind, 'sla_breach'),
        ),
      );
    expect(told).toHaveLength(1);
  });

  it('refuses a business calendar with no working time ahead', async () => {
    const admin = await t.signIn('admin');
    const settings = (await admin.request({ method: 'GET', url: '/api/v1/work-orders/settings' })).json();
    try {
      const refused = await admin.request({
        method: 'PUT',
        url: '/api/v1/work-orders/settings',
        payload: {
          ...settings,
          businessCalendar: { ...settings.businessCalendar, workdays: [], makeUpWorkdays: ['2020-01-04'] },
        },
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().errors).toEqual([
        { path: '/businessCalendar/workdays', message: expect.any(String) },
      ]);
    } finally {
      const [stored] = (
        await t.db.execute<{ settings: unknown }>(sql`SELECT settings FROM work_order_settings WHERE id = 1`)
      ).rows;
      if (stored && JSON.stringify(stored.settings).includes('2020-01-04'))
        await admin.request({ method: 'PUT', url: '/api/v1/work-orders/settings', payload: settings });
    }
  });
});
