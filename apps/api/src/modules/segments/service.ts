/**
 * Segments: rules checked and compiled once (rule.ts), membership materialized in `segment_members`.
 * Refreshing a dynamic segment is one statement that removes who no longer matches, adds who now does
 * and records both on the customers' timelines, under a lock on the segment so refreshes never overlap.
 * Counts and member lists are always taken within the viewer's data scope.
 */
import type { components } from '@cims/api-client';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers, segmentMembers, segments, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { cursorParts, decodeCursor, encodeCursor } from '../../http/cursor';
import { DomainError, validationFailed } from '../../http/errors';
import type { Viewer } from '../access/policies';
import { appendAuditEntry, diffSnapshots } from '../audit/service';
import { customerScope, listCustomerRows } from '../customers/repo';
import { versionFromEtag } from '../customers/service';
import { type ConsentChannel, consentInForce } from '../privacy/consent-repo';
import { compileRule, liveCustomers, ruleProblems, type SegmentRule } from './rule';

type Schemas = components['schemas'];
type SegmentRow = typeof segments.$inferSelect;
export type SegmentInput = Schemas['SegmentInput'];

function assertRule(rule: SegmentRule) {
  const problems = ruleProblems(rule);
  if (problems.length > 0) throw validationFailed(problems);
}

/** Members per segment within the viewer's scope. */
async function memberCounts(db: Queryable, viewer: Viewer, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ segmentId: segmentMembers.segmentId, count: sql<number>`count(*)::int` })
    .from(segmentMembers)
    .innerJoin(customers, eq(customers.id, segmentMembers.customerId))
    .where(and(inArray(segmentMembers.segmentId, ids), liveCustomers, customerScope(viewer)))
    .groupBy(segmentMembers.segmentId);
  return new Map(rows.map((row) => [row.segmentId, row.count]));
}

async function toSegments(db: Queryable, viewer: Viewer, rows: SegmentRow[]): Promise<Schemas['Segment'][]> {
  const counts = await memberCounts(
    db,
    viewer,
    rows.map((row) => row.id),
  );
  const creatorIds = [...new Set(rows.flatMap((row) => (row.createdBy ? [row.createdBy] : [])))];
  const creators =
    creatorIds.length > 0
      ? await db
          .select({ id: staffUsers.id, displayName: staffUsers.displayName })
          .from(staffUsers)
          .where(inArray(staffUsers.id, creatorIds))
      : [];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    color: row.color,
    rule: row.rule,
    isPreset: row.presetKey !== null,
    memberCount: counts.get(row.id) ?? 0,
    refreshedAt: row.refreshedAt?.toISOString() ?? null,
    createdBy: row.createdBy
      ? { id: row.createdBy, displayName: creators.find((c) => c.id === row.createdBy)?.displayName ?? '' }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

async function toSegment(db: Queryable, viewer: Viewer, row: SegmentRow) {
  const [segment] = await toSegments(db, viewer, [row]);
  return segment as Schemas['Segment'];
}

async function findSegmentRow(db: Queryable, id: string, isLocking = false) {
  const query = db.select().from(segments).where(eq(segments.id, id));
  const [row] = isLocking ? await query.for('update') : await query;
  if (!row) throw new DomainError('not_found', 'No such segment.');
  return row;
}

export async function listSegments(db: Queryable, viewer: Viewer) {
  const rows = await db.select().from(segments).orderBy(asc(segments.name), asc(segments.id));
  return toSegments(db, viewer, rows);
}

export async function getSegment(db: Queryable, viewer: Viewer, id: string) {
  return toSegment(db, viewer, await findSegmentRow(db, id));
}

export async function previewSegment(db: Queryable, viewer: Viewer, rule: SegmentRule, asOf = new Date()) {
  assertRule(rule);
  const filters = [compileRule(rule, asOf), liveCustomers, customerScope(viewer) ?? sql`true`];
  const [counted] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(...filters));
  const sample = await listCustomerRows(db, {
    filters,
    sort: { column: 'displayName', isDescending: false },
    after: null,
    limit: 20,
  });
  return { count: counted?.count ?? 0, sample: sample.slice(0, 20) };
}

