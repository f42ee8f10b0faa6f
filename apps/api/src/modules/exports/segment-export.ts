/**
 * The direct download of a segment's members (CSV or XLSX, `GET /segments/{id}/export`): streamed at the
 * pace the client reads, for segments up to 50,000 members and within the export approval threshold —
 * larger ones go through `POST /exports`. Masking, formula safety and the watermark are those of every
 * export (tables.ts, file-writers.ts); the audit entry carries the same export id as the file.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { getApprovalPolicy } from '../approvals/requests';
import { appendAuditEntry } from '../audit/service';
import type { ConsentChannel } from '../privacy/consent-repo';
import { csvStream, type ExportErrorLog, xlsxStream } from './file-writers';
import { exportWatermark } from './service';
import { segmentTable } from './tables';

export const maxDirectExportRows = 50_000;

const logToConsole: ExportErrorLog = (error, exportId) =>
  console.error(`segment export ${exportId} failed midway`, error);

export async function exportSegment(
  db: Database,
  actor: RequestActor,
  input: {
    segmentId: string;
    format: 'csv' | 'xlsx';
    reason: string;
    marketingChannel?: ConsentChannel;
    logError?: ExportErrorLog;
  },
) {
  const table = await segmentTable(db, actor, input);
  const { rows, segment } = table;
  if (rows > maxDirectExportRows)
    throw new DomainError(
      'conflict',
      `The export would hold ${rows} rows; a direct download holds at most ${maxDirectExportRows}. Use POST /api/v1/exports.`,
    );
  const policy = await getApprovalPolicy(db, 'export');
  if (policy.isEnabled && policy.rowThreshold !== null && rows > policy.rowThreshold)
    throw new DomainError(
      'conflict',
      `Exports of more than ${policy.rowThreshold} rows need approval; ask through POST /api/v1/exports.`,
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
  const watermark = exportWatermark({
    exporter,
    exporterId: actor.audit.actorId,
    at: exportedAt,
    reason: input.reason,
    title: table.title,
    exportId,
  });
  const stream = {
    watermark,
    exportId,
    header: table.header,
    records: table.records(rows),
    logError: input.logError ?? logToConsole,
  };
  const fileName = `segment-${segment.id.slice(0, 8)}-${exportedAt.toISOString().slice(0, 10)}.${input.format}`;
  return {
    fileName,
    rows,
    exportId,
    stream:
      input.format === 'csv'
        ? csvStream(stream)
        : xlsxStream({ ...stream, exporter, sheetName: '客户 Customers' }),
  };
}
