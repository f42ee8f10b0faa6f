import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { workOrders } from '../../db/schema';
import { runSlaClock } from './service';

describe('work orders', async () => {
  const t = await createTestApp();

  async function customerOwnedBy(owner: Awaited<ReturnType<typeof t.signIn>>, name: string) {
    const created = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: name } },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  it('runs the after-sales flow across sales and service, all on the timeline', async () => {
    const sales = await t.signIn('sales');
    const service = await t.signIn('service');
    const customerId = await customerOwnedBy(sales, `${uniqueMarker('as')}售后公司`);

    // Service staff do not see the customer before a work order brings it to their queue.
    expect(
      (await service.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).statusCode,
    ).toBe(404);

    const opened = await sales.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: {
        customerId,
        category: 'after_sales',
        priority: 'high',
        title: '空调不制冷',
        channel: 'hotline',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const workOrder = opened.json();
    expect(workOrder).toMatchObject({
      status: 'assigned',
      queue: { id: 'service' },
      category: 'after_sales',
    });
    expect(workOrder.number).toMatch(/^WO-\d{8}-\d{6}$/);
    expect(new Date(workOrder.sla.firstResponseDueAt) < new Date(workOrder.sla.resolutionDueAt)).toBe(true);
    expect(workOrder.allowedTransitions).toEqual(['in_progress']);

    const inAfterSales = await sales.request({ method: 'GET', url: `/api/v1/customers/${customerId}/360` });
    expect(inAfterSales.json()).toMatchObject({
      serviceStatus: 'in_after_sales',
      figures: { openWorkOrderCount: 1 },
    });

    // The assignee is a service user (the default queue takes them all); act as them.
    const assigneeId = workOrder.assignee.id as string;
    await t.db.update(workOrders).set({ assigneeId: service.user.id }).where(eq(workOrders.id, workOrder.id));
    expect(assigneeId).toBeTruthy();
    expect(
      (await service.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).statusCode,
    ).toBe(200);

    const illegal = await service.request({
      method: 'POST',
      url: `/api/v1/work-orders/${workOrder.id}/transitions`,
      payload: { to: 'resolved' },
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().detail).toContain('in_progress');

    for (const to of ['in_progress', 'waiting_customer', 'in_progress', 'resolved'] as const) {
      const moved = await service.request({
        method: 'POST',
        url: `/api/v1/work-orders/${workOrder.id}/transitions`,
        payload: { to, comment: to === 'resolved' ? '更换压缩机' : null },
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().status).toBe(to);
    }

    const after = (await sales.request({ method: 'GET', url: `/api/v1/customers/${customerId}/360` })).json();
    expect(after.serviceStatus).toBeNull();
    expect(after.openWorkOrders).toEqual([]);
    expect(after.openTasks).toEqual([
      expect.objectContaining({
        kind: 'follow_up',
        assignee: expect.objectContaining({ id: sales.user.id }),
        workOrder: { id: workOrder.id, number: workOrder.number },
      }),
    ]);
    const tasks = (await sales.request({ method: 'GET', url: '/api/v1/tasks' })).json();
    expect(tasks.items.map((task: { kind: string }) => task.kind)).toContain('follow_up');
    const bell = (await sales.request({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(bell.unreadCount).toBeGreaterThan(0);
    expect(bell.items[0]).toMatchObject({ kind: 'task_assigned', customer: { id: customerId } });

    const timelineResponse = await sales.request({
      method: 'GET',
      url: `/api/v1/customers/${customerId}/timeline?types=work_order&types=profile`,
    });
    expect(timelineResponse.statusCode, timelineResponse.body).toBe(200);
    const timeline = timelineResponse.json();
    const steps = timeline.items.map(
      (item: { type: string; workOrder: { event: string; toStatus: string } | null }) =>
        item.type === 'work_order' ? `${item.workOrder?.event}:${item.workOrder?.toStatus ?? ''}` : item.type,
    );
    expect(steps).toEqual(
      expect.arrayContaining([
        'created:new',
        'assigned:assigned',
        'status_changed:resolved',
        'follow_up_task:',
      ]),
    );
    // The service status changes are profile changes, audited.
    expect(steps.filter((step: string) => step === 'profile').length).toBeGreaterThanOrEqual(3);

    // Once resolved, the service user keeps the work order but no longer sees the customer.
    expect(
      (await service.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).statusCode,
    ).toBe(404);
    expect(
      (await service.request({ method: 'GET', url: `/api/v1/work-orders/${workOrder.id}` })).statusCode,
    ).toBe(200);

    // Reopening puts the customer back in after-sales.
    const reopened = await service.request({
      method: 'POST',
      url: `/api/v1/work-orders/${workOrder.id}/transitions`,
      payload: { to: 'in_progress' },
    });
    expect(reopened.json().status).toBe('in_progress');
    expect(
      (await sales.request({ method: 'GET', url: `/api/v1/customers/${customerId}/360` })).json()
        .serviceStatus,
    ).toBe('in_after_sales');
  });

  it('keeps work orders of customers outside the scope out of reach', async () => {
    const owner = await t.signIn('sales');
    const stranger = await t.signIn('sales');
    const customerId = await customerOwnedBy(owner, `${uniqueMarker('wo')}范围公司`);
    const forStranger = await stranger.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: { customerId, category: 'complaint', title: '投诉' },
    });
    expect(forStranger.statusCode).toBe(404);
    const opened = (
      await owner.request({
        method: 'POST',
        url: '/api/v1/work-orders',
        payload: { customerId, category: 'complaint', title: '投诉' },
      })
    ).json();
    for (const url of [
      `/api/v1/work-orders/${opened.id}`,
      `/api/v1/work-orders/${opened.id}/events`,
      `/api/v1/customers/${customerId}/360`,
      `/api/v1/customers/${customerId}/timeline`,
      `/api/v1/customers/${customerId}/orders`,
    ])
      expect((await stranger.request({ method: 'GET', url })).statusCode, url).toBe(404);
    const comment = await stranger.request({
      method: 'POST',
      url: `/api/v1/work-orders/${opened.id}/comments`,
      payload: { body: '看看' },
    });
    expect(comment.statusCode).toBe(404);
    const list = (
      await stranger.request({ method: 'GET', url: `/api/v1/work-orders?customerId=${customerId}` })
    ).json();
    expect(list.items).toEqual([]);
  });

  it('assigns by the rules and load, reassigns by hand, and refuses non-members', async () => {
    const admin = await t.signIn('admin');
    const agentA = await t.signIn('service');
    const agentB = await t.signIn('service');
    const outsider = await t.signIn('service');
    const settings = (await admin.request({ method: 'GET', url: '/api/v1/work-orders/settings' })).json();
    const queueId = uniqueMarker('q');
    const updated = await admin.request({
      method: 'PUT',
      url: '/api/v1/work-orders/settings',
      payload: {
        ...settings,
        queues: [
          ...settings.queues,
          { id: queueId, name: '安装组', memberIds: [agentA.user.id, agentB.user.id] },
        ],
        assignmentRules: [{ category: 'installation', provinceCode: null, valueTier: null, queueId }],
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    try {
      const customerId = await customerOwnedBy(admin, `${uniqueMarker('in')}安装公司`);
      const assignees: string[] = [];
      for (const n of [1, 2]) {
        const opened = await admin.request({
          method: 'POST',
          url: '/api/v1/work-orders',
          payload: { customerId, category: 'installation', title: `安装 ${n}` },
        });
        expect(opened.json().queue.id).toBe(queueId);
        assignees.push(opened.json().assignee.id);
      }
      // Fewest open work orders first: the second goes to the other member.
      expect(new Set(assignees)).toEqual(new Set([agentA.user.id, agentB.user.id]));

      const consultation = (
        await admin.request({
          method: 'POST',
          url: '/api/v1/work-orders',
          payload: { customerId, category: 'consultation', title: '咨询' },
        })
      ).json();
      expect(consultation.queue.id).toBe('service');
      const refused = await admin.request({
        method: 'POST',
        url: `/api/v1/work-orders/${consultation.id}/assignment`,
        payload: { queueId, assigneeId: outsider.user.id },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].path).toBe('/assigneeId');
      const moved = await admin.request({
        method: 'POST',
        url: `/api/v1/work-orders/${consultation.id}/assignment`,
        payload: { queueId, assigneeId: agentA.user.id },
      });
      expect(moved.json()).toMatchObject({ queue: { id: queueId }, assignee: { id: agentA.user.id } });
      const bell = (await agentA.request({ method: 'GET', url: '/api/v1/notifications' })).json();
      expect(
        bell.items.some(
          (n: { kind: string; workOrder: { id: string } | null }) =>
            n.kind === 'work_order_assigned' && n.workOrder?.id === consultation.id,
        ),
      ).toBe(true);
      const read = await agentA.request({
        method: 'POST',
        url: '/api/v1/notifications/read',
        payload: { all: true },
      });
      expect(read.json().unreadCount).toBe(0);

      const badRule = await admin.request({
        method: 'PUT',
        url: '/api/v1/work-orders/settings',
        payload: {
          ...settings,
          assignmentRules: [{ category: null, provinceCode: null, valueTier: null, queueId: 'nope' }],
        },
      });
      expect(badRule.statusCode).toBe(422);
      expect(badRule.json().errors[0].path).toBe('/assignmentRules/0/queueId');
    } finally {
      await admin.request({ method: 'PUT', url: '/api/v1/work-orders/settings', payload: settings });
    }
  });

  it('warns before and announces a breach of the SLA once, and counts it in the statistics', async () => {
    const admin = await t.signIn('admin');
    const customerId = await customerOwnedBy(admin, `${uniqueMarker('sla')}时限公司`);
    const opened = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/work-orders',
        payload: { customerId, category: 'complaint', priority: 'urgent', title: '紧急投诉' },
      })
    ).json();
    const due = new Date(opened.sla.firstResponseDueAt);
    // Move the clock: past the due time of the first response (an hour of business time later).
    const later = new Date(due.getTime() + 60_000);
    await runSlaClock(t.db, later);
    await runSlaClock(t.db, later);
    const events = (
      await admin.request({ method: 'GET', url: `/api/v1/work-orders/${opened.id}/events` })
    ).json().items;
    const slaEvents = events.filter((e: { type: string }) => e.type.startsWith('sla_'));
    expect(slaEvents.map((e: { type: string; sla: string }) => `${e.type}:${e.sla}`)).toEqual(
      expect.arrayContaining(['sla_breach:first_response']),
    );
    expect(
      slaEvents.filter(
        (e: { type: string; sla: string }) => e.type === 'sla_breach' && e.sla === 'first_response',
      ),
    ).toHaveLength(1);

    const breached = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/work-orders?customerId=${customerId}&isBreached=true`,
      })
    ).json();
    expect(breached.items.map((w: { id: string }) => w.id)).toEqual([]);
    const stats = await admin.request({ method: 'GET', url: '/api/v1/work-orders/stats' });
    expect(stats.statusCode).toBe(200);
    expect(stats.json().total).toBeGreaterThan(0);
  });
});
