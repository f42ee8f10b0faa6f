/**
 * pnpm bench:dedup [--data PATH] [--scale N] — duplicate detection, measured end to end.
 *
 * With a labelled data set (--data, any CSV in a format of ../shared/datasets recognised by its header;
 * default cn_customers_dev.csv): the file is imported as it is through the import pipeline (suggested
 * column mapping, invalid values skipped, duplicates only flagged), then the whole-base scan runs with
 * auto-merge off. The auto-merge pairs found at import and by the scan are clustered and compared with
 * the truth column: pairwise precision, recall and F1, plus records per second end to end.
 *
 * With --scale N: N generated customers are bulk-loaded and only the scan is timed (the "1,000,000
 * customers in under 2 minutes" figure). Last line: JSON.
 */
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedCustomers } from '../src/db/seed/customers';
import { seedStaffUsers } from '../src/db/seed/staff';
import { defaultPolicies, viewerOf } from '../src/modules/access/policies';
import { systemAuditContext } from '../src/modules/audit/service';
import { defaultDataQualitySettings, updateDataQualitySettings } from '../src/modules/data-quality/settings';
import { requestScan, runScan } from '../src/modules/duplicates/scan';
import { suggestMapping } from '../src/modules/imports/mapping';
import { getImport, processImport, startImport, uploadImport } from '../src/modules/imports/service';
import { clustersOf, defaultThresholds } from '../src/modules/matching/engine';
import { openBenchDatabase } from './bench-database';
import { pairKeys, readLabelledDataset } from './datasets';

const { values } = parseArgs({ options: { data: { type: 'string' }, scale: { type: 'string' } } });
const bench = await openBenchDatabase();
const { db, pool } = bench;
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const secondsSince = (start: number) => (performance.now() - start) / 1000;

async function timeScan() {
  const actor = {
    audit: systemAuditContext('dedup benchmark'),
    viewer: viewerOf(defaultPolicies.admin, { userId: null, team: null }),
  };
  // Pairs are scored, not merged: the benchmark compares them with the truth.
  await updateDataQualitySettings(db, actor, { ...defaultDataQualitySettings, autoMergeOnScan: false });
  const { scan } = await requestScan(db);
  const started = performance.now();
  await runScan(db, scan.id);
  return secondsSince(started);
}

try {
  if (values.scale) {
    const count = Number(values.scale);
    for (let offset = 0; offset < count; offset += 100_000)
      await seedCustomers(pool, {
        count: Math.min(100_000, count - offset),
        seed: 777 + offset,
        ownerIds: [],
      });
    await pool.query('ANALYZE');
    const scanSeconds = await timeScan();
    console.log(
      JSON.stringify({
        bench: 'dedup',
        data: 'generated',
        records: count,
        scan_s: round(scanSeconds, 1),
        records_per_s: Math.round(count / scanSeconds),
      }),
    );
  } else {
    const path =
      values.data ?? new URL('../../../../shared/datasets/cn_customers_dev.csv', import.meta.url).pathname;
    const { format, header, records } = readLabelledDataset(path);
    const staff = await seedStaffUsers(db);
    const importer = [...staff.values()].find((user) => user.roles.includes('admin'));
    if (!importer) throw new Error('no admin among the seeded staff');
    const actor = {
      audit: systemAuditContext('dedup benchmark'),
      viewer: viewerOf(defaultPolicies.admin, { userId: importer.id, team: null }),
    };
    const dataDir = join(tmpdir(), 'cims-bench');
    const started = performance.now();
    const uploaded = await uploadImport(db, actor, {
      body: createReadStream(path),
      contentType: 'text/csv',
      fileName: path.split('/').at(-1) ?? 'data.csv',
      dataDir,
    });
    const mapping = { ...suggestMapping(header), [format.truthColumn]: 'ignore' as const };
    await startImport(db, actor, uploaded.id, {
      mode: 'run',
      mapping,
      sourceChannel: 'import',
      source: 'bench',
      defaultCountryCode: format.countryCode,
      invalidValues: 'skip_value',
      onDuplicate: 'flag',
    });
    await processImport(db, uploaded.id, dataDir);
    const importSeconds = secondsSince(started);
    const imported = await getImport(db, actor.viewer, uploaded.id);
    const scanSeconds = await timeScan();

    const found = await db.execute<{ a: string; b: string }>(sql`
      SELECT xa.external_id AS a, xb.external_id AS b FROM duplicate_candidates d
        JOIN customer_external_ids xa ON xa.customer_id = d.customer_a AND xa.source = 'bench'
        JOIN customer_external_ids xb ON xb.customer_id = d.customer_b AND xb.source = 'bench'
       WHERE d.decision = 'auto_merge' AND d.status = 'open'`);
    const clusters = clustersOf(
      found.rows.map((row) => ({ ...row, decision: 'auto_merge' as const, score: 0, contributions: [] })),
    );
    const truthGroups = new Map<string, string[]>();
    for (const record of records)
      truthGroups.set(record.entity, [...(truthGroups.get(record.entity) ?? []), record.id]);
    const truth = pairKeys(truthGroups.values());
    const predicted = pairKeys(clusters);
    let truePositives = 0;
    for (const key of predicted) if (truth.has(key)) truePositives++;
    const precision = predicted.size ? truePositives / predicted.size : 0;
    const recall = truth.size ? truePositives / truth.size : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(
      `${format.name}: ${records.length} rows, ${imported.createdCount} stored (${imported.partialCount} without some invalid values, ${imported.errorCount} refused), ${truth.size} true pairs, ${predicted.size} predicted; import ${importSeconds.toFixed(1)} s, scan ${scanSeconds.toFixed(1)} s`,
    );
    console.log(
      JSON.stringify({
        bench: 'dedup',
        data: path.split('/').at(-1),
        format: format.name,
        records: records.length,
        thresholds: defaultThresholds,
        precision: round(precision),
        recall: round(recall),
        f1: round(f1),
        import_rows_per_s: Math.round(records.length / importSeconds),
        scan_records_per_s: Math.round(records.length / scanSeconds),
        records_per_s: Math.round(records.length / (importSeconds + scanSeconds)),
      }),
    );
  }
} finally {
  await bench.close();
}
