import type { components, operations } from '@cims/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFileBody, toEtag, unwrap } from '../../lib/api';
import { fileNameFromDisposition } from '../../lib/download';
import { customerKeys, taskKeys } from '../../lib/query-keys';
import { auditKeys } from '../audit/queries';

type Schemas = components['schemas'];
export type TWorkOrder = Schemas['WorkOrder'];
export type TWorkOrderStatus = Schemas['WorkOrderStatus'];
export type TWorkOrderCategory = Schemas['WorkOrderCategory'];
export type TWorkOrderCreate = Schemas['WorkOrderCreate'];
export type TWorkOrderEvent = Schemas['WorkOrderEvent'];
export type TWorkOrderSla = Schemas['WorkOrderSla'];
export type TAttachment = Schemas['Attachment'];
export type TAttachmentType = TAttachment['contentType'];

/** The list filters the UI offers; the operation's query without paging fields. */
export type TWorkOrderFilters = Omit<
  NonNullable<operations['listWorkOrders']['parameters']['query']>,
  'limit' | 'cursor'
>;

export type TStatsRange = { from: string; to: string };

export const workOrderKeys = {
  all: ['work-orders'] as const,
  lists: () => [...workOrderKeys.all, 'list'] as const,
  list: (filters: TWorkOrderFilters) => [...workOrderKeys.lists(), filters] as const,
  details: () => [...workOrderKeys.all, 'detail'] as const,
  detail: (id: string) => [...workOrderKeys.details(), id] as const,
  events: (id: string) => [...workOrderKeys.all, 'events', id] as const,
  attachments: (id: string) => [...workOrderKeys.all, 'attachments', id] as const,
  statistics: () => [...workOrderKeys.all, 'stats'] as const,
  stats: (range: TStatsRange | null) => [...workOrderKeys.statistics(), range] as const,
  settings: () => [...workOrderKeys.all, 'settings'] as const,
};

const PAGE_SIZE = 50;

export function useWorkOrders(filters: TWorkOrderFilters) {
  return useInfiniteQuery({
    queryKey: workOrderKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/work-orders', {
          params: { query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Others move work orders all day; a list seen a minute ago may already be wrong.
    staleTime: 0,
  });
}

export function useWorkOrder(id: string) {
  return useQuery({
    queryKey: workOrderKeys.detail(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/work-orders/{workOrderId}', { params: { path: { workOrderId: id } } })),
    staleTime: 0,
  });
}

export function useWorkOrderEvents(id: string) {
  return useQuery({
    queryKey: workOrderKeys.events(id),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/work-orders/{workOrderId}/events', { params: { path: { workOrderId: id } } }),
        )
      ).items,
    staleTime: 0,
  });
}

export function useWorkOrderAttachments(id: string) {
  return useQuery({
    queryKey: workOrderKeys.attachments(id),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/work-orders/{workOrderId}/attachments', { params: { path: { workOrderId: id } } }),
        )
      ).items,
  });
}

/** Statistics for a period; null (no valid period chosen) asks nothing. */
export function useWorkOrderStats(range: TStatsRange | null) {
  return useQuery({
    queryKey: workOrderKeys.stats(range),
    queryFn: () => unwrap(api.GET('/api/v1/work-orders/stats', { params: { query: range ?? {} } })),
    enabled: range !== null,
  });
}

/**
 * Queues and their members, for the team view and reassignment; only roles that may read it ask. They
 * rarely change, so views keep them for minutes; the settings page asks for them `isFresh`.
 */
export function useWorkOrderSettings(isEnabled: boolean, options: { isFresh?: boolean } = {}) {
  return useQuery({
    queryKey: workOrderKeys.settings(),
    queryFn: () => unwrap(api.GET('/api/v1/work-orders/settings')),
    enabled: isEnabled,
    staleTime: options.isFresh ? 0 : 5 * 60_000,
  });
}

/**
 * Settings apply to work orders from now on (due times already set stay), but queue names show in every
 * list and page, so those are read again; the change is also an audit entry.
 */
export function useUpdateWorkOrderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['WorkOrderSettings']) =>
      unwrap(api.PUT('/api/v1/work-orders/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(workOrderKeys.settings(), settings);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: workOrderKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: workOrderKeys.details() }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]);
    },
  });
}

type TQueryClient = ReturnType<typeof useQueryClient>;

/**
 * After any change to one work order: its own page, the lists and statistics it appears in, and the
 * customer's 360° view and timeline (service status, open work orders, events) may all read differently.
 */
