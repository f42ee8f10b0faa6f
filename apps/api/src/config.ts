import { readFileSync } from 'node:fs';

/** Process configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Unset: start the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** `full` (≥ 2,000 customers), `small` (for e2e runs) or `none`; only applied to an empty database. */
  demoSeed: 'full' | 'small' | 'none';
  logLevel: string;
  /** Behind a TLS-terminating proxy, trust its X-Forwarded-* headers (and so set Secure cookies). */
  trustProxy: boolean;
  webDistDir: string | undefined;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /** Sign-in attempts per client address and minute. */
  signInRateLimit: number;
  /** Serve HTTPS directly when both TLS_CERT_FILE and TLS_KEY_FILE are set. */
  tls: { cert: Buffer; key: Buffer } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const demoSeed = env.CIMS_DEMO_SEED ?? 'full';
  if (demoSeed !== 'full' && demoSeed !== 'small' && demoSeed !== 'none') {
    throw new Error(`CIMS_DEMO_SEED must be full, small or none, not "${demoSeed}"`);
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CIMS_DATA_DIR ?? new URL('../../../.data', import.meta.url).pathname,
    demoSeed,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    webDistDir: env.CIMS_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname,
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    signInRateLimit: Number(env.SIGN_IN_RATE_LIMIT ?? 10),
    tls:
      env.TLS_CERT_FILE && env.TLS_KEY_FILE
        ? { cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE) }
        : null,
  };
}
