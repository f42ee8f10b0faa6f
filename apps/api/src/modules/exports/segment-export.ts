/**
 * Exports of a segment's members (CSV or XLSX): within the exporter's data scope, with contact values as
 * their field access shows them (masked or left out), formula-safe cells, and a first line naming who
 * exported the file, when and why — the same facts the audit entry records, so a leaked file points back
 * to its exporter. Rows stream out page by page; XLSX through exceljs's streaming writer.
 */
import { PassThrough, type Readable } from 'node:stream';
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

export async function exportSegment(
  db: Database,
  actor: RequestActor,
  input: { segmentId: string; format: ExportFormat; reason: string; marketingChannel?: ConsentChannel },
) {
  const segment = await getSegment(db, actor.viewer, input.segmentId);
  const filter = { segmentId: segment.id, marketingChannel: input.marketingChannel };
  const rows = await countSegmentMembers(db, actor.viewer, filter);
  if (rows > maxExportRows)
    throw new DomainError(
      'conflict',
      `The export would hold ${rows} rows; at most ${maxExportRows} can be exported at once. Narrow the segment.`,
    );
  const exportedAt = new Date();
  const exporter = actor.audit.actorLabel ?? actor.audit.actorId ?? 'unknown';
  await db.transaction((tx) =>
    appendAuditEntry(tx, actor.audit, {
      action: 'export.segment',
      resourceType: 'segment',
      resourceId: segment.id,
      details: {
        rows,
        format: input.format,
        reason: input.reason,
        marketingChannel: input.marketingChannel ?? null,
      },
    }),
  );
  const watermark = `导出人 Exported by: ${exporter} (${actor.audit.actorId ?? '-'}) · ${exportedAt.toISOString()} · 用途 Purpose: ${input.reason} · 分群 Segment: ${segment.name} · 保密 Confidential`;

  async function* records() {
    let cursor: string | undefined;
    do {
      const page = await listSegmentMembers(db, actor.viewer, { ...filter, limit: pageSize, cursor });
      for (const row of page.rows) {
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
        ].map(safeCell);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  const fileName = `segment-${segment.id.slice(0, 8)}-${exportedAt.toISOString().slice(0, 10)}.${input.format}`;
  return {
    fileName,
    rows,
    stream:
      input.format === 'csv' ? csvStream(watermark, records()) : xlsxStream(watermark, exporter, records()),
  };
}

function csvStream(watermark: string, records: AsyncIterable<(string | number)[]>): Readable {
  const output = new PassThrough();
  // A BOM so that Excel reads the UTF-8 Chinese text correctly.
  output.write('\uFEFF');
  const csv = stringify();
  csv.pipe(output);
  void (async () => {
    try {
      csv.write([safeCell(watermark)]);
      csv.write(header);
      for await (const record of records)
        if (!csv.write(record)) await new Promise((resolve) => csv.once('drain', resolve));
      csv.end();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}

function xlsxStream(
  watermark: string,
  exporter: string,
  records: AsyncIterable<(string | number)[]>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = exporter;
  const sheet = workbook.addWorksheet('客户 Customers', {
    headerFooter: { oddHeader: watermark, oddFooter: watermark },
  });
  void (async () => {
    try {
      sheet.addRow([watermark]).commit();
      const head = sheet.addRow(header);
      head.font = { bold: true };
      head.commit();
      for await (const record of records) sheet.addRow(record).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
