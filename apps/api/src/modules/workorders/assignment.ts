/**
 * Auto-assignment (自动分配): the first rule whose conditions all hold picks the queue (else the default
 * queue); within it, the member with the fewest open work orders gets the new one, and on a tie the one
 * who has waited longest since their last assignment (round robin among equals).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { WorkOrderCategory, WorkOrderSettings } from './settings';
import { findQueue } from './settings';
import { openStatuses } from './state-machine';

export interface AssignmentSubject {
  category: WorkOrderCategory;
  provinceCode: string | null;
  valueTier: string | null;
}

export function chooseQueueId(settings: WorkOrderSettings, subject: AssignmentSubject): string {
  const rule = settings.assignmentRules.find(
    (r) =>
      (r.category === null || r.category === subject.category) &&
      (r.provinceCode === null || r.provinceCode === subject.provinceCode) &&
      (r.valueTier === null || r.valueTier === subject.valueTier),
  );
  return rule?.queueId ?? settings.defaultQueueId;
}

export interface MemberLoad {
  userId: string;
  openCount: number;
  /** When they were last given a work order; null if never. */
  lastAssignedAt: Date | null;
}

export function chooseAssignee(loads: MemberLoad[]): string | null {
  const ranked = [...loads].sort(
    (a, b) =>
      a.openCount - b.openCount ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.userId.localeCompare(b.userId),
  );
  return ranked[0]?.userId ?? null;
}

/** The active members of a queue with their load; a queue listing nobody has every active service user. */
export async function loadsOfQueue(
  db: Queryable,
  settings: WorkOrderSettings,
  queueId: string,
): Promise<MemberLoad[]> {
  const queue = findQueue(settings, queueId);
  if (!queue) return [];
  const members =
    queue.memberIds.length > 0
      ? sql`u.id = ANY(${sql.param(queue.memberIds)}::uuid[])`
      : sql`'service' = ANY(u.roles)`;
  const result = await db.execute<{ user_id: string; open_count: number; last_assigned_at: Date | null }>(sql`
    SELECT u.id AS user_id,
           (SELECT count(*)::int FROM work_orders w
             WHERE w.assignee_id = u.id AND w.status = ANY(${sql.param(openStatuses)}::text[])) AS open_count,
           (SELECT max(e.occurred_at) FROM work_order_events e
             WHERE e.assignee_id = u.id AND e.type = 'assigned') AS last_assigned_at
      FROM staff_users u
     WHERE u.is_active AND ${members}`);
  return result.rows.map((row) => ({
    userId: row.user_id,
    openCount: Number(row.open_count),
    lastAssignedAt: row.last_assigned_at ? new Date(row.last_assigned_at) : null,
  }));
}
