import type { Logger } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repository functions accept either. */
export type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export function openDatabase(connectionString: string, options: { max?: number; logger?: Logger } = {}) {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', (error) => console.error('idle database connection lost:', error.message));
  const db = drizzle(pool, { schema, logger: options.logger ?? false });
  return { pool, db };
}
