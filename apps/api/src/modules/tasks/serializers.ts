import type { components } from '@cims/api-client';
import type { tasks } from '../../db/schema';

export interface TaskListRow {
  task: typeof tasks.$inferSelect;
  customerName: string | null;
  assigneeName: string | null;
  workOrderNumber: string | null;
}

export function toTask({
  task,
  customerName,
  assigneeName,
  workOrderNumber,
}: TaskListRow): components['schemas']['Task'] {
  return {
    id: task.id,
    kind: task.kind,
    customer: task.customerId ? { id: task.customerId, displayName: customerName ?? '' } : null,
    assignee: task.assigneeId ? { id: task.assigneeId, displayName: assigneeName ?? '' } : null,
    workOrder: task.workOrderId ? { id: task.workOrderId, number: workOrderNumber ?? '' } : null,
    note: task.note,
    recurrence: task.recurrence,
    status: task.status,
    dueAt: task.dueAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
  };
}
