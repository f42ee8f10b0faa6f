import type { Customer, CustomerCreate, CustomerUpdate, ListCustomersQuery } from '@cims/api-client';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toEtag, unwrap } from '../../lib/api';

/** The list filters the UI offers; a subset of the operation's query, without paging fields. */
export type TCustomerFilters = Pick<
  ListCustomersQuery,
  'kind' | 'lifecycleStage' | 'tag' | 'provinceCode' | 'cityCode' | 'status' | 'sort'
>;

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: TCustomerFilters) => [...customerKeys.lists(), filters] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (q: string) => [...customerKeys.searches(), q] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: string) => [...customerKeys.details(), id] as const,
};

const PAGE_SIZE = 25;
const SEARCH_LIMIT = 8;

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
      (await unwrap(api.GET('/api/v1/customers/search', { params: { query: { q: trimmed, limit: SEARCH_LIMIT } } })))
        .items,
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
    queryFn: () => unwrap(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId: id } } })),
  });
}

/** After any write the lists and search results may order or contain the customer differently. */
function invalidateCollections(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: customerKeys.searches() }),
  ]).then(() => undefined);
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerCreate) => unwrap(api.POST('/api/v1/customers', { body })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return invalidateCollections(queryClient);
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
      return invalidateCollections(queryClient);
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
        invalidateCollections(queryClient),
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
      return invalidateCollections(queryClient);
    },
  });
}

/** Re-reads one customer, e.g. after a 412 told us our copy is stale. */
export function useRefreshCustomer() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.invalidateQueries({ queryKey: customerKeys.detail(id), exact: true });
}
