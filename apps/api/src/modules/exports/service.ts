/**
 * Exports of customer lists, segments, work-order lists and dashboard reports. The export is counted and
 * audited when asked for; small ones are written at once, larger ones by the `export` job (progress in
 * `rows_done`), and those above the approval policy's threshold wait for an approver first. The file lives
 * under `<dataDir>/exports` for its requester until it expires, then the hourly clean-up deletes it.
 * Background work runs with the requester's data scope and field access as they are when it runs.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type components, operationRoles } from '@cims/api-client';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { dataExports, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import type { JobQueue } from '../../jobs/schedule';
import { resolveStaffViewer } from '../access/service';
import { getApprovalPolicy, requestApproval } from '../approvals/requests';
import { type AuditAction, appendAuditEntry } from '../audit/service';
import { dashboardReport, dashboardReportChartCount } from './dashboard-report';
import { csvStream, pdfTableStream, xlsxStream } from './file-writers';
import { customerListTable, type ExportTable, segmentTable, workOrderTable } from './tables';

type Schemas = components['schemas'];
type ExportRow = typeof dataExports.$inferSelect;
export type ExportRequest = Schemas['ExportRequest'];

export const maxExportRows = 200_000;
export const maxPdfRows = 2_000;
/** Exports up to this size are written while the request waits. */
export const inlineExportRows = 2_000;
const fileLifetimeMs = 24 * 3_600_000;
const progressEveryRows = 1_000;

const auditActionBySource: Record<ExportRow['source'], AuditAction> = {
  customers: 'export.customers',
  segment: 'export.segment',
  work_orders: 'export.work_orders',
  dashboard: 'export.dashboard',
};

const mediaTypes: Record<ExportRow['format'], string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export const exportsDir = (dataDir: string) => join(dataDir, 'exports');
const filePath = (dataDir: string, row: Pick<ExportRow, 'id' | 'format'>) =>
  join(exportsDir(dataDir), `${row.id}.${row.format}`);

