import { describe, expect, it } from 'vitest';
import {
  listStateFromParams,
  paramsFromListState,
  workOrderFiltersFromParams,
  workOrderListHref,
  workOrderQuery,
} from './work-order-filters';

const customerId = '0b5c2a52-8d1e-4c53-9a43-1f4f1b8f2f11';
const params = (query: string) => new URLSearchParams(query);

describe('work-order filters in the URL', () => {
  it('read repeated statuses in flow order, without repeats or unknown states', () => {
    expect(workOrderFiltersFromParams(params('status=resolved&status=new&status=new&status=lost'))).toEqual({
      status: ['new', 'resolved'],
    });
  });

  it('read every filter of the list and drop values it does not take', () => {
    expect(
      workOrderFiltersFromParams(
        params(`category=complaint&isBreached=false&assignee=me&queueId=q-1&customerId=${customerId}`),
      ),
    ).toEqual({ category: 'complaint', isBreached: false, assignee: 'me', queueId: 'q-1', customerId });
    expect(
      workOrderFiltersFromParams(
        params(`category=repair&isBreached=yes&assignee=someone&queueId=${'q'.repeat(51)}&customerId=42`),
      ),
    ).toEqual({});
  });

  it('take the view the address names, else the one its filters imply, else none (the default)', () => {
    expect(listStateFromParams(params(''))).toEqual({ view: null, filters: {} });
    expect(listStateFromParams(params('assignee=me&status=new'))).toEqual({
      view: 'mine',
      filters: { status: ['new'] },
    });
    expect(listStateFromParams(params('queueId=q-1')).view).toBe('queue');
    expect(listStateFromParams(params('status=new')).view).toBe('all');
    expect(listStateFromParams(params('view=mine')).view).toBe('mine');
    expect(listStateFromParams(params('view=board')).view).toBeNull();
  });

  it('round-trip a view and its filters', () => {
    const state = {
      view: 'queue' as const,
      filters: { status: ['new' as const, 'assigned' as const], queueId: 'q-1', isBreached: true },
    };
    const written = paramsFromListState(state);
    expect(written.toString()).toBe('view=queue&status=new&status=assigned&isBreached=true&queueId=q-1');
    expect(listStateFromParams(written)).toEqual(state);
  });

  it('leave out what the view decides: a queue outside the queue view, an assignee in mine', () => {
    expect(paramsFromListState({ view: 'all', filters: { queueId: 'q-1' } }).toString()).toBe('view=all');
    expect(
      paramsFromListState({ view: 'mine', filters: { assignee: customerId, category: 'other' } }).toString(),
    ).toBe('view=mine&category=other');
  });

  it('ask for the view’s work orders with the filters', () => {
    const filters = { status: ['new' as const], queueId: 'q-2' };
    expect(workOrderQuery('mine', filters, 'q-1')).toEqual({ status: ['new'], assignee: 'me' });
    expect(workOrderQuery('queue', filters, 'q-1')).toEqual({ status: ['new'], queueId: 'q-2' });
    expect(workOrderQuery('queue', { status: ['new'] }, 'q-1')).toEqual({ status: ['new'], queueId: 'q-1' });
    expect(workOrderQuery('all', filters, 'q-1')).toEqual({ status: ['new'] });
  });

  it('link to the whole list without filters', () => {
    expect(workOrderListHref({})).toBe('/work-orders');
  });
});