/**
 * Brings the membership in line with the rule as of `asOf`, recording entries and exits; the caller
 * holds the segment row locked.
 */
async function syncMembers(db: Queryable, segment: SegmentRow, asOf: Date) {
  const result = await db.execute<{ entered: number; exited: number }>(sql`
    WITH wanted AS (
      SELECT ${customers.id} AS id FROM ${customers}
       WHERE ${liveCustomers} AND ${compileRule(segment.rule, asOf)}
    ),
    gone AS (
      DELETE FROM segment_members m
       WHERE m.segment_id = ${segment.id} AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.id = m.customer_id)
      RETURNING m.customer_id
    ),
    came AS (
      INSERT INTO segment_members (segment_id, customer_id, entered_at)
      SELECT ${segment.id}::uuid, w.id, ${asOf}::timestamptz FROM wanted w
      ON CONFLICT (segment_id, customer_id) DO NOTHING
      RETURNING customer_id
    ),
    recorded AS (
      INSERT INTO segment_events (segment_id, segment_name, customer_id, type, occurred_at)
      SELECT ${segment.id}::uuid, ${segment.name}, customer_id, 'exited', ${asOf}::timestamptz FROM gone
      UNION ALL
      SELECT ${segment.id}::uuid, ${segment.name}, customer_id, 'entered', ${asOf}::timestamptz FROM came
      RETURNING type
    )
    SELECT count(*) FILTER (WHERE type = 'entered')::int AS entered,
           count(*) FILTER (WHERE type = 'exited')::int AS exited
      FROM recorded`);
  await db.update(segments).set({ refreshedAt: asOf }).where(eq(segments.id, segment.id));
  const counts = result.rows[0];
  return { entered: Number(counts?.entered ?? 0), exited: Number(counts?.exited ?? 0) };
}

export async function createSegment(
  db: Database,
  actor: RequestActor,
  input: SegmentInput,
  asOf = new Date(),
) {
  assertRule(input.rule);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(segments)
      .values({
        name: input.name.trim(),
        description: input.description?.trim() || null,
        kind: input.kind,
        color: input.color ?? null,
        rule: input.rule,
        createdBy: actor.viewer.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const counts = await syncMembers(tx, row, asOf);
    await appendAuditEntry(tx, actor.audit, {
      action: 'segment.create',
      resourceType: 'segment',
      resourceId: row.id,
      details: { name: row.name, kind: row.kind, ...counts },
    });
    return toSegment(tx, actor.viewer, await findSegmentRow(tx, row.id));
  });
}

