import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { tasks } from '../../db/schema';
import { createRenewalTasks, remindDueTasks } from './service';

describe('tasks', () => {
  it('lists the caller’s tasks a page at a time, soonest due first, named by kind and customer', async () => {
    const { signIn, db } = await createTestApp();
    const sales = await signIn('sales');
    const other = await signIn('sales');
    const marker = uniqueMarker('task');
    const customerIds: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await sales.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: { kind: 'organization', organization: { legalName: `${marker}任务公司${n}` } },
      });
      expect(created.statusCode, created.body).toBe(201);
      customerIds.push(created.json().id);
    }
    const day = 86_400_000;
    await db.insert(tasks).values(
      customerIds.map((customerId, index) => ({
        kind: 'data_review' as const,
        customerId,
        assigneeId: sales.user.id,
        // The last one has no due date: it comes after every dated one.
        dueAt: index === 2 ? null : new Date(Date.now() + (2 - index) * day),
      })),
    );

    const seen: { kind: string; customer: { id: string; displayName: string } }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : 'limit=2';
      const response = await sales.request({ method: 'GET', url: `/api/v1/tasks?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen.map((task) => task.customer.id)).toEqual([customerIds[1], customerIds[0], customerIds[2]]);
    expect(seen[0]).toMatchObject({ kind: 'data_review', customer: { displayName: `${marker}任务公司2` } });

    const others = await other.request({ method: 'GET', url: '/api/v1/tasks' });
    expect(others.json()).toEqual({ items: [], nextCursor: null });
    const wrongCursor = await sales.request({ method: 'GET', url: '/api/v1/tasks?cursor=nonsense' });
    expect(wrongCursor.statusCode).toBe(422);
  });
});

describe('tasks made by people', () => {
  it('creates a task for the owner, tells them, repeats it when done, and reminds before it is due', async () => {
    const { signIn, db } = await createTestApp();
    const owner = await signIn('sales');
    const colleague = await signIn('service');
    const admin = await signIn('admin');
    const created = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('rt')}续约公司` } },
    });
    const customerId = created.json().id;
    const dueAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const task = await admin.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { kind: 'call_back', customerId, dueAt, note: '客户下午方便', recurrence: 'weekly' },
    });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json()).toMatchObject({
      kind: 'call_back',
      assignee: { id: owner.user.id },
      note: '客户下午方便',
      recurrence: 'weekly',
    });
    const bell = (await owner.request({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(bell.items[0]).toMatchObject({ kind: 'task_assigned', taskId: task.json().id });

    expect((await remindDueTasks(db)).reminded).toBeGreaterThanOrEqual(1);
    const reminded = (await owner.request({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(
      reminded.items.filter(
        (n: { kind: string; taskId: string }) => n.kind === 'task_due' && n.taskId === task.json().id,
      ),
    ).toHaveLength(1);
    await remindDueTasks(db);
    const once = (await owner.request({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(
      once.items.filter(
        (n: { kind: string; taskId: string }) => n.kind === 'task_due' && n.taskId === task.json().id,
      ),
    ).toHaveLength(1);

    const done = await owner.request({ method: 'POST', url: `/api/v1/tasks/${task.json().id}/complete` });
    expect(done.json().status).toBe('done');
    const open = (await owner.request({ method: 'GET', url: '/api/v1/tasks' })).json().items;
    const next = open.find(
      (item: { kind: string; customer: { id: string } }) =>
        item.kind === 'call_back' && item.customer.id === customerId,
    );
    expect(Date.parse(next.dueAt) - Date.parse(dueAt)).toBe(7 * 86_400_000);

    const notRecurringWithoutDate = await owner.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { kind: 'follow_up', customerId, recurrence: 'daily' },
    });
    expect(notRecurringWithoutDate.statusCode).toBe(422);
    // Out of scope: the service user cannot attach tasks to this customer.
    const outside = await colleague.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { kind: 'follow_up', customerId },
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('contract renewals', () => {
  it('gives the owner one renewal task for a contract ending within 30 days, due a week before', async () => {
    const { signIn, db } = await createTestApp();
    const owner = await signIn('sales');
    const now = new Date('2026-12-01T02:00:00Z');
    const customerEnding = async (contractEndDate: string) => {
      const created = await owner.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: {
          kind: 'organization',
          organization: { legalName: `${uniqueMarker('ct')}合同公司` },
          contractEndDate,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().contractEndDate).toBe(contractEndDate);
      return created.json().id as string;
    };
    const soon = await customerEnding('2026-12-20');
    const later = await customerEnding('2027-03-01');
    await createRenewalTasks(db, now);
    await createRenewalTasks(db, now);
    const renewals = (await owner.request({ method: 'GET', url: '/api/v1/tasks?limit=200' }))
      .json()
      .items.filter((task: { kind: string }) => task.kind === 'renewal');
    expect(renewals.map((task: { customer: { id: string } }) => task.customer.id)).toEqual([soon]);
    expect(renewals.map((task: { customer: { id: string } }) => task.customer.id)).not.toContain(later);
    // A week before 2026-12-20, at 09:00 in Shanghai.
    expect(renewals[0].dueAt).toBe('2026-12-13T01:00:00.000Z');
    const invalid = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: '日期公司' },
        contractEndDate: '2026-02-30',
      },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].path).toBe('/contractEndDate');
  });
});

describe('completing a recurring task', () => {
  it('repeats it once when it is completed several times at once', async () => {
    const { signIn, db } = await createTestApp();
    const owner = await signIn('sales');
    const admin = await signIn('admin');
    const created = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('rc')}回访公司` } },
    });
    const customerId = created.json().id as string;
    const taskIds: string[] = [];
    for (let n = 0; n < 5; n++) {
      const task = await owner.request({
        method: 'POST',
        url: '/api/v1/tasks',
        payload: { kind: 'call_back', customerId, dueAt: new Date().toISOString(), recurrence: 'daily' },
      });
      expect(task.statusCode, task.body).toBe(201);
      taskIds.push(task.json().id);
    }
    const completions = await Promise.all(
      taskIds.flatMap((id) =>
        [owner, admin, owner, admin].map((client) =>
          client.request({ method: 'POST', url: `/api/v1/tasks/${id}/complete` }),
        ),
      ),
    );
    expect(new Set(completions.map((response) => response.statusCode))).toEqual(new Set([200]));
    expect(completions.every((response) => response.json().status === 'done')).toBe(true);
    const rows = await db.select().from(tasks).where(eq(tasks.customerId, customerId));
    // Each completed task once, and one follow-on each.
    expect(rows.filter((row) => row.status === 'done')).toHaveLength(taskIds.length);
    expect(rows.filter((row) => row.status === 'open')).toHaveLength(taskIds.length);
    const audited = await db.execute(
      sql`SELECT 1 FROM audit_entries WHERE action = 'task.complete' AND resource_id = ANY(${sql.param(taskIds)}::text[])`,
    );
    expect(audited.rows).toHaveLength(taskIds.length);
  });
});

describe('renewal tasks once done', () => {
  it('does not come back the next day once the owner has done it', async () => {
    const { signIn, db } = await createTestApp();
    const owner = await signIn('sales');
    const now = new Date();
    const inTenDays = new Date(now.getTime() + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'organization',
        organization: { legalName: `${uniqueMarker('rn')}续约公司` },
        contractEndDate: inTenDays,
      },
    });
    const customerId = created.json().id as string;
    const renewalsOf = () =>
      db
        .select()
        .from(tasks)
        .where(and(eq(tasks.customerId, customerId), eq(tasks.kind, 'renewal')));
    await createRenewalTasks(db, now);
    const [renewal] = await renewalsOf();
    expect(renewal?.status).toBe('open');
    const done = await owner.request({ method: 'POST', url: `/api/v1/tasks/${renewal?.id}/complete` });
    expect(done.statusCode).toBe(200);
    for (const day of [1, 2, 5]) {
      await createRenewalTasks(db, new Date(now.getTime() + day * 86_400_000));
      expect(await renewalsOf()).toHaveLength(1);
    }
  });
});
