import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('interaction batches', async () => {
  const t = await createTestApp();
  const admin = await t.signIn('admin');

  async function newCustomer() {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('ib')}互动公司` } },
    });
    return created.json().id as string;
  }

  const item = (source: string, externalId: string, customer: object, summary = '来电咨询') => ({
    customer,
    source,
    externalId,
    type: 'call',
    channel: 'phone',
    occurredAt: '2026-11-30T08:00:00Z',
    summary,
  });
  const send = (items: object[]) =>
    admin.request({ method: 'POST', url: '/api/v1/interactions/batch', payload: { items } });

  it('standardizes every item with the shared schema and reports errors by item', async () => {
    const customerId = await newCustomer();
    const source = uniqueMarker('cc');
    const refused = await send([
      item(source, 'a', { customerId }),
      item(source, 'b', { customerId }, '   '),
      item(source, 'c', {}),
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: '/items/1/summary', message: 'Required' },
      { path: '/items/2/customer', message: 'Name the customer by customerId or by externalId' },
    ]);
    const stored = await t.db.execute(sql`SELECT 1 FROM interactions WHERE source = ${source}`);
    expect(stored.rows).toEqual([]);
  });

  it('refuses an external id stored for another customer, without naming that customer', async () => {
    const first = await newCustomer();
    const second = await newCustomer();
    const source = uniqueMarker('cc');
    const sent = await send([item(source, 'x', { customerId: first })]);
    expect(sent.statusCode, sent.body).toBe(200);
    const clash = await send([
      item(source, 'y', { customerId: second }),
      item(source, 'x', { customerId: second }),
    ]);
    expect(clash.statusCode, clash.body).toBe(422);
    expect(clash.json().errors).toEqual([{ path: '/items/1/externalId', message: expect.any(String) }]);
    expect(clash.body).not.toContain(first);
    expect(clash.body).not.toContain(sent.json().items[0].id);
    // All or nothing: the other item was not stored either.
    const stored = await t.db.execute(sql`SELECT 1 FROM interactions WHERE source = ${source}`);
    expect(stored.rows).toHaveLength(1);
  });
});
