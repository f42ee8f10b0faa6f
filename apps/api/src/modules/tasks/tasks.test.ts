import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { tasks } from '../../db/schema';

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
