/**
 * Exports of a segment's members (CSV or XLSX): within the exporter's data scope, with contact values as
 * their field access shows them (masked or left out), formula-safe CSV cells (see safe-cell.ts; XLSX cells
 * are typed strings, never formulas), and a first line naming who exported the file, when and why — the
 * same facts the audit entry records, with its export id, so a leaked file points back to its exporter.
 * Rows stream out page by page, at the pace the client reads them; XLSX through exceljs's streaming writer.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';
import { toCustomerSummary } from '../customers/serializers';
import type { ConsentChannel } from '../privacy/consent-repo';
import { countSegmentMembers, getSegment, listSegmentMembers } from '../segments/service';
import { safeCell } from './safe-cell';

export const maxExportRows = 50_000;
const pageSize = 1000;

export type ExportFormat = 'csv' | 'xlsx';

const header = [
  '客户编号 ID',
  '名称 Name',
  '类型 Kind',
  '生命周期 Lifecycle',
  '手机 Phone',
  '邮箱 Email',
  '省份 Province',
  '城市 City',
  '标签 Tags',
  '负责人 Owner',
  '数据质量 Quality',
  '创建时间 Created',
];

type Cell = string | number | null;

/** Where an export that fails midway is reported (the request log, in the handler). */
export type ExportErrorLog = (error: unknown, exportId: string) => void;

const logToConsole: ExportErrorLog = (error, exportId) =>
  console.error(`segment export ${exportId} failed midway`, error);

export async function exportSegment(
  db: Database,
  actor: RequestActor,
  input: {
    segmentId: string;
    format: ExportFormat;
    reason: string;
    marketingChannel?: ConsentChannel;
    logError?: ExportErrorLog;
  },
) {
  const segment = await getSegment(db, actor.viewer, input.segmentId);
  const filter = { segmentId: segment.id, marketingChannel: input.marketingChannel };
  const rows = await countSegmentMembers(db, actor.viewer, filter);
  if (rows > maxExportRows)
    throw new DomainError(
      'conflict',
      `The export would hold ${rows} rows; at most ${maxExportRows} can be exported at once. Narrow the segment.`,
    );
  const exportId = randomUUID();
  const exportedAt = new Date();
  const exporter = actor.audit.actorLabel ?? actor.audit.actorId ?? 'unknown';
  await db.transaction((tx) =>
    appendAuditEntry(tx, actor.audit, {
      action: 'export.segment',
      resourceType: 'segment',
      resourceId: segment.id,
      details: {
        exportId,
        rows,
        format: input.format,
        reason: input.reason,
        marketingChannel: input.marketingChannel ?? null,
      },
    }),
  );
  const watermark = `导出人 Exported by: ${exporter} (${actor.audit.actorId ?? '-'}) · ${exportedAt.toISOString()} · 用途 Purpose: ${input.reason} · 分群 Segment: ${segment.name} · 导出编号 Export: ${exportId} · 保密 Confidential`;

  async function* records(): AsyncGenerator<Cell[]> {
    let cursor: string | undefined;
    // Members who joined since the count are not exported past the limit either.
    let remaining = maxExportRows;
    do {
      const page = await listSegmentMembers(db, actor.viewer, { ...filter, limit: pageSize, cursor });
      for (const row of page.rows.slice(0, remaining)) {
        const customer = toCustomerSummary(row, actor.viewer.fieldAccess);
        yield [
          customer.id,
          customer.displayName,
          customer.kind,
          customer.lifecycleStage,
          customer.primaryPhone,
          customer.primaryEmail,
          customer.provinceName,
          customer.cityName,
          customer.tags.join(' '),
          customer.owner?.displayName ?? null,
          customer.qualityScore,
          customer.createdAt,
        ];
      }
      remaining -= Math.min(remaining, page.rows.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && remaining > 0);
  }

  const fileName = `segment-${segment.id.slice(0, 8)}-${exportedAt.toISOString().slice(0, 10)}.${input.format}`;
  const stream = { watermark, exportId, logError: input.logError ?? logToConsole };
  return {
    fileName,
    rows,
    exportId,
    stream:
      input.format === 'csv'
        ? csvStream({ ...stream, records: records() })
        : xlsxStream({ ...stream, exporter, records: records() }),
  };
}

/** The last line of a CSV export that failed midway, so that the file cannot pass for a whole one. */
export const incompleteMarker = '# incomplete export';

interface StreamInput {
  watermark: string;
  exportId: string;
  records: AsyncIterable<Cell[]>;
  logError: ExportErrorLog;
}

/**
 * Resolves once `stream` has room again (`writableNeedDrain`: a write to it returned false), or once
 * `output` is gone (the client went away); true if the export should go on.
 */
async function hasRoom(stream: Writable, output: Readable): Promise<boolean> {
  if (stream.writableNeedDrain && !output.destroyed)
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        output.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      output.on('close', done);
    });
  return !output.destroyed;
}

export function csvStream({ watermark, exportId, records, logError }: StreamInput): Readable {
  const output = new PassThrough();
  // A BOM so that Excel reads the UTF-8 Chinese text correctly.
  output.write('\uFEFF');
  const csv = stringify();
  // Ended below, after the last record or after the marker of an export cut short.
  csv.pipe(output, { end: false });
  const closed = new Promise((resolve) => output.once('close', resolve));
  const flushed = () => Promise.race([finished(csv).catch(() => undefined), closed]);
  void (async () => {
    try {
      csv.write([safeCell(watermark)]);
      csv.write(header);
      for await (const record of records) {
        csv.write(record.map(safeCell));
        if (!(await hasRoom(csv, output))) return;
      }
      csv.end();
      await flushed();
      output.end();
    } catch (error) {
      logError(error, exportId);
      // The rows so far, then a line saying the file is not whole.
      if (!csv.destroyed) {
        csv.end();
        await flushed();
      }
      output.end(`${incompleteMarker}\n`);
    }
  })();
  return output;
}

/** Excel's header and footer take `&` codes (&P, &D, &"font"…); a literal ampersand is `&&`. */
export const headerFooterText = (text: string) => text.replaceAll('&', '&&');

export function xlsxStream({
  watermark,
  exportId,
  exporter,
  records,
  logError,
}: StreamInput & { exporter: string }): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = exporter;
  const sheet = workbook.addWorksheet('客户 Customers', {
    headerFooter: { oddHeader: headerFooterText(watermark), oddFooter: headerFooterText(watermark) },
  });
  void (async () => {
    try {
      sheet.addRow([watermark]).commit();
      const head = sheet.addRow(header);
      head.font = { bold: true };
      head.commit();
      for await (const record of records) {
        // Typed string cells: a spreadsheet shows them as text and never runs them, so no escaping here.
        sheet.addRow(record).commit();
        // The zip streams into `output`; wait while the client has not read what is there.
        if (!(await hasRoom(output, output))) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      logError(error, exportId);
      // A zip cut short cannot be opened, so the client cannot mistake it for a whole file.
      output.destroy(error as Error);
    }
  })();
  return output;
}
