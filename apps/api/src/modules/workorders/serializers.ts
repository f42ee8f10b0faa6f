import type { components } from '@cims/api-client';
import type { workOrderEvents } from '../../db/schema';
import type { WorkOrderListRow } from './repo';
import { findQueue, type WorkOrderSettings } from './settings';
import { allowedTransitions } from './state-machine';

type Schemas = components['schemas'];

function queueRef(settings: WorkOrderSettings, queueId: string | null): Schemas['QueueRef'] | null {
  if (!queueId) return null;
  return { id: queueId, name: findQueue(settings, queueId)?.name ?? queueId };
}

/** A due time is breached when it passed before the step was done, or passed with the step still to do. */
function isBreached(dueAt: Date, doneAt: Date | null, now: Date) {
  return (doneAt ?? now).getTime() > dueAt.getTime();
}

export function toWorkOrder(
  row: WorkOrderListRow,
  settings: WorkOrderSettings,
  now = new Date(),
): Schemas['WorkOrder'] {
  const { workOrder } = row;
  return {
    id: workOrder.id,
    number: workOrder.number,
    customer: { id: workOrder.customerId, displayName: row.customerName },
    order: workOrder.orderId ? { id: workOrder.orderId, orderNo: row.orderNo ?? '' } : null,
    category: workOrder.category,
    priority: workOrder.priority,
    channel: workOrder.channel,
    title: workOrder.title,
    description: workOrder.description,
    status: workOrder.status,
    queue: queueRef(settings, workOrder.queueId),
    assignee: workOrder.assigneeId ? { id: workOrder.assigneeId, displayName: row.assigneeName ?? '' } : null,
    sla: {
      firstResponseDueAt: workOrder.firstResponseDueAt.toISOString(),
      resolutionDueAt: workOrder.resolutionDueAt.toISOString(),
      firstRespondedAt: workOrder.firstRespondedAt?.toISOString() ?? null,
      resolvedAt: workOrder.resolvedAt?.toISOString() ?? null,
      isFirstResponseBreached: isBreached(workOrder.firstResponseDueAt, workOrder.firstRespondedAt, now),
      isResolutionBreached: isBreached(workOrder.resolutionDueAt, workOrder.resolvedAt, now),
    },
    createdBy: workOrder.createdBy ? { id: workOrder.createdBy, displayName: row.creatorName ?? '' } : null,
    createdAt: workOrder.createdAt.toISOString(),
    updatedAt: workOrder.updatedAt.toISOString(),
    closedAt: workOrder.closedAt?.toISOString() ?? null,
    version: workOrder.version,
    allowedTransitions: allowedTransitions(workOrder.status),
  };
}

export function toWorkOrderEvent(
  row: { event: typeof workOrderEvents.$inferSelect; actorName: string | null; assigneeName: string | null },
  settings: WorkOrderSettings,
): Schemas['WorkOrderEvent'] {
  const { event } = row;
  return {
    id: event.id,
    type: event.type,
    fromStatus: event.fromStatus as Schemas['WorkOrderStatus'] | null,
    toStatus: event.toStatus as Schemas['WorkOrderStatus'] | null,
    comment: event.comment,
    sla: event.sla,
    assignee: event.assigneeId ? { id: event.assigneeId, displayName: row.assigneeName ?? '' } : null,
    queue: queueRef(settings, event.queueId),
    actor: event.actorId ? { id: event.actorId, displayName: row.actorName ?? '' } : null,
    occurredAt: event.occurredAt.toISOString(),
  };
}
