import type { components } from '@cims/api-client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { customerKeys, taskKeys } from '../../lib/query-keys';

export type TTask = components['schemas']['Task'];
export type TTaskCreate = components['schemas']['TaskCreate'];

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
    onSuccess: (task) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        task.customer &&
          queryClient.invalidateQueries({ queryKey: customerKeys.overview(task.customer.id), exact: true }),
      ]),
  });
}

/** A new task shows in the task lists and among the customer's open tasks on the 360° view. */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTaskCreate) => unwrap(api.POST('/api/v1/tasks', { body })),
    onSuccess: (_task, body) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: customerKeys.overview(body.customerId), exact: true }),
      ]),
  });
}
