/** Resolves the customer a partner names by CIMS id or by its own external id, within the caller's scope. */
import type { components } from '@cims/api-client';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customerExternalIds, customers } from '../../db/schema';
import type { FieldError } from '../../http/errors';
import type { Viewer } from '../access/policies';
import { customerScope } from './repo';

type CustomerKey = components['schemas']['CustomerKey'];

const keyText = (key: CustomerKey) =>
  key.customerId ?? (key.externalId ? `${key.externalId.source}\u0000${key.externalId.externalId}` : '');

export interface ResolvedCustomers {
  /** keyText → customer id, for the keys that named a live customer in scope. */
  ids: Map<string, string>;
  errors: FieldError[];
}

/**
 * Resolves many keys with two queries. A key naming nothing (or both ways at once), an erased customer or
 * one outside the scope is an error at `${path(index)}`.
 */
export async function resolveCustomerKeys(
  db: Queryable,
  viewer: Viewer,
  keys: CustomerKey[],
  path: (index: number) => string,
): Promise<ResolvedCustomers & { idOf: (key: CustomerKey) => string | undefined }> {
  const errors: FieldError[] = [];
  const byId = [
    ...new Set(keys.flatMap((key) => (key.customerId && !key.externalId ? [key.customerId] : []))),
  ];
  const byExternal = keys.flatMap((key) => (key.externalId && !key.customerId ? [key.externalId] : []));
  const ids = new Map<string, string>();
  const live = and(
    customerScope(viewer),
    sql`${customers.erasedAt} IS NULL`,
    sql`${customers.deletedAt} IS NULL`,
  );
  if (byId.length > 0) {
    const found = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(inArray(customers.id, byId), live));
    for (const row of found) ids.set(row.id, row.id);
  }
  if (byExternal.length > 0) {
    const found = await db
      .select({
        source: customerExternalIds.source,
        externalId: customerExternalIds.externalId,
        id: customers.id,
      })
      .from(customerExternalIds)
      .innerJoin(customers, eq(customers.id, customerExternalIds.customerId))
      .where(
        and(
          or(
            ...byExternal.map((key) =>
              and(
                eq(customerExternalIds.source, key.source),
                eq(customerExternalIds.externalId, key.externalId),
              ),
            ),
          ),
          live,
        ),
      );
    for (const row of found) ids.set(`${row.source}\u0000${row.externalId}`, row.id);
  }
  keys.forEach((key, index) => {
    if (key.customerId && key.externalId)
      errors.push({
        path: path(index),
        message: 'Name the customer by customerId or by externalId, not both',
      });
    else if (!key.customerId && !key.externalId)
      errors.push({ path: path(index), message: 'Name the customer by customerId or by externalId' });
    else if (!ids.has(keyText(key))) errors.push({ path: path(index), message: 'No such customer' });
  });
  return { ids, errors, idOf: (key) => ids.get(keyText(key)) };
}
