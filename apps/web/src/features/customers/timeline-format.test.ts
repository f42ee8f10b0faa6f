import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TTimelineEvent } from './queries';
import { timelineEntry, toggleTimelineType } from './timeline-format';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;
const money = (amount: string, currency: string) => `${currency} ${amount}`;

const base = {
  id: 'e1',
  occurredAt: '2026-03-01T02:00:00Z',
  actor: null,
  order: null,
  interaction: null,
  workOrder: null,
  profile: null,
  segment: null,
  valueTier: null,
} as const;

describe('toggleTimelineType', () => {
  it('adds and removes types, always in the chips order', () => {
    expect(toggleTimelineType([], 'profile')).toEqual(['profile']);
    expect(toggleTimelineType(['profile'], 'order')).toEqual(['order', 'profile']);
    expect(toggleTimelineType(['order', 'profile'], 'order')).toEqual(['profile']);
  });
});

describe('timelineEntry', () => {
  it('tells a value tier change from and to', () => {
    const changed = timelineEntry(
      t,
      { ...base, type: 'value_tier', valueTier: { from: null, to: 'A' } },
      money,
    );
    expect(changed.title).toBe('timeline.valueTierChanged {"from":"timeline.noTier","to":"A"}');
  });

  it('names the segment a customer entered or left', () => {
    const entered = timelineEntry(
      t,
      { ...base, type: 'segment', segment: { id: 's1', name: '沉睡客户', event: 'entered' } },
      money,
    );
    expect(entered.title).toBe('timeline.segmentEntered {"name":"沉睡客户"}');
    const left = timelineEntry(
      t,
      { ...base, type: 'segment', segment: { id: 's1', name: '沉睡客户', event: 'exited' } },
      money,
    );
    expect(left.title).toBe('timeline.segmentExited {"name":"沉睡客户"}');
  });

  it('describes an order by number, amount and status', () => {
    const event: TTimelineEvent = {
      ...base,
      type: 'order',
      order: {
        id: 'o1',
        orderNo: 'SO-1',
        channel: 'online',
        store: null,
        status: 'paid',
        amount: '1299.00',
        currency: 'CNY',
      },
    };
    expect(timelineEntry(t, event, money)).toEqual({
      title: 'timeline.order {"orderNo":"SO-1","amount":"CNY 1299.00","status":"enums.orderStatus.paid"}',
      detail: null,
      workOrderId: null,
    });
  });

  it('describes an interaction by type, channel and direction, with its summary and outcome', () => {
    const event: TTimelineEvent = {
      ...base,
      type: 'interaction',
      interaction: {
        id: 'i1',
        type: 'call',
        channel: 'phone',
        direction: null,
        summary: '询问保修',
        outcome: null,
      },
    };
    expect(timelineEntry(t, event, money)).toEqual({
      title: 'enums.interactionType.call · enums.interactionChannel.phone',
      detail: '询问保修',
      workOrderId: null,
    });
  });

  it('describes a work-order event with its number and links to it', () => {
    const event: TTimelineEvent = {
      ...base,
      type: 'work_order',
      workOrder: {
        id: 'w1',
        number: 'WO-1',
        title: '空调不制冷',
        category: 'after_sales',
        event: 'created',
        fromStatus: null,
        toStatus: 'new',
        comment: null,
        sla: null,
      },
    };
    const entry = timelineEntry(t, event, money);
    expect(entry.title).toBe(
      'timeline.workOrder {"number":"WO-1","title":"空调不制冷","what":"workOrders.events.created"}',
    );
    expect(entry.workOrderId).toBe('w1');
  });

  it('phrases a profile change as the history does', () => {
    const event: TTimelineEvent = { ...base, type: 'profile', profile: { action: 'customer.update' } };
    expect(timelineEntry(t, event, money).title).toBe('history.action.update');
  });
});
