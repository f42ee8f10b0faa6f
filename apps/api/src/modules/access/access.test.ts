/**
 * Security tests: data scope on every customer-scoped operation, and no masked value in any response.
 */
import { computeResidentIdCheckChar, type TStaffRole } from '@cims/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, uniqueMarker } from '../../../test/app';
import { systemAuditContext } from '../audit/service';
import { createUser } from '../users/service';
import { defaultPolicies, type SensitiveField } from './policies';

const t = await createTestApp();

async function signInWithTeam(app: TestApp, role: TStaffRole, team: string) {
  const email = `${role}-${uniqueMarker()}@test.cims`;
  await createUser(app.db, systemAuditContext('test setup'), {
    email,
    displayName: email,
    password: 'team member password',
    roles: [role],
    team,
  });
  const response = await app.request({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: 'team member password' },
  });
  const cookie = response.cookies.find((c) => c.name === 'cims_session')?.value ?? '';
  const { csrfToken, user } = response.json();
  return {
    user,
    request: (options: Parameters<TestApp['request']>[0]) =>
      app.request({
        ...options,
        cookies: { cims_session: cookie },
        headers: { 'x-csrf-token': csrfToken, ...options.headers },
      }),
  };
}

describe('data scope', () => {
  const teamA = uniqueMarker('team');
  const teamB = uniqueMarker('team');
  const marker = uniqueMarker('scope');
  let owner: Awaited<ReturnType<typeof signInWithTeam>>;
  let teammate: Awaited<ReturnType<typeof signInWithTeam>>;
  let outsider: Awaited<ReturnType<typeof signInWithTeam>>;
  let customerId: string;

  beforeAll(async () => {
    owner = await signInWithTeam(t, 'sales', teamA);
    teammate = await signInWithTeam(t, 'sales', teamA);
    outsider = await signInWithTeam(t, 'sales', teamB);
    const created = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'person', person: { familyName: '范', givenName: marker }, tags: [marker] },
    });
    expect(created.statusCode).toBe(201);
    customerId = created.json().id;
    expect(created.json().owner.id).toBe(owner.user.id);
  });

  it('lets the owner and the owner’s team see and change the customer', async () => {
    for (const member of [owner, teammate]) {
      expect(
        (await member.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).statusCode,
      ).toBe(200);
      const list = await member.request({ method: 'GET', url: `/api/v1/customers?tag=${marker}` });
      expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([customerId]);
    }
    const current = await teammate.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    const patched = await teammate.request({
      method: 'PATCH',
      url: `/api/v1/customers/${customerId}`,
      headers: { 'if-match': String(current.headers.etag) },
      payload: { lifecycleStage: 'prospect' },
    });
    expect(patched.statusCode).toBe(200);
  });

  it('answers 404 to a salesperson of another team on every customer-scoped operation, and changes nothing', async () => {
    const before = await owner.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    const attempts = [
      { method: 'GET', url: `/api/v1/customers/${customerId}` },
      {
        method: 'PATCH',
        url: `/api/v1/customers/${customerId}`,
        headers: { 'if-match': String(before.headers.etag) },
        payload: { notes: 'mine now' },
      },
      { method: 'DELETE', url: `/api/v1/customers/${customerId}` },
      { method: 'POST', url: `/api/v1/customers/${customerId}/restore` },
      { method: 'GET', url: `/api/v1/customers/${customerId}/history` },
      {
        method: 'POST',
        url: `/api/v1/customers/${customerId}/reveal`,
        payload: { field: 'phone', reason: 'curious' },
      },
    ] as const;
    for (const attempt of attempts) {
      const response = await outsider.request(attempt as never);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(response.body).not.toContain(marker);
    }
    const list = await outsider.request({ method: 'GET', url: `/api/v1/customers?tag=${marker}` });
    expect(list.json().items).toEqual([]);
    const search = await outsider.request({ method: 'GET', url: `/api/v1/customers/search?q=${marker}` });
    expect(search.json().items).toEqual([]);
    const after = await owner.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    expect(after.json()).toMatchObject({ version: before.json().version, notes: null, deletedAt: null });
  });

  it('does not let a salesperson hand a customer outside their team, or leave it unowned', async () => {
    const create = (ownerId: string | null) =>
      owner.request({
        method: 'POST',
        url: '/api/v1/customers',
        payload: { kind: 'person', person: { familyName: '交', givenName: '接' }, ownerId },
      });
    expect((await create(teammate.user.id)).statusCode).toBe(201);
    for (const ownerId of [outsider.user.id, null]) {
      const refused = await create(ownerId);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].path).toBe('/ownerId');
    }
    const current = await owner.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    const handOver = await owner.request({
      method: 'PATCH',
      url: `/api/v1/customers/${customerId}`,
      headers: { 'if-match': String(current.headers.etag) },
      payload: { ownerId: outsider.user.id },
    });
    expect(handOver.statusCode).toBe(422);
  });

  it('lets roles with the whole base in scope see it', async () => {
    const admin = await t.signIn('admin');
    expect((await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).statusCode).toBe(
      200,
    );
  });
});

