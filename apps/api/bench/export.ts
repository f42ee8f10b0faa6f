/**
 * pnpm bench:export — background exports at scale: seeds BENCH_N customers (default 200,000, the most an
 * export holds) into a fresh database on the server DATABASE_URL points at (the embedded PostgreSQL when
 * unset), then writes the whole list as CSV and as XLSX the way the export job does (scope, masking,
 * watermark, progress), a 2,000-row PDF, and the dashboard PDF report, as a salesperson and as an
 * administrator. Prints rows per second per format and, last, one line of JSON.
 */
import { performance } from 'node:perf_hooks';
import { seedCustomers } from '../src/db/seed/customers';
import { seedStaffUsers } from '../src/db/seed/staff';
import { resolveStaffViewer } from '../src/modules/access/service';
import { refreshDashboardRollups } from '../src/modules/dashboard/rollups';
import { createExport, runExport } from '../src/modules/exports/service';
import { openBenchDatabase } from './bench-database';

const customerCount = Number(process.env.BENCH_N ?? 200_000);
const batchSize = 100_000;
const seed = 4711;

const bench = await openBenchDatabase();
const { db, pool, config } = bench;

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

try {
  const staff = await seedStaffUsers(db);
  const admin = [...staff.values()].find((user) => user.roles.includes('admin'));
  const sales = [...staff.values()].find((user) => user.roles.includes('sales'));
  if (!admin || !sales) throw new Error('the demo staff lack an administrator or a salesperson');
  const ownerIds = [...staff.values()].filter((user) => user.roles.includes('sales')).map((user) => user.id);
  const seeding = await timed(async () => {
    for (let offset = 0; offset < customerCount; offset += batchSize)
      await seedCustomers(pool, {
        count: Math.min(batchSize, customerCount - offset),
        seed: seed + offset,
        ownerIds,
      });
    await pool.query('ANALYZE');
    await refreshDashboardRollups(db, { isFull: true });
  });
  console.log(`seeded ${customerCount} customers in ${seeding.seconds.toFixed(1)} s`);

  // Nothing is queued: each export is run here, as the job would run it, and timed from the request on.
  const jobs = { send: async () => undefined };
  type Staff = NonNullable<typeof admin>;
  async function exportAs(user: Staff, request: Parameters<typeof createExport>[3]) {
    const actor = {
      viewer: await resolveStaffViewer(db, user),
      audit: {
        actorType: 'staff' as const,
        actorId: user.id,
        actorLabel: user.email,
        ipAddress: null,
        requestId: null,
      },
    };
    // Up to 2,000 rows createExport writes the file itself; above, runExport does what the job would.
    const run = await timed(async () => {
      const created = await createExport(db, actor, { jobs, dataDir: config.dataDir }, request);
      return created.status === 'queued' ? runExport(db, created.id, config.dataDir) : created;
    });
    if (run.result.status !== 'ready')
      throw new Error(`export ${run.result.id} ended ${run.result.status}: ${run.result.error}`);
    return { rows: run.result.rowsDone, seconds: run.seconds, bytes: run.result.fileSize ?? 0 };
  }

  // The approval threshold would hold exports this large; the bench measures the writing.
  await pool.query(`UPDATE approval_policies SET is_enabled = false WHERE kind = 'export'`);
  // A PDF holds at most 2,000 rows: the salesperson's newest 2,000 customers.
  const since = await pool.query<{ at: Date }>(
    'SELECT created_at AS at FROM customers WHERE owner_id = $1 ORDER BY created_at DESC OFFSET 1999 LIMIT 1',
    [sales.id],
  );
  const newest = { ownerId: sales.id, createdFrom: since.rows[0]?.at.toISOString() };
  const runs: [string, Staff, Parameters<typeof createExport>[3]][] = [
    ['admin_csv', admin, { source: 'customers', format: 'csv', reason: 'bench' }],
    ['admin_xlsx', admin, { source: 'customers', format: 'xlsx', reason: 'bench' }],
    ['sales_csv', sales, { source: 'customers', format: 'csv', reason: 'bench' }],
    ['admin_pdf', admin, { source: 'customers', format: 'pdf', reason: 'bench', customerFilter: newest }],
  ];
  const figures: Record<string, number> = {};
  for (const [name, user, request] of runs) {
    const result = await exportAs(user, request);
    figures[`${name}_rows`] = result.rows;
    figures[`${name}_rows_per_s`] = Math.round(result.rows / result.seconds);
    console.log(
      `${name.padEnd(16)} ${result.rows} rows, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(2)} s`,
    );
  }
  const report = await exportAs(admin, { source: 'dashboard', format: 'pdf', reason: 'bench' });
  figures.dashboard_report_ms = Math.round(report.seconds * 1000);
  console.log(`dashboard report  ${(report.bytes / 1e3).toFixed(0)} kB in ${report.seconds.toFixed(2)} s`);

  console.log(
    JSON.stringify({
      bench: 'export',
      customers: customerCount,
      ...figures,
      seed_s: Math.round(seeding.seconds * 10) / 10,
    }),
  );
} finally {
  await bench.close();
}
