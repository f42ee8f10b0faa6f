/**
 * Every way customers come in from outside, one at a time or thousands at once: staff creating one,
 * partners upserting by their own ids, and import batches. All go through `ingestCustomers`, so that
 * standardization, identification by (source, external id), duplicate handling and provenance are the
 * same for each.
 */
import { type TCustomerCreate, ZCustomerCreate } from '@cims/schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { type Database, withClientTransaction } from '../../db/client';
import { customerExternalIds, customers, type FieldProvenance } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import { withIdempotencyKey } from '../../http/idempotency';
import { hasAllScope, type Viewer } from '../access/policies';
import { type AuditContext, appendAuditEntry, diffSnapshots } from '../audit/service';
import { type DraftMatch, matchDrafts, matchInputOfDraft, recordCandidates } from '../matching/stored';
import { customerAuditSnapshot } from './audit-snapshot';
import { insertCustomerRows } from './bulk-insert';
import { addMissingAddresses, addMissingContactPoints } from './contact-merge';
import { deriveCustomerColumns, encryptedFields } from './derived-columns';
import {
  type AddressInsert,
  type ContactPointInsert,
  type CustomerRecord,
  customerScope,
  findCustomerRecord,
  replaceAddresses,
  replaceContactPoints,
  updateCustomerRow,
} from './repo';
import {
  addressRows,
  contactPointRows,
  customerRowsFor,
  fieldsSetBy,
  kindColumns,
  provenanceFor,
} from './rows';
import { assertOwnerAssignable, loadWrittenCustomer, parseOrThrow, parseWith } from './service';

export type DuplicatePolicy = 'flag' | 'reject' | 'merge';
export type IngestOutcome = 'created' | 'updated' | 'unchanged' | 'merged';

export interface IngestItem {
  /** The customer's id in the source system; without one, every call creates. */
  externalId?: string;
  input: TCustomerCreate;
}

export interface IngestContext {
  /** `staff`, `api`, or the source system of the external ids. */
  source: string;
  sourceChannel: TCustomerCreate['sourceChannel'] | null;
  importId: string | null;
  onDuplicate: DuplicatePolicy;
  actor: RequestActor;
  detectedBy: 'entry' | 'import';
  /** One audit entry per customer (single writes, partner batches) or one per batch (imports). */
  isAuditedPerCustomer: boolean;
}

export type IngestResult =
  | { ok: true; outcome: IngestOutcome; customerId: string; flagged: number }
  | { ok: false; errors: { path: string; message: string }[]; duplicates?: DraftMatch[] };

/** Standardizes one raw input with the shared schema; errors carry JSON Pointers under `pathPrefix`. */
export function parseCustomerInput(
  raw: unknown,
  pathPrefix = '',
): { ok: true; input: TCustomerCreate } | { ok: false; errors: { path: string; message: string }[] } {
  const parsed = parseWith(ZCustomerCreate, raw, pathPrefix);
  return parsed.ok ? { ok: true, input: parsed.data } : parsed;
}

/**
 * Applies an incoming record to a stored customer: its values overwrite (an upsert) or only fill what is
 * missing (`fillOnly`, a merge of a duplicate); contact points, addresses and tags are added, never
 * dropped. Returns whether anything changed.
 */
