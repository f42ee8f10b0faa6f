/**
 * pnpm bench:360 — the customer 360° view and timeline paging at scale, over HTTP and raw.
 *
 * Seeds BENCH_N customers (default 1,000,000) into a fresh database on the server DATABASE_URL points at
 * (the embedded PostgreSQL when it is unset), one order and one interaction for every other customer, and
 * BENCH_HEAVY customers (default 20) with 1,000 timeline events each (400 orders, 400 interactions, 50 work
 * orders with 4 events each). Then times GET /customers/{id}/360 and GET /customers/{id}/timeline (pages
 * 2–5 by cursor) for the heavy customers, and the same SELECT statements replayed through `pg` without
 * the app. Deterministic: the same seed gives the same data. Prints one line of JSON last.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app';
import { seedCustomers } from '../src/db/seed/customers';
import { demoPassword, seedStaffUsers } from '../src/db/seed/staff';
import { latencySummary, openBenchDatabase, signInAs } from './bench-database';

const count = Number(process.env.BENCH_N ?? 1_000_000);
const heavyCount = Number(process.env.BENCH_HEAVY ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const batchSize = 100_000;
const seed = 360360;

const captured: { text: string; params: unknown[] }[] = [];
let isCapturing = false;
const bench = await openBenchDatabase({
  logger: { logQuery: (text, params) => isCapturing && captured.push({ text, params }) },
});
const { db, pool, config } = bench;

try {
  const staff = await seedStaffUsers(db);
  const ownerIds = [...staff.values()].filter((u) => u.roles.includes('sales')).map((u) => u.id);
  const serviceId = [...staff.values()].find((u) => u.roles.includes('service'))?.id;

  const seedStarted = performance.now();
  const indexes = await pool.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customers' AND indexname <> 'customers_pkey'",
  );
  for (const { indexname } of indexes.rows) await pool.query(`DROP INDEX ${indexname}`);
  for (let offset = 0; offset < count; offset += batchSize) {
    await seedCustomers(pool, { count: Math.min(batchSize, count - offset), seed: seed + offset, ownerIds });
  }
  for (const { indexdef } of indexes.rows) await pool.query(indexdef);

  // Background activity: every other customer has an order and an interaction.
  await pool.query(`
    INSERT INTO orders (source, order_no, customer_id, channel, ordered_at, status, currency, amount, lines)
    SELECT 'bench', 'B' || row_number() OVER (), id, 'online', timestamptz '2026-01-01' + (row_number() OVER ()) * interval '7 seconds',
           'completed', 'CNY', 99.00, '[{"productCode":"P1","catalogueCode":null,"productName":"滤芯","quantity":1,"unitPrice":"99.00"}]'
      FROM (SELECT id FROM customers ORDER BY id) c WHERE abs(hashtext(id::text)) % 2 = 0`);
  await pool.query(`
    INSERT INTO interactions (customer_id, type, channel, occurred_at, summary, source)
    SELECT id, 'login', 'app', timestamptz '2026-01-01' + (row_number() OVER ()) * interval '7 seconds', 'App 登录', 'bench'
      FROM (SELECT id FROM customers ORDER BY id) c WHERE abs(hashtext(id::text)) % 2 = 1`);

  // The heavy customers: 1,000 timeline events each, spread over two years.
  const heavy = await pool.query<{ id: string }>(
    `SELECT id FROM customers ORDER BY md5(id::text || '${seed}') LIMIT $1`,
    [heavyCount],
  );
  const heavyIds = heavy.rows.map((row) => row.id);
  await pool.query(
    `INSERT INTO orders (source, order_no, customer_id, channel, ordered_at, status, currency, amount, lines)
     SELECT 'heavy', c.n || '-' || g, c.id, CASE WHEN g % 3 = 0 THEN 'offline' ELSE 'online' END,
            timestamptz '2025-01-01' + g * interval '43 hours', CASE WHEN g % 20 = 0 THEN 'refunded' ELSE 'completed' END,
            'CNY', 10 + g, '[{"productCode":"P2","catalogueCode":null,"productName":"空调","quantity":1,"unitPrice":"10.00"}]'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n), generate_series(1, 400) g`,
    [heavyIds],
  );
  await pool.query(
    `INSERT INTO interactions (customer_id, type, channel, direction, occurred_at, summary, source, staff_user_id)
     SELECT c.id, (ARRAY['call','email','visit','chat','login'])[1 + g % 5], 'phone', 'inbound',
            timestamptz '2025-01-01' + g * interval '41 hours', '回访记录 ' || g, 'staff', $2
       FROM unnest($1::uuid[]) AS c(id), generate_series(1, 400) g`,
    [heavyIds, ownerIds[0]],
  );
  await pool.query(
    `INSERT INTO work_orders (number, customer_id, category, priority, channel, title, status, queue_id, assignee_id,
            first_response_due_at, resolution_due_at, created_at, updated_at, resolved_at, closed_at)
     SELECT 'WO-BENCH-' || c.n || '-' || g, c.id, 'after_sales', 'normal', 'hotline', '维修 ' || g,
            CASE WHEN g = 50 THEN 'in_progress' ELSE 'closed' END, 'service', $2,
            t + interval '4 hours', t + interval '3 days', t, t,
            CASE WHEN g = 50 THEN NULL ELSE t + interval '1 day' END, CASE WHEN g = 50 THEN NULL ELSE t + interval '2 days' END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n), generate_series(1, 50) g,
            LATERAL (SELECT timestamptz '2025-01-01' + g * interval '300 hours' AS t) times`,
    [heavyIds, serviceId],
  );
  await pool.query(`
    INSERT INTO work_order_events (work_order_id, customer_id, type, from_status, to_status, occurred_at)
    SELECT w.id, w.customer_id, e.type, e.from_status, e.to_status, w.created_at + e.after
      FROM work_orders w,
           (VALUES ('created', NULL, 'new', interval '0'), ('assigned', 'new', 'assigned', interval '1 minute'),
                   ('status_changed', 'assigned', 'in_progress', interval '1 hour'),
                   ('status_changed', 'in_progress', 'resolved', interval '1 day')) AS e(type, from_status, to_status, after)
     WHERE w.number LIKE 'WO-BENCH-%'`);
  await pool.query('ANALYZE');
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.log(
    `seeded ${count} customers (${heavyCount} with 1,000 events each) in ${seedSeconds.toFixed(1)} s`,
  );

  const app = await buildApp({ db, config: { ...config, webDistDir: undefined }, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const cookie = await signInAs(address, 'admin@demo.cims', demoPassword);

  const times = { view: [] as number[], timeline: [] as number[] };
  const raw = { view: [] as number[], timeline: [] as number[] };
  const statements = new Map<string, { text: string; params: unknown[] }[]>();
  const timelineEvents: number[] = [];

  async function timed(kind: 'view' | 'timeline', key: string, url: string, round: number) {
    isCapturing = round === 0;
    captured.length = 0;
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = (await response.json()) as Record<string, unknown>;
    const elapsed = performance.now() - started;
    isCapturing = false;
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (round === 0) {
      // Round 0 warms the caches and records the reads the endpoint ran (its audit writes are not replayed).
      statements.set(
        key,
        captured.filter((statement) => /^\s*(select|with)\b/i.test(statement.text)),
      );
      return body;
    }
    times[kind].push(elapsed);
    const rawStarted = performance.now();
    for (const statement of statements.get(key) ?? []) await pool.query(statement.text, statement.params);
    raw[kind].push(performance.now() - rawStarted);
    return body;
  }

  for (let round = 0; round <= rounds; round++) {
    for (const id of heavyIds) {
      const view = (await timed('view', `view:${id}`, `${address}/api/v1/customers/${id}/360`, round)) as {
        timeline: { nextCursor: string | null };
      };
      let cursor = view.timeline.nextCursor;
      for (let page = 2; page <= 5 && cursor; page++) {
        const url = `${address}/api/v1/customers/${id}/timeline?${new URLSearchParams({ limit: '20', cursor })}`;
        const body = (await timed('timeline', `timeline:${id}:${page}`, url, round)) as {
          items: unknown[];
          nextCursor: string | null;
        };
        if (round === 0) timelineEvents.push(body.items.length);
        cursor = body.nextCursor;
      }
    }
  }
  await app.close();

  const view = latencySummary(times.view);
  const timeline = latencySummary(times.timeline);
  const rawView = latencySummary(raw.view);
  console.log('360 view', JSON.stringify({ http: view, raw: rawView }));
  console.log('timeline pages', JSON.stringify({ http: timeline, raw: latencySummary(raw.timeline) }));
  console.log(
    JSON.stringify({
      bench: '360',
      customers: count,
      heavy_customers: heavyCount,
      events_per_customer: 1000,
      samples: times.view.length,
      ...view,
      timeline_p50_ms: timeline.p50_ms,
      timeline_p95_ms: timeline.p95_ms,
      timeline_p99_ms: timeline.p99_ms,
      raw_p95_ms: rawView.p95_ms,
      ratio: Math.round((view.p95_ms / Math.max(rawView.p95_ms, 0.01)) * 100) / 100,
      seed_s: Math.round(seedSeconds * 10) / 10,
    }),
  );
} finally {
  await bench.close();
}
