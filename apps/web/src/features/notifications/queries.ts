import type { components } from '@cims/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export type TNotification = components['schemas']['Notification'];
export type TNotificationsRead = components['schemas']['NotificationsRead'];

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
};

/** How often the bell asks for news: reminders come from jobs and other people, never from this tab. */
const POLL_MS = 30_000;

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/notifications')),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
}

/** The answer is the list as it now stands, so it replaces the cached one without another request. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNotificationsRead) => unwrap(api.POST('/api/v1/notifications/read', { body })),
    onSuccess: (list) => queryClient.setQueryData(notificationKeys.list(), list),
  });
}
