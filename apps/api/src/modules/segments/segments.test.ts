import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('segments', async () => {
  const t = await createTestApp();
  const marketing = await t.signIn('marketing');
  const admin = await t.signIn('admin');

  async function customerWithTag(
    client: typeof admin,
    tag: string,
    kind: 'person' | 'organization' = 'organization',
  ) {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload:
        kind === 'organization'
          ? { kind, organization: { legalName: `${uniqueMarker('sg')}分群公司` }, tags: [tag] }
          : { kind, person: { familyName: '段', givenName: uniqueMarker('p') }, tags: [tag] },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; version: number };
  }

  it('ships the three preset profiles as editable dynamic segments', async () => {
    const list = (await marketing.request({ method: 'GET', url: '/api/v1/segments' })).json();
    const presets = list.items.filter((segment: { isPreset: boolean }) => segment.isPreset);
    expect(presets.map((segment: { name: string }) => segment.name).sort()).toEqual(
      ['沉睡客户', '高价值企业客户', '高活跃度低转化'].sort(),
    );
    for (const preset of presets) {
      const preview = await marketing.request({
        method: 'POST',
        url: '/api/v1/segments/preview',
        payload: { rule: preset.rule },
      });
      expect(preview.statusCode, preview.body).toBe(200);
    }
  });

  it('previews, saves and refreshes a rule of fields and events, with entries and exits on the timeline', async () => {
    const tag = uniqueMarker('tag');
    const buyer = await customerWithTag(admin, tag);
    const browser = await customerWithTag(admin, tag);
    await customerWithTag(admin, tag, 'person');
    for (const n of [1, 2]) {
      const order = await admin.request({
        method: 'PUT',
        url: `/api/v1/orders/shop/${uniqueMarker(`o${n}`)}`,
        payload: {
          customer: { customerId: buyer.id },
          channel: 'online',
          orderedAt: new Date(Date.now() - n * 86_400_000).toISOString(),
          status: 'paid',
          lines: [{ productCode: 'P', productName: '商品', quantity: 1, unitPrice: '300.00' }],
        },
      });
      expect(order.statusCode, order.body).toBe(201);
    }
    const rule = {
      type: 'group',
      op: 'and',
      rules: [
        { type: 'field', field: 'tags', operator: 'eq', value: tag },
        { type: 'field', field: 'kind', operator: 'eq', value: 'organization' },
        {
          type: 'event',
          event: 'order',
          where: { orderStatus: ['paid', 'completed'] },
          measure: 'sum_amount',
          windowDays: 30,
          operator: 'gte',
          value: 500,
        },
      ],
    };
    const preview = (
      await marketing.request({ method: 'POST', url: '/api/v1/segments/preview', payload: { rule } })
    ).json();
    expect(preview.count).toBe(1);
    expect(preview.sample.map((c: { id: string }) => c.id)).toEqual([buyer.id]);

    const created = await marketing.request({
      method: 'POST',
      url: '/api/v1/segments',
      payload: { name: `${tag} 买家`, kind: 'dynamic', rule },
    });
    expect(created.statusCode, created.body).toBe(201);
    const segment = created.json();
    expect(segment).toMatchObject({ memberCount: 1, kind: 'dynamic', isPreset: false });

    // The browser buys too, the buyer's orders are refunded: one enters, one leaves.
    await admin.request({
      method: 'PUT',
      url: `/api/v1/orders/shop/${uniqueMarker('o3')}`,
      payload: {
        customer: { customerId: browser.id },
        channel: 'offline',
        orderedAt: new Date().toISOString(),
        status: 'completed',
        lines: [{ productCode: 'P', productName: '商品', quantity: 2, unitPrice: '250.00' }],
      },
    });
    const orders = (
      await admin.request({ method: 'GET', url: `/api/v1/customers/${buyer.id}/orders` })
    ).json();
    for (const order of orders.items)
      await admin.request({
        method: 'PUT',
        url: `/api/v1/orders/shop/${order.orderNo}`,
        payload: {
          customer: { customerId: buyer.id },
          channel: order.channel,
          orderedAt: order.orderedAt,
          status: 'refunded',
          lines: order.lines.map(
            (line: { productCode: string; productName: string; quantity: number; unitPrice: string }) => ({
              productCode: line.productCode,
              productName: line.productName,
              quantity: line.quantity,
              unitPrice: line.unitPrice,
            }),
          ),
        },
      });
    const refreshed = await marketing.request({
      method: 'POST',
      url: `/api/v1/segments/${segment.id}/refresh`,
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json()).toMatchObject({ entered: 1, exited: 1, segment: { memberCount: 1 } });
    const members = (
      await marketing.request({ method: 'GET', url: `/api/v1/segments/${segment.id}/members` })
    ).json();
    expect(members.items.map((c: { id: string }) => c.id)).toEqual([browser.id]);

    const timeline = (
      await admin.request({ method: 'GET', url: `/api/v1/customers/${buyer.id}/timeline?types=segment` })
    ).json();
    expect(timeline.items.map((item: { segment: { event: string; name: string } }) => item.segment)).toEqual([
      { id: segment.id, name: `${tag} 买家`, event: 'exited' },
      { id: segment.id, name: `${tag} 买家`, event: 'entered' },
    ]);

    // A static snapshot does not follow the rule.
    const snapshot = (
      await marketing.request({
        method: 'POST',
        url: '/api/v1/segments',
        payload: { name: `${tag} 快照`, kind: 'static', rule },
      })
    ).json();
    expect(snapshot.memberCount).toBe(1);
    expect(
      (await marketing.request({ method: 'POST', url: `/api/v1/segments/${snapshot.id}/refresh` }))
        .statusCode,
    ).toBe(409);

    const stale = await marketing.request({
      method: 'PUT',
      url: `/api/v1/segments/${segment.id}`,
      headers: { 'if-match': '"999"' },
      payload: { name: 'x', kind: 'dynamic', rule },
    });
    expect(stale.statusCode).toBe(412);
    const renamed = await marketing.request({
      method: 'PUT',
      url: `/api/v1/segments/${segment.id}`,
      headers: { 'if-match': `"${refreshed.json().segment.version}"` },
      payload: { name: `${tag} 新买家`, kind: 'dynamic', rule },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(
      (await marketing.request({ method: 'DELETE', url: `/api/v1/segments/${segment.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await marketing.request({ method: 'GET', url: `/api/v1/segments/${segment.id}` })).statusCode,
    ).toBe(404);
  });

  it('counts and lists members within the viewer’s data scope only', async () => {
    const tag = uniqueMarker('scope');
    const sales = await t.signIn('sales');
    const other = await t.signIn('sales');
    const own = await customerWithTag(sales, tag);
    await customerWithTag(other, tag);
    const rule = { type: 'field', field: 'tags', operator: 'eq', value: tag };
    const segment = (
      await marketing.request({
        method: 'POST',
        url: '/api/v1/segments',
        payload: { name: tag, kind: 'dynamic', rule },
      })
    ).json();
    expect(segment.memberCount).toBe(2);
    const seen = (await sales.request({ method: 'GET', url: `/api/v1/segments/${segment.id}` })).json();
    expect(seen.memberCount).toBe(1);
    const members = (
      await sales.request({ method: 'GET', url: `/api/v1/segments/${segment.id}/members` })
    ).json();
    expect(members.items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    const preview = (
      await sales.request({ method: 'POST', url: '/api/v1/segments/preview', payload: { rule } })
    ).json();
    expect(preview.count).toBe(1);
    expect(
      (
        await sales.request({
          method: 'POST',
          url: '/api/v1/segments',
          payload: { name: 'x', kind: 'dynamic', rule },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses unknown fields and operators with the path of the mistake', async () => {
    const unknownField = await marketing.request({
      method: 'POST',
      url: '/api/v1/segments/preview',
      payload: {
        rule: {
          type: 'group',
          op: 'and',
          rules: [{ type: 'field', field: 'salary', operator: 'gt', value: 1 }],
        },
      },
    });
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().errors.map((e: { path: string }) => e.path)).toContain('/rule/rules/0/field');
    const wrongOperator = await marketing.request({
      method: 'POST',
      url: '/api/v1/segments/preview',
      payload: {
        rule: { type: 'not', rule: { type: 'field', field: 'tags', operator: 'gt', value: 'vip' } },
      },
    });
    expect(wrongOperator.statusCode).toBe(422);
    expect(wrongOperator.json().errors).toEqual([
      { path: '/rule/rule/operator', message: 'tags takes eq, neq, in, not_in, is_set, is_not_set' },
    ]);
    const unknownType = await marketing.request({
      method: 'POST',
      url: '/api/v1/segments/preview',
      payload: { rule: { type: 'sql', query: 'SELECT 1' } },
    });
    expect(unknownType.statusCode).toBe(422);
  });
});
