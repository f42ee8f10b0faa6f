import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './download';

describe('fileNameFromDisposition', () => {
  it('reads a quoted file name', () => {
    expect(fileNameFromDisposition('attachment; filename="segment-1.xlsx"', 'x')).toBe('segment-1.xlsx');
  });

  it('reads an unquoted file name', () => {
    expect(fileNameFromDisposition('attachment; filename=report.csv', 'x')).toBe('report.csv');
  });

  it('prefers the UTF-8 file name', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="segment.xlsx"; filename*=UTF-8''%E6%B2%89%E7%9D%A1.xlsx`,
        'x',
      ),
    ).toBe('沉睡.xlsx');
  });

  it('falls back without a header or a name', () => {
    expect(fileNameFromDisposition(null, 'targets.xlsx')).toBe('targets.xlsx');
    expect(fileNameFromDisposition('attachment', 'targets.xlsx')).toBe('targets.xlsx');
  });
});
