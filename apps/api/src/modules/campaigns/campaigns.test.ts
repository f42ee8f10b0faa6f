import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('campaigns', async () => {
  const t = await createTestApp();
  const admin = await t.signIn('admin');
  const marketing = await t.signIn('marketing');

  it('targets only consenting members, and counts responses, conversions, revenue and ROI from the code', async () => {
    const tag = uniqueMarker('cp');
    const code = uniqueMarker('C');
    const ids: string[] = [];
    for (const [n, consent] of [
      [0, 'granted'],
      [1, 'withdrawn'],
      [2, null],
    ] as const) {
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: { kind: 'organization', organization: { legalName: `${tag}活动公司${n}` }, tags: [tag] },
      });
      const id = created.json().id as string;
      ids.push(id);
      if (consent === 'withdrawn')
        await admin.request({
          method: 'POST',
          url: `/api/v1/customers/${id}/consents`,
          payload: {
            purpose: 'marketing',
            channel: 'sms',
            status: 'granted',
            source: 'store',
            textVersion: 'v1',
          },
        });
      if (consent)
        await admin.request({
          method: 'POST',
          url: `/api/v1/customers/${id}/consents`,
          payload: {
            purpose: 'marketing',
            channel: 'sms',
            status: consent,
            source: 'store',
            textVersion: 'v1',
          },
        });
    }
    const segment = (
      await marketing.request({
        method: 'POST',
        url: '/api/v1/segments',
        payload: {
          name: tag,
          kind: 'dynamic',
          rule: { type: 'field', field: 'tags', operator: 'eq', value: tag },
        },
      })
    ).json();
    const startsAt = new Date(Date.now() - 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await marketing.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: {
        code,
        name: '双十二短信',
        channel: 'sms',
        segmentId: segment.id,
        startsAt,
        endsAt,
        cost: '100.00',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().stats).toEqual({
      reach: 1,
      responses: 0,
      conversions: 0,
      attributedRevenue: '0.00',
      roi: -1,
    });
    const targets = (
      await marketing.request({ method: 'GET', url: `/api/v1/campaigns/${created.json().id}/targets` })
    ).json();
    expect(targets.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);

    await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${ids[0]}/interactions`,
      payload: {
        type: 'campaign_response',
        channel: 'sms',
        occurredAt: new Date().toISOString(),
        summary: '回复 Y',
        campaignCode: code,
      },
    });
    for (const [n, status] of [
      [0, 'paid'],
      [1, 'cancelled'],
    ] as const)
      await admin.request({
        method: 'PUT',
        url: `/api/v1/orders/shop/${code}-${n}`,
        payload: {
          customer: { customerId: ids[n] },
          channel: 'online',
          orderedAt: new Date().toISOString(),
          status,
          campaignCode: code,
          lines: [{ productCode: 'P', productName: '套餐', quantity: 1, unitPrice: '350.00' }],
        },
      });
    const campaign = (
      await marketing.request({ method: 'GET', url: `/api/v1/campaigns/${created.json().id}` })
    ).json();
    expect(campaign.stats).toEqual({
      reach: 1,
      responses: 1,
      conversions: 1,
      attributedRevenue: '350.00',
      roi: 2.5,
    });

    const duplicate = await marketing.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { code, name: 'x', channel: 'sms', segmentId: segment.id, startsAt, endsAt, cost: '1' },
    });
    expect(duplicate.statusCode).toBe(409);
    const backwards = await marketing.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: {
        code: uniqueMarker('C'),
        name: 'x',
        channel: 'sms',
        segmentId: segment.id,
        startsAt: endsAt,
        endsAt: startsAt,
        cost: '1',
      },
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].path).toBe('/endsAt');
  });
});
