import type { components, ListCustomersQuery } from '@cims/api-client';

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

export const taskKeys = {
  all: ['tasks'] as const,
  open: () => [...taskKeys.all, 'open'] as const,
};
