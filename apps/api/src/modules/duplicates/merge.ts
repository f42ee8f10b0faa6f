/**
 * Merge and undo. A merge copies the chosen values to the survivor, moves the merged record's contact
 * points, addresses, tags and external ids to it, and retires the merged record (`merged_into_id`, in the
 * recycle bin). Before touching anything it snapshots both rows and every contact point and address of
 * both, so undo restores them exactly — the same ids included.
 */
import type { components } from '@cims/api-client';
import { and, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import {
  customerAddresses,
  customerContactPoints,
  customerExternalIds,
  customers,
  duplicateCandidates,
  type MergeSnapshot,
  merges,
} from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { shownValue } from '../access/masking';
import type { Viewer } from '../access/policies';
import { appendAuditEntry, diffSnapshots } from '../audit/service';
import { customerAuditSnapshot } from '../customers/audit-snapshot';
import { addMissingAddresses, addMissingContactPoints } from '../customers/contact-merge';
import { deriveCustomerColumns } from '../customers/derived-columns';
import { type CustomerRecord, type CustomerRow, customerScope, findCustomerRecord } from '../customers/repo';
import { type DataQualitySettings, getDataQualitySettings } from '../data-quality/settings';
import type { ScoredPair } from '../matching/engine';

export type MergeField = components['schemas']['MergeField'];
type Choice = 'survivor' | 'merged';
type Rule = 'same' | 'only_value' | 'recently_verified' | 'trusted_source' | 'most_recent';

export const mergeFields: MergeField[] = [
  'displayName',
  'familyName',
  'givenName',
  'gender',
  'birthDate',
  'residentIdNumber',
  'otherIdNumber',
  'legalName',
  'uscc',
  'organizationSize',
  'customerType',
  'industry',
  'sourceChannel',
  'lifecycleStage',
  'ownerId',
  'notes',
];

/** The row columns that carry each merge field (an ID number is its ciphertext and blind index). */
const columnsOf: Partial<Record<MergeField, (keyof CustomerRow)[]>> = {
  residentIdNumber: ['residentIdNumberEncrypted', 'residentIdNumberBlindIndex'],
  otherIdNumber: ['otherIdType', 'otherIdNumberEncrypted', 'otherIdNumberBlindIndex'],
};

function fieldValue(record: CustomerRecord, field: MergeField): string | null {
  if (field === 'residentIdNumber' || field === 'otherIdNumber') return record[field];
  const value = record.row[field as keyof CustomerRow];
  if (field === 'gender' && value === 'unknown') return null;
  return value === null || value === undefined || value === '' ? null : String(value);
}

function originOf(record: CustomerRecord, field: MergeField) {
  const origin = record.row.provenance[field];
  return {
    channel: origin?.sourceChannel ?? record.row.sourceChannel,
    at: origin?.at ? new Date(origin.at).getTime() : record.row.updatedAt.getTime(),
  };
}

/** The default survivorship rules, in order: same, only value, recently verified, trusted source, most recent. */
export function chooseValue(
  survivor: CustomerRecord,
  merged: CustomerRecord,
  field: MergeField,
  settings: Pick<DataQualitySettings, 'sourceTrust'>,
): { choice: Choice; rule: Rule } {
  const a = fieldValue(survivor, field);
  const b = fieldValue(merged, field);
  if (a === b) return { choice: 'survivor', rule: 'same' };
  if (a === null || b === null) return { choice: a === null ? 'merged' : 'survivor', rule: 'only_value' };
  const verifiedA = survivor.row.lastVerifiedAt?.getTime() ?? 0;
  const verifiedB = merged.row.lastVerifiedAt?.getTime() ?? 0;
  if (verifiedA !== verifiedB)
    return { choice: verifiedA > verifiedB ? 'survivor' : 'merged', rule: 'recently_verified' };
  const rank = (channel: string) => {
    const index = settings.sourceTrust.indexOf(channel as never);
    return index === -1 ? settings.sourceTrust.length : index;
  };
  const originA = originOf(survivor, field);
  const originB = originOf(merged, field);
  if (rank(originA.channel) !== rank(originB.channel)) {
    return {
      choice: rank(originA.channel) < rank(originB.channel) ? 'survivor' : 'merged',
      rule: 'trusted_source',
    };
  }
  return { choice: originB.at > originA.at ? 'merged' : 'survivor', rule: 'most_recent' };
}

async function loadPair(db: Queryable, viewer: Viewer, survivorId: string, mergedId: string) {
  if (survivorId === mergedId) throw new DomainError('conflict', 'A customer cannot be merged with itself.');
  const scope = customerScope(viewer);
  // One after the other: inside a merge `db` is a transaction, whose one connection takes one query at a time.
  const survivor = await findCustomerRecord(db, survivorId, scope);
  const merged = await findCustomerRecord(db, mergedId, scope);
  if (!survivor || !merged) throw new DomainError('not_found', 'No such customer.');
  for (const record of [survivor, merged]) {
    if (record.row.erasedAt) throw new DomainError('conflict', 'An erased customer cannot be merged.');
    if (record.row.deletedAt)
      throw new DomainError('conflict', `${record.row.displayName} is deleted or merged already.`);
  }
  if (survivor.row.kind !== merged.row.kind) {
    throw new DomainError('conflict', 'A person and an organization cannot be merged.');
  }
  return { survivor, merged };
}

export async function previewMerge(db: Database, viewer: Viewer, survivorId: string, mergedId: string) {
  const { survivor, merged } = await loadPair(db, viewer, survivorId, mergedId);
  const settings = await getDataQualitySettings(db);
  const fields = mergeFields
    .filter((field) => appliesTo(field, survivor.row.kind))
    .map((field) => ({
      field,
      survivorValue: shownForViewer(viewer, field, fieldValue(survivor, field)),
      mergedValue: shownForViewer(viewer, field, fieldValue(merged, field)),
      ...chooseValue(survivor, merged, field, settings),
    }));
  return { survivor, merged, fields };
}

function appliesTo(field: MergeField, kind: 'person' | 'organization') {
  const personal: MergeField[] = [
    'familyName',
    'givenName',
    'gender',
    'birthDate',
    'residentIdNumber',
    'otherIdNumber',
  ];
  const organizational: MergeField[] = ['legalName', 'uscc', 'organizationSize'];
  return kind === 'person' ? !organizational.includes(field) : !personal.includes(field);
}

function shownForViewer(viewer: Viewer, field: MergeField, value: string | null) {
  if (field === 'residentIdNumber' || field === 'otherIdNumber' || field === 'birthDate')
    return shownValue(field, viewer.fieldAccess[field], value);
  return value;
}

/** The merged record's items the survivor takes move over (same ids, for undo); the rest are dropped. */
async function moveToSurvivor(
  tx: Queryable,
  table: typeof customerContactPoints | typeof customerAddresses,
  items: { id: string }[],
  moved: { item: { id: string }; position: number; isPrimary: boolean }[],
  survivorId: string,
) {
  for (const item of items) {
    const move = moved.find((m) => m.item === item);
    if (!move) await tx.delete(table).where(eq(table.id, item.id));
    else
      await tx
        .update(table)
        .set({ customerId: survivorId, position: move.position, isPrimary: move.isPrimary })
        .where(eq(table.id, item.id));
  }
}

const restorableColumns = Object.entries(getTableColumns(customers))
  .filter(([key]) => !['id', 'searchGrams', 'version', 'updatedAt'].includes(key))
  .map(([, column]) => column.name);

async function snapshotRows(
  tx: Queryable,
  table: 'customers' | 'customer_contact_points' | 'customer_addresses',
  column: string,
  id: string,
) {
  const result = await tx.execute<{ row: Record<string, unknown> }>(
    sql`SELECT to_jsonb(t) - 'search_grams' AS row FROM ${sql.identifier(table)} t WHERE ${sql.identifier(column)} = ${id}`,
  );
  return result.rows.map((r) => r.row);
}

/** Merges `mergedId` into `survivorId` inside the caller's transaction; returns the merge's id. */
async function mergeInTransaction(
  tx: Database,
  actor: RequestActor,
  input: {
    survivorId: string;
    mergedId: string;
    choices?: Partial<Record<MergeField, Choice>>;
    isAutomatic: boolean;
  },
): Promise<string> {
  const scope = customerScope(actor.viewer);
  await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(inArray(customers.id, [input.survivorId, input.mergedId]), scope))
    .orderBy(customers.id)
    .for('update');
  const { survivor, merged } = await loadPair(tx, actor.viewer, input.survivorId, input.mergedId);
  const settings = await getDataQualitySettings(tx);
  const choices: Record<string, Choice> = {};
  const changes: Record<string, unknown> = {};
  const provenance = { ...survivor.row.provenance };
  for (const field of mergeFields.filter((f) => appliesTo(f, survivor.row.kind))) {
    const choice = input.choices?.[field] ?? chooseValue(survivor, merged, field, settings).choice;
    choices[field] = choice;
    if (choice !== 'merged') continue;
    for (const column of columnsOf[field] ?? [field as keyof CustomerRow])
      changes[column] = merged.row[column];
    const origin = merged.row.provenance[field];
    if (origin) provenance[field] = origin;
  }
  const candidateRows = await tx
    .select({ id: duplicateCandidates.id })
    .from(duplicateCandidates)
    .where(
      or(
        and(
          eq(duplicateCandidates.customerA, survivor.row.id),
          eq(duplicateCandidates.customerB, merged.row.id),
        ),
        and(
          eq(duplicateCandidates.customerA, merged.row.id),
          eq(duplicateCandidates.customerB, survivor.row.id),
        ),
      ),
    );
  const snapshot: MergeSnapshot = {
    survivor: (await snapshotRows(tx, 'customers', 'id', survivor.row.id))[0] ?? {},
    merged: (await snapshotRows(tx, 'customers', 'id', merged.row.id))[0] ?? {},
    survivorContactPoints: await snapshotRows(tx, 'customer_contact_points', 'customer_id', survivor.row.id),
    survivorAddresses: await snapshotRows(tx, 'customer_addresses', 'customer_id', survivor.row.id),
    mergedContactPoints: await snapshotRows(tx, 'customer_contact_points', 'customer_id', merged.row.id),
    mergedAddresses: await snapshotRows(tx, 'customer_addresses', 'customer_id', merged.row.id),
    mergedExternalIds: (
      await tx.select().from(customerExternalIds).where(eq(customerExternalIds.customerId, merged.row.id))
    ).map((row) => ({ ...row })),
    candidateIds: candidateRows.map((row) => row.id),
  };

  // Contact points and addresses: the merged record's move over unless the survivor has them already.
  const { all: points, added: movedPoints } = addMissingContactPoints(
    survivor.contactPoints,
    merged.contactPoints,
  );
  await moveToSurvivor(tx, customerContactPoints, merged.contactPoints, movedPoints, survivor.row.id);
  const { all: addresses, added: movedAddresses } = addMissingAddresses(survivor.addresses, merged.addresses);
  await moveToSurvivor(tx, customerAddresses, merged.addresses, movedAddresses, survivor.row.id);
  await tx
    .update(customerExternalIds)
    .set({ customerId: survivor.row.id })
    .where(eq(customerExternalIds.customerId, merged.row.id));

  const tags = [...new Set([...survivor.row.tags, ...merged.row.tags])];
  const next = { ...survivor.row, ...changes, tags } as CustomerRow;
  const [updated] = await tx
    .update(customers)
    .set({
      ...changes,
      tags,
      provenance,
      ...deriveCustomerColumns({ ...next, contactPoints: points, addresses }),
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, survivor.row.id))
    .returning({ version: customers.version });
  await tx
    .update(customers)
    .set({
      mergedIntoId: survivor.row.id,
      deletedAt: sql`now()`,
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(customers.id, merged.row.id));
  if (candidateRows.length > 0) {
    await tx
      .update(duplicateCandidates)
      .set({ status: 'merged', resolvedAt: new Date(), resolvedBy: actor.viewer.userId })
      .where(inArray(duplicateCandidates.id, snapshot.candidateIds));
  }
  const [mergeRow] = await tx
    .insert(merges)
    .values({
      survivorId: survivor.row.id,
      mergedId: merged.row.id,
      choices,
      snapshot,
      survivorVersionAfter: updated?.version ?? survivor.row.version + 1,
      isAutomatic: input.isAutomatic,
      mergedBy: actor.viewer.userId,
    })
    .returning({ id: merges.id });
  const mergeId = (mergeRow as { id: string }).id;
  const after = await findCustomerRecord(tx, survivor.row.id);
  for (const [customerId, changesOf] of [
    [
      survivor.row.id,
      after ? diffSnapshots(customerAuditSnapshot(survivor), customerAuditSnapshot(after)) : undefined,
    ],
    [merged.row.id, undefined],
  ] as const) {
    await appendAuditEntry(tx, actor.audit, {
      action: 'customer.merge',
      resourceType: 'customer',
      resourceId: customerId,
      customerId,
      changes: changesOf,
      details: {
        mergeId,
        survivorId: survivor.row.id,
        mergedId: merged.row.id,
        isAutomatic: input.isAutomatic,
      },
    });
  }
  return mergeId;
}

export async function mergeCustomers(
  db: Database,
  actor: RequestActor,
  input: { survivorId: string; mergedId: string; choices?: Partial<Record<MergeField, Choice>> },
) {
  const id = await db.transaction((tx) =>
    mergeInTransaction(tx as unknown as Database, actor, { ...input, isAutomatic: false }),
  );
  return findMerge(db, id);
}

/**
 * Merges auto-merge pairs, best first; a pair whose records were merged already (by an earlier pair of
 * the same cluster) is skipped, so a cluster ends in one survivor: the more complete record, else the older.
 */
export async function mergeAutomatically(db: Database, actor: RequestActor, pairs: ScoredPair[]) {
  let merged = 0;
  const retired = new Set<string>();
  for (const pair of [...pairs].sort((x, y) => y.score - x.score)) {
    if (retired.has(pair.a) || retired.has(pair.b)) continue;
    const rows = await db
      .select({ id: customers.id, qualityScore: customers.qualityScore, createdAt: customers.createdAt })
      .from(customers)
      .where(inArray(customers.id, [pair.a, pair.b]));
    if (rows.length !== 2) continue;
    const [first, second] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const isFirstSurvivor =
      first.qualityScore !== second.qualityScore
        ? first.qualityScore > second.qualityScore
        : first.createdAt <= second.createdAt;
    const [survivor, other] = isFirstSurvivor ? [first, second] : [second, first];
    try {
      await db.transaction((tx) =>
        mergeInTransaction(tx as unknown as Database, actor, {
          survivorId: survivor.id,
          mergedId: other.id,
          isAutomatic: true,
        }),
      );
      retired.add(other.id);
      merged++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return merged;
}

export async function undoMerge(db: Database, actor: RequestActor, mergeId: string) {
  await db.transaction(async (tx) => {
    const [merge] = await tx.select().from(merges).where(eq(merges.id, mergeId)).for('update');
    if (!merge) throw new DomainError('not_found', 'No such merge.');
    const scope = customerScope(actor.viewer);
    const [survivor] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.id, merge.survivorId), scope))
      .for('update');
    if (!survivor) throw new DomainError('not_found', 'No such merge.');
    if (merge.undoneAt) throw new DomainError('conflict', 'This merge was undone already.');
    if (survivor.version !== merge.survivorVersionAfter) {
      throw new DomainError(
        'conflict',
        'The surviving customer changed after the merge; undo those changes first, or split the records by hand.',
      );
    }
    const { snapshot } = merge;
    const ids = [merge.survivorId, merge.mergedId];
    await tx.delete(customerContactPoints).where(inArray(customerContactPoints.customerId, ids));
    await tx.delete(customerAddresses).where(inArray(customerAddresses.customerId, ids));
    const columns = sql.join(
      restorableColumns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    for (const row of [snapshot.survivor, snapshot.merged]) {
      await tx.execute(sql`
        UPDATE customers c SET (${columns}) = (SELECT ${columns} FROM jsonb_populate_record(NULL::customers, ${JSON.stringify(row)}::jsonb)),
               version = c.version + 1, updated_at = now()
         WHERE c.id = ${row.id as string}`);
    }
    const points = [...snapshot.survivorContactPoints, ...snapshot.mergedContactPoints];
    if (points.length > 0) {
      await tx.execute(
        sql`INSERT INTO customer_contact_points SELECT * FROM jsonb_populate_recordset(NULL::customer_contact_points, ${JSON.stringify(points)}::jsonb)`,
      );
    }
    const addresses = [...snapshot.survivorAddresses, ...snapshot.mergedAddresses];
    if (addresses.length > 0) {
      await tx.execute(
        sql`INSERT INTO customer_addresses SELECT * FROM jsonb_populate_recordset(NULL::customer_addresses, ${JSON.stringify(addresses)}::jsonb)`,
      );
    }
    for (const external of snapshot.mergedExternalIds) {
      await tx
        .update(customerExternalIds)
        .set({ customerId: merge.mergedId })
        .where(
          and(
            eq(customerExternalIds.source, external.source as string),
            eq(customerExternalIds.externalId, external.externalId as string),
          ),
        );
    }
    if (snapshot.candidateIds.length > 0) {
      await tx
        .update(duplicateCandidates)
        .set({ status: 'open', resolvedAt: null, resolvedBy: null })
        .where(inArray(duplicateCandidates.id, snapshot.candidateIds));
    }
    await tx
      .update(merges)
      .set({ undoneAt: new Date(), undoneBy: actor.viewer.userId })
      .where(eq(merges.id, mergeId));
    for (const customerId of ids) {
      await appendAuditEntry(tx, actor.audit, {
        action: 'customer.unmerge',
        resourceType: 'customer',
        resourceId: customerId,
        customerId,
        details: { mergeId },
      });
    }
  });
  return findMerge(db, mergeId);
}

const mergeSelection = {
  merge: merges,
  survivorName: sql<string>`(SELECT display_name FROM customers WHERE id = ${merges.survivorId})`,
  mergedName: sql<string>`(SELECT display_name FROM customers WHERE id = ${merges.mergedId})`,
  mergedByName: sql<string | null>`(SELECT display_name FROM staff_users WHERE id = ${merges.mergedBy})`,
  undoneByName: sql<string | null>`(SELECT display_name FROM staff_users WHERE id = ${merges.undoneBy})`,
};

export type MergeView = Awaited<ReturnType<typeof findMerge>>;

export async function findMerge(db: Queryable, id: string) {
  const [row] = await db.select(mergeSelection).from(merges).where(eq(merges.id, id));
  if (!row) throw new DomainError('not_found', 'No such merge.');
  return row;
}

export async function listMerges(
  db: Queryable,
  viewer: Viewer,
  input: { customerId?: string; limit: number },
) {
  const scope = customerScope(viewer);
  return db
    .select(mergeSelection)
    .from(merges)
    .innerJoin(customers, eq(customers.id, merges.survivorId))
    .where(
      and(
        scope,
        input.customerId
          ? or(eq(merges.survivorId, input.customerId), eq(merges.mergedId, input.customerId))
          : undefined,
      ),
    )
    .orderBy(desc(merges.mergedAt))
    .limit(input.limit);
}
