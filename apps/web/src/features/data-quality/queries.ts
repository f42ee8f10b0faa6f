import type { components } from '@cims/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { auditKeys } from '../audit/queries';

export type TDataQualitySummary = components['schemas']['DataQualitySummary'];
export type TDataQualitySettings = components['schemas']['DataQualitySettings'];

export const dataQualityKeys = {
  all: ['data-quality'] as const,
  summary: () => [...dataQualityKeys.all, 'summary'] as const,
  settings: () => [...dataQualityKeys.all, 'settings'] as const,
};

/** Aggregates over the whole base that imports, merges and edits elsewhere change; read fresh per visit. */
export function useDataQualitySummary() {
  return useQuery({
    queryKey: dataQualityKeys.summary(),
    queryFn: () => unwrap(api.GET('/api/v1/data-quality/summary')),
    staleTime: 0,
  });
}

export function useDataQualitySettings() {
  return useQuery({
    queryKey: dataQualityKeys.settings(),
    queryFn: () => unwrap(api.GET('/api/v1/data-quality/settings')),
  });
}

export function useUpdateDataQualitySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDataQualitySettings) => unwrap(api.PUT('/api/v1/data-quality/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(dataQualityKeys.settings(), settings);
      return Promise.all([
        // The stale-data period decides which customers count as stale.
        queryClient.invalidateQueries({ queryKey: dataQualityKeys.summary(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]);
    },
  });
}