export function toExport(row: ExportRow): Schemas['Export'] {
  return {
    id: row.id,
    source: row.source,
    format: row.format,
    status: row.status,
    reason: row.reason,
    rows: row.rows,
    rowsDone: row.rowsDone,
    fileName: row.fileName,
    fileSize: row.fileSize,
    downloadUrl: row.status === 'ready' ? `/api/v1/exports/${row.id}/file` : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    approvalId: row.approvalId,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** The watermark line of a file: who exported it, when, why, what and the export id. */
export function exportWatermark(input: {
  exporter: string;
  exporterId: string | null;
  at: Date;
  reason: string;
  title: string;
  exportId: string;
}) {
  return `导出人 Exported by: ${input.exporter} (${input.exporterId ?? '-'}) · ${input.at.toISOString()} · 用途 Purpose: ${input.reason} · ${input.title} · 导出编号 Export: ${input.exportId} · 保密 Confidential`;
}

/** The table a list export reads, checking what the request names on the way. */
async function tableOf(db: Database, actor: RequestActor, request: ExportRequest): Promise<ExportTable> {
  if (request.source === 'customers') return customerListTable(db, actor, request.customerFilter ?? {});
  if (request.source === 'work_orders') return workOrderTable(db, actor, request.workOrderFilter ?? {});
  if (request.source === 'segment') {
    if (!request.segmentId)
      throw validationFailed([{ path: '/segmentId', message: 'Required for a segment export' }]);
    return segmentTable(db, actor, {
      segmentId: request.segmentId,
      marketingChannel: request.marketingChannel,
    });
  }
  throw new Error(`no table for ${request.source}`);
}

/** Each source is what one list operation shows: only its roles export it (a role's scope is not enough). */
const operationOfSource = {
  customers: 'listCustomers',
  segment: 'listSegmentMembers',
  work_orders: 'listWorkOrders',
  dashboard: 'getDashboardChart',
} as const;

function assertMayExport(source: ExportRow['source'], viewer: RequestActor['viewer']) {
  const allowed: readonly string[] = operationRoles[operationOfSource[source]];
  if (!viewer.roles.some((role) => allowed.includes(role)))
    throw new DomainError('forbidden', `Your role may not export ${source}.`);
}

function checkShape(request: ExportRequest, viewer: RequestActor['viewer']) {
  assertMayExport(request.source, viewer);
  const misplaced = (
    [
      ['customerFilter', 'customers'],
      ['workOrderFilter', 'work_orders'],
      ['dashboardFilter', 'dashboard'],
      ['segmentId', 'segment'],
      ['marketingChannel', 'segment'],
    ] as const
  ).filter(([field, source]) => request[field] !== undefined && request.source !== source);
  const errors = misplaced.map(([field, source]) => ({
    path: `/${field}`,
    message: `Only for a ${source} export`,
  }));
  if (request.source === 'dashboard' && request.format !== 'pdf')
    errors.push({ path: '/format', message: 'A dashboard report is a PDF' });
  const { from, to } = request.dashboardFilter ?? {};
  if (from && to && new Date(from) >= new Date(to))
    errors.push({ path: '/dashboardFilter/from', message: 'Must be before to' });
  if (errors.length > 0) throw validationFailed(errors);
}

export async function createExport(
  db: Database,
  actor: RequestActor,
  context: { jobs: JobQueue; dataDir: string },
  request: ExportRequest,
) {
  checkShape(request, actor.viewer);
  const userId = actor.viewer.userId;
  if (!userId) throw new DomainError('forbidden', 'Exports are for staff users.');
  const rows =
    request.source === 'dashboard' ? dashboardReportChartCount : (await tableOf(db, actor, request)).rows;
  if (rows > maxExportRows)
    throw new DomainError(
      'conflict',
      `The export would hold ${rows} rows; at most ${maxExportRows} can be exported at once. Narrow the selection.`,
    );
  if (request.format === 'pdf' && request.source !== 'dashboard' && rows > maxPdfRows)
    throw new DomainError(
      'conflict',
      `A PDF holds at most ${maxPdfRows} rows; this export would hold ${rows}. Export XLSX or CSV, or narrow the selection.`,
    );
  const policy = await getApprovalPolicy(db, 'export');
  const needsApproval = policy.isEnabled && policy.rowThreshold !== null && rows > policy.rowThreshold;
  const status: ExportRow['status'] = needsApproval ? 'awaiting_approval' : 'queued';

  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dataExports)
      .values({
        requestedBy: userId,
        source: request.source,
        format: request.format,
        status,
        reason: request.reason,
        request,
        rows,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAuditEntry(tx, actor.audit, {
      action: auditActionBySource[request.source],
      resourceType: 'export',
      resourceId: row.id,
      details: { exportId: row.id, rows, format: request.format, reason: request.reason, request },
    });
    if (!needsApproval) return row;
    const approval = await requestApproval(tx, actor, {
      kind: 'export',
      policy,
      reason: request.reason,
      details: { exportId: row.id, source: request.source, format: request.format, rows },
    });
    const [linked] = await tx
      .update(dataExports)
      .set({ approvalId: approval.id })
      .where(eq(dataExports.id, row.id))
      .returning();
    return linked ?? row;
  });
  if (status !== 'queued') return created;
  if (rows <= inlineExportRows) return runExport(db, created.id, context.dataDir);
  // The export stands; a send that fails is retried by the hourly sweep of long-queued exports.
  await context.jobs
    .send('export', created.id)
    .catch((error: unknown) => console.error('queueing an export failed', error));
  return created;
}

/** After the approver's yes (inside the decision's transaction): the export is queued once that commits. */
export async function releaseApprovedExport(tx: Queryable, exportId: string) {
  await tx
    .update(dataExports)
    .set({ status: 'queued' })
    .where(and(eq(dataExports.id, exportId), eq(dataExports.status, 'awaiting_approval')));
}

export async function refuseExport(tx: Queryable, exportId: string, why: string) {
  await tx
    .update(dataExports)
    .set({ status: 'rejected', error: why, completedAt: new Date() })
    .where(and(eq(dataExports.id, exportId), eq(dataExports.status, 'awaiting_approval')));
}

/** The requester as they are now: a deactivated user's export does not run. */
async function requesterActor(db: Database, userId: string): Promise<RequestActor> {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, userId));
  if (!user?.isActive) throw new DomainError('forbidden', 'The requester is no longer an active user.');
  return {
    viewer: await resolveStaffViewer(db, user),
    audit: { actorType: 'staff', actorId: user.id, actorLabel: user.email, ipAddress: null, requestId: null },
  };
}

