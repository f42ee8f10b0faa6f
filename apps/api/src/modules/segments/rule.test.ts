/**
 * The rule compiler against a plain in-memory evaluator of the same rules, on generated customers and
 * events: for every random rule both must select the same customers. Plus injection attempts through
 * every kind of value, which must find nothing and change nothing.
 */
import { and, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { consentEvents, customers, interactions, orders, staffUsers, workOrders } from '../../db/schema';
import { compileRule, liveCustomers, ruleProblems, type SegmentRule } from './rule';

const dayMs = 86_400_000;
const asOf = new Date('2026-12-01T04:00:00Z');
const kinds = ['person', 'organization'] as const;
const stages = ['lead', 'prospect', 'customer', 'churned'] as const;
const tiers = ['A', 'B', 'C', 'D'] as const;
const provinces = ['110000', '440000', '310000'] as const;
const tagPool = ['vip', '华南', '老客户', 'x'] as const;
const orderStatuses = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
const interactionTypes = ['call', 'login', 'email', 'campaign_response'] as const;
const categories = ['after_sales', 'complaint', 'consultation'] as const;

interface Fixture {
  id: string;
  kind: (typeof kinds)[number];
  lifecycleStage: (typeof stages)[number];
  valueTier: (typeof tiers)[number] | null;
  provinceCode: string | null;
  tags: string[];
  qualityScore: number;
  ownerId: string | null;
  contractEndDate: string | null;
  createdAt: Date;
  orders: { at: Date; status: string; channel: string; amount: number; campaignCode: string | null }[];
  interactions: { at: Date; type: string; campaignCode: string | null }[];
  workOrders: { at: Date; category: string }[];
  marketingSms: 'granted' | 'withdrawn' | null;
}

/** Deterministic pseudo-random fixtures (mulberry32), so a failure reproduces. */
function fixtures(count: number, ownerIds: string[]): Fixture[] {
  let state = 20261201;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const daysAgo = (max: number) => new Date(asOf.getTime() - Math.floor(next() * max * 24) * 3_600_000);
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    kind: pick(kinds),
    lifecycleStage: pick(stages),
    valueTier: next() < 0.3 ? null : pick(tiers),
    provinceCode: next() < 0.2 ? null : pick(provinces),
    tags: tagPool.filter(() => next() < 0.3),
    qualityScore: Math.floor(next() * 101),
    ownerId: next() < 0.2 ? null : pick(ownerIds),
    contractEndDate: next() < 0.5 ? null : `2026-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`,
    createdAt: daysAgo(900),
    orders: Array.from({ length: Math.floor(next() * 5) }, () => ({
      at: next() < 0.1 ? new Date(asOf.getTime() + dayMs) : daysAgo(500),
      status: pick(orderStatuses),
      channel: pick(['online', 'offline'] as const),
      amount: Math.round(next() * 200_000) / 100,
      campaignCode: next() < 0.2 ? 'C1' : null,
    })),
    interactions: Array.from({ length: Math.floor(next() * 7) }, () => ({
      at: daysAgo(120),
      type: pick(interactionTypes),
      campaignCode: next() < 0.2 ? 'C1' : null,
    })),
    workOrders: Array.from({ length: Math.floor(next() * 3) }, () => ({
      at: daysAgo(200),
      category: pick(categories),
    })),
    marketingSms: next() < 0.4 ? null : pick(['granted', 'withdrawn'] as const),
  }));
}

type Leaf = Extract<SegmentRule, { type: 'field' } | { type: 'event' }>;

function compare(left: number, operator: string, right: number): boolean {
  switch (operator) {
    case 'eq':
      return left === right;
    case 'neq':
      return left !== right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    default:
      return left <= right;
  }
}

/** The calendar day (days since 1970-01-01) of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiDay = (ms: number) => Math.floor((ms + 8 * 3_600_000) / dayMs);

/** The rule's meaning, written plainly over the fixtures (no SQL). */
function evaluate(rule: SegmentRule, customer: Fixture): boolean {
  switch (rule.type) {
    case 'group':
      return rule.op === 'and'
        ? rule.rules.every((child) => evaluate(child, customer))
        : rule.rules.some((child) => evaluate(child, customer));
    case 'not':
      return !evaluate(rule.rule, customer);
    case 'consent':
      return (customer.marketingSms === 'granted') === rule.isGranted;
    default:
      return evaluateLeaf(rule, customer);
  }
}

