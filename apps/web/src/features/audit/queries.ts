import type { paths } from '@cims/api-client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

type TListAuditEntriesQuery = NonNullable<paths['/api/v1/audit-entries']['get']['parameters']['query']>;

/** The filters the audit view offers; `from` and `to` are ISO instants, as the operation wants them. */
export type TAuditFilters = Pick<TListAuditEntriesQuery, 'actorId' | 'customerId' | 'action' | 'from' | 'to'>;

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: TAuditFilters) => [...auditKeys.lists(), filters] as const,
  verification: () => [...auditKeys.all, 'verification'] as const,
};

const PAGE_SIZE = 50;

export function useAuditEntries(filters: TAuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit-entries', {
          params: { query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // The log only grows, so a revisit should show what was appended since.
    staleTime: 0,
  });
}

/**
 * The chain check reads the whole log, so it runs only when someone asks (`refetch`), never on mount,
 * and a result is never reused as if it were current.
 */
export function useAuditChainVerification() {
  return useQuery({
    queryKey: auditKeys.verification(),
    queryFn: () => unwrap(api.GET('/api/v1/audit/verify')),
    enabled: false,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
