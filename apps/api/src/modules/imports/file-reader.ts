/**
 * Rows of an uploaded file, streamed (a 200 MB file is never held whole): CSV in UTF-8 (with or without a
 * BOM) or GB18030 (what Excel in Chinese Windows saves), or the first sheet of an XLSX workbook. The first
 * row is the header.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type ImportFileFormat = 'csv' | 'xlsx';

/** UTF-8 unless the first 64 KB are not valid UTF-8 (then GB18030, a superset of GBK and GB2312). */
async function detectEncoding(path: string): Promise<'utf8' | 'gb18030'> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let sample = buffer.subarray(0, bytesRead);
    // A multi-byte character cut at the end of the sample is not an encoding error.
    while (sample.length > 0 && ((sample.at(-1) as number) & 0xc0) === 0x80) sample = sample.subarray(0, -1);
    if (sample.length > 0 && ((sample.at(-1) as number) & 0xc0) === 0xc0) sample = sample.subarray(0, -1);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample);
      return 'utf8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function* xlsxRows(path: string): AsyncGenerator<string[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      yield values.map(cellText);
    }
    return; // the first sheet only
  }
}

async function* csvRows(path: string): AsyncGenerator<string[]> {
  const encoding = await detectEncoding(path);
  const source = createReadStream(path);
  const text = encoding === 'utf8' ? source : source.pipe(iconv.decodeStream('gb18030'));
  const parser = text.pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: false }),
  );
  for await (const record of parser) yield record as string[];
}

export function readRows(path: string, format: ImportFileFormat): AsyncGenerator<string[]> {
  return format === 'xlsx' ? xlsxRows(path) : csvRows(path);
}

/** The header and the first data rows, for the mapping screen; stops reading there. */
export async function inspectFile(path: string, format: ImportFileFormat, sampleSize = 5) {
  let columns: string[] | null = null;
  const sampleRows: string[][] = [];
  for await (const row of readRows(path, format)) {
    if (!columns) columns = row.map((cell, index) => cell.trim() || `column ${index + 1}`);
    else sampleRows.push(row);
    if (sampleRows.length >= sampleSize) break;
  }
  return { columns: columns ?? [], sampleRows };
}

/** Data rows (after the header). */
export async function countRows(path: string, format: ImportFileFormat): Promise<number> {
  let count = -1;
  for await (const _row of readRows(path, format)) count++;
  return Math.max(count, 0);
}
