import type { TFunction } from 'i18next';
import type { TNotification } from './queries';

/** What a notification is about, in one line: its kind, with the work order's number or the customer's name. */
export function notificationLabel(t: TFunction, notification: TNotification): string {
  const subject = notification.workOrder?.number ?? notification.customer?.displayName;
  return subject
    ? t(`notifications.kinds.${notification.kind}`, { subject })
    : t(`notifications.kindsAlone.${notification.kind}`);
}

/** Where following a notification leads: its work order, else its customer, else the task list. */
export function notificationPath(notification: TNotification): string | null {
  if (notification.workOrder) return `/work-orders/${notification.workOrder.id}`;
  if (notification.customer) return `/customers/${notification.customer.id}`;
  if (notification.taskId) return '/tasks';
  return null;
}
