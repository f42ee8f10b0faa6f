import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

const t = await createTestApp();
let service: Awaited<ReturnType<typeof t.signIn>>;
beforeAll(async () => {
  service = await t.signIn('service');
});

async function createCustomer(tag: string) {
  const response = await service.request({
    method: 'POST',
    url: '/api/v1/customers',
    payload: { kind: 'person', person: { familyName: '同', givenName: '意' }, tags: [tag] },
  });
  return response.json().id as string;
}

const grant = (purpose: string, channel: string, status = 'granted') => ({
  purpose,
  channel,
  status,
  source: 'website_form',
  textVersion: 'privacy-2026-03',
});

describe('consent', () => {
  it('keeps the full history and derives the consent in force per purpose and channel', async () => {
    const id = await createCustomer(uniqueMarker());
    const initial = await service.request({ method: 'GET', url: `/api/v1/customers/${id}/consents` });
    expect(initial.json().current).toHaveLength(12);
    expect(initial.json().current.every((c: { isGranted: boolean }) => !c.isGranted)).toBe(true);

    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: grant('marketing', 'sms'),
    });
    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: grant('marketing', 'email'),
    });
    const withdrawn = await service.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: grant('marketing', 'sms', 'withdrawn'),
    });
    expect(withdrawn.statusCode).toBe(201);
    const { current, history } = withdrawn.json();
    const state = (purpose: string, channel: string) =>
      current.find(
        (c: { purpose: string; channel: string }) => c.purpose === purpose && c.channel === channel,
      );
    expect(state('marketing', 'sms')).toMatchObject({
      isGranted: false,
      withdrawnAt: expect.any(String),
      grantedAt: expect.any(String),
    });
    expect(state('marketing', 'email')).toMatchObject({
      isGranted: true,
      textVersion: 'privacy-2026-03',
      withdrawnAt: null,
    });
    expect(history.map((e: { status: string; channel: string }) => `${e.status}:${e.channel}`)).toEqual([
      'withdrawn:sms',
      'granted:email',
      'granted:sms',
    ]);
    expect(history[0].recordedBy).toBe(service.user.email);
  });

  it('filters the customer list by consent in force, so marketing lists honour withdrawals at once', async () => {
    const tag = uniqueMarker('consent');
    const [yes, no, withdrew] = [
      await createCustomer(tag),
      await createCustomer(tag),
      await createCustomer(tag),
    ];
    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${yes}/consents`,
      payload: grant('marketing', 'sms'),
    });
    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${no}/consents`,
      payload: grant('marketing', 'email'),
    });
    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${withdrew}/consents`,
      payload: grant('marketing', 'sms'),
    });
    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${withdrew}/consents`,
      payload: grant('marketing', 'sms', 'withdrawn'),
    });
    const marketing = await t.signIn('marketing');
    const list = await marketing.request({
      method: 'GET',
      url: `/api/v1/customers?tag=${tag}&consent=marketing:sms`,
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([yes]);
    const bad = await marketing.request({ method: 'GET', url: `/api/v1/customers?consent=marketing:fax` });
    expect(bad.statusCode).toBe(422);
  });

  it('audits every grant and withdrawal, refuses marketing recording consent, and validates input', async () => {
    const id = await createCustomer(uniqueMarker());
    await service.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: grant('analytics', 'wechat'),
    });
    const history = await service.request({ method: 'GET', url: `/api/v1/customers/${id}/history` });
    expect(history.json().items[0]).toMatchObject({
      action: 'consent.grant',
      details: { purpose: 'analytics', channel: 'wechat' },
    });

    const marketing = await t.signIn('marketing');
    const denied = await marketing.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: grant('marketing', 'sms'),
    });
    expect(denied.statusCode).toBe(403);
    const invalid = await service.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: { ...grant('marketing', 'sms'), purpose: 'spam' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].path).toBe('/purpose');
    const missing = await service.request({
      method: 'POST',
      url: '/api/v1/customers/5f1c1c55-4a8e-4c2a-9f7e-3c1a2b3c4d5e/consents',
      payload: grant('marketing', 'sms'),
    });
    expect(missing.statusCode).toBe(404);
  });
});
