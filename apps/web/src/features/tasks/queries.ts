import type { components } from '@cims/api-client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export type TTask = components['schemas']['Task'];

export const taskKeys = {
  all: ['tasks'] as const,
  open: () => [...taskKeys.all, 'open'] as const,
};

const PAGE_SIZE = 50;

/** The caller's open tasks (an admin's: everyone's), soonest due first; jobs add them, so read fresh. */
export function useOpenTasks() {
  return useInfiniteQuery({
    queryKey: taskKeys.open(),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/tasks', {
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

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) =>
      unwrap(api.POST('/api/v1/tasks/{taskId}/complete', { params: { path: { taskId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
