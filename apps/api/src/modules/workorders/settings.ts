/**
 * Work-order settings (one row, defaults until an admin changes them): queues, assignment rules, SLA
 * policies and the business calendar. A queue without members takes every active service user, so a
 * fresh installation assigns work orders before anyone has set queues up.
 */
import type { components } from '@cims/api-client';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { workOrderSettings } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { type FieldError, validationFailed } from '../../http/errors';
import { appendAuditEntry, diffSnapshots } from '../audit/service';
import { findStaffMembers } from '../users/service';
import { addBusinessHours, isKnownTimeZone } from './business-hours';

export type WorkOrderSettings = components['schemas']['WorkOrderSettings'];
export type WorkOrderCategory = components['schemas']['WorkOrderCategory'];
export type WorkOrderPriority = components['schemas']['WorkOrderPriority'];
type Queue = WorkOrderSettings['queues'][number];

const categories: WorkOrderCategory[] = ['after_sales', 'complaint', 'consultation', 'installation', 'other'];
/** Business hours to first response and to resolution, by priority. */
const hoursByPriority: Record<WorkOrderPriority, [number, number]> = {
  urgent: [1, 8],
  high: [2, 16],
  normal: [4, 24],
  low: [8, 40],
};
export const fallbackSlaHours = { firstResponseHours: 8, resolutionHours: 40 };
const yearMs = 366 * 86_400_000;

export const defaultWorkOrderSettings: WorkOrderSettings = {
  queues: [{ id: 'service', name: '客服中心', memberIds: [] }],
  defaultQueueId: 'service',
  assignmentRules: [],
  slaPolicies: categories.flatMap((category) =>
    (Object.keys(hoursByPriority) as WorkOrderPriority[]).map((priority) => ({
      category,
      priority,
      firstResponseHours: hoursByPriority[priority][0],
      resolutionHours: hoursByPriority[priority][1],
    })),
  ),
  businessCalendar: {
    timeZone: 'Asia/Shanghai',
    workdays: [1, 2, 3, 4, 5],
    dayStart: '09:00',
    dayEnd: '18:00',
    holidays: [],
    makeUpWorkdays: [],
  },
  warnAtShare: 0.8,
};

export async function getWorkOrderSettings(db: Queryable): Promise<WorkOrderSettings> {
  const [row] = await db.select().from(workOrderSettings).where(eq(workOrderSettings.id, 1));
  return { ...defaultWorkOrderSettings, ...(row?.settings as Partial<WorkOrderSettings> | undefined) };
}

/** The queues a staff member works in: those listing them, and the member-less ones for service staff. */
export function queuesOf(settings: WorkOrderSettings, user: { id: string; roles: string[] }): string[] {
  return settings.queues
    .filter((queue) =>
      queue.memberIds.length > 0 ? queue.memberIds.includes(user.id) : user.roles.includes('service'),
    )
    .map((queue) => queue.id);
}

export function findQueue(settings: WorkOrderSettings, queueId: string | null): Queue | null {
  return settings.queues.find((queue) => queue.id === queueId) ?? null;
}

export function slaHoursFor(
  settings: WorkOrderSettings,
  category: WorkOrderCategory,
  priority: WorkOrderPriority,
) {
  return (
    settings.slaPolicies.find((policy) => policy.category === category && policy.priority === priority) ??
    fallbackSlaHours
  );
}

/**
 * Whether every SLA can fall due within a year from now: a calendar whose only workdays are holidays, or
 * whose make-up days are all past, would otherwise accept work orders it can never time.
 */
function isWorkable(settings: WorkOrderSettings, now = new Date()): boolean {
  const longest = Math.max(
    fallbackSlaHours.resolutionHours,
    ...settings.slaPolicies.flatMap((policy) => [policy.firstResponseHours, policy.resolutionHours]),
  );
  try {
    const due = addBusinessHours(settings.businessCalendar, now, longest);
    return due.getTime() - now.getTime() <= yearMs;
  } catch {
    return false;
  }
}

async function settingsProblems(db: Queryable, settings: WorkOrderSettings): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const queueIds = settings.queues.map((queue) => queue.id);
  queueIds.forEach((id, index) => {
    if (queueIds.indexOf(id) !== index) problems.push({ path: `/queues/${index}/id`, message: 'Used twice' });
  });
  if (!queueIds.includes(settings.defaultQueueId))
    problems.push({ path: '/defaultQueueId', message: 'No queue with this id' });
  settings.assignmentRules.forEach((rule, index) => {
    if (!queueIds.includes(rule.queueId))
      problems.push({ path: `/assignmentRules/${index}/queueId`, message: 'No queue with this id' });
  });
  const memberIds = [...new Set(settings.queues.flatMap((queue) => queue.memberIds))];
  const active = new Set(
    (await findStaffMembers(db, memberIds)).filter((user) => user.isActive).map((user) => user.id),
  );
  settings.queues.forEach((queue, queueIndex) => {
    queue.memberIds.forEach((id, index) => {
      if (!active.has(id))
        problems.push({ path: `/queues/${queueIndex}/memberIds/${index}`, message: 'No active staff user' });
    });
  });
  const calendar = settings.businessCalendar;
  if (!isKnownTimeZone(calendar.timeZone))
    problems.push({ path: '/businessCalendar/timeZone', message: 'Unknown time zone' });
  if (calendar.dayEnd <= calendar.dayStart)
    problems.push({ path: '/businessCalendar/dayEnd', message: 'Must be after dayStart' });
  if (calendar.workdays.length === 0 && calendar.makeUpWorkdays.length === 0)
    problems.push({ path: '/businessCalendar/workdays', message: 'A calendar needs working days' });
  else if (
    problems.every((problem) => !problem.path.startsWith('/businessCalendar/')) &&
    !isWorkable(settings)
  )
    problems.push({
      path: '/businessCalendar/workdays',
      message: 'The calendar must have enough working time in the next year for the longest SLA',
    });
  return problems;
}

export async function updateWorkOrderSettings(
  db: Queryable,
  actor: RequestActor,
  settings: WorkOrderSettings,
) {
  const problems = await settingsProblems(db, settings);
  if (problems.length > 0) throw validationFailed(problems);
  const before = await getWorkOrderSettings(db);
  await db
    .insert(workOrderSettings)
    .values({ id: 1, settings: { ...settings } })
    .onConflictDoUpdate({
      target: workOrderSettings.id,
      set: { settings: { ...settings }, updatedAt: new Date() },
    });
  await appendAuditEntry(db, actor.audit, {
    action: 'work_order_settings.update',
    resourceType: 'work_order_settings',
    resourceId: '1',
    changes: diffSnapshots({ ...before }, { ...settings }),
  });
  return getWorkOrderSettings(db);
}
