/**
 * `Idempotency-Key` for writes that are not idempotent by nature (batches): the first answer is stored
 * with a hash of the request in the same transaction as the write, and a retry with the same key and body
 * gets that answer again instead of a second write. Keys are per caller and kept for 24 hours.
 */
import { createHash } from 'node:crypto';
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { DomainError } from './errors';

const keepFor = 24 * 3600 * 1000;

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

export async function withIdempotencyKey(
  tx: Database,
  input: { key: string | undefined; callerId: string; request: unknown },
  run: () => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  if (!input.key) return run();
  const key = `${input.callerId}:${input.key}`;
  const requestHash = createHash('sha256').update(JSON.stringify(input.request)).digest('hex');
  const since = new Date(Date.now() - keepFor);
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.key, key), lt(idempotencyKeys.createdAt, since)));
  // Claims the key; a concurrent request with the same key waits here until the first one ends.
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ key, requestHash, statusCode: 0, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.key, key), gte(idempotencyKeys.createdAt, since)));
    if (!stored)
      throw new DomainError('conflict', 'A request with this Idempotency-Key is in progress; retry.');
    if (stored.requestHash !== requestHash) {
      throw new DomainError('validation_failed', 'This Idempotency-Key was used for a different request.', [
        { path: '/headers/idempotency-key', message: 'Already used with a different body' },
      ]);
    }
    return { statusCode: stored.statusCode, body: stored.response };
  }
  const answer = await run();
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: answer.statusCode, response: answer.body as object })
    .where(eq(idempotencyKeys.key, key));
  return answer;
}
