import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { customers, customerValueScores, orders, valueTierChanges, valueTierSettings } from '../../db/schema';
import { systemAuditContext, verifyAuditChain } from '../audit/service';
import { runValueTierScoring } from './service';
import { defaultValueTierSettings } from './settings';

const asOf = new Date('2026-12-01T04:00:00Z');
const daysAgo = (n: number) => new Date(asOf.getTime() - n * 86_400_000);

describe('value tiers', async () => {
  // A database of its own: a run scores every customer in it.
  const database = await createFreshDatabase('cims_value_tiers');
  const { db, pool } = openDatabase(database.url, { max: 2 });
  await migrateDatabase(db);
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });
  const audit = systemAuditContext('test');

  async function customer(
    name: string,
    kind: 'person' | 'organization',
    paid: { days: number; amount: number }[],
  ) {
    const [row] = await db
      .insert(customers)
      .values({
        kind,
        displayName: name,
        sourceChannel: 'store',
        lifecycleStage: 'customer',
        searchDocument: name,
      })
      .returning({ id: customers.id });
    const id = row?.id as string;
    if (paid.length > 0)
      await db.insert(orders).values(
        paid.map((order, n) => ({
          source: 'test',
          orderNo: `${name}-${n}`,
          customerId: id,
          channel: 'online' as const,
          orderedAt: daysAgo(order.days),
          status: 'completed' as const,
          currency: 'CNY',
          amount: order.amount.toFixed(2),
          lines: [],
        })),
      );
    return id;
  }

  const tierOf = async (id: string) =>
    (await db.select({ tier: customers.valueTier }).from(customers).where(eq(customers.id, id)))[0]?.tier;

  it('scores RFM by cut points, tiers organizations by their annual amount, and records tier changes once', async () => {
    await db
      .insert(valueTierSettings)
      .values({ id: 1, settings: { ...defaultValueTierSettings, method: 'thresholds' } })
      .onConflictDoUpdate({
        target: valueTierSettings.id,
        set: { settings: { ...defaultValueTierSettings, method: 'thresholds' } },
      });
    const loyal = await customer(
      '常客',
      'person',
      Array.from({ length: 10 }, (_, n) => ({ days: 5 + n * 20, amount: 6000 })),
    );
    const occasional = await customer('偶尔', 'person', [
      { days: 100, amount: 800 },
      { days: 200, amount: 700 },
    ]);
    const lapsed = await customer('流失', 'person', [{ days: 500, amount: 9999 }]);
    const bigCompany = await customer('大企业', 'organization', [{ days: 40, amount: 1_200_000 }]);
    const refunded = await customer('退款', 'person', []);
    await db.insert(orders).values({
      source: 'test',
      orderNo: 'refund-1',
      customerId: refunded,
      channel: 'offline',
      orderedAt: daysAgo(3),
      status: 'refunded',
      currency: 'CNY',
      amount: '50000.00',
      lines: [],
    });

    const run = await runValueTierScoring(db, audit, asOf);
    expect(run.scored).toBe(5);
    // Loyal: last 5 days ago (R 5), 10 orders (F 5), 60,000 (M 5) → 15 → A.
    expect(await tierOf(loyal)).toBe('A');
    // Occasional: 100 days (R 3), 2 orders (F 2), 1,500 (M 2) → 7 → C.
    expect(await tierOf(occasional)).toBe('C');
    // Lapsed: nothing in the window → 1, 1, 1 → D; refunds do not count either.
    expect(await tierOf(lapsed)).toBe('D');
    expect(await tierOf(refunded)).toBe('D');
    expect(await tierOf(bigCompany)).toBe('A');
    const [loyalScores] = await db
      .select()
      .from(customerValueScores)
      .where(eq(customerValueScores.customerId, loyal));
    expect(loyalScores).toMatchObject({
      recency: 5,
      frequency: 5,
      monetary: 5,
      orderCount: 10,
      daysSinceLastOrder: 5,
      method: 'thresholds',
    });
    const [companyScores] = await db
      .select()
      .from(customerValueScores)
      .where(eq(customerValueScores.customerId, bigCompany));
    expect(companyScores?.method).toBe('organization');
    expect(run.distribution).toEqual({ A: 2, B: 0, C: 1, D: 2 });
    expect(run.changed).toBe(5);

    const again = await runValueTierScoring(db, audit, asOf);
    expect(again.changed).toBe(0);
    const changes = await db.select().from(valueTierChanges).where(eq(valueTierChanges.customerId, loyal));
    expect(changes.map((change) => [change.fromTier, change.toTier])).toEqual([[null, 'A']]);

    // Six months later the loyal customer has not bought again: the tier falls, and the change is recorded.
    const later = new Date(asOf.getTime() + 300 * 86_400_000);
    await runValueTierScoring(db, audit, later);
    expect(await tierOf(loyal)).not.toBe('A');
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(valueTierChanges)
      .where(eq(valueTierChanges.customerId, loyal));
    expect(n).toBe(2);
    expect((await verifyAuditChain(db)).isValid).toBe(true);
  });

  it('ranks by quintiles among the customers who ordered', async () => {
    await db
      .insert(valueTierSettings)
      .values({
        id: 1,
        settings: {
          ...defaultValueTierSettings,
          organizationRule: { ...defaultValueTierSettings.organizationRule, isEnabled: false },
        },
      })
      .onConflictDoUpdate({
        target: valueTierSettings.id,
        set: {
          settings: {
            ...defaultValueTierSettings,
            organizationRule: { ...defaultValueTierSettings.organizationRule, isEnabled: false },
          },
        },
      });
    const ids: string[] = [];
    for (let n = 1; n <= 10; n++)
      ids.push(
        await customer(
          `排名${n}`,
          'person',
          Array.from({ length: n }, (_, k) => ({ days: 200 - n * 15 + k, amount: n * 100 })),
        ),
      );
    await runValueTierScoring(db, audit, asOf);
    const scored = await db.select().from(customerValueScores);
    const byId = new Map(scored.map((row) => [row.customerId, row]));
    // More orders, more money and a later last order never score lower.
    const ranked = ids.map((id) => byId.get(id));
    for (const key of ['frequency', 'monetary', 'recency'] as const) {
      const values = ranked.map((row) => row?.[key] ?? 0);
      expect([...values].sort((x, y) => x - y)).toEqual(values);
    }
    expect(ranked[0]).toMatchObject({ frequency: 1, monetary: 1, method: 'quintiles' });
    const fives = scored.filter((row) => row.orderCount > 0 && row.frequency === 5).length;
    const buyers = scored.filter((row) => row.orderCount > 0).length;
    expect(fives).toBeGreaterThan(0);
    expect(fives).toBeLessThanOrEqual(Math.ceil(buyers / 5));
    // Equal figures score alike: two customers with the same single order get the same scores.
    const twinA = await customer('同A', 'person', [{ days: 7, amount: 300 }]);
    const twinB = await customer('同B', 'person', [{ days: 7, amount: 300 }]);
    await runValueTierScoring(db, audit, asOf);
    const twins = await db.select().from(customerValueScores);
    const [a, b] = [twinA, twinB].map((id) => twins.find((row) => row.customerId === id));
    expect([a?.recency, a?.frequency, a?.monetary]).toEqual([b?.recency, b?.frequency, b?.monetary]);
  });
});

describe('value tier settings', async () => {
  const t = await createTestApp();
  it('refuses cut points out of order and tiers that overlap, naming the field', async () => {
    const marketing = await t.signIn('marketing');
    const current = (await marketing.request({ method: 'GET', url: '/api/v1/value-tiers/settings' })).json();
    const refused = await marketing.request({
      method: 'PUT',
      url: '/api/v1/value-tiers/settings',
      payload: { ...current, recencyDays: [90, 30, 180, 365], tierMinimums: { A: 10, B: 10, C: 7 } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/recencyDays',
      '/tierMinimums',
    ]);
    const sales = await t.signIn('sales');
    expect((await sales.request({ method: 'POST', url: '/api/v1/value-tiers/runs' })).statusCode).toBe(403);
  });
});
