import type { components } from '@cims/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFileBody, unwrap } from '../../lib/api';
import { customerKeys } from '../../lib/query-keys';
import { duplicateKeys } from '../duplicates/queries';
import { isImportActive, type TImportFileType } from './import-settings';

type Schemas = components['schemas'];
export type TImportJob = Schemas['ImportJob'];
export type TImportStart = Schemas['ImportStart'];
export type TImportRowError = Schemas['ImportRowError'];

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  details: () => [...importKeys.all, 'detail'] as const,
  detail: (id: string) => [...importKeys.details(), id] as const,
  errors: (id: string) => [...importKeys.all, 'errors', id] as const,
};

const POLL_MS = 1_000;
const ERRORS_PAGE_SIZE = 100;

export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/imports'))).items,
    staleTime: 0,
  });
}

/** One import, polled every second while it is queued or running. */
export function useImport(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: async () => {
      const previous = queryClient.getQueryData<TImportJob>(importKeys.detail(id));
      const job = await unwrap(api.GET('/api/v1/imports/{importId}', { params: { path: { importId: id } } }));
      // The run just ended: its failed rows are complete now, and a run may have created customers and
      // flagged duplicates.
      if (previous && isImportActive(previous.status) && !isImportActive(job.status)) {
        void queryClient.invalidateQueries({ queryKey: importKeys.errors(id) });
        void queryClient.invalidateQueries({ queryKey: importKeys.list() });
        if (job.mode === 'run') {
          void queryClient.invalidateQueries({ queryKey: customerKeys.all });
          void queryClient.invalidateQueries({ queryKey: duplicateKeys.all });
        }
      }
      return job;
    },
    refetchInterval: (query) =>
      query.state.data && isImportActive(query.state.data.status) ? POLL_MS : false,
  });
}

export function useImportErrors(id: string, { isEnabled }: { isEnabled: boolean }) {
  return useInfiniteQuery({
    queryKey: importKeys.errors(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/imports/{importId}/errors', {
          params: {
            path: { importId: id },
            query: { limit: ERRORS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: isEnabled,
  });
}

export type TUploadImportInput = { file: File; contentType: TImportFileType };

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, contentType }: TUploadImportInput) =>
      unwrap(
        api.POST('/api/v1/imports', {
          params: { query: { fileName: file.name } },
          headers: { 'Content-Type': contentType },
          ...rawFileBody(file),
        }),
      ),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: importKeys.list(), exact: true });
    },
  });
}

export type TStartImportInput = { id: string; body: TImportStart };

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: TStartImportInput) =>
      unwrap(api.POST('/api/v1/imports/{importId}/start', { params: { path: { importId: id } }, body })),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(job.id), job);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.errors(job.id), exact: true }),
        queryClient.invalidateQueries({ queryKey: importKeys.list(), exact: true }),
      ]);
    },
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/imports/{importId}/cancel', { params: { path: { importId: id } } })),
    onSuccess: (job) => queryClient.setQueryData(importKeys.detail(job.id), job),
  });
}
