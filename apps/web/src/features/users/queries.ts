import type { components, User } from '@cims/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { approvalKeys } from '../../lib/query-keys';
import { unwrapHeldOr } from '../approvals/approval-outcome';
import { auditKeys } from '../audit/queries';

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

export type TUpdateUserRolesInput = { userId: string; body: components['schemas']['UserRolesUpdate'] };

/** Applied at once (200, the user as changed), or held for an approver when the role_change policy is on (202). */
export function useUpdateUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: TUpdateUserRolesInput) =>
      unwrapHeldOr(api.PUT('/api/v1/users/{userId}/roles', { params: { path: { userId } }, body })),
    onSuccess: (outcome) => {
      if (outcome.isHeld) {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
          queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
        ]);
      }
      const changed = outcome.result;
      queryClient.setQueryData<User[]>(userKeys.list(), (users) =>
        users?.map((user) => (user.id === changed.id ? changed : user)),
      );
      return queryClient.invalidateQueries({ queryKey: auditKeys.lists() });
    },
  });
}