export async function updateSegment(
  db: Database,
  actor: RequestActor,
  input: { id: string; ifMatch: string; body: SegmentInput },
  asOf = new Date(),
) {
  assertRule(input.body.rule);
  const expectedVersion = versionFromEtag(input.ifMatch);
  return db.transaction(async (tx) => {
    const current = await findSegmentRow(tx, input.id, true);
    if (current.version !== expectedVersion)
      throw new DomainError('version_conflict', `The segment is at version ${current.version}; reload it.`);
    const next = {
      name: input.body.name.trim(),
      description: input.body.description?.trim() || null,
      kind: input.body.kind,
      color: input.body.color ?? null,
      rule: input.body.rule,
    };
    const changes = diffSnapshots(
      {
        name: current.name,
        description: current.description,
        kind: current.kind,
        color: current.color,
        rule: current.rule,
      },
      next,
    );
    const [row] = await tx
      .update(segments)
      .set({ ...next, version: current.version + 1, updatedAt: new Date() })
      .where(eq(segments.id, current.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    // A static segment keeps its snapshot unless its rule changed.
    const isResnapshot = row.kind === 'dynamic' || 'rule' in changes || 'kind' in changes;
    const counts = isResnapshot ? await syncMembers(tx, row, asOf) : { entered: 0, exited: 0 };
    await appendAuditEntry(tx, actor.audit, {
      action: 'segment.update',
      resourceType: 'segment',
      resourceId: row.id,
      changes,
      details: counts,
    });
    return toSegment(tx, actor.viewer, await findSegmentRow(tx, row.id));
  });
}

export async function deleteSegment(db: Database, actor: RequestActor, id: string) {
  await db.transaction(async (tx) => {
    const current = await findSegmentRow(tx, id, true);
    const users = await tx.execute<{ kind: string; name: string }>(sql`
      SELECT 'campaign' AS kind, name FROM campaigns WHERE segment_id = ${current.id}
      UNION ALL SELECT 'trigger', name FROM triggers WHERE segment_id = ${current.id}`);
    if (users.rows.length > 0)
      throw new DomainError(
        'conflict',
        `Campaigns and triggers use this segment: ${users.rows.map((row) => `${row.kind} “${row.name}”`).join(', ')}. Change or delete them first.`,
      );
    await tx.delete(segments).where(eq(segments.id, current.id));
    await appendAuditEntry(tx, actor.audit, {
      action: 'segment.delete',
      resourceType: 'segment',
      resourceId: current.id,
      details: { name: current.name },
    });
  });
}

export async function refreshSegment(db: Database, actor: RequestActor, id: string, asOf = new Date()) {
  return db.transaction(async (tx) => {
    const current = await findSegmentRow(tx, id, true);
    if (current.kind === 'static')
      throw new DomainError('conflict', 'A static segment is a snapshot; change its rule to take a new one.');
    const counts = await syncMembers(tx, current, asOf);
    await appendAuditEntry(tx, actor.audit, {
      action: 'segment.refresh',
      resourceType: 'segment',
      resourceId: current.id,
      details: counts,
    });
    return { segment: await toSegment(tx, actor.viewer, await findSegmentRow(tx, id)), ...counts };
  });
}

/** Brings a dynamic segment up to date before something acts on its members (not audited: derived data). */
export async function refreshSegmentMembers(db: Database, id: string, asOf = new Date()) {
  return db.transaction(async (tx) => {
    const segment = await findSegmentRow(tx, id, true);
    return segment.kind === 'dynamic' ? syncMembers(tx, segment, asOf) : { entered: 0, exited: 0 };
  });
}

/** The scheduled refresh of every dynamic segment (membership is derived data: not audited per run). */
export async function refreshDynamicSegments(db: Database, asOf = new Date()) {
  const dynamic = await db.select({ id: segments.id }).from(segments).where(eq(segments.kind, 'dynamic'));
  let entered = 0;
  let exited = 0;
  for (const { id } of dynamic) {
    const counts = await db.transaction(async (tx) =>
      syncMembers(tx, await findSegmentRow(tx, id, true), asOf),
    );
    entered += counts.entered;
    exited += counts.exited;
  }
  return { segments: dynamic.length, entered, exited };
}

const nameCursor = /^[\s\S]{0,400}$/;

interface MemberFilter {
  segmentId: string;
  /** Only members whose marketing consent on this channel is in force (for a marketing send). */
  marketingChannel?: ConsentChannel;
}

function memberConditions(viewer: Viewer, filter: MemberFilter) {
  return [
    // Deleted, merged or erased since the last refresh: no longer a member anyone should act on.
    liveCustomers,
    sql`EXISTS (SELECT 1 FROM segment_members m WHERE m.segment_id = ${filter.segmentId} AND m.customer_id = ${customers.id})`,
    customerScope(viewer) ?? sql`true`,
    filter.marketingChannel
      ? sql`coalesce(${consentInForce('marketing', filter.marketingChannel)}, false)`
      : sql`true`,
  ];
}

export async function countSegmentMembers(db: Queryable, viewer: Viewer, filter: MemberFilter) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(...memberConditions(viewer, filter)));
  return row?.count ?? 0;
}

export async function listSegmentMembers(
  db: Queryable,
  viewer: Viewer,
  input: MemberFilter & { limit: number; cursor?: string },
) {
  await findSegmentRow(db, input.segmentId);
  const [value, id] = input.cursor ? decodeCursor(input.cursor, [nameCursor, cursorParts.uuid]) : [];
  const rows = await listCustomerRows(db, {
    filters: memberConditions(viewer, input),
    sort: { column: 'displayName', isDescending: false },
    after: value !== undefined && id ? { value, id } : null,
    limit: input.limit,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortValue, last.id]) : null,
  };
}
