/**
 * pnpm bench:import [--data PATH] [--rows N] — the import pipeline against a raw COPY of the same rows.
 *
 * Imports a CSV (--data: any CSV in a format of ../shared/datasets; default: N generated Chinese customer
 * rows in the cn_customers format, N = 1,000,000, the same rows for the same N) through the product's
 * pipeline: upload, suggested mapping, validation and standardization, duplicate detection at entry,
 * idempotency keys, provenance and audit, in committed batches. Then the rows it stored are dumped, the
 * tables emptied, and the very same rows loaded back with plain COPY into the same tables. Prints rows/s
 * for both and their ratio. Last line: JSON.
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { formatRegionPath } from '@cims/schemas';
import { stringify } from 'csv-stringify';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { generateCustomers } from '../src/db/seed/customers';
import { seedStaffUsers } from '../src/db/seed/staff';
import { defaultPolicies, viewerOf } from '../src/modules/access/policies';
import { systemAuditContext } from '../src/modules/audit/service';
import { suggestMapping } from '../src/modules/imports/mapping';
import { getImport, processImport, startImport, uploadImport } from '../src/modules/imports/service';
import { openBenchDatabase } from './bench-database';
import { readLabelledDataset } from './datasets';

const { values } = parseArgs({ options: { data: { type: 'string' }, rows: { type: 'string' } } });
const workDir = join(tmpdir(), 'cims-bench-import');
mkdirSync(workDir, { recursive: true });

/** N customers as a channel would export them: one row each, phones and addresses as text. */
async function writeGeneratedCsv(count: number): Promise<string> {
  const path = join(workDir, `generated-${count}.csv`);
  const rows = (function* () {
    yield [
      'record_id',
      'entity_id',
      'kind',
      'name',
      'phone',
      'email',
      'id_number',
      'uscc',
      'address',
      'birth_date',
      'gender',
      'source_channel',
    ];
    let index = 0;
    for (const { input } of generateCustomers({ count, seed: 2026, ownerIds: [] })) {
      const id = `G${String(index++).padStart(8, '0')}`;
      const point = (type: string) => input.contactPoints?.find((p) => p.type === type)?.value ?? '';
      const address = input.addresses?.[0];
      const person = input.kind === 'person' ? input.person : null;
      yield [
        id,
        id,
        input.kind,
        person
          ? person.familyName + person.givenName
          : input.kind === 'organization'
            ? input.organization.legalName
            : '',
        point('phone'),
        point('email'),
        person?.residentIdNumber ?? '',
        input.kind === 'organization' ? (input.organization.uscc ?? '') : '',
        address ? formatRegionPath(address) + address.detail : '',
        person?.birthDate ?? '',
        person ? (person.gender === 'female' ? 'F' : 'M') : '',
        '门店',
      ];
    }
  })();
  await pipeline(Readable.from(rows), stringify(), createWriteStream(path));
  return path;
}

const path = values.data ?? (await writeGeneratedCsv(Number(values.rows ?? 1_000_000)));
const { format, header } = readLabelledDataset(path);
const bench = await openBenchDatabase();
const { db, pool } = bench;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

try {
  const staff = await seedStaffUsers(db);
  const importer = [...staff.values()].find((user) => user.roles.includes('admin'));
  if (!importer) throw new Error('no admin among the seeded staff');
  const actor = {
    audit: systemAuditContext('import benchmark'),
    viewer: viewerOf(defaultPolicies.admin, { userId: importer.id, team: null }),
  };
  const importStarted = performance.now();
  const uploaded = await uploadImport(db, actor, {
    body: createReadStream(path),
    contentType: 'text/csv',
    fileName: path.split('/').at(-1) ?? 'data.csv',
    dataDir: workDir,
  });
  await startImport(db, actor, uploaded.id, {
    mode: 'run',
    mapping: { ...suggestMapping(header), [format.truthColumn]: 'ignore' },
    sourceChannel: 'import',
    source: 'bench',
    defaultCountryCode: format.countryCode,
    onDuplicate: 'flag',
  });
  await processImport(db, uploaded.id, workDir);
  const importSeconds = (performance.now() - importStarted) / 1000;
  const imported = await getImport(db, actor.viewer, uploaded.id);
  const rows = imported.totalRows ?? 0;

  // The rows the import stored, dumped and loaded back with nothing but COPY.
  const tables = ['customers', 'customer_contact_points', 'customer_addresses'];
  const columnsOf = async (table: string) =>
    (
      await pool.query<{ name: string }>(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
      )
    ).rows.map((row) => row.name);
  const client = await pool.connect();
  let copySeconds = 0;
  try {
    for (const table of tables) {
      const columns = (await columnsOf(table)).join(', ');
      await pipeline(
        client.query(copyTo(`COPY ${table} (${columns}) TO STDOUT`)),
        createWriteStream(join(workDir, `${table}.copy`)),
      );
    }
    await client.query('TRUNCATE customers CASCADE');
    for (const table of tables) {
      const columns = (await columnsOf(table)).join(', ');
      const started = performance.now();
      await pipeline(
        createReadStream(join(workDir, `${table}.copy`)),
        client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)),
      );
      copySeconds += (performance.now() - started) / 1000;
    }
  } finally {
    client.release();
  }
  const stored = imported.createdCount;
  const importPerSecond = rows / importSeconds;
  const copyPerSecond = stored / copySeconds;
  console.log(
    `${format.name}: ${rows} rows imported in ${importSeconds.toFixed(1)} s (${stored} stored, ${imported.errorCount} refused, ${imported.flaggedDuplicates} duplicate pairs flagged); the same ${stored} customers by raw COPY in ${copySeconds.toFixed(1)} s`,
  );
  console.log(
    JSON.stringify({
      bench: 'import',
      data: path.split('/').at(-1),
      rows,
      import_s: round(importSeconds, 1),
      rows_per_s: Math.round(importPerSecond),
      copy_rows_per_s: Math.round(copyPerSecond),
      ratio: round(importPerSecond / copyPerSecond),
    }),
  );
} finally {
  await bench.close();
}
