import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { customerKeys, tagKeys } from '../../lib/query-keys';
import { auditKeys } from '../audit/queries';
import { segmentKeys } from '../segments/queries';
import type { TBulkTagging, TTagInput } from './tag-values';

/**
 * Every defined tag and every tag in use, with counts. One query for the whole app: the tags page reads
 * it, and so does every tag chip (for its colour), so a list of fifty customers asks once. Chips can live
 * with colours a few minutes old; the tags page (`isFresh`) reads the counts again whenever it opens,
 * since tagging a customer from its form or a trigger run changes them without this feature knowing.
 */
export function useTags({ isFresh = false }: { isFresh?: boolean } = {}) {
  return useQuery({
    queryKey: tagKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/tags'))).items,
    staleTime: isFresh ? 0 : 5 * 60_000,
  });
}

/** The customers keep their tags; only the definition (and so the chips' colour) and the audit log change. */
export function useDefineTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, body }: { name: string; body: TTagInput }) =>
      unwrap(api.PUT('/api/v1/tags/{tag}', { params: { path: { tag: name } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tagKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}

export function useDeleteTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrap(api.DELETE('/api/v1/tags/{tag}', { params: { path: { tag: name } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tagKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}

/**
 * Each changed customer is an audited update: lists, pages, histories and timelines of any of them read
 * differently, and so do the tag counts and the members of segments whose rules use tags.
 */
export function useBulkTagCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBulkTagging) => unwrap(api.POST('/api/v1/customers/bulk-tags', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: tagKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}
