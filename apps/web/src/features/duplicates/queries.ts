import type { components } from '@cims/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../lib/api';
import { customerKeys } from '../../lib/query-keys';

type Schemas = components['schemas'];
export type TDuplicateCandidate = Schemas['DuplicateCandidate'];
export type TDuplicateMatch = Schemas['DuplicateMatch'];
export type TFieldComparison = Schemas['FieldComparison'];
export type TDuplicateScan = Schemas['DuplicateScan'];
export type TMerge = Schemas['Merge'];
export type TMergePreview = Schemas['MergePreview'];
export type TMergePreviewField = TMergePreview['fields'][number];
export type TMergeChoices = NonNullable<Schemas['MergeRequest']['choices']>;
export type TMergeSide = TMergePreviewField['choice'];

export const duplicateKeys = {
  all: ['duplicates'] as const,
  lists: () => [...duplicateKeys.all, 'list'] as const,
  scan: () => [...duplicateKeys.all, 'scan'] as const,
  merges: () => [...duplicateKeys.all, 'merges'] as const,
  preview: (survivorId: string, mergedId: string) =>
    [...duplicateKeys.all, 'preview', survivorId, mergedId] as const,
};

const PAGE_SIZE = 20;
const SCAN_POLL_MS = 2_000;

export function isScanActive(scan: Pick<TDuplicateScan, 'status'> | null | undefined): boolean {
  return scan?.status === 'queued' || scan?.status === 'running';
}

/** The open review queue, best score first. Others work the same queue, so every visit reloads it. */
export function useDuplicateCandidates() {
  return useInfiniteQuery({
    queryKey: duplicateKeys.lists(),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/duplicates', {
          params: {
            query: { status: 'open', limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** The latest whole-base scan, or null when none ran yet (404); polled while it runs. */
export function useDuplicateScan() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: duplicateKeys.scan(),
    queryFn: async () => {
      const previous = queryClient.getQueryData<TDuplicateScan | null>(duplicateKeys.scan());
      let scan: TDuplicateScan | null;
      try {
        scan = await unwrap(api.GET('/api/v1/duplicates/scan'));
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
      // A scan that just finished has filled the queue (and may have merged customers).
      if (isScanActive(previous) && !isScanActive(scan)) {
        void queryClient.invalidateQueries({ queryKey: duplicateKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      }
      return scan;
    },
    staleTime: 0,
    refetchInterval: (query) => (isScanActive(query.state.data) ? SCAN_POLL_MS : false),
  });
}

export function useStartDuplicateScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/duplicates/scan')),
    onSuccess: (scan) => queryClient.setQueryData(duplicateKeys.scan(), scan),
  });
}

/** Both records side by side with the rules' choice per field; read fresh, as either may have changed. */
export function useMergePreview(survivorId: string, mergedId: string) {
  return useQuery({
    queryKey: duplicateKeys.preview(survivorId, mergedId),
    queryFn: () => unwrap(api.GET('/api/v1/merges/preview', { params: { query: { survivorId, mergedId } } })),
    enabled: survivorId !== '' && mergedId !== '',
    staleTime: 0,
  });
}

export function useMerges() {
  return useQuery({
    queryKey: duplicateKeys.merges(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/merges'))).items,
    staleTime: 0,
  });
}

/**
 * A merge or its undo changes both customers, every list they appear in, the queue (candidates of the
 * merged record close) and the merge history.
 */
function invalidateAfterMergeChange(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: duplicateKeys.all }),
    queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  ]).then(() => undefined);
}

export type TMergeInput = { survivorId: string; mergedId: string; choices: TMergeChoices };

export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, mergedId, choices }: TMergeInput) =>
      unwrap(
        api.POST('/api/v1/merges', {
          body: { survivorId, mergedId, ...(Object.keys(choices).length > 0 ? { choices } : {}) },
        }),
      ),
    onSuccess: () => invalidateAfterMergeChange(queryClient),
  });
}

export function useUndoMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) =>
      unwrap(api.POST('/api/v1/merges/{mergeId}/undo', { params: { path: { mergeId } } })),
    onSuccess: () => invalidateAfterMergeChange(queryClient),
  });
}

export function useDismissDuplicateCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (candidateId: string) =>
      unwrap(api.POST('/api/v1/duplicates/{candidateId}/dismiss', { params: { path: { candidateId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.lists() }),
  });
}
