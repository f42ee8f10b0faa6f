import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { tasks } from '../../db/schema';

describe('triggers', async () => {
  const t = await createTestApp();
  const marketing = await t.signIn('marketing');
  const admin = await t.signIn('admin');
  const sales = await t.signIn('sales');

  async function taggedCustomers(tag: string, count: number, owner = sales) {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const created = await owner.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: { kind: 'organization', organization: { legalName: `${tag}公司${n}` }, tags: [tag] },
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
    }
    return ids;
  }

  async function segmentOf(tag: string) {
    const created = await marketing.request({
      method: 'POST',
      url: '/api/v1/segments',
      payload: {
        name: tag,
        kind: 'dynamic',
        rule: { type: 'field', field: 'tags', operator: 'eq', value: tag },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  it('creates one revisit task per entering customer for their owner, however often it runs', async () => {
    const tag = uniqueMarker('rv');
    const segmentId = await segmentOf(tag);
    const trigger = await admin.request({
      method: 'POST',
      url: '/api/v1/triggers',
      payload: {
        name: '专属客服回访',
        isEnabled: true,
        segmentId,
        firesOn: 'segment_entry',
        actions: [
          { type: 'create_task', taskKind: 'follow_up', dueInDays: 2, note: '专属客服回访' },
          { type: 'add_tag', tag: `${tag}-回访` },
        ],
      },
    });
    expect(trigger.statusCode, trigger.body).toBe(201);
    const triggerId = trigger.json().id;
    const ids = await taggedCustomers(tag, 3);

    const dry = await admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/dry-run` });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().run).toMatchObject({ isDryRun: true, customers: 3, actionsDone: 6 });
    expect(dry.json().items.every((item: { result: string }) => item.result === 'would_do')).toBe(true);
    expect(
      await t.db
        .select()
        .from(tasks)
        .where(eq(tasks.customerId, ids[0] as string)),
    ).toEqual([]);

    const first = await admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/runs` });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().run).toMatchObject({
      customers: 3,
      actionsDone: 6,
      actionsFailed: 0,
      isDryRun: false,
    });
    const second = await admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/runs` });
    expect(second.json().run).toMatchObject({ customers: 0, actionsDone: 0 });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/runs` })),
    );
    expect(concurrent.every((response) => response.statusCode === 200)).toBe(true);

    for (const id of ids) {
      const owned = await t.db.select().from(tasks).where(eq(tasks.customerId, id));
      expect(owned.map((task) => [task.kind, task.assigneeId, task.note])).toEqual([
        ['follow_up', sales.user.id, '专属客服回访'],
      ]);
      const customer = (await sales.request({ method: 'GET', url: `/api/v1/customers/${id}` })).json();
      expect(customer.tags).toEqual([tag, `${tag}-回访`]);
    }
    const runs = (await admin.request({ method: 'GET', url: `/api/v1/triggers/${triggerId}/runs` })).json();
    expect(runs.items.length).toBeGreaterThanOrEqual(3);
    const bell = (await sales.request({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(
      bell.items.filter((n: { kind: string }) => n.kind === 'task_assigned').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('acts on those already in the segment when asked, stops at its cap, and lists who would be affected first', async () => {
    const tag = uniqueMarker('cap');
    await taggedCustomers(tag, 3);
    const segmentId = await segmentOf(tag);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/triggers',
      payload: {
        name: '标记老客户',
        isEnabled: true,
        segmentId,
        firesOn: 'segment_entry',
        includeCurrentMembers: true,
        maxCustomersPerRun: 2,
        actions: [{ type: 'set_lifecycle_stage', lifecycleStage: 'customer' }],
      },
    });
    const triggerId = created.json().id;
    const dry = (
      await admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/dry-run` })
    ).json();
    expect(dry.run).toMatchObject({ customers: 2, isCapped: true, actionsDone: 2 });
    expect(dry.items.map((item: { result: string }) => item.result)).toEqual(['would_do', 'would_do']);
    const run = (await admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/runs` })).json();
    expect(run.run).toMatchObject({ customers: 2, isCapped: true, actionsDone: 2 });
    const rest = (await admin.request({ method: 'POST', url: `/api/v1/triggers/${triggerId}/runs` })).json();
    expect(rest.run).toMatchObject({ customers: 1, isCapped: false, actionsDone: 1 });
  });

  it('lets marketing automate tasks but not changes it may not make by hand, and settles skipped customers', async () => {
    const tag = uniqueMarker('mk');
    const segmentId = await segmentOf(tag);
    const refused = await marketing.request({
      method: 'POST',
      url: '/api/v1/triggers',
      payload: {
        name: '改阶段',
        isEnabled: true,
        segmentId,
        firesOn: 'segment_entry',
        actions: [
          { type: 'create_task', taskKind: 'follow_up', dueInDays: 1 },
          { type: 'set_lifecycle_stage', lifecycleStage: 'churned' },
          { type: 'open_work_order', category: 'consultation', priority: 'normal', title: 'x' },
        ],
      },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/actions/1/type',
      '/actions/2/type',
    ]);

    // A customer without an owner is skipped once, and not picked up again by the next runs.
    const unowned = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: `${tag}无负责人` },
        tags: [tag],
        ownerId: null,
      },
    });
    expect(unowned.statusCode, unowned.body).toBe(201);
    const allowed = await marketing.request({
      method: 'POST',
      url: '/api/v1/triggers',
      payload: {
        name: '回访',
        isEnabled: true,
        segmentId,
        firesOn: 'segment_entry',
        actions: [{ type: 'create_task', taskKind: 'follow_up', dueInDays: 1 }],
      },
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
    const first = (
      await marketing.request({ method: 'POST', url: `/api/v1/triggers/${allowed.json().id}/runs` })
    ).json();
    expect(first.run).toMatchObject({ customers: 1, actionsDone: 0, actionsSkipped: 1 });
    expect(first.items[0]).toMatchObject({ result: 'skipped', detail: 'The customer has no owner' });
    const second = (
      await marketing.request({ method: 'POST', url: `/api/v1/triggers/${allowed.json().id}/runs` })
    ).json();
    expect(second.run).toMatchObject({ customers: 0, actionsSkipped: 0 });
  });

  it('refuses triggers on unknown segments and keeps them to the roles allowed', async () => {
    const unknown = await marketing.request({
      method: 'POST',
      url: '/api/v1/triggers',
      payload: {
        name: 'x',
        isEnabled: true,
        segmentId: '00000000-0000-4000-8000-000000000000',
        firesOn: 'daily',
        actions: [{ type: 'create_task', taskKind: 'follow_up', dueInDays: 1 }],
      },
    });
    expect(unknown.statusCode).toBe(404);
    const badAction = await marketing.request({
      method: 'POST',
      url: '/api/v1/triggers',
      payload: {
        name: 'x',
        isEnabled: true,
        segmentId: '00000000-0000-4000-8000-000000000000',
        firesOn: 'daily',
        actions: [{ type: 'send_money', amount: 1 }],
      },
    });
    expect(badAction.statusCode).toBe(422);
    expect((await sales.request({ method: 'GET', url: '/api/v1/triggers' })).statusCode).toBe(200);
    expect(
      (
        await sales.request({
          method: 'POST',
          url: '/api/v1/triggers',
          payload: {
            name: 'x',
            isEnabled: true,
            segmentId: '00000000-0000-4000-8000-000000000000',
            firesOn: 'daily',
            actions: [{ type: 'add_tag', tag: 'x' }],
          },
        })
      ).statusCode,
    ).toBe(403);
  });
});
