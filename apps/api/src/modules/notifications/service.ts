/** In-app reminders (the notification bell): one row per recipient, read or not. */
import type { components } from '@cims/api-client';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customers, notifications, workOrders } from '../../db/schema';

type NotificationKind = components['schemas']['Notification']['kind'];

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  customerId?: string | null;
  workOrderId?: string | null;
  taskId?: string | null;
}

export async function notify(db: Queryable, items: NewNotification[]) {
  if (items.length === 0) return;
  await db.insert(notifications).values(items);
}

export async function listNotifications(db: Queryable, userId: string) {
  const rows = await db
    .select({
      notification: notifications,
      customerName: customers.displayName,
      workOrderNumber: workOrders.number,
    })
    .from(notifications)
    .leftJoin(customers, eq(customers.id, notifications.customerId))
    .leftJoin(workOrders, eq(workOrders.id, notifications.workOrderId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(50);
  const [unread] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    items: rows.map(
      ({ notification, customerName, workOrderNumber }): components['schemas']['Notification'] => ({
        id: notification.id,
        kind: notification.kind,
        customer: notification.customerId
          ? { id: notification.customerId, displayName: customerName ?? '' }
          : null,
        workOrder: notification.workOrderId
          ? { id: notification.workOrderId, number: workOrderNumber ?? '' }
          : null,
        taskId: notification.taskId,
        createdAt: notification.createdAt.toISOString(),
        readAt: notification.readAt?.toISOString() ?? null,
      }),
    ),
    unreadCount: unread?.count ?? 0,
  };
}

export async function markNotificationsRead(
  db: Queryable,
  userId: string,
  input: { ids?: string[]; all?: boolean },
) {
  const which = input.all ? undefined : inArray(notifications.id, input.ids ?? []);
  if (input.all || (input.ids?.length ?? 0) > 0) {
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), which));
  }
  return listNotifications(db, userId);
}
