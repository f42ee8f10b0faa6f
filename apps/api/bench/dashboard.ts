/**
 * pnpm bench:dashboard — the home dashboard's chart endpoints at scale, over HTTP.
 *
 * Seeds BENCH_N customers (default 1,000,000) and BENCH_ORDERS orders (default 10,000,000, spread over
 * two years, channels and statuses deterministically) into a fresh database on the server DATABASE_URL
 * points at (the embedded PostgreSQL when unset), builds the rollups, then times every chart for an
 * administrator (everything), a salesperson (their team's customers, from the rollups) and a service user
 * (the customers of their work orders, live). Also times a full rollup rebuild and an incremental refresh
 * after 1,000 new orders. Prints p50/p95/p99 per chart and, last, one line of JSON.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app';
import { seedCustomers } from '../src/db/seed/customers';
import { demoPassword, seedStaffUsers } from '../src/db/seed/staff';
import { markOrderMonthsDirty, refreshDashboardRollups } from '../src/modules/dashboard/rollups';
import { latencySummary, openBenchDatabase, signInAs } from './bench-database';

const customerCount = Number(process.env.BENCH_N ?? 1_000_000);
const orderCount = Number(process.env.BENCH_ORDERS ?? 10_000_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const batchSize = 100_000;
const seed = 777;
const charts = ['customers_by_region', 'new_customers', 'purchase_trend', 'value_tiers', 'lifecycle_funnel'];

const bench = await openBenchDatabase();
const { db, pool, config } = bench;

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

try {
  const staff = await seedStaffUsers(db);
  const ownerIds = [...staff.values()].filter((u) => u.roles.includes('sales')).map((u) => u.id);
  const serviceId = [...staff.values()].find((u) => u.roles.includes('service'))?.id;

  const seeding = await timed(async () => {
    const customerIndexes = await pool.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customers' AND indexname <> 'customers_pkey'",
    );
    for (const { indexname } of customerIndexes.rows) await pool.query(`DROP INDEX ${indexname}`);
    for (let offset = 0; offset < customerCount; offset += batchSize)
      await seedCustomers(pool, {
        count: Math.min(batchSize, customerCount - offset),
        seed: seed + offset,
        ownerIds,
      });
    for (const { indexdef } of customerIndexes.rows) await pool.query(indexdef);

    const orderIndexes = await pool.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders' AND indexname <> 'orders_pkey'",
    );
    for (const { indexname } of orderIndexes.rows) await pool.query(`DROP INDEX ${indexname}`);
    await pool.query(
      `CREATE TEMP TABLE bench_customers AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM customers`,
    );
    const perBatch = 1_000_000;
    for (let offset = 0; offset < orderCount; offset += perBatch) {
      await pool.query(
        `INSERT INTO orders (source, order_no, customer_id, channel, ordered_at, status, currency, amount, lines)
         SELECT 'bench', 'B' || g, c.id,
                (ARRAY['online','offline','online','other'])[1 + g % 4],
                timestamptz '2025-01-01' + (g % 700) * interval '1 day' + (g % 86400) * interval '1 second',
                (ARRAY['completed','paid','shipped','completed','cancelled','refunded','completed'])[1 + g % 7],
                'CNY', 10 + (g % 5000), '[]'
           FROM generate_series($1::bigint, $2::bigint) g
           JOIN bench_customers c ON c.n = 1 + (g * 7919) % $3`,
        [offset + 1, Math.min(offset + perBatch, orderCount), customerCount],
      );
    }
    for (const { indexdef } of orderIndexes.rows) await pool.query(indexdef);
    // The service user's work: 50 open work orders.
    await pool.query(
      `INSERT INTO work_orders (number, customer_id, category, priority, channel, title, status, queue_id, assignee_id,
              first_response_due_at, resolution_due_at)
       SELECT 'WO-DB-' || n, id, 'consultation', 'normal', 'hotline', '咨询', 'assigned', 'service', $1, now(), now()
         FROM bench_customers WHERE n % 20000 = 1`,
      [serviceId],
    );
    await pool.query('ANALYZE');
  });
  console.log(`seeded ${customerCount} customers and ${orderCount} orders in ${seeding.seconds} s`);

  const full = await timed(() => refreshDashboardRollups(db, { isFull: true }));
  console.log(`full rollup rebuild: ${full.seconds} s`);
  await pool.query(
    `INSERT INTO orders (source, order_no, customer_id, channel, ordered_at, status, currency, amount, lines)
     SELECT 'bench', 'NEW' || g, c.id, 'online', now(), 'paid', 'CNY', 99, '[]'
       FROM generate_series(1, 1000) g JOIN bench_customers c ON c.n = g`,
  );
  // What upsertOrder does for each order it writes (this bench inserts them directly).
  await markOrderMonthsDirty(db, [new Date()]);
  const incremental = await timed(() => refreshDashboardRollups(db));
  console.log(`incremental refresh after 1,000 new orders: ${incremental.seconds} s`);

  const app = await buildApp({ db, config: { ...config, webDistDir: undefined }, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const viewers = {
    admin: await signInAs(address, 'admin@demo.cims', demoPassword),
    sales: await signInAs(address, 'sales1@demo.cims', demoPassword),
    service: await signInAs(address, 'service@demo.cims', demoPassword),
  };
  const byChart: Record<string, ReturnType<typeof latencySummary>> = {};
  const all: number[] = [];
  for (const [viewer, cookie] of Object.entries(viewers)) {
    for (const chart of charts) {
      const samples: number[] = [];
      for (let round = 0; round <= rounds; round++) {
        const query =
          round % 2 === 0 ? 'from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z' : 'provinceCode=440000';
        const started = performance.now();
        const response = await fetch(`${address}/api/v1/dashboard/${chart}?${query}`, {
          headers: { cookie },
        });
        await response.json();
        const elapsed = performance.now() - started;
        if (response.status !== 200) throw new Error(`${chart} as ${viewer} answered ${response.status}`);
        if (round > 0) samples.push(elapsed);
      }
      byChart[`${viewer}:${chart}`] = latencySummary(samples);
      all.push(...samples);
      console.log(`${viewer}:${chart}`.padEnd(32), JSON.stringify(byChart[`${viewer}:${chart}`]));
    }
  }
  await app.close();
  const worst = Math.max(...Object.values(byChart).map((s) => s.p95_ms));
  console.log(
    JSON.stringify({
      bench: 'dashboard',
      customers: customerCount,
      orders: orderCount,
      samples: all.length,
      ...latencySummary(all),
      worst_chart_p95_ms: worst,
      p95_ms_by_chart: Object.fromEntries(Object.entries(byChart).map(([key, s]) => [key, s.p95_ms])),
      rollup_full_s: full.seconds,
      rollup_incremental_s: incremental.seconds,
      seed_s: seeding.seconds,
    }),
  );
} finally {
  await bench.close();
}
