import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toEtag, unwrap } from '../../lib/api';
import { customerKeys, tagKeys, taskKeys } from '../../lib/query-keys';
import { auditKeys } from '../audit/queries';
import { workOrderKeys } from '../work-orders/queries';
import type { TTrigger, TTriggerInput } from './trigger-values';

export const triggerKeys = {
  all: ['triggers'] as const,
  list: () => [...triggerKeys.all, 'list'] as const,
  details: () => [...triggerKeys.all, 'detail'] as const,
  detail: (id: string) => [...triggerKeys.details(), id] as const,
  runs: (id: string) => [...triggerKeys.all, 'runs', id] as const,
};

export function useTriggers() {
  return useQuery({
    queryKey: triggerKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/triggers'))).items,
  });
}

export function useTrigger(id: string) {
  return useQuery({
    queryKey: triggerKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/triggers/{triggerId}', { params: { path: { triggerId: id } } })),
  });
}

/** The scheduler runs triggers every few minutes, so the history is read fresh. */
export function useTriggerRuns(id: string) {
  return useQuery({
    queryKey: triggerKeys.runs(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/triggers/{triggerId}/runs', { params: { path: { triggerId: id } } })))
        .items,
    staleTime: 0,
  });
}

type TQueryClient = ReturnType<typeof useQueryClient>;

/** A saved trigger shows on its page and in the list (with its segment's name); saving is audited. */
function invalidateAfterSave(queryClient: TQueryClient, trigger: TTrigger): Promise<void> {
  queryClient.setQueryData(triggerKeys.detail(trigger.id), trigger);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: triggerKeys.list(), exact: true }),
    queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
  ]).then(() => undefined);
}

export function useCreateTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTriggerInput) => unwrap(api.POST('/api/v1/triggers', { body })),
    onSuccess: (trigger) => invalidateAfterSave(queryClient, trigger),
  });
}

export function useUpdateTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ trigger, body }: { trigger: Pick<TTrigger, 'id' | 'version'>; body: TTriggerInput }) =>
      unwrap(
        api.PUT('/api/v1/triggers/{triggerId}', {
          params: { path: { triggerId: trigger.id }, header: { 'If-Match': toEtag(trigger.version) } },
          body,
        }),
      ),
    onSuccess: (trigger) => invalidateAfterSave(queryClient, trigger),
  });
}

/** The run history goes with the trigger. */
export function useDeleteTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/triggers/{triggerId}', { params: { path: { triggerId: id } } })),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: triggerKeys.detail(id), exact: true });
      queryClient.removeQueries({ queryKey: triggerKeys.runs(id), exact: true });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: triggerKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]);
    },
  });
}

/**
 * A dry run changes nothing but is recorded, so the run history and the list's last run read differently.
 * A mutation rather than a query: each press is a new recorded run.
 */
export function useDryRunTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/triggers/{triggerId}/dry-run', { params: { path: { triggerId: id } } })),
    onSuccess: (_detail, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: triggerKeys.runs(id), exact: true }),
        queryClient.invalidateQueries({ queryKey: triggerKeys.list(), exact: true }),
      ]),
  });
}

/**
 * A run acts on customers: tasks, tags, lifecycle stages (customer lists, pages and timelines) and work
 * orders may all have changed for any of them, besides the trigger's own history; it is audited.
 */
export function useRunTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/triggers/{triggerId}/runs', { params: { path: { triggerId: id } } })),
    onSuccess: (_detail, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: triggerKeys.runs(id), exact: true }),
        queryClient.invalidateQueries({ queryKey: triggerKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        // A trigger's add-tag action defines the tag as automatic.
        queryClient.invalidateQueries({ queryKey: tagKeys.all }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: workOrderKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}