export async function applyIncoming(
  tx: Database,
  record: CustomerRecord,
  input: TCustomerCreate,
  options: { fillOnly: boolean; origin: Omit<FieldProvenance, 'at'>; audit: AuditContext | null },
): Promise<boolean> {
  const { row } = record;
  if (input.kind !== row.kind) return false;
  const incoming = kindColumns(input) as Record<string, unknown>;
  for (const key of ['customerType', 'industry', 'notes', 'contractEndDate'] as const) {
    if (input[key]) incoming[key] = input[key];
  }
  if (input.kind === 'person' && input.person.gender === 'unknown') delete incoming.gender;
  const current = row as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  const blindIndexes = new Set<string>(encryptedFields.map((e) => e.blindIndex));
  for (const [key, value] of Object.entries(incoming)) {
    if (value === null || value === undefined || blindIndexes.has(key)) continue;
    const encrypted = encryptedFields.find((e) => e.ciphertext === key);
    const isSame = encrypted
      ? current[encrypted.blindIndex] === incoming[encrypted.blindIndex]
      : current[key] === value;
    const isEmpty = current[key] === null || (key === 'gender' && current[key] === 'unknown');
    if (isSame || (options.fillOnly && !isEmpty)) continue;
    changes[key] = value;
    if (encrypted) changes[encrypted.blindIndex] = incoming[encrypted.blindIndex];
  }
  const { all: points, added: addedPoints } = addMissingContactPoints<ContactPointInsert>(
    record.contactPoints,
    contactPointRows(input.contactPoints ?? []),
  );
  const { all: addresses, added: addedAddresses } = addMissingAddresses<AddressInsert>(
    record.addresses,
    addressRows(input.addresses ?? []),
  );
  const tags = [...new Set([...row.tags, ...(input.tags ?? [])])];
  const isPointsChanged = addedPoints.length > 0;
  const isAddressesChanged = addedAddresses.length > 0;
  const isTagsChanged = tags.length !== row.tags.length;
  const changedFields = Object.keys(changes)
    .filter((key) => !blindIndexes.has(key))
    .map((key) => encryptedFields.find((e) => e.ciphertext === key)?.field ?? key);
  if (isPointsChanged) changedFields.push('contactPoints');
  if (isAddressesChanged) changedFields.push('addresses');
  if (isTagsChanged) changedFields.push('tags');
  if (changedFields.length === 0) return false;

  const merged = { ...row, ...changes } as typeof row;
  await updateCustomerRow(tx, row.id, {
    ...changes,
    tags,
    provenance: { ...row.provenance, ...provenanceFor(changedFields, options.origin) },
    ...deriveCustomerColumns({ ...merged, tags, contactPoints: points, addresses }),
  });
  if (isPointsChanged) await replaceContactPoints(tx, row.id, points);
  if (isAddressesChanged) await replaceAddresses(tx, row.id, addresses);
  if (options.audit) {
    const after = await loadWrittenCustomer(tx, row.id);
    await appendAuditEntry(tx, options.audit, {
      action: 'customer.update',
      resourceType: 'customer',
      resourceId: row.id,
      customerId: row.id,
      changes: diffSnapshots(customerAuditSnapshot(record), customerAuditSnapshot(after)),
      details: { source: options.origin.source, importId: options.origin.importId },
    });
  }
  return true;
}

/** Follows merges to the surviving record (a survivor may itself have been merged later). */
async function survivorsOf(tx: Database, ids: string[]) {
  const resolved = new Map(ids.map((id) => [id, id]));
  for (let depth = 0; depth < 10; depth++) {
    const pending = [...new Set(resolved.values())];
    const rows = await tx
      .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
      .from(customers)
      .where(and(inArray(customers.id, pending), sql`${customers.mergedIntoId} IS NOT NULL`));
    if (rows.length === 0) break;
    const next = new Map(rows.map((r) => [r.id, r.mergedIntoId as string]));
    for (const [from, to] of resolved) resolved.set(from, next.get(to) ?? to);
  }
  return resolved;
}

function loadVisible(tx: Database, viewer: Viewer, id: string) {
  return findCustomerRecord(tx, id, customerScope(viewer));
}

/** New customers' owner: as given, else the caller when they see only their own customers. */
function ownerFor(viewer: Viewer, input: TCustomerCreate): string | null {
  if (input.ownerId !== undefined) return input.ownerId;
  return hasAllScope(viewer) ? null : viewer.userId;
}

/**
 * Stores a batch inside the caller's transaction: existing external ids update their customer, the rest
 * are matched against stored customers (and each other) and created, rejected or merged by the policy.
 */
