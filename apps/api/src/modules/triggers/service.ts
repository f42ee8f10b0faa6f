/**
 * Triggers (自动化规则): for customers entering a segment, or daily for its members, run actions — a task
 * for the owner, a tag added or removed, a work order opened, a lifecycle stage set. Every action is
 * claimed in `trigger_run_items` (unique per trigger, customer, firing and action) in the same
 * transaction that performs it, and settled there as done or skipped (nothing to do), so a repeated or
 * overlapping run never does anything twice and a skipped customer is not retried; only failures are.
 * A run acts on at most `maxCustomersPerRun` customers, the rest waiting for the next. Actions run over
 * the whole segment, but only those the author's (or the starter's) roles may take by hand.
 */
import type { components } from '@cims/api-client';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { customers, segments, staffUsers, triggerRunItems, triggerRuns, triggers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { listOperations } from '../../http/contract';
import { DomainError } from '../../http/errors';
import { systemViewer } from '../access/policies';
import { type AuditContext, appendAuditEntry, diffSnapshots, systemAuditContext } from '../audit/service';
import { updateCustomer, versionFromEtag } from '../customers/service';
import { refreshSegmentMembers } from '../segments/service';
import { defineAutomaticTag } from '../tags/service';
import { insertTask } from '../tasks/service';
import { findStaffNames } from '../users/service';
import { createWorkOrder } from '../workorders/service';
import { getWorkOrderSettings } from '../workorders/settings';

type Schemas = components['schemas'];
type TriggerRow = typeof triggers.$inferSelect;
type RunRow = typeof triggerRuns.$inferSelect;
type Action = Schemas['TriggerAction'];
type ItemResult = 'done' | 'would_do' | 'skipped' | 'failed';
export type TriggerInput = Schemas['TriggerInput'];

const dayMs = 86_400_000;

/** What each action does, as the operation a person would call for it: only roles allowed that may automate it. */
const operationOfAction: Record<Action['type'], string> = {
  create_task: 'createTask',
  add_tag: 'updateCustomer',
  remove_tag: 'updateCustomer',
  set_lifecycle_stage: 'updateCustomer',
  open_work_order: 'createWorkOrder',
};
const rolesByOperation = new Map(
  listOperations().map((entry) => [entry.operation.operationId, entry.operation['x-roles'] ?? []]),
);

/** Refuses actions the user's roles may not take by hand (a trigger must not widen what its author can do). */
export function assertActionsAllowed(roles: string[], actions: Action[]) {
  const refused = actions.flatMap((action, index) => {
    const allowed = rolesByOperation.get(operationOfAction[action.type]) ?? [];
    return allowed.some((role) => roles.includes(role))
      ? []
      : [
          {
            path: `/actions/${index}/type`,
            message: `Your roles may not ${action.type.replaceAll('_', ' ')}`,
          },
        ];
  });
  if (refused.length > 0)
    throw new DomainError('forbidden', 'Your roles may not automate these actions.', refused);
}

async function rolesOf(db: Queryable, userId: string | null): Promise<string[]> {
  if (!userId) return [];
  const [user] = await db
    .select({ roles: staffUsers.roles, isActive: staffUsers.isActive })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  return user?.isActive ? user.roles : [];
}

function toRun(row: RunRow, startedByName: string | null): Schemas['TriggerRun'] {
  return {
    id: row.id,
    triggerId: row.triggerId,
    isDryRun: row.isDryRun,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    startedBy: row.startedBy ? { id: row.startedBy, displayName: startedByName ?? '' } : null,
    customers: row.customers,
    actionsDone: row.actionsDone,
    actionsSkipped: row.actionsSkipped,
    actionsFailed: row.actionsFailed,
    isCapped: row.isCapped,
  };
}

async function listRunRows(db: Queryable, triggerIds: string[], limit: number) {
  if (triggerIds.length === 0) return [];
  return db
    .select({ run: triggerRuns, startedByName: staffUsers.displayName })
    .from(triggerRuns)
    .leftJoin(staffUsers, eq(staffUsers.id, triggerRuns.startedBy))
    .where(inArray(triggerRuns.triggerId, triggerIds))
    .orderBy(desc(triggerRuns.startedAt), desc(triggerRuns.id))
    .limit(limit);
}

async function toTriggers(db: Queryable, rows: TriggerRow[]): Promise<Schemas['Trigger'][]> {
  const segmentIds = [...new Set(rows.map((row) => row.segmentId))];
  const segmentRows = segmentIds.length
    ? await db
        .select({ id: segments.id, name: segments.name })
        .from(segments)
        .where(inArray(segments.id, segmentIds))
    : [];
  const segmentNames = new Map(segmentRows.map((segment) => [segment.id, segment.name]));
  const lastRuns = new Map<string, Schemas['TriggerRun']>();
  for (const row of rows) {
    const [last] = await listRunRows(db, [row.id], 1);
    if (last) lastRuns.set(row.id, toRun(last.run, last.startedByName));
  }
  const creators = await findStaffNames(
    db,
    rows.map((row) => row.createdBy),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    isEnabled: row.isEnabled,
    segment: { id: row.segmentId, name: segmentNames.get(row.segmentId) ?? '' },
    firesOn: row.firesOn,
    includeCurrentMembers: row.includeCurrentMembers,
    dailyAt: row.dailyAt,
    maxCustomersPerRun: row.maxCustomersPerRun,
    actions: row.actions,
    createdBy: row.createdBy ? { id: row.createdBy, displayName: creators.get(row.createdBy) ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    lastRun: lastRuns.get(row.id) ?? null,
  }));
}

