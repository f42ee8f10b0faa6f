import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { verifyAuditChain } from '../src/modules/audit/service';
import { createFreshDatabase } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database per test run, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createFreshDatabase('cims_test');
  const { db, pool } = openDatabase(database.url, { max: 1 });
  await migrateDatabase(db);
  await pool.end();
  project.provide('databaseUrl', database.url);
  return async () => {
    // After the whole suite, the audit chain of everything the tests did must still verify.
    const { db: check, pool: checkPool } = openDatabase(database.url, { max: 1 });
    const verification = await verifyAuditChain(check);
    await checkPool.end();
    if (!process.env.KEEP_TEST_DATABASE) await database.drop();
    if (!verification.isValid)
      throw new Error(`audit chain broken after the test run: ${JSON.stringify(verification)}`);
    console.log(`audit chain verified: ${verification.entriesChecked} entries`);
  };
}