function evaluateLeaf(rule: Leaf, customer: Fixture): boolean {
  if (rule.type === 'field') {
    const raw =
      rule.field === 'createdAt'
        ? new Date(customer.createdAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
        : (customer as unknown as Record<string, unknown>)[rule.field];
    if (rule.field === 'tags') {
      const tags = raw as string[];
      const values = [rule.value].flat() as string[];
      if (rule.operator === 'eq') return tags.includes(values[0] as string);
      if (rule.operator === 'neq') return !tags.includes(values[0] as string);
      if (rule.operator === 'in') return values.some((v) => tags.includes(v));
      if (rule.operator === 'not_in') return !values.some((v) => tags.includes(v));
      return rule.operator === 'is_set' ? tags.length > 0 : tags.length === 0;
    }
    const value = raw as string | number | null;
    if (rule.operator === 'is_set') return value !== null;
    if (rule.operator === 'is_not_set') return value === null;
    const values = [rule.value].flat() as (string | number)[];
    if (rule.operator === 'in') return value !== null && values.some((v) => String(v) === String(value));
    if (rule.operator === 'not_in') return value === null || !values.some((v) => String(v) === String(value));
    if (rule.operator === 'neq') return value === null || String(value) !== String(rule.value);
    if (value === null) return false;
    if (typeof value === 'number') return compare(value, rule.operator, Number(rule.value));
    const order = value < String(rule.value) ? -1 : value > String(rule.value) ? 1 : 0;
    return compare(order, rule.operator, 0);
  }
  const where = rule.where ?? {};
  const since = rule.windowDays === undefined ? null : asOf.getTime() - rule.windowDays * dayMs;
  const inWindow = (at: Date) => at.getTime() <= asOf.getTime() && (since === null || at.getTime() > since);
  const events: { at: Date; amount: number }[] =
    rule.event === 'order'
      ? customer.orders
          .filter(
            (o) =>
              (!where.orderStatus || (where.orderStatus as string[]).includes(o.status)) &&
              (!where.orderChannel || where.orderChannel === o.channel) &&
              (!where.campaignCode || where.campaignCode === o.campaignCode),
          )
          .map((o) => ({ at: o.at, amount: o.amount }))
      : rule.event === 'interaction'
        ? customer.interactions
            .filter(
              (i) =>
                (!where.interactionType || where.interactionType === i.type) &&
                (!where.campaignCode || where.campaignCode === i.campaignCode),
            )
            .map((i) => ({ at: i.at, amount: 0 }))
        : customer.workOrders
            .filter((w) => !where.workOrderCategory || where.workOrderCategory === w.category)
            .map((w) => ({ at: w.at, amount: 0 }));
  const counted = events.filter((event) => inWindow(event.at));
  if (rule.measure === 'days_since_last') {
    const past = events.filter((event) => event.at.getTime() <= asOf.getTime());
    if (past.length === 0) return false;
    const last = Math.max(...past.map((event) => event.at.getTime()));
    return compare(shanghaiDay(asOf.getTime()) - shanghaiDay(last), rule.operator, rule.value);
  }
  const measured =
    rule.measure === 'count'
      ? counted.length
      : rule.measure === 'sum_amount'
        ? Math.round(counted.reduce((sum, event) => sum + event.amount * 100, 0)) / 100
        : counted.reduce((max, event) => Math.max(max, event.amount), 0);
  return compare(measured, rule.operator, rule.value);
}

const comparisons = fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte') as fc.Arbitrary<
  'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'
>;

function leafArbitrary(ownerIds: string[]): fc.Arbitrary<SegmentRule> {
  const textField = <F extends string>(field: F, values: readonly string[]) =>
    fc.oneof(
      fc.record({
        type: fc.constant('field' as const),
        field: fc.constant(field),
        operator: fc.constantFrom('eq', 'neq'),
        value: fc.constantFrom(...values),
      }),
      fc.record({
        type: fc.constant('field' as const),
        field: fc.constant(field),
        operator: fc.constantFrom('in', 'not_in'),
        value: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        type: fc.constant('field' as const),
        field: fc.constant(field),
        operator: fc.constantFrom('is_set', 'is_not_set'),
      }),
    );
  const field = fc.oneof(
    textField('kind', kinds),
    textField('lifecycleStage', stages),
    textField('valueTier', tiers),
    textField('provinceCode', provinces),
    textField('ownerId', ownerIds),
    textField('tags', tagPool),
    fc.record({
      type: fc.constant('field' as const),
      field: fc.constant('qualityScore' as const),
      operator: comparisons,
      value: fc.integer({ min: 0, max: 100 }),
    }),
    fc.record({
      type: fc.constant('field' as const),
      field: fc.constantFrom('contractEndDate' as const, 'createdAt' as const),
      operator: comparisons,
      value: fc.constantFrom('2024-06-01', '2025-06-15', '2026-03-15', '2026-08-15'),
    }),
  );
  const measureFor = fc.oneof(
    fc.record({
      type: fc.constant('event' as const),
      event: fc.constant('order' as const),
      where: fc.record(
        {
          orderStatus: fc.uniqueArray(fc.constantFrom(...orderStatuses), { minLength: 1, maxLength: 3 }),
          orderChannel: fc.constantFrom('online' as const, 'offline' as const),
          campaignCode: fc.constant('C1'),
        },
        { requiredKeys: [] },
      ),
      measure: fc.constantFrom('count' as const, 'sum_amount' as const, 'max_amount' as const),
      windowDays: fc.option(fc.constantFrom(30, 90, 365), { nil: undefined }),
      operator: comparisons,
      value: fc.constantFrom(0, 1, 2, 500, 1000),
    }),
    fc.record({
      type: fc.constant('event' as const),
      event: fc.constant('interaction' as const),
      where: fc.record(
        { interactionType: fc.constantFrom(...interactionTypes), campaignCode: fc.constant('C1') },
        { requiredKeys: [] },
      ),
      measure: fc.constant('count' as const),
      windowDays: fc.option(fc.constantFrom(7, 30, 90), { nil: undefined }),
      operator: comparisons,
      value: fc.constantFrom(0, 1, 2, 3),
    }),
    fc.record({
      type: fc.constant('event' as const),
      event: fc.constantFrom('order' as const, 'interaction' as const, 'work_order' as const),
      measure: fc.constant('days_since_last' as const),
      operator: comparisons,
      value: fc.constantFrom(10, 30, 100, 200),
    }),
    fc.record({
      type: fc.constant('event' as const),
      event: fc.constant('work_order' as const),
      where: fc.record({ workOrderCategory: fc.constantFrom(...categories) }, { requiredKeys: [] }),
      measure: fc.constant('count' as const),
      windowDays: fc.option(fc.constantFrom(30, 180), { nil: undefined }),
      operator: comparisons,
      value: fc.constantFrom(0, 1),
    }),
  );
  const consent = fc.record({
    type: fc.constant('consent' as const),
    purpose: fc.constant('marketing' as const),
    channel: fc.constant('sms' as const),
    isGranted: fc.boolean(),
  });
  return fc.oneof(field, measureFor, consent) as fc.Arbitrary<SegmentRule>;
}

function ruleArbitrary(ownerIds: string[]) {
  const { rule } = fc.letrec<{ rule: SegmentRule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArbitrary(ownerIds),
      fc.record({
        type: fc.constant('group' as const),
        op: fc.constantFrom('and' as const, 'or' as const),
        rules: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }),
      }) as fc.Arbitrary<SegmentRule>,
      fc.record({ type: fc.constant('not' as const), rule: tie('rule') }) as fc.Arbitrary<SegmentRule>,
    ),
  }));
  return rule.filter((candidate) => ruleProblems(candidate).length === 0);
}

