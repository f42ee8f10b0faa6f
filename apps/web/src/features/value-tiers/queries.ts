import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { customerKeys } from '../../lib/query-keys';
import { auditKeys } from '../audit/queries';
import { segmentKeys } from '../segments/queries';
import type { TValueTierSettings } from './value-tier-values';

export const valueTierKeys = {
  all: ['value-tiers'] as const,
  settings: () => [...valueTierKeys.all, 'settings'] as const,
};

export function useValueTierSettings() {
  return useQuery({
    queryKey: valueTierKeys.settings(),
    queryFn: () => unwrap(api.GET('/api/v1/value-tiers/settings')),
  });
}

/** New settings apply from the next scoring run, so nothing but the settings (and the audit log) changes. */
export function useUpdateValueTierSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TValueTierSettings) => unwrap(api.PUT('/api/v1/value-tiers/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(valueTierKeys.settings(), settings);
      return queryClient.invalidateQueries({ queryKey: auditKeys.lists() });
    },
  });
}

/**
 * Scoring rewrites every customer's tier: lists, pages, 360° badges and timelines (tier changes) all read
 * differently, and so do segments whose rules use the tier.
 */
export function useRunValueTierScoring() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/value-tiers/runs')),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerKeys.all }),
        queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}