function invalidateAfterChange(queryClient: TQueryClient, workOrder: TWorkOrder): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: workOrderKeys.events(workOrder.id), exact: true }),
    queryClient.invalidateQueries({ queryKey: workOrderKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: workOrderKeys.statistics() }),
    queryClient.invalidateQueries({ queryKey: customerKeys.overview(workOrder.customer.id), exact: true }),
    queryClient.invalidateQueries({ queryKey: customerKeys.timelines(workOrder.customer.id) }),
  ]).then(() => undefined);
}

function useWorkOrderChange<TInput>(mutationFn: (input: TInput) => Promise<TWorkOrder>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (workOrder) => {
      queryClient.setQueryData(workOrderKeys.detail(workOrder.id), workOrder);
      return invalidateAfterChange(queryClient, workOrder);
    },
  });
}

export function useCreateWorkOrder() {
  return useWorkOrderChange((body: TWorkOrderCreate) => unwrap(api.POST('/api/v1/work-orders', { body })));
}

export type TTransitionInput = { id: string; to: TWorkOrderStatus; comment: string | null };

/** Resolving can also create the owner's follow-up task, so the task lists are read again. */
export function useTransitionWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to, comment }: TTransitionInput) =>
      unwrap(
        api.POST('/api/v1/work-orders/{workOrderId}/transitions', {
          params: { path: { workOrderId: id } },
          body: { to, comment },
        }),
      ),
    onSuccess: (workOrder) => {
      queryClient.setQueryData(workOrderKeys.detail(workOrder.id), workOrder);
      return Promise.all([
        invalidateAfterChange(queryClient, workOrder),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
    },
  });
}

export type TAssignInput = { id: string; body: Schemas['WorkOrderAssignment'] };

export function useAssignWorkOrder() {
  return useWorkOrderChange(({ id, body }: TAssignInput) =>
    unwrap(
      api.POST('/api/v1/work-orders/{workOrderId}/assignment', {
        params: { path: { workOrderId: id } },
        body,
      }),
    ),
  );
}

export type TCommentInput = { workOrder: TWorkOrder; body: string };

/** A comment answers with its event, not the work order; a first comment may also meet the first-response SLA. */
export function useCommentOnWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workOrder, body }: TCommentInput) =>
      unwrap(
        api.POST('/api/v1/work-orders/{workOrderId}/comments', {
          params: { path: { workOrderId: workOrder.id } },
          body: { body },
        }),
      ),
    onSuccess: (_event, { workOrder }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(workOrder.id), exact: true }),
        invalidateAfterChange(queryClient, workOrder),
      ]),
  });
}

export type TUpdateWorkOrderInput = {
  workOrder: Pick<TWorkOrder, 'id' | 'version'>;
  body: Schemas['WorkOrderUpdate'];
};

export function useUpdateWorkOrder() {
  return useWorkOrderChange(({ workOrder, body }: TUpdateWorkOrderInput) =>
    unwrap(
      api.PATCH('/api/v1/work-orders/{workOrderId}', {
        params: { path: { workOrderId: workOrder.id }, header: { 'If-Match': toEtag(workOrder.version) } },
        body,
      }),
    ),
  );
}

export type TUploadAttachmentInput = { workOrderId: string; file: File; contentType: TAttachmentType };

/** The upload is audited and shows in the work order's attachment list; nothing else reads differently. */
export function useUploadWorkOrderAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workOrderId, file, contentType }: TUploadAttachmentInput) =>
      unwrap(
        api.POST('/api/v1/work-orders/{workOrderId}/attachments', {
          params: { path: { workOrderId }, query: { fileName: file.name } },
          headers: { 'Content-Type': contentType },
          ...rawFileBody(file),
        }),
      ),
    onSuccess: (_attachment, { workOrderId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workOrderKeys.attachments(workOrderId), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}

/**
 * Fetches one attachment through the client, so a refusal (the file gone, the work order out of reach)
 * is a problem the card can show rather than a page of JSON; files are at most 10 MB, so holding one in
 * memory before saving it is fine. Reading changes nothing, so nothing is invalidated.
 */
export function useDownloadWorkOrderAttachment() {
  return useMutation({
    mutationFn: async ({ workOrderId, attachment }: { workOrderId: string; attachment: TAttachment }) => {
      const result = await api.GET('/api/v1/work-orders/{workOrderId}/attachments/{attachmentId}', {
        params: { path: { workOrderId, attachmentId: attachment.id } },
        parseAs: 'blob',
      });
      const blob = await unwrap(Promise.resolve(result));
      const fileName = fileNameFromDisposition(
        result.response.headers.get('Content-Disposition'),
        attachment.fileName,
      );
      return { blob, fileName };
    },
  });
}
