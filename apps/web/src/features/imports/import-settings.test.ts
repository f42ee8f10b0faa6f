import type { components } from '@cims/api-client';
import { describe, expect, it } from 'vitest';
import {
  canConfigureImport,
  canStorePartially,
  hasNameColumn,
  importFileTypeOf,
  importSettingsOf,
  isValidSourceId,
  progressPercent,
  rowsWithProblems,
  startBodyOf,
} from './import-settings';

type TImportJob = components['schemas']['ImportJob'];

const job: TImportJob = {
  id: '2f9a3c1e-8d4b-4c7a-9e21-5b6f0a1d2c3e',
  fileName: '客户.csv',
  fileFormat: 'csv',
  fileSize: 532,
  status: 'uploaded',
  mode: null,
  columns: ['姓名', '手机号', '备用'],
  sampleRows: [['王晓明', '13912340001', 'x']],
  suggestedMapping: { 姓名: 'name', 手机号: 'phone' },
  mapping: null,
  source: null,
  sourceChannel: null,
  defaultKind: 'person',
  onDuplicate: 'flag',
  invalidValues: 'reject_row',
  totalRows: null,
  processedRows: 0,
  createdCount: 0,
  updatedCount: 0,
  unchangedCount: 0,
  errorCount: 0,
  partialCount: 0,
  flaggedDuplicates: 0,
  mergedCount: 0,
  failureReason: null,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
};

describe('importFileTypeOf', () => {
  it('goes by the extension, whatever case, since browsers report CSV types inconsistently', () => {
    expect(importFileTypeOf('客户名单.CSV')).toBe('text/csv');
    expect(importFileTypeOf('export.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(importFileTypeOf('old.xls')).toBeNull();
    expect(importFileTypeOf('csv')).toBeNull();
  });
});

describe('progressPercent', () => {
  it('is the share of rows done, rounded down so 100 means finished', () => {
    expect(progressPercent({ processedRows: 0, totalRows: 8 })).toBe(0);
    expect(progressPercent({ processedRows: 7, totalRows: 8 })).toBe(87);
    expect(progressPercent({ processedRows: 8, totalRows: 8 })).toBe(100);
    expect(progressPercent({ processedRows: 999, totalRows: 1000 })).toBe(99);
  });

  it('is unknown while the rows are counted, and complete for an empty file', () => {
    expect(progressPercent({ processedRows: 500, totalRows: null })).toBeNull();
    expect(progressPercent({ processedRows: 0, totalRows: 0 })).toBe(100);
  });
});

describe('canConfigureImport', () => {
  it('offers the mapping before a run, after a dry run and after an unfinished run', () => {
    expect(canConfigureImport({ status: 'uploaded', mode: null })).toBe(true);
    expect(canConfigureImport({ status: 'completed', mode: 'dry_run' })).toBe(true);
    expect(canConfigureImport({ status: 'failed', mode: 'run' })).toBe(true);
    expect(canConfigureImport({ status: 'cancelled', mode: 'run' })).toBe(true);
  });

  it('does not while a run goes or once an import is complete', () => {
    expect(canConfigureImport({ status: 'running', mode: 'dry_run' })).toBe(false);
    expect(canConfigureImport({ status: 'queued', mode: 'run' })).toBe(false);
    expect(canConfigureImport({ status: 'completed', mode: 'run' })).toBe(false);
  });
});

describe('import settings', () => {
  it('start from the suggestion with every column present', () => {
    expect(importSettingsOf(job)).toEqual({
      mapping: { 姓名: 'name', 手机号: 'phone', 备用: 'ignore' },
      sourceChannel: 'import',
      source: '',
      defaultKind: 'person',
      defaultCountryCode: 'CN',
      onDuplicate: 'flag',
      invalidValues: 'reject_row',
    });
  });

  it('start from the last run when there was one, showing a defaulted source as empty', () => {
    const ran: TImportJob = {
      ...job,
      status: 'completed',
      mode: 'dry_run',
      mapping: { 姓名: 'name', 手机号: 'ignore', 备用: 'notes' },
      sourceChannel: 'marketplace',
      source: 'marketplace',
      onDuplicate: 'merge',
      invalidValues: 'skip_value',
    };
    expect(importSettingsOf(ran)).toMatchObject({
      mapping: { 姓名: 'name', 手机号: 'ignore', 备用: 'notes' },
      sourceChannel: 'marketplace',
      source: '',
      onDuplicate: 'merge',
      invalidValues: 'skip_value',
    });
    expect(importSettingsOf({ ...ran, source: 'taobao-shop' }).source).toBe('taobao-shop');
  });

  it('send the source only when one was given', () => {
    const settings = importSettingsOf(job);
    expect(startBodyOf(settings, 'dry_run')).toEqual({
      mode: 'dry_run',
      mapping: settings.mapping,
      sourceChannel: 'import',
      defaultKind: 'person',
      defaultCountryCode: 'CN',
      onDuplicate: 'flag',
      invalidValues: 'reject_row',
    });
    expect(startBodyOf({ ...settings, source: ' crm-2 ' }, 'run')).toMatchObject({
      mode: 'run',
      source: 'crm-2',
    });
  });

  it('send the default country and what to do with invalid values', () => {
    const settings = {
      ...importSettingsOf(job),
      defaultCountryCode: 'SG',
      invalidValues: 'skip_value' as const,
    };
    expect(startBodyOf(settings, 'run')).toMatchObject({
      defaultCountryCode: 'SG',
      invalidValues: 'skip_value',
    });
  });

  it('need a name column, as the server does', () => {
    expect(hasNameColumn({ a: 'phone', b: 'ignore' })).toBe(false);
    expect(hasNameColumn({ a: 'phone', b: 'organizationName' })).toBe(true);
  });

  it('accept source ids as the contract does', () => {
    expect(isValidSourceId('')).toBe(true);
    expect(isValidSourceId('taobao-shop')).toBe(true);
    expect(isValidSourceId('Taobao')).toBe(false);
    expect(isValidSourceId('-shop')).toBe(false);
    expect(isValidSourceId('a'.repeat(65))).toBe(false);
  });
});

describe('rows stored without some values', () => {
  it('are reported where skipping invalid values was chosen, or where a run stored some', () => {
    expect(canStorePartially({ invalidValues: 'reject_row', partialCount: 0 })).toBe(false);
    expect(canStorePartially({ invalidValues: 'skip_value', partialCount: 0 })).toBe(true);
    expect(canStorePartially({ invalidValues: 'reject_row', partialCount: 2 })).toBe(true);
  });

  it('are listed with the refused rows', () => {
    expect(rowsWithProblems({ errorCount: 2, partialCount: 3 })).toBe(5);
    expect(rowsWithProblems({ errorCount: 0, partialCount: 0 })).toBe(0);
  });
});
