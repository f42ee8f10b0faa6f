import type { Customer, CustomerCreate, CustomerUpdate, components } from '@cims/api-client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, toEtag, unwrap } from '../../lib/api';
import { approvalKeys, customerKeys, type TCustomerFilters, tagKeys, taskKeys } from '../../lib/query-keys';
import { unwrapHeldOr } from '../approvals/approval-outcome';

export type { TCustomerFilters };

export type TDuplicatePolicy = components['schemas']['DuplicatePolicy'];
export type TCustomer360 = components['schemas']['Customer360'];
export type TTimelineEvent = components['schemas']['TimelineEvent'];
export type TTimelineEventType = components['schemas']['TimelineEventType'];
export type TOrder = components['schemas']['Order'];
export type TInteractionInput = components['schemas']['InteractionInput'];

const PAGE_SIZE = 25;
const SEARCH_LIMIT = 8;
const HISTORY_PAGE_SIZE = 10;
const TIMELINE_PAGE_SIZE = 30;
const ORDERS_PAGE_SIZE = 10;

export function useCustomerList(filters: TCustomerFilters) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/customers', {
          params: { query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCustomerSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: customerKeys.search(trimmed),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/customers/search', { params: { query: { q: trimmed, limit: SEARCH_LIMIT } } }),
        )
      ).items,
    enabled: trimmed.length > 0,
    // Keeps the last results on screen while the next keystroke's request is in flight, so the list does
    // not flash empty between characters.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId: id } } })),
  });
}

export function useCustomerHistory(id: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.history(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/customers/{customerId}/history', {
          params: {
            path: { customerId: id },
            query: { limit: HISTORY_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The 360° view: the record with its key figures, recent orders, open work orders and tasks. */
export function useCustomer360(id: string) {
  return useQuery({
    queryKey: customerKeys.overview(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/customers/{customerId}/360', { params: { path: { customerId: id } } })),
  });
}

/** The customer's timeline, newest first; no types means every type. */
export function useCustomerTimeline(id: string, types: readonly TTimelineEventType[]) {
  return useInfiniteQuery({
    queryKey: customerKeys.timeline(id, types),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/customers/{customerId}/timeline', {
          params: {
            path: { customerId: id },
            query: {
              limit: TIMELINE_PAGE_SIZE,
              ...(types.length > 0 ? { types: [...types] } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCustomerOrders(id: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.orders(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/customers/{customerId}/orders', {
          params: {
            path: { customerId: id },
            query: { limit: ORDERS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** A logged interaction changes the last-interaction figure and adds a timeline entry. */
export function useCreateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, body }: { customerId: string; body: TInteractionInput }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/interactions', {
          params: { path: { customerId } },
          body,
        }),
      ),
    onSuccess: (_interaction, { customerId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.overview(customerId), exact: true }),
        queryClient.invalidateQueries({ queryKey: customerKeys.timelines(customerId) }),
      ]),
  });
}

/**
 * After any write to one customer: the lists and search results may order or contain it differently,
 * its history and timeline have a new entry, and its 360° view shows the record.
 */
function invalidateAfterWrite(queryClient: ReturnType<typeof useQueryClient>, id: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: customerKeys.searches() }),
    queryClient.invalidateQueries({ queryKey: customerKeys.history(id), exact: true }),
    queryClient.invalidateQueries({ queryKey: customerKeys.overview(id), exact: true }),
    queryClient.invalidateQueries({ queryKey: customerKeys.timelines(id) }),
    // A new tag typed on the form joins the tag list (and its counts).
    queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  ]).then(() => undefined);
}

/** Existing customers the draft likely duplicates; nothing is stored, so no cache changes. */
export function useCheckCustomerDuplicates() {
  return useMutation({
    mutationFn: async (body: CustomerCreate) =>
      (await unwrap(api.POST('/api/v1/customers/duplicate-check', { body }))).matches,
  });
}

export type TCreateCustomerInput = { body: CustomerCreate; onDuplicate?: TDuplicatePolicy };

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, onDuplicate }: TCreateCustomerInput) =>
      unwrap(api.POST('/api/v1/customers', { params: { query: onDuplicate ? { onDuplicate } : {} }, body })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return invalidateAfterWrite(queryClient, customer.id);
    },
  });
}

export type TUpdateCustomerInput = { customer: Pick<Customer, 'id' | 'version'>; body: CustomerUpdate };

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customer, body }: TUpdateCustomerInput) =>
      unwrap(
        api.PATCH('/api/v1/customers/{customerId}', {
          params: { path: { customerId: customer.id }, header: { 'If-Match': toEtag(customer.version) } },
          body,
        }),
      ),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return invalidateAfterWrite(queryClient, customer.id);
    },
  });
}

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/customers/{customerId}', { params: { path: { customerId: id } } })),
    onSuccess: (_data, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.detail(id), exact: true }),
        invalidateAfterWrite(queryClient, id),
      ]),
  });
}

export function useRestoreCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/customers/{customerId}/restore', { params: { path: { customerId: id } } })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return invalidateAfterWrite(queryClient, customer.id);
    },
  });
}

/** Records that staff confirmed the data with the customer today; it also closes their review tasks. */
export function useVerifyCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/customers/{customerId}/verify', { params: { path: { customerId: id } } })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return Promise.all([
        invalidateAfterWrite(queryClient, customer.id),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
    },
  });
}

export type TRevealInput = { id: string; field: components['schemas']['SensitiveField']; reason: string };

/**
 * Plain values of one masked field. They are deliberately kept out of the query cache: the caller shows
 * them while it is mounted and they are gone afterwards. The reveal is audited, so the history changes.
 * Where the reveal policy names the caller's role, the API holds the reveal for approval (202) instead;
 * once approved, the same reveal answers with the values, once.
 */
export function useRevealCustomerField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, field, reason }: TRevealInput) =>
      unwrapHeldOr(
        api.POST('/api/v1/customers/{customerId}/reveal', {
          params: { path: { customerId: id } },
          body: { field, reason },
        }),
      ),
    onSuccess: (_outcome, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.history(id), exact: true }),
        // A new request, or an approved one now used: the requester's lists and count change.
        queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
      ]),
  });
}

export type TEraseInput = { id: string; body: components['schemas']['ErasureRequest'] };

/** 删除个人信息: irreversible when done (200); held for an approver when the erasure policy is on (202). */
export function useEraseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: TEraseInput) =>
      unwrapHeldOr(
        api.POST('/api/v1/customers/{customerId}/erasure', { params: { path: { customerId: id } }, body }),
      ),
    onSuccess: (outcome, { id }) =>
      outcome.isHeld
        ? queryClient.invalidateQueries({ queryKey: approvalKeys.all })
        : Promise.all([
            invalidateAfterWrite(queryClient, id),
            queryClient.invalidateQueries({ queryKey: customerKeys.detail(id), exact: true }),
          ]),
  });
}

/** Re-reads one customer, e.g. after a 412 told us our copy is stale. */
export function useRefreshCustomer() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.detail(id), exact: true }),
      queryClient.invalidateQueries({ queryKey: customerKeys.overview(id), exact: true }),
      queryClient.invalidateQueries({ queryKey: customerKeys.history(id), exact: true }),
    ]);
}
