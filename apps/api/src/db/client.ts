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
  // A connection cut while checked out, between the queries of a transaction, reports as an 'error'
  // event on its client as well; unheard, that event would end the process. The query that next uses
  // the client fails with it, and the pool discards the client when it comes back.
  pool.on('connect', (client) =>
    client.on('error', (error) => console.error('database connection lost while in use:', error.message)),
  );
  const db = drizzle(pool, { schema, logger: options.logger ?? false });
  return { pool, db };
}

/**
 * A transaction on one pooled connection, offered both as drizzle and as the raw client: bulk writers
 * stream COPY through the client while the rest of the work uses the same transaction through drizzle.
 */
export async function withClientTransaction<T>(
  db: Database,
  work: (tx: Database, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await (db as unknown as { $client: pg.Pool }).$client.connect();
  // A connection cut while checked out reports here as well as to the query in flight (which fails);
  // such a connection is destroyed on release, never handed out again.
  let isBroken = false;
  const onError = () => {
    isBroken = true;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(drizzle(client, { schema }) as unknown as Database, client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      isBroken = true;
    });
    throw error;
  } finally {
    // A broken connection may still report as it closes: it keeps its listener.
    if (!isBroken) client.off('error', onError);
    client.release(isBroken);
  }
}