describe('the segment rule compiler', async () => {
  // A database of its own, so that the customers are exactly the fixtures.
  const database = await createFreshDatabase('cims_segments');
  const { db, pool } = openDatabase(database.url, { max: 2 });
  await migrateDatabase(db);
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });
  const owners = await db
    .insert(staffUsers)
    .values(
      ['a', 'b'].map((n) => ({
        email: `${n}@seg.test`,
        displayName: n,
        passwordHash: 'x',
        roles: ['sales'],
      })),
    )
    .returning({ id: staffUsers.id });
  const ownerIds = owners.map((owner) => owner.id);
  const all = fixtures(80, ownerIds);
  await db.insert(customers).values(
    all.map((c) => ({
      id: c.id,
      kind: c.kind,
      displayName: c.id,
      sourceChannel: 'website' as const,
      lifecycleStage: c.lifecycleStage,
      valueTier: c.valueTier,
      provinceCode: c.provinceCode,
      tags: c.tags,
      qualityScore: c.qualityScore,
      ownerId: c.ownerId,
      contractEndDate: c.contractEndDate,
      createdAt: c.createdAt,
      searchDocument: c.id,
    })),
  );
  const orderRows = all.flatMap((c) =>
    c.orders.map((o, n) => ({
      source: 'test',
      orderNo: `${c.id}-${n}`,
      customerId: c.id,
      channel: o.channel as 'online' | 'offline',
      orderedAt: o.at,
      status: o.status as (typeof orderStatuses)[number],
      currency: 'CNY',
      amount: o.amount.toFixed(2),
      campaignCode: o.campaignCode,
      lines: [],
    })),
  );
  if (orderRows.length) await db.insert(orders).values(orderRows);
  const interactionRows = all.flatMap((c) =>
    c.interactions.map((i) => ({
      customerId: c.id,
      type: i.type as (typeof interactionTypes)[number],
      channel: 'app' as const,
      occurredAt: i.at,
      summary: 's',
      campaignCode: i.campaignCode,
      source: 'test',
    })),
  );
  if (interactionRows.length) await db.insert(interactions).values(interactionRows);
  const workOrderRows = all.flatMap((c) =>
    c.workOrders.map((w, n) => ({
      number: `WO-${c.id}-${n}`,
      customerId: c.id,
      category: w.category as (typeof categories)[number],
      priority: 'normal' as const,
      channel: 'hotline' as const,
      title: 't',
      status: 'new' as const,
      firstResponseDueAt: w.at,
      resolutionDueAt: w.at,
      createdAt: w.at,
    })),
  );
  if (workOrderRows.length) await db.insert(workOrders).values(workOrderRows);
  const consentRows = all.flatMap((c) =>
    c.marketingSms === null
      ? []
      : [{ status: c.marketingSms === 'granted' ? 'withdrawn' : 'granted' }, { status: c.marketingSms }].map(
          (event) => ({
            customerId: c.id,
            purpose: 'marketing' as const,
            channel: 'sms' as const,
            status: event.status as 'granted' | 'withdrawn',
            source: 'test',
            textVersion: 'v1',
          }),
        ),
  );
  // Each customer's older event first: the newest one is what is in force.
  for (const row of consentRows) await db.insert(consentEvents).values(row);

  const selected = async (rule: SegmentRule) => {
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(liveCustomers, compileRule(rule, asOf)));
    return rows.map((row) => row.id).sort();
  };

  it('selects exactly the customers the plain evaluator selects, for random rules', async () => {
    await fc.assert(
      fc.asyncProperty(ruleArbitrary(ownerIds), async (rule) => {
        const expected = all
          .filter((c) => evaluate(rule, c))
          .map((c) => c.id)
          .sort();
        expect(await selected(rule)).toEqual(expected);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('counts days since the last event in whole Shanghai calendar days, so eq matches', async () => {
    const lastOrder = (c: Fixture) =>
      Math.max(...c.orders.filter((o) => o.at <= asOf).map((o) => o.at.getTime()));
    // A customer whose last order was not a whole number of 24 hours before asOf.
    const customer = all.find(
      (c) => c.orders.some((o) => o.at <= asOf) && (asOf.getTime() - lastOrder(c)) % dayMs,
    );
    if (!customer) throw new Error('no fixture with a past order');
    const days = shanghaiDay(asOf.getTime()) - shanghaiDay(lastOrder(customer));
    const rule: SegmentRule = {
      type: 'event',
      event: 'order',
      measure: 'days_since_last',
      operator: 'eq',
      value: days,
    };
    const ids = await selected(rule);
    expect(ids).toContain(customer.id);
    expect(ids).toEqual(
      all
        .filter((c) => evaluate(rule, c))
        .map((c) => c.id)
        .sort(),
    );
    // An order at 23:30 on 30 November in Shanghai is 1 day before asOf (noon on 1 December), not 0.
    expect(shanghaiDay(asOf.getTime()) - shanghaiDay(Date.parse('2026-11-30T15:30:00Z'))).toBe(1);
  });

  it('matches owner ids written in upper case, as uuids', async () => {
    const owner = ownerIds[0] as string;
    const lower = await selected({ type: 'field', field: 'ownerId', operator: 'eq', value: owner });
    expect(lower.length).toBeGreaterThan(0);
    expect(
      await selected({ type: 'field', field: 'ownerId', operator: 'eq', value: owner.toUpperCase() }),
    ).toEqual(lower);
    expect(
      await selected({ type: 'field', field: 'ownerId', operator: 'in', value: [owner.toUpperCase()] }),
    ).toEqual(lower);
    const others = await selected({
      type: 'field',
      field: 'ownerId',
      operator: 'not_in',
      value: [owner.toUpperCase()],
    });
    expect(others).toHaveLength(all.length - lower.length);
  });

  it('finds nothing and changes nothing through SQL hidden in values', async () => {
    const attacks = [
      "x'); DROP TABLE customers; --",
      "' OR '1'='1",
      '" OR 1=1 --',
      "vip' OR true --",
      '$1; DELETE FROM orders',
    ];
    for (const attack of attacks) {
      const rules: SegmentRule[] = [
        { type: 'field', field: 'industry', operator: 'eq', value: attack },
        { type: 'field', field: 'tags', operator: 'in', value: [attack, 'x'.repeat(3)] },
        { type: 'field', field: 'provinceCode', operator: 'not_in', value: [attack] },
        {
          type: 'event',
          event: 'order',
          where: { campaignCode: attack },
          measure: 'count',
          operator: 'gt',
          value: 0,
        },
      ];
      expect(await selected(rules[0] as SegmentRule)).toEqual([]);
      expect(await selected(rules[3] as SegmentRule)).toEqual([]);
      // Hidden SQL is just a value nobody has: "not in" it keeps everyone, "has any of" only the real tag.
      expect(await selected(rules[2] as SegmentRule)).toHaveLength(all.length);
      expect(await selected(rules[1] as SegmentRule)).toEqual(
        all.filter((c) => c.tags.includes('xxx')).map((c) => c.id),
      );
    }
    const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
    expect(counted?.n).toBe(all.length);
    const [orderCount] = await db.select({ n: sql<number>`count(*)::int` }).from(orders);
    expect(orderCount?.n).toBe(orderRows.length);
  });

  it('names the path of what the schema cannot see', () => {
    expect(
      ruleProblems({
        type: 'group',
        op: 'and',
        rules: [
          { type: 'field', field: 'qualityScore', operator: 'in', value: 'x' },
          { type: 'field', field: 'tags', operator: 'gt', value: 'vip' },
          { type: 'field', field: 'kind', operator: 'eq', value: 'robot' },
          {
            type: 'event',
            event: 'interaction',
            where: { orderChannel: 'online' },
            measure: 'sum_amount',
            operator: 'gt',
            value: 1,
          },
          {
            type: 'event',
            event: 'order',
            measure: 'days_since_last',
            windowDays: 30,
            operator: 'gt',
            value: 1,
          },
          { type: 'field', field: 'contractEndDate', operator: 'lt', value: '2026-02-30' },
          { type: 'field', field: 'industry', operator: 'is_set', value: 'x' },
        ],
      }),
    ).toEqual([
      { path: '/rule/rules/0/value', message: 'Must be a list' },
      { path: '/rule/rules/1/operator', message: 'tags takes eq, neq, in, not_in, is_set, is_not_set' },
      { path: '/rule/rules/2/value', message: 'Must be one of person, organization' },
      { path: '/rule/rules/3/where/orderChannel', message: 'Not a filter of interaction events' },
      { path: '/rule/rules/3/measure', message: 'Amounts are measured on orders only' },
      {
        path: '/rule/rules/4/windowDays',
        message: 'days_since_last looks at all events; leave windowDays out',
      },
      { path: '/rule/rules/5/value', message: 'Must be a date in the form YYYY-MM-DD' },
      { path: '/rule/rules/6/value', message: 'Takes no value' },
    ]);
    let deep: SegmentRule = { type: 'field', field: 'kind', operator: 'eq', value: 'person' };
    for (let n = 0; n < 6; n++) deep = { type: 'not', rule: deep };
    expect(ruleProblems(deep)).toEqual([
      { path: '/rule/rule/rule/rule/rule/rule/rule', message: 'Rules may nest at most 6 levels' },
    ]);
  });
});