export async function ingestCustomers(
  tx: Database,
  client: PoolClient,
  items: IngestItem[],
  context: IngestContext,
): Promise<IngestResult[]> {
  const { viewer } = context.actor;
  const origin = {
    source: context.source,
    sourceChannel: context.sourceChannel ?? null,
    importId: context.importId,
  };
  const results: (IngestResult | null)[] = items.map(() => null);
  const keys = items.map((item) => item.externalId).filter((key): key is string => Boolean(key));
  const known = keys.length
    ? await tx
        .select({ externalId: customerExternalIds.externalId, customerId: customerExternalIds.customerId })
        .from(customerExternalIds)
        .where(
          and(eq(customerExternalIds.source, context.source), inArray(customerExternalIds.externalId, keys)),
        )
    : [];
  const survivors = await survivorsOf(
    tx,
    known.map((k) => k.customerId),
  );
  const knownIds = new Map(known.map((k) => [k.externalId, survivors.get(k.customerId) ?? k.customerId]));
  const storedExternalIds = new Set(known.map((k) => k.externalId));

  // Existing customers: update in place.
  const firstPosition = new Map<string, number>();
  for (const [position, item] of items.entries()) {
    if (!item.externalId) continue;
    if (firstPosition.has(item.externalId)) {
      results[position] = {
        ok: false,
        errors: [
          {
            path: '/externalId',
            message: `Repeats the external id of item ${firstPosition.get(item.externalId)}`,
          },
        ],
      };
      continue;
    }
    firstPosition.set(item.externalId, position);
    const customerId = knownIds.get(item.externalId);
    if (!customerId) continue;
    const record = await loadVisible(tx, viewer, customerId);
    if (!record) {
      results[position] = {
        ok: false,
        errors: [
          { path: '/externalId', message: 'This external id belongs to a customer outside your data scope' },
        ],
      };
      continue;
    }
    if (record.row.erasedAt) {
      results[position] = {
        ok: false,
        errors: [{ path: '/externalId', message: 'This customer was erased' }],
      };
      continue;
    }
    if (record.row.kind !== item.input.kind) {
      results[position] = {
        ok: false,
        errors: [{ path: '/kind', message: `The customer with this external id is a ${record.row.kind}` }],
      };
      continue;
    }
    const isChanged = await applyIncoming(tx, record, item.input, {
      fillOnly: false,
      origin,
      audit: context.isAuditedPerCustomer ? context.actor.audit : null,
    });
    results[position] = { ok: true, outcome: isChanged ? 'updated' : 'unchanged', customerId, flagged: 0 };
  }

  // New customers: match, then create, reject or merge.
  const fresh = items
    .map((item, position) => ({ item, position }))
    .filter(({ position }) => results[position] === null)
    .map(({ item, position }) => ({
      item,
      position,
      rows: customerRowsFor(item.input, {
        ownerId: ownerFor(viewer, item.input),
        lastVerifiedAt: context.actor.audit.actorType === 'staff' && !context.importId ? new Date() : null,
        provenance: provenanceFor(fieldsSetBy(item.input), origin),
      }),
    }));
  const matches = await matchDrafts(
    tx,
    fresh.map(({ item, rows }) => matchInputOfDraft(rows.customer.id, item.input)),
  );
  // A pair of two new records is listed under each of them, as seen from it (`a`), and decided once: by
  // the later of the two, and only if the earlier one is being created.
  const matchesOf = new Map<string, DraftMatch[]>();
  const listUnder = (id: string, match: DraftMatch) => {
    const list = matchesOf.get(id);
    if (list) list.push(match);
    else matchesOf.set(id, [match]);
  };
  for (const match of matches) {
    listUnder(match.a, match);
    if (match.isOtherDraft) listUnder(match.b, { ...match, a: match.b, b: match.a });
  }

  const created: typeof fresh = [];
  const createdIds = new Set<string>();
  const candidatePairs: DraftMatch[] = [];
  // Merges into a record created by this batch wait until it is stored.
  const mergesIntoCreated: { input: TCustomerCreate; customerId: string }[] = [];
  for (const entry of fresh) {
    const id = entry.rows.customer.id;
    const own = (matchesOf.get(id) ?? []).filter((m) => !m.isOtherDraft || createdIds.has(m.b));
    const best = own.find((m) => m.decision === 'auto_merge');
    if (best && context.onDuplicate === 'reject') {
      const other = best.isOtherDraft ? 'an earlier record in this batch' : 'an existing customer';
      results[entry.position] = {
        ok: false,
        errors: [
          { path: '', message: `Likely duplicate of ${other} (match score ${best.score.toFixed(1)})` },
        ],
        duplicates: own,
      };
      continue;
    }
    if (best && context.onDuplicate === 'merge') {
      if (best.isOtherDraft) {
        mergesIntoCreated.push({ input: entry.item.input, customerId: best.b });
        results[entry.position] = { ok: true, outcome: 'merged', customerId: best.b, flagged: 0 };
        continue;
      }
      const record = await loadVisible(tx, viewer, best.b);
      if (record) {
        await applyIncoming(tx, record, entry.item.input, {
          fillOnly: true,
          origin,
          audit: context.isAuditedPerCustomer ? context.actor.audit : null,
        });
        results[entry.position] = { ok: true, outcome: 'merged', customerId: best.b, flagged: 0 };
        continue;
      }
    }
    created.push(entry);
    createdIds.add(id);
    candidatePairs.push(...own);
    results[entry.position] = { ok: true, outcome: 'created', customerId: id, flagged: own.length };
  }

  if (created.length > 0) {
    await insertCustomerRows(
      client,
      created.map((entry) => entry.rows),
    );
  }
  const externalRows = items.flatMap((item, position) => {
    const result = results[position];
    if (!item.externalId || !result?.ok || storedExternalIds.has(item.externalId)) return [];
    return [{ externalId: item.externalId, customerId: result.customerId }];
  });
  if (externalRows.length > 0) {
    // Arrays, not a VALUES list: one statement with four parameters however large the batch.
    await tx.execute(sql`
      INSERT INTO customer_external_ids (source, external_id, customer_id, import_id)
      SELECT ${context.source}, external_id, customer_id, ${context.importId}::uuid
        FROM unnest(${sql.param(externalRows.map((r) => r.externalId))}::text[],
                    ${sql.param(externalRows.map((r) => r.customerId))}::uuid[]) AS t(external_id, customer_id)
      ON CONFLICT DO NOTHING`);
  }
  await recordCandidates(tx, candidatePairs, context.detectedBy);

  if (context.isAuditedPerCustomer) {
    for (const entry of created) {
      const after = await loadWrittenCustomer(tx, entry.rows.customer.id);
      await appendAuditEntry(tx, context.actor.audit, {
        action: 'customer.create',
        resourceType: 'customer',
        resourceId: after.row.id,
        customerId: after.row.id,
        changes: diffSnapshots({}, customerAuditSnapshot(after)),
        details: context.source === 'staff' ? undefined : { source: context.source },
      });
    }
  }
  // After the creations' audit entries, so that each merge reads as an update of a created customer.
  for (const merge of mergesIntoCreated) {
    // Created by this batch under the caller's scope, so read without it.
    const record = await loadWrittenCustomer(tx, merge.customerId);
    await applyIncoming(tx, record, merge.input, {
      fillOnly: true,
      origin,
      audit: context.isAuditedPerCustomer ? context.actor.audit : null,
    });
  }
  return results as IngestResult[];
}

