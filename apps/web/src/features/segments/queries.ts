import type { components } from '@cims/api-client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, toEtag, unwrap } from '../../lib/api';
import { customerKeys } from '../../lib/query-keys';
import { auditKeys } from '../audit/queries';
import { triggerKeys } from '../triggers/queries';
import type { TSegmentRule } from './rule-tree';

type Schemas = components['schemas'];
export type TSegment = Schemas['Segment'];
export type TSegmentInput = Schemas['SegmentInput'];

export const segmentKeys = {
  all: ['segments'] as const,
  list: () => [...segmentKeys.all, 'list'] as const,
  details: () => [...segmentKeys.all, 'detail'] as const,
  detail: (id: string) => [...segmentKeys.details(), id] as const,
  members: (id: string) => [...segmentKeys.all, 'members', id] as const,
  preview: (rule: TSegmentRule | null) => [...segmentKeys.all, 'preview', rule] as const,
};

const MEMBERS_PAGE_SIZE = 50;

export function useSegments() {
  return useQuery({
    queryKey: segmentKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/segments'))).items,
  });
}

export function useSegment(id: string) {
  return useQuery({
    queryKey: segmentKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/segments/{segmentId}', { params: { path: { segmentId: id } } })),
  });
}

export function useSegmentMembers(id: string) {
  return useInfiniteQuery({
    queryKey: segmentKeys.members(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/segments/{segmentId}/members', {
          params: {
            path: { segmentId: id },
            query: { limit: MEMBERS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/**
 * Who a rule selects now, without saving. A POST, but it changes nothing, so it is a query keyed by the
 * rule; null (nothing to preview yet) asks nothing. The last answer stays while the next one loads.
 */
export function useSegmentPreview(rule: TSegmentRule | null) {
  return useQuery({
    queryKey: segmentKeys.preview(rule),
    queryFn: () => unwrap(api.POST('/api/v1/segments/preview', { body: { rule: rule as TSegmentRule } })),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

type TQueryClient = ReturnType<typeof useQueryClient>;

/**
 * After a segment is saved or refreshed: the list (counts), its page and members, and the members'
 * timelines (entries and exits) read differently; the change is also an audit entry.
 */
function invalidateAfterChange(queryClient: TQueryClient, segment: TSegment): Promise<void> {
  queryClient.setQueryData(segmentKeys.detail(segment.id), segment);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: segmentKeys.list(), exact: true }),
    queryClient.invalidateQueries({ queryKey: segmentKeys.members(segment.id), exact: true }),
    queryClient.invalidateQueries({ queryKey: customerKeys.allTimelines() }),
    queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
  ]).then(() => undefined);
}

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSegmentInput) => unwrap(api.POST('/api/v1/segments', { body })),
    onSuccess: (segment) => invalidateAfterChange(queryClient, segment),
  });
}

export function useUpdateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ segment, body }: { segment: Pick<TSegment, 'id' | 'version'>; body: TSegmentInput }) =>
      unwrap(
        api.PUT('/api/v1/segments/{segmentId}', {
          params: { path: { segmentId: segment.id }, header: { 'If-Match': toEtag(segment.version) } },
          body,
        }),
      ),
    // Triggers show their segment's name.
    onSuccess: (segment) =>
      Promise.all([
        invalidateAfterChange(queryClient, segment),
        queryClient.invalidateQueries({ queryKey: triggerKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: triggerKeys.details() }),
      ]),
  });
}

export function useRefreshSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/segments/{segmentId}/refresh', { params: { path: { segmentId: id } } })),
    onSuccess: (result) => invalidateAfterChange(queryClient, result.segment),
  });
}

/**
 * Membership and the segment's triggers (with their runs) go with the segment; the enter/exit history on
 * timelines stays, so those are not read again.
 */
export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/segments/{segmentId}', { params: { path: { segmentId: id } } })),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: segmentKeys.detail(id), exact: true });
      queryClient.removeQueries({ queryKey: segmentKeys.members(id), exact: true });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: triggerKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]);
    },
  });
}
