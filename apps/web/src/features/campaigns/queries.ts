import type { components } from '@cims/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toEtag, unwrap } from '../../lib/api';
import { fileNameFromDisposition } from '../../lib/download';
import { auditKeys } from '../audit/queries';

type Schemas = components['schemas'];
export type TCampaign = Schemas['Campaign'];
export type TCampaignInput = Schemas['CampaignInput'];
export type TConsentChannel = Schemas['ConsentChannel'];

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  details: () => [...campaignKeys.all, 'detail'] as const,
  detail: (id: string) => [...campaignKeys.details(), id] as const,
  targets: (id: string) => [...campaignKeys.all, 'targets', id] as const,
};

const TARGETS_PAGE_SIZE = 50;

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/campaigns'))).items,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/campaigns/{campaignId}', { params: { path: { campaignId: id } } })),
  });
}

export function useCampaignTargets(id: string) {
  return useInfiniteQuery({
    queryKey: campaignKeys.targets(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/campaigns/{campaignId}/targets', {
          params: {
            path: { campaignId: id },
            query: { limit: TARGETS_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

type TQueryClient = ReturnType<typeof useQueryClient>;

/**
 * After a save: the list, the campaign's page and its targets (a new segment or channel picks other
 * customers) read differently; the change is also an audit entry.
 */
function invalidateAfterSave(queryClient: TQueryClient, campaign: TCampaign): Promise<void> {
  queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: campaignKeys.list(), exact: true }),
    queryClient.invalidateQueries({ queryKey: campaignKeys.targets(campaign.id), exact: true }),
    queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
  ]).then(() => undefined);
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCampaignInput) => unwrap(api.POST('/api/v1/campaigns', { body })),
    onSuccess: (campaign) => invalidateAfterSave(queryClient, campaign),
  });
}

export function useUpdateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, body }: { campaign: Pick<TCampaign, 'id' | 'version'>; body: TCampaignInput }) =>
      unwrap(
        api.PUT('/api/v1/campaigns/{campaignId}', {
          params: { path: { campaignId: campaign.id }, header: { 'If-Match': toEtag(campaign.version) } },
          body,
        }),
      ),
    onSuccess: (campaign) => invalidateAfterSave(queryClient, campaign),
  });
}

/** Orders and interactions keep the campaign's code, so nothing but the campaign's own queries changes. */
export function useDeleteCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/campaigns/{campaignId}', { params: { path: { campaignId: id } } })),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: campaignKeys.detail(id), exact: true });
      queryClient.removeQueries({ queryKey: campaignKeys.targets(id), exact: true });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]);
    },
  });
}

/**
 * The campaign's target list as a file: the segment's export kept to marketing consent on the channel.
 * A mutation although a GET: it is asked for by a click, never read on sight, and it writes an audit entry.
 */
export function useExportCampaignTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ campaign, reason }: { campaign: TCampaign; reason: string }) => {
      const result = await api.GET('/api/v1/segments/{segmentId}/export', {
        params: {
          path: { segmentId: campaign.segment.id },
          query: { format: 'xlsx', reason, marketingChannel: campaign.channel },
        },
        parseAs: 'blob',
      });
      const blob = await unwrap(Promise.resolve(result));
      const fileName = fileNameFromDisposition(
        result.response.headers.get('Content-Disposition'),
        `${campaign.code}-${campaign.channel}.xlsx`,
      );
      return { blob, fileName };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
  });
}