async function findTriggerRow(db: Queryable, id: string) {
  const [row] = await db.select().from(triggers).where(eq(triggers.id, id));
  if (!row) throw new DomainError('not_found', 'No such trigger.');
  return row;
}

async function assertSegment(db: Queryable, segmentId: string) {
  const [segment] = await db.select({ id: segments.id }).from(segments).where(eq(segments.id, segmentId));
  if (!segment) throw new DomainError('not_found', 'No such segment.');
}

function columnsOf(input: TriggerInput) {
  return {
    name: input.name.trim(),
    isEnabled: input.isEnabled,
    segmentId: input.segmentId,
    firesOn: input.firesOn,
    includeCurrentMembers: input.includeCurrentMembers ?? false,
    dailyAt: input.dailyAt ?? '09:00',
    maxCustomersPerRun: input.maxCustomersPerRun ?? 500,
    actions: input.actions,
  };
}

export async function listTriggers(db: Queryable) {
  return toTriggers(db, await db.select().from(triggers).orderBy(triggers.name, triggers.id));
}

export async function getTrigger(db: Queryable, id: string) {
  const [trigger] = await toTriggers(db, [await findTriggerRow(db, id)]);
  return trigger as Schemas['Trigger'];
}

export async function createTrigger(db: Database, actor: RequestActor, input: TriggerInput) {
  assertActionsAllowed(await rolesOf(db, actor.viewer.userId), input.actions);
  await assertSegment(db, input.segmentId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(triggers)
      .values({ ...columnsOf(input), createdBy: actor.viewer.userId })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await appendAuditEntry(tx, actor.audit, {
      action: 'trigger.create',
      resourceType: 'trigger',
      resourceId: row.id,
      details: { name: row.name, segmentId: row.segmentId, firesOn: row.firesOn, actions: row.actions },
    });
    return getTrigger(tx, row.id);
  });
}

