import { ZWorkOrderCategory, ZWorkOrderChannel, ZWorkOrderPriority, ZWorkOrderStatus } from '@cims/schemas';
import type { TFunction } from 'i18next';
import type { TWorkOrder, TWorkOrderEvent, TWorkOrderSla, TWorkOrderStatus } from './queries';

// The option lists are the shared enums (held to the contract's by a contract test), in the order of the
// flow; labels live in i18n under `enums.<name>.<value>`.
export const WORK_ORDER_STATUSES = ZWorkOrderStatus.options;
export const WORK_ORDER_CATEGORIES = ZWorkOrderCategory.options;
export const WORK_ORDER_PRIORITIES = ZWorkOrderPriority.options;
export const WORK_ORDER_CHANNELS = ZWorkOrderChannel.options;

/** The open statuses: not yet resolved or closed. */
export const OPEN_WORK_ORDER_STATUSES = WORK_ORDER_STATUSES.filter(
  (status) => status !== 'resolved' && status !== 'closed',
);

/** Work orders per board column, in the flow's order; each column keeps the list's order. */
export function groupByStatus(items: readonly TWorkOrder[]): Map<TWorkOrderStatus, TWorkOrder[]> {
  const columns = new Map<TWorkOrderStatus, TWorkOrder[]>(WORK_ORDER_STATUSES.map((status) => [status, []]));
  for (const item of items) columns.get(item.status)?.push(item);
  return columns;
}

export type TSlaClock = 'first_response' | 'resolution';
export type TSlaState = 'met' | 'breached' | 'pending';

/**
 * Where one SLA clock stands: met (done in time), breached (done late, or not done and past due, as the
 * API decides) or still running.
 */
export function slaState(sla: TWorkOrderSla, clock: TSlaClock): TSlaState {
  const isBreached = clock === 'first_response' ? sla.isFirstResponseBreached : sla.isResolutionBreached;
  if (isBreached) return 'breached';
  const doneAt = clock === 'first_response' ? sla.firstRespondedAt : sla.resolvedAt;
  return doneAt ? 'met' : 'pending';
}

export function isAnySlaBreached(sla: TWorkOrderSla): boolean {
  return sla.isFirstResponseBreached || sla.isResolutionBreached;
}

/** The parts of a work-order event that say what happened; the timeline carries the same ones. */
export type TWorkOrderHappening = Pick<TWorkOrderEvent, 'fromStatus' | 'toStatus' | 'sla'> & {
  type: TWorkOrderEvent['type'];
  assigneeName?: string | null;
};

/** One event of a work order as a sentence, e.g. "状态：处理中 → 已解决". */
export function workOrderEventText(t: TFunction, event: TWorkOrderHappening): string {
  switch (event.type) {
    case 'status_changed':
      return t('workOrders.events.status_changed', {
        from: event.fromStatus ? t(`enums.workOrderStatus.${event.fromStatus}`) : '—',
        to: event.toStatus ? t(`enums.workOrderStatus.${event.toStatus}`) : '—',
      });
    case 'assigned':
      return event.assigneeName
        ? t('workOrders.events.assignedTo', { name: event.assigneeName })
        : t('workOrders.events.assigned');
    case 'sla_warning':
    case 'sla_breach':
      return t(`workOrders.events.${event.type}`, {
        clock: t(`workOrders.sla.${event.sla ?? 'resolution'}`),
      });
    default:
      return t(`workOrders.events.${event.type}`);
  }
}

/** The button that moves a work order on: named by where it goes, except that going back is reopening. */
export function transitionLabelKey(from: TWorkOrderStatus, to: TWorkOrderStatus): string {
  const isReopening = (from === 'resolved' || from === 'closed') && to === 'in_progress';
  return isReopening ? 'workOrders.transitions.reopen' : `workOrders.transitions.to.${to}`;
}

/** A share of 0..1 as a whole percentage for the UI's locale; null (nothing decided yet) reads as a dash. */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