describe('field-level security', () => {
  const marker = uniqueMarker('mask');
  const phone = `+86139${String(Date.now()).slice(-8)}`;
  const email = `${marker}@example.com`;
  const wechat = `wx_${marker}`;
  const idBody = '44030519900307123';
  const residentIdNumber = idBody + computeResidentIdCheckChar(idBody);
  const detail = `科技园路${marker}号`;
  const passport = `E${String(Date.now()).slice(-8)}`;
  const secrets: Record<SensitiveField, string[]> = {
    residentIdNumber: [residentIdNumber],
    otherIdNumber: [passport],
    birthDate: ['1990-03-07'],
    phone: [phone, phone.slice(3)],
    email: [email],
    wechat: [wechat],
    addressDetail: [detail],
  };
  let customerId: string;

  beforeAll(async () => {
    const admin = await t.signIn('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'person',
        person: {
          familyName: '秘',
          givenName: marker,
          residentIdNumber,
          otherIdType: 'passport',
          otherIdNumber: passport,
        },
        contactPoints: [
          { type: 'phone', value: phone },
          { type: 'email', value: email },
          { type: 'wechat', value: wechat },
        ],
        addresses: [{ provinceCode: '440000', cityCode: '440300', districtCode: '440305', detail }],
        tags: [marker],
        ownerId: null,
      },
    });
    expect(created.statusCode).toBe(201);
    customerId = created.json().id;
    // Service staff see the customers with an open work order in their queue.
    const workOrder = await admin.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: { customerId, category: 'consultation', title: '咨询产品' },
    });
    expect(workOrder.statusCode, workOrder.body).toBe(201);
  });

  it.each(['admin', 'service', 'marketing', 'compliance', 'auditor'] as const)(
    'shows %s no value its policy masks or hides, in any customer response',
    async (role) => {
      const viewer = await t.signIn(role);
      const bodies = [
        await viewer.request({ method: 'GET', url: `/api/v1/customers/${customerId}` }),
        await viewer.request({ method: 'GET', url: `/api/v1/customers?tag=${marker}` }),
        await viewer.request({ method: 'GET', url: `/api/v1/customers/search?q=${marker}` }),
        await viewer.request({ method: 'GET', url: `/api/v1/customers/${customerId}/360` }),
        await viewer.request({ method: 'GET', url: `/api/v1/customers/${customerId}/timeline` }),
        await viewer.request({ method: 'GET', url: `/api/v1/customers/${customerId}/history` }),
      ].map((response) => {
        expect(response.statusCode).toBe(200);
        return response.body;
      });
      const policy = defaultPolicies[role].fieldAccess;
      for (const [field, values] of Object.entries(secrets) as [SensitiveField, string[]][]) {
        for (const value of values) {
          for (const body of bodies.slice(0, 5)) {
            if (policy[field] === 'visible') continue;
            expect(body, `${role} sees ${field} in the clear`).not.toContain(value);
          }
          // The audit history never carries sensitive values in the clear, whoever reads it.
          if (field !== 'addressDetail') expect(bodies[5]).not.toContain(value);
        }
      }
      const customer = JSON.parse(bodies[0] as string);
      expect(customer.fieldAccess).toEqual(policy);
    },
  );

  it('reveals a masked field to a role allowed to, with the reason in the audit log', async () => {
    const compliance = await t.signIn('compliance');
    const revealed = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/reveal`,
      payload: { field: 'phone', reason: '客户投诉核实' },
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ field: 'phone', values: [phone] });
    const auditor = await t.signIn('auditor');
    const entries = await auditor.request({
      method: 'GET',
      url: `/api/v1/audit-entries?customerId=${customerId}&action=customer.reveal`,
    });
    expect(entries.json().items[0]).toMatchObject({
      actorId: compliance.user.id,
      details: { field: 'phone', reason: '客户投诉核实' },
    });
  });

  it('refuses reveals to roles without the right, and a reveal without a reason', async () => {
    const service = await t.signIn('service');
    const denied = await service.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/reveal`,
      payload: { field: 'phone', reason: 'just looking' },
    });
    expect(denied.statusCode).toBe(403);
    const marketing = await t.signIn('marketing');
    const hidden = await marketing.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/reveal`,
      payload: { field: 'residentIdNumber', reason: 'campaign' },
    });
    expect(hidden.statusCode).toBe(403);
    const admin = await t.signIn('admin');
    const noReason = await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/reveal`,
      payload: { field: 'phone' },
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].path).toBe('/reason');
  });

  it('does not let a role replace contact points it cannot see', async () => {
    const service = await t.signIn('service');
    const current = await service.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    const replace = await service.request({
      method: 'PATCH',
      url: `/api/v1/customers/${customerId}`,
      headers: { 'if-match': String(current.headers.etag) },
      payload: { contactPoints: [{ type: 'phone', value: '13700137000' }] },
    });
    expect(replace.statusCode).toBe(403);
    const allowed = await service.request({
      method: 'PATCH',
      url: `/api/v1/customers/${customerId}`,
      headers: { 'if-match': String(current.headers.etag) },
      payload: { notes: '已回访' },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).not.toContain(phone.slice(3));
  });

  it('applies an admin’s change to a role’s policy on the next request, and records it', async () => {
    const admin = await t.signIn('admin');
    const auditor = await t.signIn('auditor');
    const policies = await admin.request({ method: 'GET', url: '/api/v1/access-policies' });
    const original = policies.json().items.find((p: { role: string }) => p.role === 'auditor');
    const { role: _role, ...settings } = original;
    const opened = await admin.request({
      method: 'PUT',
      url: '/api/v1/access-policies/auditor',
      payload: { ...settings, fieldAccess: { ...settings.fieldAccess, email: 'visible' } },
    });
    expect(opened.statusCode).toBe(200);
    const seen = await auditor.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    expect(seen.body).toContain(email);
    await admin.request({ method: 'PUT', url: '/api/v1/access-policies/auditor', payload: settings });
    const masked = await auditor.request({ method: 'GET', url: `/api/v1/customers/${customerId}` });
    expect(masked.body).not.toContain(email);

    const entries = await auditor.request({
      method: 'GET',
      url: '/api/v1/audit-entries?action=access_policy.update',
    });
    expect(entries.json().items[1].changes).toEqual({
      fieldAccess: { before: settings.fieldAccess, after: { ...settings.fieldAccess, email: 'visible' } },
    });
    const sales = await t.signIn('sales');
    expect(
      (await sales.request({ method: 'PUT', url: '/api/v1/access-policies/sales', payload: settings }))
        .statusCode,
    ).toBe(403);
  });

  it('does not let a role that sees phones and emails masked recover them through quick search', async () => {
    const marketing = await t.signIn('marketing');
    const search = async (q: string) =>
      (
        await marketing.request({
          method: 'GET',
          url: `/api/v1/customers/search?${new URLSearchParams({ q })}`,
        })
      ).json().items as { id: string }[];
    const national = phone.slice(3);
    for (const fragment of [national.slice(-4), national.slice(3, 8), 'example.com']) {
      expect((await search(fragment)).map((i) => i.id)).not.toContain(customerId);
    }
    // A complete number or address (what a caller tells the hotline) still finds the customer.
    expect((await search(national)).map((i) => i.id)).toContain(customerId);
    expect((await search(email.toUpperCase())).map((i) => i.id)).toContain(customerId);
    expect((await search(marker)).map((i) => i.id)).toContain(customerId);
  });

  it('shows no field in a customer’s history that the viewer’s role hides, and no reveals', async () => {
    const marketing = await t.signIn('marketing');
    const history = await marketing.request({
      method: 'GET',
      url: `/api/v1/customers/${customerId}/history`,
    });
    expect(history.statusCode).toBe(200);
    const created = history.json().items.find((e: { action: string }) => e.action === 'customer.create');
    expect(Object.keys(created.changes)).not.toContain('residentIdNumber');
    expect(history.body).not.toContain('110105');
    expect(history.json().items.map((e: { action: string }) => e.action)).not.toContain('customer.reveal');
    expect(history.body).not.toContain('客户投诉核实');
  });
});
