import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { systemViewer } from '../access/policies';
import { systemAuditContext, verifyAuditChain } from '../audit/service';
import { createCustomer } from '../customers/ingest';
import { deleteCustomer } from '../customers/service';
import { installKeyring, loadKeyring } from '../encryption/service';
import { runRetention, updateRetentionPolicy } from './service';

describe('the retention job', async () => {
  // A database of its own: a run acts on every customer in it.
  const database = await createFreshDatabase('cims_retention');
  const { db, pool } = openDatabase(database.url, { max: 3 });
  await migrateDatabase(db);
  installKeyring(await loadKeyring(db, Buffer.alloc(32, 5)));
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });
  const actor = { audit: systemAuditContext('test'), viewer: systemViewer };
  const dataDir = join(tmpdir(), 'cims-test-data', 'retention');
  const days = (n: number) => new Date(Date.now() + n * 86_400_000);

  async function customer(lifecycleStage: 'churned' | 'customer') {
    const { record } = await createCustomer(db, actor, {
      kind: 'person',
      person: { familyName: '留', givenName: '存' },
      lifecycleStage,
    });
    return record.row.id;
  }

  it('archives churned customers past the period, then erases them after their time in the recycle bin', async () => {
    const churned = await customer('churned');
    const active = await customer('customer');

    const dryRun = await runRetention(db, {
      audit: actor.audit,
      isDryRun: true,
      dataDir,
      now: days(3 * 365 + 1),
    });
    expect(dryRun.report).toEqual(
      expect.arrayContaining([{ category: 'churned_customers', action: 'archive', affected: 1 }]),
    );
    const untouched = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM customers WHERE deleted_at IS NOT NULL`,
    );
    expect(untouched.rows[0]?.n).toBe(0);

    const archive = await runRetention(db, {
      audit: actor.audit,
      isDryRun: false,
      dataDir,
      now: days(3 * 365 + 1),
    });
    expect(archive.report).toEqual(
      expect.arrayContaining([
        { category: 'churned_customers', action: 'archive', affected: 1 },
        { category: 'deleted_customers', action: 'erase', affected: 0 },
      ]),
    );
    const state = async (id: string) =>
      (
        await db.execute<{ deleted: boolean; erased: boolean }>(
          sql`SELECT deleted_at IS NOT NULL AS deleted, erased_at IS NOT NULL AS erased FROM customers WHERE id = ${id}`,
        )
      ).rows[0];
    expect(await state(churned)).toEqual({ deleted: true, erased: false });
    expect(await state(active)).toEqual({ deleted: false, erased: false });

    const destroy = await runRetention(db, { audit: actor.audit, isDryRun: false, dataDir, now: days(181) });
    expect(destroy.report).toEqual(
      expect.arrayContaining([{ category: 'deleted_customers', action: 'erase', affected: 1 }]),
    );
    expect(await state(churned)).toEqual({ deleted: true, erased: true });
    expect(await state(active)).toEqual({ deleted: false, erased: false });
    expect((await verifyAuditChain(db)).isValid).toBe(true);
  });

  it('follows changed policies and skips disabled ones', async () => {
    const id = await customer('customer');
    await deleteCustomer(db, actor, id);
    await updateRetentionPolicy(db, actor.audit, {
      category: 'deleted_customers',
      isEnabled: true,
      afterDays: 10,
    });
    await updateRetentionPolicy(db, actor.audit, {
      category: 'churned_customers',
      isEnabled: false,
      afterDays: 30,
    });
    const run = await runRetention(db, { audit: actor.audit, isDryRun: true, dataDir, now: days(11) });
    expect(run.report).toEqual(
      expect.arrayContaining([
        { category: 'deleted_customers', action: 'erase', affected: 1 },
        { category: 'churned_customers', action: 'skipped', affected: 0 },
      ]),
    );
  });
});

describe('retention over the API', async () => {
  const t = await createTestApp();

  it('lets compliance read and change policies and start a dry run; the run is recorded and audited', async () => {
    const compliance = await t.signIn('compliance');
    const policies = await compliance.request({ method: 'GET', url: '/api/v1/retention/policies' });
    expect(
      policies
        .json()
        .items.map((p: { category: string }) => p.category)
        .sort(),
    ).toEqual(['churned_customers', 'deleted_customers', 'expired_sessions']);
    const run = await compliance.request({
      method: 'POST',
      url: '/api/v1/retention/runs',
      payload: { isDryRun: true },
    });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ isDryRun: true, triggeredBy: compliance.user.email });
    const runs = await compliance.request({ method: 'GET', url: '/api/v1/retention/runs' });
    expect(runs.json().items.map((r: { id: string }) => r.id)).toContain(run.json().id);
    const invalid = await compliance.request({
      method: 'PUT',
      url: '/api/v1/retention/policies/deleted_customers',
      payload: { isEnabled: true, afterDays: 0 },
    });
    expect(invalid.statusCode).toBe(422);
    const sales = await t.signIn('sales');
    expect(
      (await sales.request({ method: 'POST', url: '/api/v1/retention/runs', payload: { isDryRun: false } }))
        .statusCode,
    ).toBe(403);
  });
});