/**
 * Writes the file (the job, or the request for a small export); a run that fails leaves no file. Only a
 * queued export is claimed, so a job delivered twice writes it once; the claim is the `running` status.
 */
export async function runExport(db: Database, exportId: string, dataDir: string) {
  const [row] = await db
    .update(dataExports)
    .set({ status: 'running', rowsDone: 0, startedAt: new Date() })
    .where(and(eq(dataExports.id, exportId), eq(dataExports.status, 'queued')))
    .returning();
  if (!row) {
    const [current] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
    if (!current) throw new Error(`no export ${exportId}`);
    return current;
  }
  const target = filePath(dataDir, row);
  const partial = `${target}.${randomUUID()}.part`;
  const isThisRun = () => and(eq(dataExports.id, exportId), eq(dataExports.status, 'running'));
  try {
    const actor = await requesterActor(db, row.requestedBy);
    // Roles may have changed while the export waited for approval or its turn.
    assertMayExport(row.source, actor.viewer);
    const request = row.request as ExportRequest;
    const watermarkOf = (title: string) =>
      exportWatermark({
        exporter: actor.audit.actorLabel ?? row.requestedBy,
        exporterId: row.requestedBy,
        at: row.createdAt,
        reason: row.reason,
        title,
        exportId: row.id,
      });
    let stream: Readable;
    let written = row.rows;
    // The writers end a file that fails midway on their own terms; the failure is kept to fail the run.
    let failure: unknown = null;
    if (request.source === 'dashboard') {
      stream = await dashboardReport(db, actor, {
        filter: request.dashboardFilter ?? {},
        watermark: watermarkOf('客户数据报告 Customer report'),
      });
    } else {
      const table = await tableOf(db, actor, request);
      written = 0;
      async function* counted() {
        for await (const record of table.records(row?.rows ?? 0)) {
          written += 1;
          if (written % progressEveryRows === 0)
            await db.update(dataExports).set({ rowsDone: written }).where(isThisRun());
          yield record;
        }
      }
      const input = {
        watermark: watermarkOf(table.title),
        exportId: row.id,
        header: table.header,
        records: counted(),
        logError: (error: unknown) => {
          failure = error;
        },
      };
      stream =
        row.format === 'csv'
          ? csvStream(input)
          : row.format === 'xlsx'
            ? xlsxStream({
                ...input,
                exporter: actor.audit.actorLabel ?? row.requestedBy,
                sheetName: table.title,
              })
            : pdfTableStream({ ...input, title: table.title, weights: table.weights });
    }
    await mkdir(exportsDir(dataDir), { recursive: true });
    await pipeline(stream, createWriteStream(partial));
    if (failure) throw failure;
    await rename(partial, target);
    const { size } = await stat(target);
    const fileName = `${request.source}-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.${row.format}`;
    const [ready] = await db
      .update(dataExports)
      .set({
        status: 'ready',
        rowsDone: written,
        fileName,
        fileSize: size,
        completedAt: new Date(),
        expiresAt: new Date(Date.now() + fileLifetimeMs),
      })
      .where(isThisRun())
      .returning();
    // No longer this run's (the sweep took it for stopped): its file must not stay behind unlisted.
    if (!ready) await rm(target, { force: true });
    return ready ?? row;
  } catch (error) {
    await rm(partial, { force: true });
    const message =
      error instanceof DomainError ? error.message : 'The export failed; ask again or narrow it.';
    const [failed] = await db
      .update(dataExports)
      .set({ status: 'failed', error: message, completedAt: new Date() })
      .where(isThisRun())
      .returning();
    if (!(error instanceof DomainError)) console.error(`export ${exportId} failed`, error);
    return failed ?? row;
  }
}

