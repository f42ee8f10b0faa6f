import type { components } from '@cims/api-client';
import type { TCustomerFilters } from '../../lib/query-keys';

type Schemas = components['schemas'];
export type TExport = Schemas['Export'];
export type TExportRequest = Schemas['ExportRequest'];
export type TExportSource = Schemas['ExportSource'];
export type TExportFormat = Schemas['ExportFormat'];
export type TExportStatus = Schemas['ExportStatus'];
export type TConsentChannel = Schemas['ConsentChannel'];

/** What an export dialog exports: the source and the selection that goes with it. */
export type TExportTarget =
  | { source: 'customers'; customerFilter: Schemas['CustomerListFilter'] }
  | { source: 'segment'; segmentId: string }
  | { source: 'work_orders'; workOrderFilter: Schemas['WorkOrderListFilter'] }
  | { source: 'dashboard'; dashboardFilter: Schemas['DashboardFilter'] };

/** What the person chooses in the dialog; '' is "no marketing channel" (every member). */
export type TExportChoices = {
  format: TExportFormat;
  reason: string;
  marketingChannel: TConsentChannel | '';
};

export const REASON_LENGTH = { min: 2, max: 200 } as const;

/** A PDF lists at most this many rows (the server refuses more); CSV and XLSX go to 200,000. */
export const PDF_MAX_ROWS = 2_000;

/** The formats each source offers, the default first: a dashboard report is a PDF of charts and tables. */
export const EXPORT_FORMATS: Record<TExportSource, readonly TExportFormat[]> = {
  customers: ['xlsx', 'csv', 'pdf'],
  segment: ['xlsx', 'csv', 'pdf'],
  work_orders: ['xlsx', 'csv', 'pdf'],
  dashboard: ['pdf'],
};

export const EXPORT_STATUSES = [
  'awaiting_approval',
  'queued',
  'running',
  'ready',
  'failed',
  'rejected',
  'expired',
] as const satisfies readonly TExportStatus[];

/** The formats a dialog offers, without PDF where the rows are known to be more than a PDF holds. */
export function offeredFormats(source: TExportSource, rowCount?: number): TExportFormat[] {
  return EXPORT_FORMATS[source].filter(
    (format) =>
      format !== 'pdf' || source === 'dashboard' || !(rowCount !== undefined && rowCount > PDF_MAX_ROWS),
  );
}

/**
 * The customer list's filters as an export selects them: the sort order is the list's business (the
 * contract's CustomerListFilter has no `sort`, and refuses unknown properties), and `status: active` is
 * the default anyway.
 */
export function customerExportFilter(filters: TCustomerFilters): Schemas['CustomerListFilter'] {
  const { sort: _sort, ...rest } = filters;
  const filter: Schemas['CustomerListFilter'] = {};
  for (const [key, value] of Object.entries(rest) as [keyof typeof rest, unknown][]) {
    if (value !== undefined && value !== '' && value !== false) Object.assign(filter, { [key]: value });
  }
  if (filter.status === 'active') delete filter.status;
  return filter;
}

/** The request body of the dialog's target and the person's choices. */
export function exportRequestBody(target: TExportTarget, choices: TExportChoices): TExportRequest {
  const reason = choices.reason.trim();
  switch (target.source) {
    case 'customers':
      return { source: 'customers', format: choices.format, reason, customerFilter: target.customerFilter };
    case 'segment':
      return {
        source: 'segment',
        format: choices.format,
        reason,
        segmentId: target.segmentId,
        ...(choices.marketingChannel ? { marketingChannel: choices.marketingChannel } : {}),
      };
    case 'work_orders':
      return {
        source: 'work_orders',
        format: choices.format,
        reason,
        workOrderFilter: target.workOrderFilter,
      };
    case 'dashboard':
      return { source: 'dashboard', format: 'pdf', reason, dashboardFilter: target.dashboardFilter };
  }
}

/** Whether the server is still writing the file, so the export is worth polling. */
export function isExportActive(status: TExportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** Whether the file can be downloaded now: ready and not past its expiry. */
export function isDownloadable(item: Pick<TExport, 'status' | 'expiresAt'>, now: Date): boolean {
  return item.status === 'ready' && (item.expiresAt === null || new Date(item.expiresAt) > now);
}

/** The status to show: a ready file past its expiry is gone even before the server's sweep says so. */
export function shownStatus(item: Pick<TExport, 'status' | 'expiresAt'>, now: Date): TExportStatus {
  return item.status === 'ready' && !isDownloadable(item, now) ? 'expired' : item.status;
}

/** How far a running export is, in whole percent; null while the row count is not known yet. */
export function exportPercent(item: Pick<TExport, 'rows' | 'rowsDone' | 'status'>): number | null {
  if (item.status === 'ready') return 100;
  if (item.rows <= 0) return null;
  return Math.min(100, Math.floor((item.rowsDone / item.rows) * 100));
}
