/**
 * Per-subject keys for crypto-shredding: what is sealed with a customer's key becomes unreadable the
 * moment erasure destroys the key, without touching the (hash-chained) rows that hold it.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { subjectKeys } from '../../db/schema';
import { DomainError } from '../../http/errors';
import { keyring } from './service';

/** Seals a payload under the customer's key, creating the key on first use. */
export async function sealForSubject(db: Queryable, customerId: string, payload: unknown): Promise<string> {
  const find = () => db.select().from(subjectKeys).where(eq(subjectKeys.customerId, customerId));
  let [row] = await find();
  if (!row) {
    await db
      .insert(subjectKeys)
      .values({ customerId, wrappedKey: keyring().wrapSubjectKey(customerId) })
      .onConflictDoNothing();
    [row] = await find();
  }
  // Every write about a customer seals its audit entry, so this is where one about an erased customer ends.
  if (!row?.wrappedKey)
    throw new DomainError('conflict', 'This customer was erased; nothing more can be recorded about them.');
  return keyring().sealForSubject(row.wrappedKey, customerId, JSON.stringify(payload));
}

/** Opens sealed payloads of several customers; an erased customer's come back as null. */
export async function openSealed(db: Queryable, items: { customerId: string; sealed: string }[]) {
  const ids = [...new Set(items.map((item) => item.customerId))];
  const keys = ids.length
    ? await db.select().from(subjectKeys).where(inArray(subjectKeys.customerId, ids))
    : [];
  const wrappedById = new Map(keys.map((k) => [k.customerId, k.wrappedKey]));
  return items.map(({ customerId, sealed }) => {
    const wrapped = wrappedById.get(customerId);
    return wrapped ? (JSON.parse(keyring().openForSubject(wrapped, customerId, sealed)) as unknown) : null;
  });
}

/**
 * Crypto-shredding. Database backups still hold the key until they expire, so the backup retention period
 * bounds how long an erased subject stays recoverable from them.
 */
export async function shredSubjectKey(db: Queryable, customerId: string) {
  await db
    .insert(subjectKeys)
    .values({ customerId, wrappedKey: null, shreddedAt: new Date() })
    .onConflictDoUpdate({
      target: subjectKeys.customerId,
      set: { wrappedKey: null, shreddedAt: new Date() },
    });
  const [row] = await db
    .select()
    .from(subjectKeys)
    .where(and(eq(subjectKeys.customerId, customerId), isNull(subjectKeys.wrappedKey)));
  if (!row) throw new Error('subject key still present after shredding');
}
