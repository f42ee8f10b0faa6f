import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

/** Staff users for owner pickers. Roles without access get 403; callers treat that as "no picker". */
export function useUsers() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).items,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