export async function updateTrigger(
  db: Database,
  actor: RequestActor,
  input: { id: string; ifMatch: string; body: TriggerInput },
) {
  assertActionsAllowed(await rolesOf(db, actor.viewer.userId), input.body.actions);
  await assertSegment(db, input.body.segmentId);
  const expectedVersion = versionFromEtag(input.ifMatch);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(triggers).where(eq(triggers.id, input.id)).for('update');
    if (!current) throw new DomainError('not_found', 'No such trigger.');
    if (current.version !== expectedVersion)
      throw new DomainError('version_conflict', `The trigger is at version ${current.version}; reload it.`);
    const next = columnsOf(input.body);
    await tx
      .update(triggers)
      .set({ ...next, version: current.version + 1, updatedAt: new Date() })
      .where(eq(triggers.id, current.id));
    const { id, createdAt, createdBy, updatedAt, version, ...before } = current;
    await appendAuditEntry(tx, actor.audit, {
      action: 'trigger.update',
      resourceType: 'trigger',
      resourceId: current.id,
      changes: diffSnapshots({ ...before }, { ...next }),
    });
    return getTrigger(tx, current.id);
  });
}

export async function deleteTrigger(db: Database, actor: RequestActor, id: string) {
  await db.transaction(async (tx) => {
    const current = await findTriggerRow(tx, id);
    await tx.delete(triggers).where(eq(triggers.id, id));
    await appendAuditEntry(tx, actor.audit, {
      action: 'trigger.delete',
      resourceType: 'trigger',
      resourceId: id,
      details: { name: current.name },
    });
  });
}

export async function listTriggerRuns(db: Queryable, id: string) {
  await findTriggerRow(db, id);
  const rows = await listRunRows(db, [id], 50);
  return rows.map((row) => toRun(row.run, row.startedByName));
}

interface Firing {
  customerId: string;
  customerName: string;
  ownerId: string | null;
  firingKey: string;
}

function localDate(timeZone: string, at: Date) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The customers the trigger owes actions to now, with the occasion: their latest entry into the segment
 * (segment_entry) or today (daily); at most `limit`.
 */
async function pendingFirings(
  db: Queryable,
  trigger: TriggerRow,
  now: Date,
  limit: number,
): Promise<Firing[]> {
  const actionCount = trigger.actions.length;
  const firingKey =
    trigger.firesOn === 'daily'
      ? sql`${localDate((await getWorkOrderSettings(db)).businessCalendar.timeZone, now)}::text`
      : sql`(SELECT e.id::text FROM segment_events e
              WHERE e.segment_id = m.segment_id AND e.customer_id = m.customer_id AND e.type = 'entered'
                ${trigger.includeCurrentMembers ? sql`` : sql`AND e.occurred_at >= ${trigger.createdAt}`}
              ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)`;
  const result = await db.execute<{
    customer_id: string;
    display_name: string;
    owner_id: string | null;
    firing_key: string;
  }>(sql`
    SELECT * FROM (
      SELECT c.id AS customer_id, c.display_name, c.owner_id, ${firingKey} AS firing_key
        FROM segment_members m JOIN customers c ON c.id = m.customer_id
       WHERE m.segment_id = ${trigger.segmentId} AND c.deleted_at IS NULL AND c.erased_at IS NULL
    ) f
    WHERE f.firing_key IS NOT NULL
      AND (SELECT count(*) FROM trigger_run_items i
            WHERE i.trigger_id = ${trigger.id} AND i.customer_id = f.customer_id
              AND i.firing_key = f.firing_key AND i.result IN ('done', 'skipped')) < ${actionCount}
    ORDER BY f.display_name, f.customer_id
    LIMIT ${limit}`);
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    customerName: row.display_name,
    ownerId: row.owner_id,
    firingKey: row.firing_key,
  }));
}

async function isSettled(db: Queryable, trigger: TriggerRow, firing: Firing, actionIndex: number) {
  const [row] = await db
    .select({ id: triggerRunItems.id })
    .from(triggerRunItems)
    .where(
      and(
        eq(triggerRunItems.triggerId, trigger.id),
        eq(triggerRunItems.customerId, firing.customerId),
        eq(triggerRunItems.firingKey, firing.firingKey),
        eq(triggerRunItems.actionIndex, actionIndex),
        inArray(triggerRunItems.result, ['done', 'skipped']),
      ),
    );
  return Boolean(row);
}

