/** Every query on customers and their contact points and addresses. */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import {
  customerAddresses,
  customerContactPoints,
  customerExternalIds,
  customers,
  staffUsers,
} from '../../db/schema';
import type { Viewer } from '../access/policies';
import { ensureKeysFor, keyring, otherIdColumn, residentIdColumn } from '../encryption/service';
import { paidOrderStatusesParam } from '../orders/statuses';
import { openStatuses } from '../workorders/state-machine';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerInsert = typeof customers.$inferInsert;
export type ContactPointRow = typeof customerContactPoints.$inferSelect;
export type AddressRow = typeof customerAddresses.$inferSelect;
export type ContactPointInsert = Pick<ContactPointRow, 'type' | 'value' | 'label' | 'isPrimary'>;
export type AddressInsert = Pick<
  AddressRow,
  'label' | 'countryCode' | 'provinceCode' | 'cityCode' | 'districtCode' | 'postcode' | 'detail' | 'isPrimary'
>;

export interface CustomerRecord {
  row: CustomerRow;
  /** Decrypted from row.residentIdNumberEncrypted and row.otherIdNumberEncrypted. */
  residentIdNumber: string | null;
  otherIdNumber: string | null;
  owner: { id: string; displayName: string } | null;
  contactPoints: ContactPointRow[];
  addresses: AddressRow[];
  externalIds: { source: string; externalId: string }[];
  mergedInto: { id: string; displayName: string } | null;
}

/** One part of a data scope short of `all`: as a condition on `customers`, and as the ids it admits. */
interface ScopePart {
  condition: SQL;
  ids: SQL;
}

const partByCondition = (condition: SQL): ScopePart => ({
  condition,
  ids: sql`SELECT ${customers.id} FROM ${customers} WHERE ${condition}`,
});
const partByIds = (ids: SQL): ScopePart => ({ condition: sql`${customers.id} IN (${ids})`, ids });

/** The parts of the viewer's scope, whose union it is (undefined: all). */
function scopeParts(viewer: Viewer): ScopePart[] | undefined {
  if (viewer.dataScopes.includes('all')) return undefined;
  const me = viewer.userId;
  if (!me || viewer.dataScopes.length === 0) return [];
  // Every scope short of 'all' includes the customers one owns.
  const parts = [partByCondition(sql`${customers.ownerId} = ${me}`)];
  if (viewer.dataScopes.includes('own_or_team') && viewer.team)
    parts.push(
      partByCondition(sql`${customers.ownerId} IN (SELECT id FROM staff_users WHERE team = ${viewer.team})`),
    );
  if (viewer.dataScopes.includes('assigned_work_orders')) {
    // Service staff work on the customers whose open work orders are theirs or their queues'; and on those
    // they own, i.e. created (they may not name owners, see canAssignOwners), so that a customer they
    // create stays in their sight until they open its work order.
    parts.push(
      partByIds(sql`SELECT wo.customer_id FROM work_orders wo
        WHERE wo.status = ANY(${sql.param(openStatuses)}::text[])
          AND (wo.assignee_id = ${me} OR wo.queue_id = ANY(${sql.param(viewer.queueIds)}::text[]))`),
    );
  }
  return parts;
}

/**
 * The customers a viewer may see, as a condition on `customers` (undefined: all). Every query that reads
 * customers for a viewer takes it, so data scope is enforced in the database, not filtered afterwards.
 * A viewer with several scopes (several roles) sees the union of them.
 */
