import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { apiKeys } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { getApprovalPolicy, requestApproval } from '../approvals/requests';
import { type AuditContext, appendAuditEntry } from '../audit/service';
import { hashToken } from '../auth/service';

export async function listApiKeys(db: Database) {
  return db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
}

/** The secret is 256 random bits, so a plain SHA-256 (not a slow password hash) is enough to store it. */
export async function createApiKey(
  db: Database,
  actor: RequestActor,
  input: { name: string; scopes: string[] },
) {
  const { audit } = actor;
  const secret = `cims_${randomBytes(32).toString('base64url')}`;
  const policy = await getApprovalPolicy(db, 'role_change');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name.trim(),
        prefix: secret.slice(0, 12),
        secretHash: hashToken(secret),
        scopes: input.scopes,
        createdBy: audit.actorType === 'staff' ? audit.actorId : null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await appendAuditEntry(tx, audit, {
      action: 'api_key.create',
      resourceType: 'api_key',
      resourceId: row.id,
      changes: { name: { before: null, after: row.name }, scopes: { before: null, after: row.scopes } },
    });
    if (!policy.isEnabled) return { row, secret };
    // The secret is shown once, now; the key works only after an approver says yes.
    const held = await requestApproval(tx, actor, {
      kind: 'role_change',
      policy,
      reason: `新接口密钥 New API key: ${row.name}`,
      details: { apiKeyId: row.id, apiKeyName: row.name, scopes: row.scopes },
    });
    const [waiting] = await tx
      .update(apiKeys)
      .set({ approvalId: held.id })
      .where(eq(apiKeys.id, row.id))
      .returning();
    return { row: waiting ?? row, secret };
  });
}

/** An approved key starts working; a key whose request was refused is revoked. */
export async function settleApiKeyApproval(db: Queryable, apiKeyId: string, isApproved: boolean) {
  await db
    .update(apiKeys)
    .set(isApproved ? { approvalId: null } : { approvalId: null, revokedAt: new Date() })
    .where(eq(apiKeys.id, apiKeyId));
}

export async function revokeApiKey(db: Database, audit: AuditContext, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (row) {
      await appendAuditEntry(tx, audit, {
        action: 'api_key.revoke',
        resourceType: 'api_key',
        resourceId: id,
      });
      return;
    }
    const [existing] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
    if (!existing) throw new DomainError('not_found', 'No such API key.');
  });
}

/**
 * The key for a bearer secret, if active. `lastUsedAt` is written at most once a minute per key, so that
 * a busy partner's calls do not all queue on one row.
 */
export async function findActiveApiKey(db: Database, secret: string) {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(
      and(eq(apiKeys.secretHash, hashToken(secret)), isNull(apiKeys.revokedAt), isNull(apiKeys.approvalId)),
    );
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  }
  return { id: row.id, name: row.name, scopes: row.scopes };
}