async function findOwnExport(db: Queryable, actor: RequestActor, id: string) {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.requestedBy, actor.viewer.userId ?? sql`NULL`)));
  if (!row) throw new DomainError('not_found', 'No such export of yours.');
  return row;
}

export async function getExport(db: Queryable, actor: RequestActor, id: string) {
  return toExport(await findOwnExport(db, actor, id));
}

export async function listExports(db: Queryable, actor: RequestActor) {
  const rows = await db
    .select()
    .from(dataExports)
    .where(
      and(
        eq(dataExports.requestedBy, actor.viewer.userId ?? sql`NULL`),
        gte(dataExports.createdAt, new Date(Date.now() - 30 * 24 * 3_600_000)),
      ),
    )
    .orderBy(desc(dataExports.createdAt))
    .limit(200);
  return { items: rows.map(toExport) };
}

/** The file for its requester while it lasts; each download is audited. */
export async function openExportFile(db: Database, actor: RequestActor, id: string, dataDir: string) {
  const row = await findOwnExport(db, actor, id);
  if (row.status === 'expired' || (row.status === 'ready' && row.expiresAt && row.expiresAt <= new Date()))
    throw new DomainError('gone', 'This export has expired and its file is deleted; export again.');
  if (row.status !== 'ready') throw new DomainError('conflict', `The export is ${row.status}, not ready.`);
  // Opened before the download is audited: the hourly clean-up may have deleted it just now.
  const file = await open(filePath(dataDir, row)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new DomainError('gone', 'This export has expired and its file is deleted; export again.');
    throw error;
  });
  await db
    .transaction((tx) =>
      appendAuditEntry(tx, actor.audit, {
        action: 'export_file.download',
        resourceType: 'export',
        resourceId: row.id,
        details: { exportId: row.id, rows: row.rowsDone, format: row.format },
      }),
    )
    .catch(async (error: unknown) => {
      await file.close();
      throw error;
    });
  return {
    stream: file.createReadStream(),
    fileName: row.fileName ?? `${row.id}.${row.format}`,
    mediaType: mediaTypes[row.format],
  };
}

/** A run this old was stopped with its process (the largest export writes in well under a minute). */
const staleRunMs = 3_600_000;
/** A queued export this old lost its job (a send that failed after the approval committed). */
const lostQueuedMs = 10 * 60_000;

/**
 * The hourly clean-up: files past their time are deleted and their exports marked expired; runs stopped
 * with their process fail (their part files go); exports queued long ago are queued again.
 */
export async function expireExports(db: Database, dataDir: string, jobs: JobQueue) {
  const expired = await db
    .update(dataExports)
    .set({ status: 'expired' })
    .where(and(eq(dataExports.status, 'ready'), lte(dataExports.expiresAt, new Date())))
    .returning({ id: dataExports.id, format: dataExports.format });
  for (const row of expired) await rm(filePath(dataDir, row), { force: true });
  const interrupted = await db
    .update(dataExports)
    .set({ status: 'failed', error: 'The export was interrupted; ask again.', completedAt: new Date() })
    .where(
      and(
        eq(dataExports.status, 'running'),
        sql`coalesce(${dataExports.startedAt}, ${dataExports.createdAt}) <= ${new Date(Date.now() - staleRunMs)}`,
      ),
    )
    .returning({ id: dataExports.id });
  const leftovers = (await readdir(exportsDir(dataDir)).catch(() => [])).filter((name) =>
    interrupted.some((row) => name.startsWith(row.id) && name.endsWith('.part')),
  );
  for (const name of leftovers) await rm(join(exportsDir(dataDir), name), { force: true });
  const lost = await db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(
      and(eq(dataExports.status, 'queued'), lte(dataExports.createdAt, new Date(Date.now() - lostQueuedMs))),
    );
  for (const row of lost) await jobs.send('export', row.id);
  return {
    expiredExports: expired.length,
    interruptedExports: interrupted.length,
    requeuedExports: lost.length,
  };
}
