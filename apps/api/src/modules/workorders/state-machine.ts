/**
 * The work-order status flow (工单状态): new → assigned → in_progress ⇄ waiting_customer → resolved →
 * closed; work may be resolved straight from in_progress, and a resolved or closed work order is reopened
 * by moving it back to in_progress. Assignment, not a transition, moves `new` to `assigned`.
 */
import type { components } from '@cims/api-client';

export type WorkOrderStatus = components['schemas']['WorkOrderStatus'];

const transitions: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  new: ['assigned'],
  assigned: ['in_progress'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export const workOrderStatuses = Object.keys(transitions) as WorkOrderStatus[];

/** Statuses in which the work is still to be done. */
export const openStatuses: WorkOrderStatus[] = ['new', 'assigned', 'in_progress', 'waiting_customer'];

export function allowedTransitions(from: WorkOrderStatus): WorkOrderStatus[] {
  return transitions[from];
}

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return transitions[from].includes(to);
}

export function isOpen(status: WorkOrderStatus): boolean {
  return openStatuses.includes(status);
}

/** Moving a resolved or closed work order back into work. */
export function isReopening(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return !isOpen(from) && isOpen(to);
}
