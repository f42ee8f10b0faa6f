import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { appendAuditEntry, systemAuditContext, verifyAuditChain } from './service';

const t = await createTestApp();

describe('the audit log', () => {
  it('records customer writes with who, where and masked before/after values, shown as the customer history', async () => {
    const sales = await t.signIn('sales');
    const marker = uniqueMarker();
    const created = await sales.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'user-agent': 'vitest' },
      payload: {
        kind: 'person',
        person: { familyName: '审', givenName: marker, residentIdNumber: '11010519491231002X' },
        contactPoints: [{ type: 'phone', value: '13800138000' }],
      },
    });
    const id = created.json().id;
    await sales.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { lifecycleStage: 'customer', contactPoints: [{ type: 'phone', value: '13900139000' }] },
    });

    const history = await sales.request({ method: 'GET', url: `/api/v1/customers/${id}/history` });
    expect(history.statusCode).toBe(200);
    const [update, create] = history.json().items;
    expect(update).toMatchObject({
      action: 'customer.update',
      actorType: 'staff',
      actorId: sales.user.id,
      actorLabel: sales.user.email,
      ipAddress: '127.0.0.1',
      customerId: id,
      changes: {
        lifecycleStage: { before: 'lead', after: 'customer' },
        contactPoints: { before: ['phone:+86 138****8000 *'], after: ['phone:+86 139****9000 *'] },
      },
    });
    expect(create.action).toBe('customer.create');
    expect(create.changes.residentIdNumber.after).toBe('110105********002X');
    const everything = JSON.stringify(history.json());
    expect(everything).not.toContain('13800138000');
    expect(everything).not.toContain('11010519491231002X');
  });

  it('records failed and successful sign-ins, and is searchable by auditors only', async () => {
    const auditor = await t.signIn('auditor');
    const email = `${uniqueMarker('ghost')}@test.cims`;
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'not the password' },
    });
    const failed = await auditor.request({
      method: 'GET',
      url: '/api/v1/audit-entries?action=auth.sign_in_failed&limit=200',
    });
    expect(failed.json().items.some((e: { details: { email: string } }) => e.details.email === email)).toBe(
      true,
    );
    const mine = await auditor.request({
      method: 'GET',
      url: `/api/v1/audit-entries?actorId=${auditor.user.id}`,
    });
    expect(mine.json().items.map((e: { action: string }) => e.action)).toContain('auth.sign_in');

    const sales = await t.signIn('sales');
    expect((await sales.request({ method: 'GET', url: '/api/v1/audit-entries' })).statusCode).toBe(403);
    expect((await sales.request({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(403);
  });

  it('records who read sensitive values in the clear (which fields, never the values), not masked reads', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'person',
        person: { familyName: '阅', givenName: '读' },
        contactPoints: [{ type: 'phone', value: '13600136000' }],
      },
    });
    const id = created.json().id;
    await admin.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    const service = await t.signIn('service');
    await service.request({ method: 'GET', url: `/api/v1/customers/${id}` });

    const auditor = await t.signIn('auditor');
    const views = await auditor.request({
      method: 'GET',
      url: `/api/v1/audit-entries?customerId=${id}&action=customer.view`,
    });
    expect(views.json().items).toHaveLength(1);
    expect(views.json().items[0]).toMatchObject({
      actorId: admin.user.id,
      details: { unmaskedFields: ['phone'] },
    });
    expect(views.body).not.toContain('13600136000');
    const history = await admin.request({ method: 'GET', url: `/api/v1/customers/${id}/history` });
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['customer.create']);
  });

  it('records permission changes: staff users and API keys', async () => {
    const admin = await t.signIn('admin');
    const key = await admin.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'ERP', scopes: ['customers:read'] },
    });
    await admin.request({ method: 'DELETE', url: `/api/v1/api-keys/${key.json().apiKey.id}` });
    const entries = await admin.request({
      method: 'GET',
      url: `/api/v1/audit-entries?actorId=${admin.user.id}`,
    });
    const actions = entries.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key.create', 'api_key.revoke']));
  });

  it('keeps one unbroken chain under concurrent writes', async () => {
    const sales = await t.signIn('sales');
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        sales.request({
          method: 'POST',
          url: '/api/v1/customers',
          payload: { kind: 'person', person: { familyName: '并', givenName: `发${index}` } },
        }),
      ),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const auditor = await t.signIn('auditor');
    const verification = await auditor.request({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(verification.json()).toMatchObject({ isValid: true, firstBrokenSeq: null });
    expect(verification.json().entriesChecked).toBeGreaterThan(12);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    await expect(t.db.execute(sql`UPDATE audit_entries SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM audit_entries WHERE seq = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`TRUNCATE audit_entries`)).rejects.toThrow();
  });
});

describe('tampering', async () => {
  // A database of its own: these tests break the chain on purpose.
  const database = await createFreshDatabase('cims_tamper');
  const { db, pool } = openDatabase(database.url, { max: 2 });
  await migrateDatabase(db);
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  async function appendSome(count: number) {
    for (let index = 0; index < count; index++) {
      await db.transaction((tx) =>
        appendAuditEntry(tx, systemAuditContext('test'), {
          action: 'retention.dry_run',
          resourceType: 'test',
          details: { index },
        }),
      );
    }
  }

  async function byHand(statement: ReturnType<typeof sql>) {
    // Only a superuser can get past the triggers, as someone with direct database access would.
    await db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER USER`);
    await db.execute(statement);
    await db.execute(sql`ALTER TABLE audit_entries ENABLE TRIGGER USER`);
  }

  it('finds the first altered entry', async () => {
    await appendSome(5);
    expect(await verifyAuditChain(db)).toMatchObject({ isValid: true, entriesChecked: 5 });
    await byHand(sql`UPDATE audit_entries SET details = '{"index": 99}' WHERE seq = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({
      isValid: false,
      firstBrokenSeq: 3,
      entriesChecked: 2,
    });
  });

  it('finds a deleted entry', async () => {
    await byHand(sql`DELETE FROM audit_entries WHERE seq = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({
      isValid: false,
      firstBrokenSeq: 2,
      problemCode: 'missing',
    });
  });
});
