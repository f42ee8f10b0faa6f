import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath, unwrap } from '../../lib/api';
import { exportKeys } from '../../lib/query-keys';
import { auditKeys } from '../audit/queries';
import { isExportActive, type TExport, type TExportRequest } from './export-request';

export { exportKeys };

const POLL_MS = 1_000;
const LIST_POLL_MS = 3_000;

/** The caller's exports of the last 30 days, read again every few seconds while one is being written. */
export function useExports() {
  return useQuery({
    queryKey: exportKeys.list(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/exports'))).items,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.some((item) => isExportActive(item.status)) ? LIST_POLL_MS : false,
  });
}

/** One export, polled every second while it is queued or running; null asks nothing. */
export function useExport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: exportKeys.detail(id ?? ''),
    queryFn: async () => {
      const item = await unwrap(
        api.GET('/api/v1/exports/{exportId}', { params: { path: { exportId: id ?? '' } } }),
      );
      if (!isExportActive(item.status))
        void queryClient.invalidateQueries({ queryKey: exportKeys.list(), exact: true });
      return item;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data && isExportActive(query.state.data.status) ? POLL_MS : false,
  });
}

/**
 * Asks for an export. The answer seeds the export's query, which then polls while the file is written;
 * the export is also an audit entry and a new row of "my exports".
 */
export function useCreateExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TExportRequest) => unwrap(api.POST('/api/v1/exports', { body })),
    onSuccess: (created: TExport) => {
      queryClient.setQueryData(exportKeys.detail(created.id), created);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: exportKeys.list(), exact: true }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]);
    },
  });
}

/**
 * Where the browser downloads a ready export: a plain link with the session cookie, so that a file of
 * many thousand rows streams to disk instead of passing through memory (see lib/download.ts).
 */
export function exportFileHref(id: string): string {
  return apiPath('/api/v1/exports/{exportId}/file', { exportId: id });
}

/** The approval request an export waits for, where the requester can follow or withdraw it. */
export function approvalHref(item: Pick<TExport, 'approvalId'>): string {
  return item.approvalId ? `/approvals/${item.approvalId}` : '/approvals';
}

/**
 * Starts the download of a ready export as a click on a link would. A download keeps the page where it
 * is; an expired file (410) ends as a failed download in the browser's list, which is why the pages only
 * offer files before `expiresAt`.
 */
export function startExportDownload(item: Pick<TExport, 'id' | 'fileName'>): void {
  const link = document.createElement('a');
  link.href = exportFileHref(item.id);
  link.download = item.fileName ?? '';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
