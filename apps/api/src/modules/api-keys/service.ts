import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { apiKeys } from '../../db/schema';
import { DomainError } from '../../http/errors';
import { hashToken } from '../auth/service';

export async function listApiKeys(db: Database) {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** The secret is 256 random bits, so a plain SHA-256 (not a slow password hash) is enough to store it. */
export async function createApiKey(
  db: Database,
  input: { name: string; scopes: string[]; createdBy: string | null },
) {
  const secret = `cims_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiKeys)
    .values({
      name: input.name.trim(),
      prefix: secret.slice(0, 12),
      secretHash: hashToken(secret),
      scopes: input.scopes,
      createdBy: input.createdBy,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { row, secret };
}

export async function revokeApiKey(db: Database, id: string) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (row) return;
  const [existing] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
  if (!existing) throw new DomainError('not_found', 'No such API key.');
}

export async function findActiveApiKey(db: Database, secret: string) {
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.secretHash, hashToken(secret)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes });
  return row ?? null;
}
