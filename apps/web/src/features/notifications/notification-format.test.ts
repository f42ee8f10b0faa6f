import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { notificationLabel, notificationPath } from './notification-format';
import type { TNotification } from './queries';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

const notification: TNotification = {
  id: 'n1',
  kind: 'work_order_assigned',
  customer: { id: 'c1', displayName: '张三' },
  workOrder: { id: 'w1', number: 'WO-20260301-0001' },
  taskId: null,
  createdAt: '2026-03-01T02:00:00Z',
  readAt: null,
};

describe('notificationLabel', () => {
  it('names the work order when there is one, else the customer, else the kind alone', () => {
    expect(notificationLabel(t, notification)).toBe(
      'notifications.kinds.work_order_assigned {"subject":"WO-20260301-0001"}',
    );
    expect(notificationLabel(t, { ...notification, kind: 'task_due', workOrder: null })).toBe(
      'notifications.kinds.task_due {"subject":"张三"}',
    );
    expect(notificationLabel(t, { ...notification, workOrder: null, customer: null })).toBe(
      'notifications.kindsAlone.work_order_assigned',
    );
  });
});

describe('notificationPath', () => {
  it('leads to the work order, else the customer, else the task list', () => {
    expect(notificationPath(notification)).toBe('/work-orders/w1');
    expect(notificationPath({ ...notification, workOrder: null })).toBe('/customers/c1');
    expect(notificationPath({ ...notification, workOrder: null, customer: null, taskId: 't1' })).toBe(
      '/tasks',
    );
    expect(notificationPath({ ...notification, workOrder: null, customer: null })).toBeNull();
  });
});
