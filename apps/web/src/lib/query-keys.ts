import type { components, ListCustomersQuery, paths } from '@cims/api-client';

/*
 * The query-key factories that several features invalidate. Customers and tasks invalidate each other's
 * queries (a verification closes review tasks; a task shows on the 360° view), so their keys live here
 * rather than in either feature's queries.ts, which would then have to import each other.
 */

/** The customer list filters the UI offers; a subset of the operation's query, without paging fields. */
export type TCustomerFilters = Pick<
  ListCustomersQuery,
  | 'kind'
  | 'lifecycleStage'
  | 'tag'
  | 'provinceCode'
  | 'cityCode'
  | 'createdFrom'
  | 'createdTo'
  | 'orderedFrom'
  | 'orderedTo'
  | 'orderChannel'
  | 'valueTier'
  | 'segmentId'
  | 'qualityBelow'
  | 'stale'
  | 'status'
  | 'sort'
>;

type TTimelineEventType = components['schemas']['TimelineEventType'];

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: TCustomerFilters) => [...customerKeys.lists(), filters] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (q: string) => [...customerKeys.searches(), q] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: string) => [...customerKeys.details(), id] as const,
  histories: () => [...customerKeys.all, 'history'] as const,
  history: (id: string) => [...customerKeys.histories(), id] as const,
  overview: (id: string) => [...customerKeys.all, '360', id] as const,
  /** Every customer's timeline: a segment refresh adds entries to its members' timelines. */
  allTimelines: () => [...customerKeys.all, 'timeline'] as const,
  timelines: (id: string) => [...customerKeys.allTimelines(), id] as const,
  timeline: (id: string, types: readonly TTimelineEventType[]) =>
    [...customerKeys.timelines(id), types] as const,
  orders: (id: string) => [...customerKeys.all, 'orders', id] as const,
};

/**
 * The caller's exports. Here rather than in features/exports because an approval decision moves an
 * export on (queued or rejected), so the approvals feature invalidates them too.
 */
export const exportKeys = {
  all: ['exports'] as const,
  list: () => [...exportKeys.all, 'list'] as const,
  details: () => [...exportKeys.all, 'detail'] as const,
  detail: (id: string) => [...exportKeys.details(), id] as const,
};

/**
 * Tag definitions and their customer counts. Here because tagging customers (bulk, the customer form,
 * trigger runs) changes the counts, and the tag chips everywhere read the definitions.
 */
export const tagKeys = {
  all: ['tags'] as const,
  list: () => [...tagKeys.all, 'list'] as const,
};

export const taskKeys = {
  all: ['tasks'] as const,
  open: () => [...taskKeys.all, 'open'] as const,
};

type TApprovalView = NonNullable<paths['/api/v1/approvals']['get']['parameters']['query']>['view'];
type TApprovalStatus = components['schemas']['ApprovalStatus'];

/**
 * Approval requests: made from the customer page (reveal, erasure), the access policies and the users
 * page, decided on the approvals page, counted in the navigation; so their keys live here too.
 */
export const approvalKeys = {
  all: ['approvals'] as const,
  lists: () => [...approvalKeys.all, 'list'] as const,
  list: (view: TApprovalView, status: TApprovalStatus | undefined) =>
    [...approvalKeys.lists(), { view, status }] as const,
  details: () => [...approvalKeys.all, 'detail'] as const,
  detail: (id: string) => [...approvalKeys.details(), id] as const,
  pendingCount: () => [...approvalKeys.all, 'pending-count'] as const,
  /** Its own root, so that refreshing requests leaves it; an approved policy change refreshes it. */
  policies: () => ['approval-policies'] as const,
};
