import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { defaultAnomalySettings } from './settings';

const t = await createTestApp();
let admin: Awaited<ReturnType<typeof t.signIn>>;

type Alert = { id: string; rule: string; subject: string; observed: number; threshold: number };
async function alertsFor(subject: string, rule: string): Promise<Alert[]> {
  await admin.request({ method: 'POST', url: '/api/v1/security-alerts/evaluate' });
  const list = await admin.request({ method: 'GET', url: '/api/v1/security-alerts' });
  return (list.json().items as Alert[]).filter((a) => a.rule === rule && a.subject === subject);
}

describe('anomaly alerts', () => {
  beforeAll(async () => {
    admin = await t.signIn('admin');
    const tight = {
      ...defaultAnomalySettings,
      bulkRevealPerHour: 2,
      failedSignInsPer15Minutes: 2,
      unusualVolumeMinimum: 3,
      // No working days at all: every sign-in is outside working hours.
      workingHours: { ...defaultAnomalySettings.workingHours, days: [] },
    };
    const updated = await admin.request({
      method: 'PUT',
      url: '/api/v1/security-alerts/settings',
      payload: tight,
    });
    expect(updated.statusCode).toBe(200);
  });
  afterAll(async () => {
    await admin.request({
      method: 'PUT',
      url: '/api/v1/security-alerts/settings',
      payload: defaultAnomalySettings,
    });
  });

  it('raises one alert for repeated failed sign-ins for an email, and keeps its count current', async () => {
    const email = `${uniqueMarker('brute')}@test.cims`;
    const fail = () =>
      t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: 'guess guess' } });
    for (let attempt = 0; attempt < 3; attempt++) await fail();
    const [alert] = await alertsFor(`email:${email}`, 'failed_sign_ins');
    expect(alert).toMatchObject({ observed: 3, threshold: 2 });
    await fail();
    const again = await alertsFor(`email:${email}`, 'failed_sign_ins');
    expect(again).toHaveLength(1);
    expect(again[0]?.observed).toBe(4);
  });

  it('raises bulk-reveal, off-hours and unusual-volume alerts for a user', async () => {
    const compliance = await t.signIn('compliance');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'person',
        person: { familyName: '警', givenName: '报' },
        contactPoints: [{ type: 'phone', value: '13500135000' }],
      },
    });
    const id = created.json().id;
    for (let index = 0; index < 3; index++) {
      await compliance.request({
        method: 'POST',
        url: `/api/v1/customers/${id}/reveal`,
        payload: { field: 'phone', reason: `check ${index}` },
      });
    }
    expect(await alertsFor(compliance.user.email, 'bulk_reveal')).toEqual([
      expect.objectContaining({ observed: 3 }),
    ]);
    expect(await alertsFor(compliance.user.email, 'off_hours_access')).toHaveLength(1);

    const reader = await t.signIn('admin');
    for (let index = 0; index < 4; index++)
      await reader.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    expect(await alertsFor(reader.user.email, 'unusual_volume')).toEqual([
      expect.objectContaining({ observed: 4, threshold: 3 }),
    ]);
  });

  it('lets compliance acknowledge an alert, audited; other roles see no alerts', async () => {
    const email = `${uniqueMarker('ack')}@test.cims`;
    for (let attempt = 0; attempt < 3; attempt++) {
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'guess guess' },
      });
    }
    const [alert] = await alertsFor(`email:${email}`, 'failed_sign_ins');
    const compliance = await t.signIn('compliance');
    const acknowledged = await compliance.request({
      method: 'POST',
      url: `/api/v1/security-alerts/${alert?.id}/acknowledge`,
    });
    expect(acknowledged.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: compliance.user.email,
    });
    const open = await compliance.request({ method: 'GET', url: '/api/v1/security-alerts?status=open' });
    expect(open.json().items.map((a: Alert) => a.id)).not.toContain(alert?.id);

    const sales = await t.signIn('sales');
    expect((await sales.request({ method: 'GET', url: '/api/v1/security-alerts' })).statusCode).toBe(403);
    const badZone = await admin.request({
      method: 'PUT',
      url: '/api/v1/security-alerts/settings',
      payload: {
        ...defaultAnomalySettings,
        workingHours: { ...defaultAnomalySettings.workingHours, timeZone: 'Mars/Olympus' },
      },
    });
    expect(badZone.statusCode).toBe(422);
  });
});
