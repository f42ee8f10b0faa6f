/** The PostgreSQL server e2e runs use: TEST_DATABASE_URL, else DATABASE_URL, else the local one (trust auth). */
export function e2eServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export const E2E_DATABASE_PREFIX = 'cims_e2e_';

/** `cims_e2e_<milliseconds>_<random>`: sortable by age, unique across parallel runs on one server. */
export function newE2eDatabaseName(now: number = Date.now()): string {
  return `${E2E_DATABASE_PREFIX}${now}_${Math.random().toString(36).slice(2, 8)}`;
}
