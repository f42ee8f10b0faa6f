import { describe, expect, it } from 'vitest';
import {
  customerExportFilter,
  exportPercent,
  exportRequestBody,
  isDownloadable,
  offeredFormats,
  shownStatus,
} from './export-request';

const choices = { format: 'xlsx' as const, reason: '  季度回访名单 ', marketingChannel: '' as const };

describe('export requests', () => {
  it('select the customers the list shows, without its sort order or default status', () => {
    expect(
      customerExportFilter({
        kind: 'person',
        sort: 'displayName',
        status: 'active',
        stale: false,
        orderedFrom: '2026-02-28T16:00:00.000Z',
        orderChannel: 'online',
      }),
    ).toEqual({ kind: 'person', orderedFrom: '2026-02-28T16:00:00.000Z', orderChannel: 'online' });
    expect(customerExportFilter({ status: 'deleted' })).toEqual({ status: 'deleted' });
  });

  it('send the trimmed reason and only the selection of the source', () => {
    expect(exportRequestBody({ source: 'customers', customerFilter: { tag: 'VIP' } }, choices)).toEqual({
      source: 'customers',
      format: 'xlsx',
      reason: '季度回访名单',
      customerFilter: { tag: 'VIP' },
    });
    expect(
      exportRequestBody({ source: 'work_orders', workOrderFilter: { status: ['new'] } }, choices),
    ).toEqual({
      source: 'work_orders',
      format: 'xlsx',
      reason: '季度回访名单',
      workOrderFilter: { status: ['new'] },
    });
  });

  it('send a segment’s marketing channel only when one is chosen', () => {
    const target = { source: 'segment' as const, segmentId: 'seg' };
    expect(exportRequestBody(target, choices)).toEqual({
      source: 'segment',
      format: 'xlsx',
      reason: '季度回访名单',
      segmentId: 'seg',
    });
    expect(exportRequestBody(target, { ...choices, marketingChannel: 'sms' }).marketingChannel).toBe('sms');
  });

  it('make a dashboard report a PDF whatever was chosen', () => {
    const dashboardFilter = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
    expect(exportRequestBody({ source: 'dashboard', dashboardFilter }, choices)).toEqual({
      source: 'dashboard',
      format: 'pdf',
      reason: '季度回访名单',
      dashboardFilter,
    });
    expect(offeredFormats('dashboard')).toEqual(['pdf']);
  });

  it('offer PDF for lists unless the rows are known to be more than a PDF holds', () => {
    expect(offeredFormats('customers')).toEqual(['xlsx', 'csv', 'pdf']);
    expect(offeredFormats('segment', 2_000)).toEqual(['xlsx', 'csv', 'pdf']);
    expect(offeredFormats('segment', 2_001)).toEqual(['xlsx', 'csv']);
  });

  it('show progress in whole percent, unknown before rows are counted', () => {
    expect(exportPercent({ status: 'running', rows: 3_000, rowsDone: 1_000 })).toBe(33);
    expect(exportPercent({ status: 'queued', rows: 0, rowsDone: 0 })).toBeNull();
    expect(exportPercent({ status: 'ready', rows: 0, rowsDone: 0 })).toBe(100);
  });

  it('offer the file while it is ready and kept', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(isDownloadable({ status: 'ready', expiresAt: '2026-03-02T12:00:00Z' }, now)).toBe(true);
    expect(isDownloadable({ status: 'ready', expiresAt: '2026-03-01T11:59:00Z' }, now)).toBe(false);
    expect(isDownloadable({ status: 'running', expiresAt: null }, now)).toBe(false);
    expect(shownStatus({ status: 'ready', expiresAt: '2026-03-01T11:59:00Z' }, now)).toBe('expired');
    expect(shownStatus({ status: 'ready', expiresAt: '2026-03-02T12:00:00Z' }, now)).toBe('ready');
  });
});
