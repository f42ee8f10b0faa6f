import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TWorkOrder, TWorkOrderSla } from './queries';
import { groupByStatus, slaState, transitionLabelKey, workOrderEventText } from './work-order-format';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

const sla: TWorkOrderSla = {
  firstResponseDueAt: '2026-03-02T02:00:00Z',
  resolutionDueAt: '2026-03-06T10:00:00Z',
  firstRespondedAt: null,
  resolvedAt: null,
  isFirstResponseBreached: false,
  isResolutionBreached: false,
};

describe('slaState', () => {
  it('is pending until done, met when done in time, breached whenever the API says so', () => {
    expect(slaState(sla, 'first_response')).toBe('pending');
    expect(slaState({ ...sla, firstRespondedAt: '2026-03-02T01:00:00Z' }, 'first_response')).toBe('met');
    expect(slaState({ ...sla, isFirstResponseBreached: true }, 'first_response')).toBe('breached');
    expect(
      slaState({ ...sla, resolvedAt: '2026-03-07T00:00:00Z', isResolutionBreached: true }, 'resolution'),
    ).toBe('breached');
    expect(slaState({ ...sla, isFirstResponseBreached: true }, 'resolution')).toBe('pending');
  });
});

describe('groupByStatus', () => {
  it('gives every status a column, in the order of the flow, keeping the list order inside each', () => {
    const item = (id: string, status: TWorkOrder['status']) => ({ id, status }) as TWorkOrder;
    const columns = groupByStatus([item('a', 'resolved'), item('b', 'new'), item('c', 'resolved')]);
    expect([...columns.keys()]).toEqual([
      'new',
      'assigned',
      'in_progress',
      'waiting_customer',
      'resolved',
      'closed',
    ]);
    expect(columns.get('resolved')?.map((workOrder) => workOrder.id)).toEqual(['a', 'c']);
    expect(columns.get('closed')).toEqual([]);
  });
});

describe('workOrderEventText', () => {
  const event = { fromStatus: null, toStatus: null, sla: null } as const;

  it('names both statuses of a status change', () => {
    expect(
      workOrderEventText(t, {
        ...event,
        type: 'status_changed',
        fromStatus: 'in_progress',
        toStatus: 'resolved',
      }),
    ).toBe(
      'workOrders.events.status_changed {"from":"enums.workOrderStatus.in_progress","to":"enums.workOrderStatus.resolved"}',
    );
  });

  it('names the assignee when known and the SLA clock of a warning', () => {
    expect(workOrderEventText(t, { ...event, type: 'assigned', assigneeName: '客服·赵敏' })).toBe(
      'workOrders.events.assignedTo {"name":"客服·赵敏"}',
    );
    expect(workOrderEventText(t, { ...event, type: 'assigned' })).toBe('workOrders.events.assigned');
    expect(workOrderEventText(t, { ...event, type: 'sla_breach', sla: 'first_response' })).toBe(
      'workOrders.events.sla_breach {"clock":"workOrders.sla.first_response"}',
    );
    expect(workOrderEventText(t, { ...event, type: 'created' })).toBe('workOrders.events.created');
  });
});

describe('transitionLabelKey', () => {
  it('calls going back from resolved or closed reopening, and names other moves by their target', () => {
    expect(transitionLabelKey('resolved', 'in_progress')).toBe('workOrders.transitions.reopen');
    expect(transitionLabelKey('closed', 'in_progress')).toBe('workOrders.transitions.reopen');
    expect(transitionLabelKey('assigned', 'in_progress')).toBe('workOrders.transitions.to.in_progress');
    expect(transitionLabelKey('in_progress', 'resolved')).toBe('workOrders.transitions.to.resolved');
  });
});
