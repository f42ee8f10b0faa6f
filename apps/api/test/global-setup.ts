import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
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
    if (!process.env.KEEP_TEST_DATABASE) await database.drop();
  };
}