/** One customer from staff or a partner (POST /customers), with the duplicate policy. */
export async function createCustomer(
  db: Database,
  actor: RequestActor,
  body: unknown,
  onDuplicate: DuplicatePolicy = 'flag',
): Promise<{ record: CustomerRecord; outcome: IngestOutcome }> {
  const input = parseOrThrow(ZCustomerCreate, body);
  await assertOwnerAssignable(db, actor.viewer, input.ownerId);
  return withClientTransaction(db, async (tx, client) => {
    const [result] = await ingestCustomers(tx, client, [{ input }], {
      source: actor.audit.actorType === 'partner' ? 'api' : 'staff',
      sourceChannel: input.sourceChannel ?? null,
      importId: null,
      onDuplicate,
      actor,
      detectedBy: 'entry',
      isAuditedPerCustomer: true,
    });
    if (!result) throw new Error('ingest returned no result');
    if (!result.ok) {
      throw new DomainError('duplicate', result.errors[0]?.message ?? 'Likely duplicate', undefined, {
        duplicates: (result.duplicates ?? []).map((d) => ({ customerId: d.b, score: d.score })),
      });
    }
    return { record: await loadWrittenCustomer(tx, result.customerId), outcome: result.outcome };
  });
}

/** PUT /customers/external/{source}/{externalId}: the partner's record, created or updated. */
export async function upsertCustomerByExternalId(
  db: Database,
  actor: RequestActor,
  input: { source: string; externalId: string; body: unknown; onDuplicate?: DuplicatePolicy },
): Promise<{ record: CustomerRecord; outcome: IngestOutcome }> {
  const customer = parseOrThrow(ZCustomerCreate, input.body);
  await assertOwnerAssignable(db, actor.viewer, customer.ownerId);
  return withClientTransaction(db, async (tx, client) => {
    const [result] = await ingestCustomers(
      tx,
      client,
      [{ externalId: input.externalId, input: customer }],
      partnerContext(actor, input.source, input.onDuplicate, customer.sourceChannel),
    );
    if (!result) throw new Error('ingest returned no result');
    if (!result.ok) throw validationFailed(result.errors);
    return { record: await loadWrittenCustomer(tx, result.customerId), outcome: result.outcome };
  });
}

