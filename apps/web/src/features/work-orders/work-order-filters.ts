import { isOneOf } from '../customers/enums';
import type { TWorkOrderFilters } from './queries';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_STATUSES } from './work-order-format';

/*
 * The work-order list keeps its view and filters in the address, like the customer list, so that the
 * dashboard's charts can link to a filtered list and a filtered list can be bookmarked. The view (mine, a
 * team queue, all) is written as `view`; a link without one (the dashboard's) means all work orders
 * within the viewer's scope when it carries filters, and the viewer's default view when it carries none.
 */

export const WORK_ORDER_VIEWS = ['mine', 'queue', 'all'] as const;
export type TWorkOrderView = (typeof WORK_ORDER_VIEWS)[number];

export type TWorkOrderListState = {
  /** The view the address names, or null where it names none (the page's default view applies). */
  view: TWorkOrderView | null;
  filters: TWorkOrderFilters;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUEUE_ID_MAX = 50;

export function workOrderFiltersFromParams(params: URLSearchParams): TWorkOrderFilters {
  const filters: TWorkOrderFilters = {};
  const statuses = WORK_ORDER_STATUSES.filter((status) => params.getAll('status').includes(status));
  if (statuses.length > 0) filters.status = statuses;
  const category = params.get('category');
  if (isOneOf(WORK_ORDER_CATEGORIES, category)) filters.category = category;
  const isBreached = params.get('isBreached');
  if (isBreached === 'true' || isBreached === 'false') filters.isBreached = isBreached === 'true';
  const assignee = params.get('assignee');
  if (assignee === 'me' || (assignee && UUID.test(assignee))) filters.assignee = assignee;
  const queueId = params.get('queueId');
  if (queueId && queueId.length <= QUEUE_ID_MAX) filters.queueId = queueId;
  const customerId = params.get('customerId');
  if (customerId && UUID.test(customerId)) filters.customerId = customerId;
  return filters;
}

export function listStateFromParams(params: URLSearchParams): TWorkOrderListState {
  const filters = workOrderFiltersFromParams(params);
  const named = params.get('view');
  const view = isOneOf(WORK_ORDER_VIEWS, named)
    ? named
    : filters.assignee === 'me'
      ? 'mine'
      : filters.queueId
        ? 'queue'
        : Object.keys(filters).length > 0
          ? 'all'
          : null;
  // "Mine" is the view, not a filter beside it.
  if (filters.assignee === 'me') delete filters.assignee;
  return { view, filters };
}

/** The address of a view and its filters; statuses repeat (`status=new&status=assigned`), in flow order. */
export function paramsFromListState({ view, filters }: TWorkOrderListState): URLSearchParams {
  const params = new URLSearchParams();
  if (view) params.set('view', view);
  for (const status of WORK_ORDER_STATUSES)
    if (filters.status?.includes(status)) params.append('status', status);
  if (filters.category) params.set('category', filters.category);
  if (filters.isBreached !== undefined) params.set('isBreached', String(filters.isBreached));
  if (filters.assignee && filters.assignee !== 'me' && view !== 'mine')
    params.set('assignee', filters.assignee);
  if (filters.queueId && (view === 'queue' || view === null)) params.set('queueId', filters.queueId);
  if (filters.customerId) params.set('customerId', filters.customerId);
  return params;
}

/**
 * What the list asks for: the filters, narrowed by the view (mine: the caller's own; queue: the chosen
 * queue, else the default one). A queue belongs to the queue view only.
 */
export function workOrderQuery(
  view: TWorkOrderView,
  filters: TWorkOrderFilters,
  defaultQueueId: string | undefined,
): TWorkOrderFilters {
  const { queueId, ...rest } = filters;
  if (view === 'mine') return { ...rest, assignee: 'me' };
  if (view === 'queue') {
    const queue = queueId ?? defaultQueueId;
    return queue ? { ...rest, queueId: queue } : rest;
  }
  return rest;
}

/** The work-order list with filters, as its filter bar writes them; no view, so all work orders. */
export function workOrderListHref(filters: TWorkOrderFilters): string {
  const query = paramsFromListState({ view: null, filters }).toString();
  return query ? `/work-orders?${query}` : '/work-orders';
}
