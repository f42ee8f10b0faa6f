import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { encryptionKeys } from '../../db/schema';
import { Keyring, type StoredKey } from './keyring';

/**
 * The master key: CIMS_MASTER_KEY (base64), else CIMS_MASTER_KEY_FILE, else — outside production — a key
 * generated once into the data directory, so that a fresh machine starts without setup. Production
 * refuses to start without a configured key: a key beside the data it protects protects nothing.
 */
export function resolveMasterKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.CIMS_MASTER_KEY) return Buffer.from(env.CIMS_MASTER_KEY, 'base64');
  if (env.CIMS_MASTER_KEY_FILE)
    return Buffer.from(readFileSync(env.CIMS_MASTER_KEY_FILE, 'utf8').trim(), 'base64');
  if (env.NODE_ENV === 'production')
    throw new Error('set CIMS_MASTER_KEY or CIMS_MASTER_KEY_FILE in production');
  const file = join(dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

// Any constant; only key creation across processes has to agree on it.
const keyCreationLockKey = 74_283_102;

async function storedKeys(db: Queryable): Promise<StoredKey[]> {
  return db.select().from(encryptionKeys);
}

/** Loads every data key, creating the first data key and the blind-index key in an empty database. */
export async function loadKeyring(db: Database, masterKey: Buffer): Promise<Keyring> {
  const keyring = new Keyring(masterKey);
  const keys = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${keyCreationLockKey})`);
    const existing = await storedKeys(tx);
    const missing = (['field_data', 'blind_index'] as const).filter(
      (purpose) => !existing.some((k) => k.purpose === purpose),
    );
    const created = missing.map((purpose) => keyring.wrapNewKey(randomUUID(), purpose));
    if (created.length > 0) await tx.insert(encryptionKeys).values(created);
    return [...existing, ...created];
  });
  keyring.useKeys(keys);
  return keyring;
}

let installed: Keyring | null = null;

/** The process's keyring, loaded at start-up (main, tests, benchmarks, CLIs). */
export function installKeyring(keyring: Keyring) {
  installed = keyring;
}

export function keyring(): Keyring {
  if (!installed) throw new Error('the keyring is not loaded');
  return installed;
}

/** Picks up keys created by another process (a rotation) before decrypting values under them. */
export async function ensureKeysFor(db: Queryable, ciphertexts: (string | null)[]) {
  const ring = keyring();
  const unknown = ciphertexts.some((value) => value !== null && !ring.hasKey(Keyring.keyIdOf(value)));
  if (unknown) ring.useKeys(await storedKeys(db));
}

/** Re-reads the keys, so a process switches to the key a rotation elsewhere made active. */
export async function refreshKeyring(db: Queryable) {
  keyring().useKeys(await storedKeys(db));
}

export const residentIdColumn = 'customers.resident_id_number';
export const otherIdColumn = 'customers.other_id_number';

/** Every encrypted customer column: its key-derivation label and its name in the table. */
const encryptedColumns = [
  { column: residentIdColumn, name: 'resident_id_number_encrypted' },
  { column: otherIdColumn, name: 'other_id_number_encrypted' },
];

/**
 * Key rotation: a new active data key, then every value re-encrypted under it in small batches
 * (SKIP LOCKED, so it runs beside normal traffic). Values stay readable throughout: the old key is kept.
 */
export async function rotateDataKey(db: Database, onProgress: (done: number) => void = () => {}) {
  const ring = keyring();
  const newKey = ring.wrapNewKey(randomUUID(), 'field_data');
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${keyCreationLockKey})`);
    await tx.update(encryptionKeys).set({ isActive: false }).where(eq(encryptionKeys.purpose, 'field_data'));
    await tx.insert(encryptionKeys).values(newKey);
  });
  ring.useKeys([newKey]);
  let done = 0;
  for (const { column, name } of encryptedColumns) {
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows = await tx.execute<{ id: string; value: string }>(sql`
          SELECT id, ${sql.identifier(name)} AS value FROM customers
          WHERE ${sql.identifier(name)} IS NOT NULL
            AND split_part(${sql.identifier(name)}, '.', 2) <> ${newKey.id}
          LIMIT 500 FOR UPDATE SKIP LOCKED`);
        await ensureKeysFor(
          tx,
          rows.rows.map((r) => r.value),
        );
        for (const row of rows.rows) {
          const reEncrypted = ring.encrypt(ring.decrypt(row.value, column), column);
          await tx.execute(
            sql`UPDATE customers SET ${sql.identifier(name)} = ${reEncrypted} WHERE id = ${row.id}`,
          );
        }
        return rows.rows.length;
      });
      if (batch === 0) break;
      done += batch;
      onProgress(done);
    }
  }
  return { keyId: newKey.id, reEncrypted: done };
}