/** Why an action has nothing to do for this customer, if so. */
async function nothingToDo(db: Queryable, action: Action, firing: Firing): Promise<string | null> {
  if (action.type === 'create_task' && !firing.ownerId) return 'The customer has no owner';
  if (action.type === 'add_tag' || action.type === 'remove_tag' || action.type === 'set_lifecycle_stage') {
    const [customer] = await db
      .select({ tags: customers.tags, lifecycleStage: customers.lifecycleStage })
      .from(customers)
      .where(eq(customers.id, firing.customerId));
    if (!customer) return 'No such customer';
    if (action.type === 'add_tag' && customer.tags.includes(action.tag)) return 'Tagged already';
    if (action.type === 'remove_tag' && !customer.tags.includes(action.tag)) return 'Not tagged';
    if (action.type === 'set_lifecycle_stage' && customer.lifecycleStage === action.lifecycleStage)
      return 'At this stage already';
  }
  return null;
}

/** Claims the action for the customer and firing and performs it, in one transaction. */
async function perform(
  db: Database,
  audit: AuditContext,
  trigger: TriggerRow,
  runId: string,
  firing: Firing,
  index: number,
) {
  const action = trigger.actions[index] as Action;
  const actor: RequestActor = { audit, viewer: systemViewer };
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(triggerRunItems)
      .values({
        runId,
        triggerId: trigger.id,
        customerId: firing.customerId,
        firingKey: firing.firingKey,
        actionIndex: index,
        actionType: action.type,
        result: 'done',
      })
      .onConflictDoNothing()
      .returning({ id: triggerRunItems.id });
    if (!claimed) return { result: 'skipped' as const, detail: 'Settled already for this firing' };
    const reason = await nothingToDo(tx, action, firing);
    if (reason) {
      await tx
        .update(triggerRunItems)
        .set({ result: 'skipped', detail: reason })
        .where(eq(triggerRunItems.id, claimed.id));
      return { result: 'skipped' as const, detail: reason };
    }
    if (action.type === 'create_task') {
      await insertTask(
        tx,
        {
          kind: action.taskKind,
          customerId: firing.customerId,
          assigneeId: firing.ownerId,
          dueAt: new Date(Date.now() + action.dueInDays * dayMs),
          note: action.note?.trim() || trigger.name,
        },
        null,
      );
    } else if (action.type === 'open_work_order') {
      await createWorkOrder(tx, actor, {
        customerId: firing.customerId,
        category: action.category,
        priority: action.priority,
        channel: 'other',
        title: action.title,
      });
    } else {
      const [current] = await tx
        .select({ version: customers.version, tags: customers.tags })
        .from(customers)
        .where(eq(customers.id, firing.customerId));
      const body =
        action.type === 'set_lifecycle_stage'
          ? { lifecycleStage: action.lifecycleStage }
          : {
              tags:
                action.type === 'add_tag'
                  ? [...(current?.tags ?? []), action.tag]
                  : (current?.tags ?? []).filter((tag) => tag !== action.tag),
            };
      if (action.type === 'add_tag') await defineAutomaticTag(tx, action.tag);
      await updateCustomer(tx, actor, { id: firing.customerId, ifMatch: `"${current?.version}"`, body });
    }
    return { result: 'done' as const, detail: null };
  });
}

export interface RunOptions {
  audit: AuditContext;
  startedBy: string | null;
  isDryRun: boolean;
  now?: Date;
}

/**
 * One run of a trigger: brings its segment up to date (membership is derived data, so a dry run does it
 * too), then acts on (or, dry, lists) what is owed.
 */
