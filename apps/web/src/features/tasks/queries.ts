import type { components } from '@cims/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export type TTask = components['schemas']['Task'];

export const taskKeys = {
  all: ['tasks'] as const,
  open: () => [...taskKeys.all, 'open'] as const,
};

/** The caller's open tasks (an admin's: everyone's), soonest due first; jobs add them, so read fresh. */
export function useOpenTasks() {
  return useQuery({
    queryKey: taskKeys.open(),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/tasks', { params: { query: { status: 'open' } } }))).items,
    staleTime: 0,
  });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) =>
      unwrap(api.POST('/api/v1/tasks/{taskId}/complete', { params: { path: { taskId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
