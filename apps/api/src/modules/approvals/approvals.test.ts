/**
 * Maker-checker approvals: every kind from request to decision, the states a request goes through, and
 * who may decide. Policies are global, so this file has a database of its own.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { approvalRequests } from '../../db/schema';
import { verifyAuditChain } from '../audit/service';
import { expireApprovals } from './service';

const database = await createFreshDatabase('cims_approvals');
{
  const { db, pool } = openDatabase(database.url, { max: 1 });
  await migrateDatabase(db);
  await pool.end();
}
afterAll(async () => {
  const { db, pool } = openDatabase(database.url, { max: 1 });
  const verification = await verifyAuditChain(db);
  await pool.end();
  await database.drop();
  expect(verification.isValid).toBe(true);
});

describe('approvals', async () => {
  const t = await createTestApp({ databaseUrl: database.url });
  const admin = await t.signIn('admin');
  const secondAdmin = await t.signIn('admin');
  const compliance = await t.signIn('compliance');
  const sales = await t.signIn('sales');
  type Client = typeof admin;

  async function setPolicy(kind: string, policy: Record<string, unknown>) {
    const response = await admin.request({
      method: 'PUT',
      url: `/api/v1/approval-policies/${kind}`,
      payload: policy,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function decide(client: Client, id: string, decision: 'approve' | 'reject', comment?: string) {
    return client.request({
      method: 'POST',
      url: `/api/v1/approvals/${id}/decision`,
      payload: comment === undefined ? { decision } : { decision, comment },
    });
  }

  async function newCustomer(client: Client, payload: Record<string, unknown> = {}) {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'person', person: { familyName: '周', givenName: uniqueMarker('审') }, ...payload },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  it('holds an export above the threshold until an approver says yes, then runs it', async () => {
    await setPolicy('export', {
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 72,
      rowThreshold: 2,
    });
    const tag = uniqueMarker('big');
    for (let n = 0; n < 3; n++) await newCustomer(sales, { tags: [tag] });
    const held = await sales.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { source: 'customers', format: 'csv', reason: '年度对账', customerFilter: { tag } },
    });
    expect(held.statusCode, held.body).toBe(201);
    const exported = held.json();
    expect(exported).toMatchObject({ status: 'awaiting_approval', rows: 3, downloadUrl: null });
    expect(
      (await sales.request({ method: 'GET', url: `/api/v1/exports/${exported.id}/file` })).statusCode,
    ).toBe(409);

    const mine = (await sales.request({ method: 'GET', url: '/api/v1/approvals?view=mine' })).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: exported.approvalId,
        kind: 'export',
        status: 'pending',
        reason: '年度对账',
        canDecide: false,
        requestedBy: { id: sales.user.id, displayName: sales.user.displayName },
        details: expect.objectContaining({ exportId: exported.id, rows: 3 }),
      }),
    ]);
    expect((await sales.request({ method: 'GET', url: '/api/v1/approvals/pending-count' })).json()).toEqual({
      toDecide: 0,
      mineWaiting: 1,
    });
    expect(
      (await compliance.request({ method: 'GET', url: '/api/v1/approvals/pending-count' })).json(),
    ).toEqual({
      toDecide: 1,
      mineWaiting: 0,
    });
    // Not the approver role, and a rejection must say why.
    expect((await decide(admin, exported.approvalId, 'approve')).statusCode).toBe(403);
    expect((await decide(compliance, exported.approvalId, 'reject')).statusCode).toBe(422);

    const approved = await decide(compliance, exported.approvalId, 'approve', '已核实用途');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: compliance.user.id },
      decisionComment: '已核实用途',
      canDecide: false,
    });
    expect((await decide(compliance, exported.approvalId, 'approve')).statusCode).toBe(409);
    let current = exported;
    for (let tries = 0; tries < 80 && current.status !== 'ready'; tries++) {
      await sleep(250);
      current = (await sales.request({ method: 'GET', url: `/api/v1/exports/${exported.id}` })).json();
    }
    expect(current.status).toBe('ready');
    const file = await sales.request({ method: 'GET', url: `/api/v1/exports/${exported.id}/file` });
    expect(file.body.trimEnd().split('\n')).toHaveLength(2 + 3);

    // The direct segment download does not bypass the threshold.
    const segment = await admin.request({
      method: 'POST',
      url: '/api/v1/segments',
      payload: {
        name: tag,
        kind: 'static',
        rule: { type: 'field', field: 'tags', operator: 'eq', value: tag },
      },
    });
    expect(segment.statusCode, segment.body).toBe(201);
    const direct = await admin.request({
      method: 'GET',
      url: `/api/v1/segments/${segment.json().id}/export?format=csv&reason=direct`,
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().detail).toContain('POST /api/v1/exports');
  });

  it('refuses the export when the approver rejects it, with the reason for the requester', async () => {
    const tag = uniqueMarker('no');
    for (let n = 0; n < 3; n++) await newCustomer(sales, { tags: [tag] });
    const exported = (
      await sales.request({
        method: 'POST',
        url: '/api/v1/exports',
        payload: { source: 'customers', format: 'xlsx', reason: '私人用途', customerFilter: { tag } },
      })
    ).json();
    const rejected = await decide(compliance, exported.approvalId, 'reject', '用途不明确');
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionComment: '用途不明确' });
    const after = (await sales.request({ method: 'GET', url: `/api/v1/exports/${exported.id}` })).json();
    expect(after.status).toBe('rejected');
    expect(after.error).toContain('用途不明确');
  });

  it('lets the requester withdraw, and expires what nobody answers', async () => {
    const tag = uniqueMarker('wd');
    for (let n = 0; n < 3; n++) await newCustomer(sales, { tags: [tag] });
    const ask = async () =>
      (
        await sales.request({
          method: 'POST',
          url: '/api/v1/exports',
          payload: { source: 'customers', format: 'csv', reason: '测试撤回', customerFilter: { tag } },
        })
      ).json();
    const withdrawn = await ask();
    const cancelled = await sales.request({
      method: 'POST',
      url: `/api/v1/approvals/${withdrawn.approvalId}/cancel`,
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await decide(compliance, withdrawn.approvalId, 'approve')).statusCode).toBe(409);
    expect(
      (await compliance.request({ method: 'POST', url: `/api/v1/approvals/${withdrawn.approvalId}/cancel` }))
        .statusCode,
    ).toBe(404);

    const forgotten = await ask();
    await t.db
      .update(approvalRequests)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(approvalRequests.id, forgotten.approvalId));
    expect((await decide(compliance, forgotten.approvalId, 'approve')).statusCode).toBe(409);
    const request = (
      await sales.request({ method: 'GET', url: `/api/v1/approvals/${forgotten.approvalId}` })
    ).json();
    expect(request.status).toBe('expired');
    // The hourly job records the expiry and refuses the export it held.
    expect(await expireApprovals(t.db)).toEqual({ expiredApprovals: 1 });
    expect(
      (await sales.request({ method: 'GET', url: `/api/v1/exports/${forgotten.id}` })).json().status,
    ).toBe('rejected');
    await setPolicy('export', {
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 72,
      rowThreshold: 10_000,
    });
  });

  it('turns an approved reveal into one reveal of that field of that customer', async () => {
    await setPolicy('reveal', {
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 24,
      requesterRoles: ['admin'],
    });
    const residentIdNumber = '11010519491231002X';
    const customerId = await newCustomer(admin, {
      person: { familyName: '周', givenName: uniqueMarker('证'), residentIdNumber },
    });
    const reveal = () =>
      admin.request({
        method: 'POST',
        url: `/api/v1/customers/${customerId}/reveal`,
        payload: { field: 'residentIdNumber', reason: '核对身份证号' },
      });
    const first = await reveal();
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toMatchObject({
      kind: 'reveal',
      status: 'pending',
      details: { customerId, field: 'residentIdNumber' },
    });
    // Asking again while pending asks once.
    expect((await reveal()).json().id).toBe(first.json().id);
    expect((await decide(compliance, first.json().id, 'approve', '同意核对')).statusCode).toBe(200);

    const shown = await reveal();
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ field: 'residentIdNumber', values: [residentIdNumber] });
    const used = (await admin.request({ method: 'GET', url: `/api/v1/approvals/${first.json().id}` })).json();
    expect(used.usedAt).not.toBeNull();
    const again = await reveal();
    expect(again.statusCode).toBe(202);
    expect(again.json().id).not.toBe(first.json().id);

    // The subject access copy shows everything in the clear: not for a role whose reveals are held.
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}/subject-access` }))
        .statusCode,
    ).toBe(403);
    // Compliance's own reveals are not held (not a requester role), and the reveal was audited with its grant.
    const byCompliance = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/reveal`,
      payload: { field: 'residentIdNumber', reason: '合规抽查' },
    });
    expect(byCompliance.statusCode).toBe(200);
    const entries = (
      await compliance.request({
        method: 'GET',
        url: `/api/v1/audit-entries?action=customer.reveal&actorId=${admin.user.id}`,
      })
    ).json();
    expect(entries.items[0].details).toMatchObject({ approvalId: first.json().id });
    await setPolicy('reveal', {
      isEnabled: false,
      approverRole: 'compliance',
      expiresAfterHours: 24,
      requesterRoles: [],
    });
  });

  it('applies a role change once a second administrator approves it', async () => {
    await setPolicy('role_change', { isEnabled: true, approverRole: 'admin', expiresAfterHours: 72 });
    const staff = await t.createStaff(['sales']);
    const change = await admin.request({
      method: 'PUT',
      url: `/api/v1/users/${staff.id}/roles`,
      payload: { roles: ['sales', 'marketing'], reason: '兼任市场' },
    });
    expect(change.statusCode, change.body).toBe(202);
    const request = change.json();
    expect(request).toMatchObject({
      kind: 'role_change',
      details: { rolesBefore: ['sales'], rolesAfter: ['sales', 'marketing'] },
    });
    const rolesOf = async () =>
      (await admin.request({ method: 'GET', url: '/api/v1/users' }))
        .json()
        .items.find((user: { id: string }) => user.id === staff.id).roles;
    expect(await rolesOf()).toEqual(['sales']);
    expect((await decide(admin, request.id, 'approve')).statusCode).toBe(403);
    expect((await decide(secondAdmin, request.id, 'approve', 'ok')).statusCode).toBe(200);
    expect(await rolesOf()).toEqual(['sales', 'marketing']);

    // A permission change too: held, then applied.
    const policies = (await admin.request({ method: 'GET', url: '/api/v1/access-policies' })).json();
    const marketing = policies.items.find((policy: { role: string }) => policy.role === 'marketing');
    const { role: _role, ...settings } = marketing;
    const held = await admin.request({
      method: 'PUT',
      url: '/api/v1/access-policies/marketing',
      payload: { ...settings, fieldAccess: { ...settings.fieldAccess, email: 'hidden' } },
    });
    expect(held.statusCode, held.body).toBe(202);
    expect((await decide(secondAdmin, held.json().id, 'approve')).statusCode).toBe(200);
    const after = (await admin.request({ method: 'GET', url: '/api/v1/access-policies' }))
      .json()
      .items.find((policy: { role: string }) => policy.role === 'marketing');
    expect(after.fieldAccess.email).toBe('hidden');

    expect(
      (
        await admin.request({
          method: 'PUT',
          url: `/api/v1/users/${admin.user.id}/roles`,
          payload: { roles: ['admin', 'compliance'], reason: '自己' },
        })
      ).statusCode,
    ).toBe(403);
    // No one approves their own elevation, even when someone else asked for it.
    const elevation = await admin.request({
      method: 'PUT',
      url: `/api/v1/users/${secondAdmin.user.id}/roles`,
      payload: { roles: ['admin', 'compliance'], reason: '兼任合规' },
    });
    expect(elevation.statusCode).toBe(202);
    expect((await decide(secondAdmin, elevation.json().id, 'approve')).statusCode).toBe(403);
    const offered = (
      await secondAdmin.request({ method: 'GET', url: '/api/v1/approvals?view=to_decide' })
    ).json();
    expect(offered.items.map((item: { id: string }) => item.id)).not.toContain(elevation.json().id);
    expect(
      (await admin.request({ method: 'POST', url: `/api/v1/approvals/${elevation.json().id}/cancel` }))
        .statusCode,
    ).toBe(200);

    // A new account waits, inactive, for its roles to be approved: no second account to approve with.
    const email = `${uniqueMarker('new')}@test.cims`;
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, displayName: '新同事', password: 'a long enough password 1', roles: ['compliance'] },
    });
    expect(created.statusCode, created.body).toBe(202);
    const signIn = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'a long enough password 1' },
      });
    expect((await signIn()).statusCode).toBe(401);
    expect((await decide(secondAdmin, created.json().id, 'approve')).statusCode).toBe(200);
    expect((await signIn()).statusCode).toBe(200);

    // A new account nobody approves goes away, and its email is free again.
    const refusedEmail = `${uniqueMarker('no')}@test.cims`;
    const newAccount = {
      email: refusedEmail,
      displayName: '未批准',
      password: 'a long enough password 1',
      roles: ['admin'],
    };
    const refused = await admin.request({ method: 'POST', url: '/api/v1/users', payload: newAccount });
    expect(refused.statusCode).toBe(202);
    expect((await decide(secondAdmin, refused.json().id, 'reject', '无需新管理员')).statusCode).toBe(200);
    const users = (await admin.request({ method: 'GET', url: '/api/v1/users' })).json();
    expect(users.items.map((user: { email: string }) => user.email)).not.toContain(refusedEmail);
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/users', payload: newAccount })).statusCode,
    ).toBe(202);

    // An API key is a grant too: it works only once approved.
    const key = await admin.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: uniqueMarker('partner'), scopes: ['customers:read'] },
    });
    expect(key.statusCode, key.body).toBe(201);
    const { apiKey, secret } = key.json();
    expect(apiKey.approvalId).not.toBeNull();
    const asPartner = () =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/customers',
        headers: { authorization: `Bearer ${secret}` },
      });
    expect((await asPartner()).statusCode).toBe(401);
    expect((await decide(secondAdmin, apiKey.approvalId, 'approve', '合作方接入')).statusCode).toBe(200);
    expect((await asPartner()).statusCode).toBe(200);

    // Switching approval off is itself a change that needs approval while it is on.
    const weaken = await admin.request({
      method: 'PUT',
      url: '/api/v1/approval-policies/export',
      payload: { isEnabled: false, approverRole: 'compliance', expiresAfterHours: 72 },
    });
    expect(weaken.statusCode, weaken.body).toBe(202);
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/approval-policies' })).json().items,
    ).toContainEqual(expect.objectContaining({ kind: 'export', isEnabled: true }));
    expect((await decide(secondAdmin, weaken.json().id, 'approve')).statusCode).toBe(200);
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/approval-policies' })).json().items,
    ).toContainEqual(expect.objectContaining({ kind: 'export', isEnabled: false }));
    const offRequest = await admin.request({
      method: 'PUT',
      url: '/api/v1/approval-policies/role_change',
      payload: { isEnabled: false, approverRole: 'admin', expiresAfterHours: 72 },
    });
    expect((await decide(secondAdmin, offRequest.json().id, 'approve')).statusCode).toBe(200);
    await setPolicy('export', {
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 72,
      rowThreshold: 10_000,
    });
    const direct = await admin.request({
      method: 'PUT',
      url: `/api/v1/users/${staff.id}/roles`,
      payload: { roles: ['sales'], reason: '回到销售' },
    });
    expect(direct.statusCode, direct.body).toBe(200);
    expect(direct.json().roles).toEqual(['sales']);
  });

  it('erases a customer only once a second compliance officer approves', async () => {
    await setPolicy('erasure', { isEnabled: true, approverRole: 'compliance', expiresAfterHours: 168 });
    const otherCompliance = await t.signIn('compliance');
    // A retention policy erases too: shortening it waits for the same approval.
    const shorter = await admin.request({
      method: 'PUT',
      url: '/api/v1/retention/policies/deleted_customers',
      payload: { isEnabled: true, afterDays: 1 },
    });
    expect(shorter.statusCode, shorter.body).toBe(202);
    const retention = async () =>
      (await admin.request({ method: 'GET', url: '/api/v1/retention/policies' }))
        .json()
        .items.find((policy: { category: string }) => policy.category === 'deleted_customers');
    expect((await retention()).afterDays).toBe(180);
    expect((await decide(compliance, shorter.json().id, 'approve', '合规确认')).statusCode).toBe(200);
    expect((await retention()).afterDays).toBe(1);
    const customerId = await newCustomer(admin);
    const asked = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/erasure`,
      payload: { reason: '客户依法要求删除', requestReference: 'PIPL-47-001' },
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const request = asked.json();
    expect(request.summary).toContain('PIPL-47-001');
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).json().erasedAt,
    ).toBeNull();
    expect((await decide(compliance, request.id, 'approve')).statusCode).toBe(403);
    const approved = await decide(otherCompliance, request.id, 'approve', '核实无误');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/customers/${customerId}` })).json().erasedAt,
    ).not.toBeNull();
    const all = (await compliance.request({ method: 'GET', url: '/api/v1/approvals?view=all' })).json();
    expect(all.items.map((item: { kind: string }) => item.kind)).toEqual(
      expect.arrayContaining(['export', 'reveal', 'role_change', 'erasure']),
    );
    expect((await sales.request({ method: 'GET', url: '/api/v1/approvals?view=all' })).statusCode).toBe(403);
    expect((await sales.request({ method: 'GET', url: `/api/v1/approvals/${request.id}` })).statusCode).toBe(
      404,
    );
  });

  it('checks policy settings per kind, naming the field', async () => {
    const wrong = await admin.request({
      method: 'PUT',
      url: '/api/v1/approval-policies/erasure',
      payload: { isEnabled: true, approverRole: 'compliance', expiresAfterHours: 24, rowThreshold: 5 },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].path).toBe('/rowThreshold');
    // Auditors cannot decide anything: as the approver role, every request would expire unanswered.
    const undecidable = await admin.request({
      method: 'PUT',
      url: '/api/v1/approval-policies/erasure',
      payload: { isEnabled: true, approverRole: 'auditor', expiresAfterHours: 24 },
    });
    expect(undecidable.statusCode).toBe(422);
    expect(undecidable.json().errors[0].path).toBe('/approverRole');
    expect(
      (
        await compliance.request({
          method: 'PUT',
          url: '/api/v1/approval-policies/export',
          payload: { isEnabled: false, approverRole: 'compliance', expiresAfterHours: 24 },
        })
      ).statusCode,
    ).toBe(403);
    const listed = (await compliance.request({ method: 'GET', url: '/api/v1/approval-policies' })).json();
    expect(listed.items.map((policy: { kind: string }) => policy.kind).sort()).toEqual([
      'erasure',
      'export',
      'reveal',
      'role_change',
    ]);
  });
});
