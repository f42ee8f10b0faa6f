/**
 * Tags: their definitions (colour, description, manual or automatic) and adding or removing them on a
 * selection of customers. Customers carry tags as text, so a tag can be in use without a definition;
 * the list shows both.
 */
import type { components } from '@cims/api-client';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers, tagDefinitions } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import type { Viewer } from '../access/policies';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import { customerScope } from '../customers/repo';
import { updateCustomer } from '../customers/service';

type Schemas = components['schemas'];

export async function listTags(db: Queryable, viewer: Viewer) {
  const scope = customerScope(viewer) ?? sql`true`;
  const result = await db.execute<{
    name: string;
    color: string | null;
    description: string | null;
    kind: 'manual' | 'automatic' | null;
    customer_count: number;
  }>(sql`
    WITH used AS (
      SELECT tag, count(*)::int AS customer_count
        FROM ${customers}, unnest(${customers.tags}) AS tag
       WHERE ${customers.deletedAt} IS NULL AND ${scope}
       GROUP BY tag)
    SELECT coalesce(d.name, u.tag) AS name, d.color, d.description, d.kind,
           coalesce(u.customer_count, 0) AS customer_count
      FROM tag_definitions d FULL JOIN used u ON u.tag = d.name
     ORDER BY 1`);
  return {
    items: result.rows.map((row): Schemas['Tag'] => ({
      name: row.name,
      color: row.color,
      description: row.description,
      kind: row.kind ?? 'manual',
      isDefined: row.color !== null,
      customerCount: row.customer_count,
    })),
  };
}

export async function defineTag(db: Database, actor: RequestActor, name: string, input: Schemas['TagInput']) {
  const { audit } = actor;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tagDefinitions).where(eq(tagDefinitions.name, name));
    const values = {
      color: input.color.toLowerCase(),
      description: input.description?.trim() || null,
      kind: input.kind ?? 'manual',
    };
    await tx
      .insert(tagDefinitions)
      .values({ name, ...values })
      .onConflictDoUpdate({ target: tagDefinitions.name, set: { ...values, updatedAt: new Date() } });
    await appendAuditEntry(tx, audit, {
      action: 'tag.define',
      resourceType: 'tag',
      resourceId: name,
      changes: diffSnapshots(
        before ? { color: before.color, description: before.description, kind: before.kind } : {},
        values,
      ),
    });
    const [count] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(customers)
      .where(
        and(
          sql`${customers.tags} @> ARRAY[${name}]::text[]`,
          isNull(customers.deletedAt),
          customerScope(actor.viewer),
        ),
      );
    return { name, ...values, isDefined: true, customerCount: count?.count ?? 0 } satisfies Schemas['Tag'];
  });
}

/** Trigger actions define the tags they add, as automatic, unless someone defined them first. */
export async function defineAutomaticTag(db: Queryable, name: string) {
  await db.insert(tagDefinitions).values({ name, color: '#8c8c8c', kind: 'automatic' }).onConflictDoNothing();
}

export async function deleteTag(db: Database, audit: AuditContext, name: string) {
  await db.transaction(async (tx) => {
    const [inUse] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`${customers.tags} @> ARRAY[${name}]::text[] AND ${customers.deletedAt} IS NULL`);
    if ((inUse?.count ?? 0) > 0)
      throw new DomainError(
        'conflict',
        `${inUse?.count} customers carry this tag; remove it from them first (bulk untag from the list).`,
      );
    const deleted = await tx.delete(tagDefinitions).where(eq(tagDefinitions.name, name)).returning();
    if (deleted.length === 0) throw new DomainError('not_found', 'No such tag definition.');
    await appendAuditEntry(tx, audit, { action: 'tag.delete', resourceType: 'tag', resourceId: name });
  });
}

/**
 * Adds and removes tags on every selected customer, all or nothing: one customer out of scope, not
 * editable or erased fails the whole request, naming it by its place in `customerIds`.
 */
export async function bulkTagCustomers(db: Database, actor: RequestActor, input: Schemas['BulkTagging']) {
  const add = [...new Set(input.add ?? [])];
  const remove = new Set(input.remove ?? []);
  const both = add.filter((tag) => remove.has(tag));
  if (both.length > 0)
    throw validationFailed([{ path: '/remove', message: `Both added and removed: ${both.join(', ')}` }]);
  if (add.length === 0 && remove.size === 0)
    throw validationFailed([{ path: '/add', message: 'Name tags to add or to remove' }]);
  return db.transaction(async (tx) => {
    let updated = 0;
    for (const [index, id] of input.customerIds.entries()) {
      const [current] = await tx
        .select({ version: customers.version, tags: customers.tags })
        .from(customers)
        .where(and(eq(customers.id, id), isNull(customers.deletedAt), customerScope(actor.viewer)));
      if (!current)
        throw validationFailed([
          { path: `/customerIds/${index}`, message: 'No such customer in your scope' },
        ]);
      const tags = current.tags.filter((tag) => !remove.has(tag));
      for (const tag of add) if (!tags.includes(tag)) tags.push(tag);
      if (tags.length === current.tags.length && tags.every((tag, i) => tag === current.tags[i])) continue;
      try {
        await updateCustomer(tx, actor, { id, ifMatch: `"${current.version}"`, body: { tags } });
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'validation_failed')
          throw validationFailed([{ path: `/customerIds/${index}`, message: error.message }]);
        throw error;
      }
      updated += 1;
    }
    return { updated, unchanged: input.customerIds.length - updated };
  });
}