export function customerScope(viewer: Viewer): SQL | undefined {
  const parts = scopeParts(viewer);
  if (!parts) return undefined;
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(
    parts.map((part) => part.condition),
    sql` OR `,
  )})`;
}

/**
 * The same customers as customerScope, as a SELECT of their ids without duplicates (undefined: all), for
 * an aggregate over few customers to start from: each part is read through its own index, where the
 * OR of customerScope makes PostgreSQL test every customer.
 */
export function scopedCustomerIds(viewer: Viewer): SQL | undefined {
  const parts = scopeParts(viewer);
  if (!parts) return undefined;
  if (parts.length === 0) return sql`SELECT NULL::uuid WHERE false`;
  return sql.join(
    parts.map((part) => sql`(${part.ids})`),
    sql` UNION `,
  );
}

const mergedIntoCustomer = alias(customers, 'merged_into');

/**
 * One customer with everything that belongs to it. The queries run one after another: on a transaction's
 * single connection pg would queue them anyway (and pg 9 refuses overlapping queries on a client).
 */
export async function findCustomerRecord(
  db: Queryable,
  id: string,
  scope?: SQL,
): Promise<CustomerRecord | null> {
  const [found] = await db
    .select({
      row: customers,
      ownerName: staffUsers.displayName,
      mergedIntoName: mergedIntoCustomer.displayName,
    })
    .from(customers)
    .leftJoin(staffUsers, eq(staffUsers.id, customers.ownerId))
    .leftJoin(mergedIntoCustomer, eq(mergedIntoCustomer.id, customers.mergedIntoId))
    .where(and(eq(customers.id, id), scope));
  if (!found) return null;
  const { row, ownerName, mergedIntoName } = found;
  const contactPoints = await listContactPoints(db, id);
  const addresses = await listAddresses(db, id);
  const externalIds = await db
    .select({ source: customerExternalIds.source, externalId: customerExternalIds.externalId })
    .from(customerExternalIds)
    .where(eq(customerExternalIds.customerId, id))
    .orderBy(asc(customerExternalIds.source), asc(customerExternalIds.externalId));
  const mergedInto =
    row.mergedIntoId && mergedIntoName !== null
      ? { id: row.mergedIntoId, displayName: mergedIntoName }
      : null;
  const owner = row.ownerId ? { id: row.ownerId, displayName: ownerName ?? '' } : null;
  return {
    row,
    residentIdNumber: await decryptColumn(db, row.residentIdNumberEncrypted, residentIdColumn),
    otherIdNumber: await decryptColumn(db, row.otherIdNumberEncrypted, otherIdColumn),
    owner,
    contactPoints,
    addresses,
    externalIds,
    mergedInto,
  };
}

async function decryptColumn(db: Queryable, ciphertext: string | null, column: string) {
  if (!ciphertext) return null;
  await ensureKeysFor(db, [ciphertext]);
  return keyring().decrypt(ciphertext, column);
}

export async function lockCustomerRow(db: Queryable, id: string, scope?: SQL): Promise<CustomerRow | null> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), scope))
    .for('update');
  return row ?? null;
}

export async function insertCustomer(db: Queryable, values: CustomerInsert): Promise<string> {
  const [row] = await db.insert(customers).values(values).returning({ id: customers.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateCustomerRow(db: Queryable, id: string, values: Partial<CustomerInsert>) {
  await db
    .update(customers)
    .set({ ...values, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
    .where(eq(customers.id, id));
}

export async function replaceContactPoints(db: Queryable, customerId: string, points: ContactPointInsert[]) {
  await db.delete(customerContactPoints).where(eq(customerContactPoints.customerId, customerId));
  if (points.length === 0) return;
  await db
    .insert(customerContactPoints)
    .values(points.map((point, position) => ({ ...point, customerId, position })));
}

export async function replaceAddresses(db: Queryable, customerId: string, addresses: AddressInsert[]) {
  await db.delete(customerAddresses).where(eq(customerAddresses.customerId, customerId));
  if (addresses.length === 0) return;
  await db
    .insert(customerAddresses)
    .values(addresses.map((address, position) => ({ ...address, customerId, position })));
}

async function listContactPoints(db: Queryable, customerId: string) {
  return db
    .select()
    .from(customerContactPoints)
    .where(eq(customerContactPoints.customerId, customerId))
    .orderBy(asc(customerContactPoints.position));
}

async function listAddresses(db: Queryable, customerId: string) {
  return db
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(asc(customerAddresses.position));
}

/** Soft delete or restore; false when the customer was already in that state (or does not exist). */
export async function setDeleted(db: Queryable, id: string, isDeleted: boolean): Promise<boolean> {
  const rows = await db
    .update(customers)
    .set({
      deletedAt: isDeleted ? sql`now()` : null,
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(customers.id, id), isDeleted ? isNull(customers.deletedAt) : isNotNull(customers.deletedAt)),
    )
    .returning({ id: customers.id });
  return rows.length > 0;
}

const summaryColumns = {
  id: customers.id,
  kind: customers.kind,
  displayName: customers.displayName,
  primaryPhone: customers.primaryPhone,
  primaryEmail: customers.primaryEmail,
  provinceCode: customers.provinceCode,
  cityCode: customers.cityCode,
  tags: customers.tags,
  lifecycleStage: customers.lifecycleStage,
  sourceChannel: customers.sourceChannel,
  ownerId: customers.ownerId,
  ownerName: staffUsers.displayName,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  deletedAt: customers.deletedAt,
  qualityScore: customers.qualityScore,
  lastVerifiedAt: customers.lastVerifiedAt,
};

export type CustomerListRow = Pick<
  CustomerRow,
  | 'id'
  | 'kind'
  | 'displayName'
  | 'primaryPhone'
  | 'primaryEmail'
  | 'provinceCode'
  | 'cityCode'
  | 'tags'
  | 'lifecycleStage'
  | 'sourceChannel'
  | 'ownerId'
  | 'createdAt'
  | 'updatedAt'
  | 'deletedAt'
  | 'qualityScore'
  | 'lastVerifiedAt'
> & { ownerName: string | null };

export const sortColumns = {
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  displayName: customers.displayName,
  qualityScore: customers.qualityScore,
};

export interface ListQuery {
  filters: SQL[];
  sort: { column: keyof typeof sortColumns; isDescending: boolean };
  /** The sort value (as PostgreSQL text, microseconds kept) and id of the last row of the previous page. */
  after: { value: string; id: string } | null;
  limit: number;
}

export async function listCustomerRows(db: Queryable, query: ListQuery) {
  const column = sortColumns[query.sort.column];
  const conditions = [...query.filters];
  if (query.after) {
    const afterValue =
      query.sort.column === 'displayName'
        ? sql`${query.after.value}`
        : query.sort.column === 'qualityScore'
          ? sql`${query.after.value}::smallint`
          : sql`${query.after.value}::timestamptz`;
    const comparison = query.sort.isDescending ? sql`<` : sql`>`;
    conditions.push(sql`(${column}, ${customers.id}) ${comparison} (${afterValue}, ${query.after.id}::uuid)`);
  }
  const direction = query.sort.isDescending ? desc : asc;
  return db
    .select({ ...summaryColumns, sortValue: sql<string>`${column}::text` })
    .from(customers)
    .leftJoin(staffUsers, eq(staffUsers.id, customers.ownerId))
    .where(and(...conditions))
    .orderBy(direction(column), direction(customers.id))
    .limit(query.limit + 1);
}

export async function countCustomerRows(db: Queryable, filters: SQL[]) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(...filters));
  return row?.count ?? 0;
}

export const customerFilters = {
  kind: (kind: 'person' | 'organization') => eq(customers.kind, kind),
  tag: (tag: string) => sql`${customers.tags} @> ARRAY[${tag}]::text[]`,
  lifecycleStage: (stage: CustomerRow['lifecycleStage']) => eq(customers.lifecycleStage, stage),
  ownerId: (ownerId: string) => eq(customers.ownerId, ownerId),
  provinceCode: (code: string) => eq(customers.provinceCode, code),
  cityCode: (code: string) => eq(customers.cityCode, code),
  createdFrom: (at: string) => gte(customers.createdAt, new Date(at)),
  createdTo: (at: string) => lt(customers.createdAt, new Date(at)),
  qualityBelow: (score: number) => lt(customers.qualityScore, score),
  valueTier: (tier: NonNullable<CustomerRow['valueTier']>) => eq(customers.valueTier, tier),
  serviceStatus: (status: NonNullable<CustomerRow['serviceStatus']>) => eq(customers.serviceStatus, status),
  segmentId: (segmentId: string) =>
    sql`EXISTS (SELECT 1 FROM segment_members m WHERE m.segment_id = ${segmentId} AND m.customer_id = ${customers.id})`,
  /** Not verified (or, never verified, not created) within the last `days`. */
  staleAfter: (days: number) =>
    sql`coalesce(${customers.lastVerifiedAt}, ${customers.createdAt}) < now() - make_interval(days => ${days})`,
  /** A paid order in [from, to) on the channel; one order meets all three that are given. */
  ordered: (window: { from?: string; to?: string; channel?: string }) =>
    sql`EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = ${customers.id}
      AND o.status = ANY(${paidOrderStatusesParam()})
      AND ${window.from ? sql`o.ordered_at >= ${new Date(window.from)}` : sql`true`}
      AND ${window.to ? sql`o.ordered_at < ${new Date(window.to)}` : sql`true`}
      AND ${window.channel ? sql`o.channel = ${window.channel}` : sql`true`})`,
  isDeleted: (isDeleted: boolean) =>
    isDeleted ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt),
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface SearchToken {
  text: string;
  /** CJK unigrams/bigrams that every match must contain (answered by the search_grams index). */
  grams: string[];
}

/**
 * Quick search in two parts, merged: customers whose name starts with the query (btree prefix index,
 * exact names first), and customers whose search text contains every token. The second part stops after
 * a few hundred candidates, so a very common fragment such as 科技 costs the same as a rare one; those
 * candidates are then ranked by where the query matched.
 */
export async function searchCustomerRows(
  db: Queryable,
  input: {
    whole: string;
    tokens: SearchToken[];
    limit: number;
    scope: SQL | undefined;
    /** False for viewers who see phones or emails masked: fragments then match names and tags only. */
    isContactSearchAllowed: boolean;
  },
) {
  const inScope = input.scope ?? sql`true`;
  const searchable = input.isContactSearchAllowed
    ? sql`${customers.searchDocument}`
    : sql`(lower(${customers.displayName}) || ' ' || lower(array_to_string(${customers.tags}, ' ')))`;
  const tokenConditions = input.tokens.map((token) => {
    const pattern = `%${escapeLike(token.text)}%`;
    if (token.grams.length > 0) {
      // strpos() rechecks without inviting the trigram index, which cannot serve CJK fragments.
      const grams = sql.join(
        token.grams.map((gram) => sql`${gram}`),
        sql`, `,
      );
      return sql`${customers.searchGrams} @> ARRAY[${grams}]::text[] AND strpos(${searchable}, ${token.text}) > 0`;
    }
    return token.text.length >= 3 && input.isContactSearchAllowed
      ? sql`${customers.searchDocument} LIKE ${pattern}`
      : sql`strpos(${searchable}, ${token.text}) > 0`;
  });
  const prefix = `${escapeLike(input.whole)}%`;
  const contains = `%${escapeLike(input.whole)}%`;
  const candidateCap = 400;
  const ranked = await db.execute<{ id: string }>(sql`
    WITH by_prefix AS (
      SELECT id, 0 AS tier FROM customers
      WHERE deleted_at IS NULL AND ${inScope} AND (lower(display_name) COLLATE "C") LIKE ${prefix}
      ORDER BY (lower(display_name) COLLATE "C")
      LIMIT ${input.limit}
    ), by_content AS (
      SELECT id, CASE WHEN lower(display_name) LIKE ${contains} THEN 1 ELSE 2 END AS tier FROM customers
      WHERE deleted_at IS NULL AND ${inScope} AND ${sql.join(tokenConditions, sql` AND `)}
      LIMIT ${candidateCap}
    ), best AS (
      SELECT id, min(tier) AS tier FROM (SELECT * FROM by_prefix UNION ALL SELECT * FROM by_content) m GROUP BY id
    )
    SELECT c.id FROM best JOIN customers c USING (id)
    ORDER BY best.tier, length(c.display_name), c.display_name, c.id
    LIMIT ${input.limit}`);
  const ids = ranked.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(customers)
    .leftJoin(staffUsers, eq(staffUsers.id, customers.ownerId))
    .where(inArray(customers.id, ids));
  const position = new Map(ids.map((id, index) => [id, index]));
  return rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** Keeps what aggregates need (kind, region, lifecycle, channel, dates); everything personal goes. */
export async function anonymizeCustomerRow(db: Queryable, id: string) {
  await db
    .update(customers)
    .set({
      displayName: sql`'已删除客户 ' || left(${customers.id}::text, 8)`,
      familyName: null,
      givenName: null,
      gender: null,
      birthDate: null,
      residentIdNumberEncrypted: null,
      residentIdNumberBlindIndex: null,
      otherIdType: null,
      otherIdNumberEncrypted: null,
      otherIdNumberBlindIndex: null,
      legalName: null,
      uscc: null,
      notes: null,
      tags: [],
      primaryPhone: null,
      primaryEmail: null,
      searchDocument: '',
      serviceStatus: null,
      deletedAt: sql`coalesce(${customers.deletedAt}, now())`,
      erasedAt: sql`now()`,
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, id));
}

/** Customers with exactly this phone (E.164) or email, for viewers who may look up but not browse them. */
export async function findCustomerRowsByContact(
  db: Queryable,
  input: { type: 'phone' | 'email'; value: string; scope: SQL | undefined; limit: number },
) {
  return db
    .selectDistinct(summaryColumns)
    .from(customers)
    .innerJoin(customerContactPoints, eq(customerContactPoints.customerId, customers.id))
    .leftJoin(staffUsers, eq(staffUsers.id, customers.ownerId))
    .where(
      and(
        eq(customerContactPoints.type, input.type),
        eq(customerContactPoints.value, input.value),
        isNull(customers.deletedAt),
        input.scope,
      ),
    )
    .limit(input.limit);
}

/** List views of the given customers that the viewer may see, by id. */
export async function findCustomerSummaries(db: Queryable, ids: string[], viewer: Viewer) {
  if (ids.length === 0) return new Map<string, CustomerListRow>();
  const rows = await db
    .select(summaryColumns)
    .from(customers)
    .leftJoin(staffUsers, eq(staffUsers.id, customers.ownerId))
    .where(and(inArray(customers.id, ids), customerScope(viewer)));
  return new Map(rows.map((row) => [row.id, row]));
}
