import type { components, paths } from '@cims/api-client';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { approvalKeys, customerKeys, exportKeys } from '../../lib/query-keys';
import { accessPolicyKeys } from '../access/queries';
import { auditKeys } from '../audit/queries';
import { userKeys } from '../users/queries';
import type { TApprovalRequest } from './approval-outcome';
import { unwrapHeldOr } from './approval-outcome';

type Schemas = components['schemas'];

export type { TApprovalRequest };
export type TApprovalView = NonNullable<
  NonNullable<paths['/api/v1/approvals']['get']['parameters']['query']>['view']
>;
export type TApprovalStatus = Schemas['ApprovalStatus'];
export type TApprovalKind = Schemas['ApprovalKind'];
export type TApprovalPolicy = Schemas['ApprovalPolicy'];
export type TApprovalPolicyUpdate = Schemas['ApprovalPolicyUpdate'];
export type TApprovalDecision = Schemas['ApprovalDecision'];

/** How often the navigation asks for the count: requests come from other people, never from this tab. */
const PENDING_COUNT_POLL_MS = 60_000;

export function useApprovals(view: TApprovalView, status: TApprovalStatus | undefined) {
  return useQuery({
    queryKey: approvalKeys.list(view, status),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/approvals', { params: { query: { view, ...(status ? { status } : {}) } } }),
        )
      ).items,
  });
}

export function useApproval(id: string) {
  return useQuery({
    queryKey: approvalKeys.detail(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/approvals/{approvalId}', { params: { path: { approvalId: id } } })),
    enabled: id !== '',
  });
}

/** The navigation badge's numbers. A failure only hides the badge, so it is not retried. */
export function usePendingApprovalCount() {
  return useQuery({
    queryKey: approvalKeys.pendingCount(),
    queryFn: () => unwrap(api.GET('/api/v1/approvals/pending-count')),
    refetchInterval: PENDING_COUNT_POLL_MS,
    staleTime: 0,
    retry: false,
  });
}

/** After a request was made elsewhere (a reveal, an erasure, a role change): the lists and the count. */
function invalidateApprovals(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: approvalKeys.all });
}

/**
 * What a decided or withdrawn request changes besides the requests themselves: the audit log always;
 * an approval also carries the request out (starts the export, erases the customer, applies the roles or
 * the access policy), so the records it touched are read again.
 */
function invalidateAfterDecision(queryClient: QueryClient, request: TApprovalRequest) {
  const byKind: Record<TApprovalRequest['kind'], readonly (readonly unknown[])[]> = {
    export: [exportKeys.all],
    reveal: [],
    erasure: [customerKeys.all],
    role_change: [userKeys.all, accessPolicyKeys.all, approvalKeys.policies()],
  };
  return Promise.all([
    invalidateApprovals(queryClient),
    queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
    ...byKind[request.kind].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ]);
}

export type TDecideInput = { id: string; body: TApprovalDecision };

export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: TDecideInput) =>
      unwrap(
        api.POST('/api/v1/approvals/{approvalId}/decision', { params: { path: { approvalId: id } }, body }),
      ),
    onSuccess: (request) => {
      queryClient.setQueryData(approvalKeys.detail(request.id), request);
      return invalidateAfterDecision(queryClient, request);
    },
    // A 409 means someone else decided first (or it expired): what is shown is stale either way.
    onError: () => invalidateApprovals(queryClient),
  });
}

export function useCancelApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/approvals/{approvalId}/cancel', { params: { path: { approvalId: id } } })),
    onSuccess: (request) => {
      queryClient.setQueryData(approvalKeys.detail(request.id), request);
      return invalidateAfterDecision(queryClient, request);
    },
    onError: () => invalidateApprovals(queryClient),
  });
}

export function useApprovalPolicies() {
  return useQuery({
    queryKey: approvalKeys.policies(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/approval-policies'))).items,
  });
}

export type TUpdateApprovalPolicyInput = { kind: TApprovalKind; body: TApprovalPolicyUpdate };

/** Applied at once (200), or held for an approver while role changes need approval (202). */
export function useUpdateApprovalPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: TUpdateApprovalPolicyInput) =>
      unwrapHeldOr(api.PUT('/api/v1/approval-policies/{kind}', { params: { path: { kind } }, body })),
    onSuccess: (outcome) => {
      if (outcome.isHeld) return invalidateApprovals(queryClient);
      const policy = outcome.result;
      queryClient.setQueryData<TApprovalPolicy[]>(approvalKeys.policies(), (policies) =>
        policies?.map((existing) => (existing.kind === policy.kind ? policy : existing)),
      );
      return queryClient.invalidateQueries({ queryKey: auditKeys.lists() });
    },
  });
}