export async function runTriggerOnce(db: Database, triggerId: string, options: RunOptions) {
  const now = options.now ?? new Date();
  const trigger = await findTriggerRow(db, triggerId);
  assertActionsAllowed(await rolesOf(db, options.startedBy ?? trigger.createdBy), trigger.actions);
  await refreshSegmentMembers(db, trigger.segmentId, now);
  const firings = await pendingFirings(db, trigger, now, trigger.maxCustomersPerRun + 1);
  const isCapped = firings.length > trigger.maxCustomersPerRun;
  const acted = firings.slice(0, trigger.maxCustomersPerRun);
  const [run] = await db
    .insert(triggerRuns)
    .values({ triggerId, isDryRun: options.isDryRun, startedAt: now, startedBy: options.startedBy, isCapped })
    .returning();
  if (!run) throw new Error('insert returned no row');
  const items: {
    firing: Firing;
    index: number;
    result: ItemResult;
    detail: string | null;
  }[] = [];
  for (const firing of acted) {
    for (const [index, action] of trigger.actions.entries()) {
      if (options.isDryRun) {
        const reason = (await isSettled(db, trigger, firing, index))
          ? 'Settled already for this firing'
          : await nothingToDo(db, action, firing);
        items.push({
          firing,
          index,
          result: reason ? 'skipped' : 'would_do',
          detail: reason,
        });
        continue;
      }
      try {
        items.push({ firing, index, ...(await perform(db, options.audit, trigger, run.id, firing, index)) });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        items.push({ firing, index, result: 'failed', detail });
      }
    }
  }
  // `perform` records what it settles; failures are kept with the run for its record (and retried later).
  // A dry run's findings are only answered, or they would count as settled.
  const failures = options.isDryRun ? [] : items.filter((item) => item.result === 'failed');
  if (failures.length > 0)
    await db.insert(triggerRunItems).values(
      failures.map((item) => ({
        runId: run.id,
        triggerId,
        customerId: item.firing.customerId,
        firingKey: item.firing.firingKey,
        actionIndex: item.index,
        actionType: (trigger.actions[item.index] as Action).type,
        result: item.result,
        detail: item.detail,
      })),
    );
  const count = (result: ItemResult) => items.filter((item) => item.result === result).length;
  const [finished] = await db
    .update(triggerRuns)
    .set({
      finishedAt: new Date(),
      customers: acted.length,
      actionsDone: options.isDryRun ? count('would_do') : count('done'),
      actionsSkipped: count('skipped'),
      actionsFailed: count('failed'),
    })
    .where(eq(triggerRuns.id, run.id))
    .returning();
  if (!options.isDryRun)
    await db.transaction((tx) =>
      appendAuditEntry(tx, options.audit, {
        action: 'trigger.run',
        resourceType: 'trigger',
        resourceId: triggerId,
        details: {
          runId: run.id,
          customers: acted.length,
          done: count('done'),
          failed: count('failed'),
          isCapped,
        },
      }),
    );
  return {
    run: toRun(finished as RunRow, null),
    items: items.slice(0, 1000).map((item) => ({
      customer: { id: item.firing.customerId, displayName: item.firing.customerName },
      actionIndex: item.index,
      actionType: (trigger.actions[item.index] as Action).type,
      result: item.result,
      detail: item.detail,
    })),
  };
}

/** The scheduler: every enabled trigger with something owed (daily ones from their time of day). */
export async function runDueTriggers(db: Database, now = new Date()) {
  const enabled = await db.select().from(triggers).where(eq(triggers.isEnabled, true));
  const timeZone = (await getWorkOrderSettings(db)).businessCalendar.timeZone;
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  let runs = 0;
  for (const trigger of enabled) {
    if (trigger.firesOn === 'daily' && clock < trigger.dailyAt) continue;
    if ((await pendingFirings(db, trigger, now, 1)).length === 0) continue;
    await runTriggerOnce(db, trigger.id, {
      audit: systemAuditContext('trigger scheduler'),
      startedBy: null,
      isDryRun: false,
      now,
    });
    runs++;
  }
  return { runs };
}