function partnerContext(
  actor: RequestActor,
  source: string,
  onDuplicate: DuplicatePolicy | undefined,
  sourceChannel: TCustomerCreate['sourceChannel'] | undefined,
): IngestContext {
  return {
    source,
    sourceChannel: sourceChannel ?? 'partner',
    importId: null,
    onDuplicate: onDuplicate ?? 'flag',
    actor,
    detectedBy: 'entry',
    isAuditedPerCustomer: true,
  };
}

/**
 * POST /customers/batch-upsert: all or nothing. Every item is validated first; any error refuses the
 * batch with every error listed, so a partner never has to work out which half was stored.
 */
export async function batchUpsertCustomers(
  db: Database,
  actor: RequestActor,
  input: {
    body: {
      source: string;
      onDuplicate?: DuplicatePolicy;
      items: { externalId: string; customer: unknown }[];
    };
    idempotencyKey: string | undefined;
    callerId: string;
  },
) {
  const { body } = input;
  const errors: { path: string; message: string }[] = [];
  const items: IngestItem[] = [];
  body.items.forEach((item, index) => {
    const parsed = parseCustomerInput(item.customer, `/items/${index}/customer`);
    if (parsed.ok) items.push({ externalId: item.externalId, input: parsed.input });
    else errors.push(...parsed.errors);
  });
  if (errors.length > 0)
    throw new DomainError('validation_failed', 'Some items are invalid; nothing was stored.', errors);
  for (const item of items) await assertOwnerAssignable(db, actor.viewer, item.input.ownerId);
  const answer = await withClientTransaction(db, (tx, client) =>
    withIdempotencyKey(
      tx,
      { key: input.idempotencyKey, callerId: input.callerId, request: body },
      async () => {
        const results = await ingestCustomers(
          tx,
          client,
          items,
          partnerContext(actor, body.source, body.onDuplicate, undefined),
        );
        const failures = results.flatMap((result, index) =>
          result.ok
            ? []
            : result.errors.map((e) => ({ path: `/items/${index}${e.path}`, message: e.message })),
        );
        if (failures.length > 0)
          throw new DomainError(
            'validation_failed',
            'Some items were refused; nothing was stored.',
            failures,
          );
        return {
          statusCode: 200,
          body: {
            results: results.map((result, index) => ({
              externalId: body.items[index]?.externalId ?? '',
              customerId: result.ok ? result.customerId : '',
              outcome: result.ok ? result.outcome : 'unchanged',
            })),
          },
        };
      },
    ),
  );
  return answer.body as { results: { externalId: string; customerId: string; outcome: IngestOutcome }[] };
}

/** POST /customers/duplicate-check: the draft scored against stored customers (the caller shows those in scope). */
export async function checkDuplicates(db: Database, body: unknown) {
  const input = parseOrThrow(ZCustomerCreate, body);
  const draftId = '00000000-0000-0000-0000-000000000000';
  const matches = await matchDrafts(db, [matchInputOfDraft(draftId, input)]);
  return matches.filter((m) => !m.isOtherDraft);
}
