/**
 * pnpm bench:search — quick-search latency at scale, over HTTP and raw.
 *
 * Seeds BENCH_N customers (default 100,000) into a fresh database on the server DATABASE_URL points at
 * (the embedded PostgreSQL when it is unset), then times a fixed, deterministic set of queries (Chinese
 * name fragments of 1–3 characters, organization-name fragments, 4-digit phone fragments, email prefixes)
 * through GET /api/v1/customers/search, and the very same SQL statements replayed through `pg` without
 * the app. Prints per-kind figures and, last, one line of JSON.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app';
import { generateCustomers, seedCustomers } from '../src/db/seed/customers';
import { createRandom } from '../src/db/seed/random';
import { demoPassword, seedStaffUsers } from '../src/db/seed/staff';
import { latencySummary, openBenchDatabase, signInAs } from './bench-database';

const count = Number(process.env.BENCH_N ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const batchSize = 100_000;
const seed = 424242;

const captured: { text: string; params: unknown[] }[] = [];
let isCapturing = false;
const bench = await openBenchDatabase({
  logger: { logQuery: (text, params) => isCapturing && captured.push({ text, params }) },
});
const { db, pool, config } = bench;

try {
  const staff = await seedStaffUsers(db);
  const ownerIds = [...staff.values()].filter((u) => u.roles.includes('sales')).map((u) => u.id);

  // Bulk load without the secondary indexes, then build them once: far faster than maintaining
  // GIN indexes row by row.
  const seedStarted = performance.now();
  const indexes = await pool.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customers' AND indexname <> 'customers_pkey'",
  );
  for (const { indexname } of indexes.rows) await pool.query(`DROP INDEX ${indexname}`);
  for (let offset = 0; offset < count; offset += batchSize) {
    await seedCustomers(pool, { count: Math.min(batchSize, count - offset), seed: seed + offset, ownerIds });
  }
  for (const { indexdef } of indexes.rows) await pool.query(indexdef);
  await pool.query('ANALYZE');
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.log(`seeded ${count} customers in ${seedSeconds.toFixed(1)} s`);

  // The query set comes from the seeded data itself (same seed → same queries).
  const random = createRandom(99);
  const sample = [...generateCustomers({ count: 2000, seed, ownerIds })];
  const queries: { kind: string; q: string }[] = [];
  for (let i = 0; i < 10; i++) {
    const persons = sample.filter((c) => c.input.kind === 'person');
    const organizations = sample.filter((c) => c.input.kind === 'organization');
    const p = random.pick(persons).input;
    const o = random.pick(organizations).input;
    if (p.kind !== 'person' || o.kind !== 'organization') continue;
    const fullName = p.person.familyName + p.person.givenName;
    queries.push({ kind: 'name_1_char', q: p.person.familyName });
    queries.push({ kind: 'name_2_chars', q: fullName.slice(0, 2) });
    queries.push({ kind: 'name_full', q: fullName });
    queries.push({ kind: 'organization_fragment', q: o.organization.legalName.slice(2, 4) });
    const phone = p.contactPoints?.find((c) => c.type === 'phone')?.value ?? '+8613800138000';
    const start = random.int(3, phone.length - 4);
    queries.push({ kind: 'phone_4_digits', q: phone.slice(start, start + 4) });
    const email = sample.flatMap((c) => c.input.contactPoints ?? []).filter((c) => c.type === 'email');
    queries.push({ kind: 'email_prefix', q: random.pick(email).value.slice(0, 6) });
  }

  const app = await buildApp({ db, config: { ...config, webDistDir: undefined }, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const cookie = await signInAs(address, 'admin@demo.cims', demoPassword);

  const httpTimes = new Map<string, number[]>();
  const rawTimes = new Map<string, number[]>();
  const statementsByQuery = new Map<string, { text: string; params: unknown[] }[]>();
  const hits: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const { kind, q } of queries) {
      const url = `${address}/api/v1/customers/search?${new URLSearchParams({ q, limit: '10' })}`;
      isCapturing = round === 0;
      captured.length = 0;
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      const body = (await response.json()) as { items: unknown[] };
      const elapsed = performance.now() - started;
      isCapturing = false;
      if (response.status !== 200) throw new Error(`search ${q} answered ${response.status}`);
      if (round === 0) {
        // Round 0 warms the caches and records the SQL the endpoint ran.
        statementsByQuery.set(q, [...captured]);
        hits.push(body.items.length);
        continue;
      }
      httpTimes.set(kind, [...(httpTimes.get(kind) ?? []), elapsed]);

      const rawStarted = performance.now();
      for (const statement of statementsByQuery.get(q) ?? [])
        await pool.query(statement.text, statement.params);
      rawTimes.set(kind, [...(rawTimes.get(kind) ?? []), performance.now() - rawStarted]);
    }
  }
  await app.close();

  const byKind: Record<string, unknown> = {};
  for (const [kind, samples] of httpTimes) {
    byKind[kind] = { http: latencySummary(samples), raw: latencySummary(rawTimes.get(kind) ?? []) };
    console.log(kind.padEnd(22), JSON.stringify(byKind[kind]));
  }
  const http = latencySummary([...httpTimes.values()].flat());
  const raw = latencySummary([...rawTimes.values()].flat());
  console.log(
    JSON.stringify({
      bench: 'search',
      customers: count,
      queries: queries.length,
      samples: [...httpTimes.values()].flat().length,
      mean_hits: Math.round((hits.reduce((a, b) => a + b, 0) / hits.length) * 10) / 10,
      ...http,
      raw_p50_ms: raw.p50_ms,
      raw_p95_ms: raw.p95_ms,
      raw_p99_ms: raw.p99_ms,
      ratio: Math.round((http.p95_ms / Math.max(raw.p95_ms, 0.01)) * 100) / 100,
      seed_s: Math.round(seedSeconds * 10) / 10,
    }),
  );
} finally {
  await bench.close();
}
