import type { components, Session } from '@cims/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { approvalKeys, customerKeys } from '../../lib/query-keys';
import { unwrapHeldOr } from '../approvals/approval-outcome';
import { auditKeys } from '../audit/queries';
import { sessionKeys } from '../auth/queries';
import type { TStaffRole } from '../auth/roles';

export type TAccessPolicy = components['schemas']['AccessPolicy'];
export type TAccessPolicyUpdate = components['schemas']['AccessPolicyUpdate'];

export const accessPolicyKeys = {
  all: ['access-policies'] as const,
  list: () => [...accessPolicyKeys.all, 'list'] as const,
};

export function useAccessPolicies() {
  return useQuery({
    queryKey: accessPolicyKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/access-policies'))).items,
  });
}

export type TUpdateAccessPolicyInput = { role: TStaffRole; body: TAccessPolicyUpdate };

/** Applied at once (200), or held for an approver when the `role_change` approval policy is on (202). */
export function useUpdateAccessPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, body }: TUpdateAccessPolicyInput) =>
      unwrapHeldOr(api.PUT('/api/v1/access-policies/{role}', { params: { path: { role } }, body })),
    onSuccess: (outcome, { role }) => {
      if (outcome.isHeld) {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
          queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
        ]);
      }
      const session = queryClient.getQueryData<Session | null>(sessionKeys.me());
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: accessPolicyKeys.list(), exact: true }),
        // The change is itself an audit entry.
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
        // Every cached customer was masked under the old policy of the viewer's own role; only then do
        // they need fetching again.
        session?.user.roles.includes(role)
          ? queryClient.invalidateQueries({ queryKey: customerKeys.all })
          : undefined,
      ]);
    },
  });
}
