import type { Readable } from 'node:stream';
import type { components } from '@cims/api-client';
import type { Database } from '../../db/client';
import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { validationFailed } from '../../http/errors';
import { findStaffNames } from '../users/service';
import { suggestMapping } from './mapping';
import {
  cancelImport,
  getImport,
  type ImportRow,
  importErrorsCsv,
  listImportErrors,
  listImports,
  startImport,
  uploadImport,
} from './service';

type ImportOperations =
  | 'listImports'
  | 'uploadImport'
  | 'getImport'
  | 'startImport'
  | 'cancelImport'
  | 'listImportErrors'
  | 'downloadImportErrors';

function toImportJob(
  row: ImportRow,
  staffNames: ReadonlyMap<string, string>,
): components['schemas']['ImportJob'] {
  return {
    id: row.id,
    fileName: row.fileName,
    fileFormat: row.fileFormat,
    fileSize: row.fileSize,
    status: row.status,
    mode: row.mode,
    columns: row.columns,
    sampleRows: row.sampleRows,
    suggestedMapping: suggestMapping(row.columns),
    mapping: (row.mapping as components['schemas']['ImportMapping'] | null) ?? null,
    source: row.source,
    sourceChannel: (row.sourceChannel as components['schemas']['SourceChannel'] | null) ?? null,
    defaultKind: row.defaultKind,
    onDuplicate: row.onDuplicate,
    invalidValues: row.invalidValues,
    totalRows: row.totalRows,
    processedRows: row.committedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    errorCount: row.errorCount,
    partialCount: row.partialCount,
    flaggedDuplicates: row.flaggedDuplicates,
    mergedCount: row.mergedCount,
    failureReason: row.failureReason,
    createdBy: row.createdBy ? { id: row.createdBy, displayName: staffNames.get(row.createdBy) ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Import jobs as answered, with who started each by name. */
async function toImportJobs(db: Database, rows: ImportRow[]) {
  const names = await findStaffNames(
    db,
    rows.map((row) => row.createdBy),
  );
  return rows.map((row) => toImportJob(row, names));
}

async function toOneImportJob(db: Database, row: ImportRow) {
  const [job] = await toImportJobs(db, [row]);
  return job as components['schemas']['ImportJob'];
}

export const importsHandlers: { [K in ImportOperations]: OperationHandler<K> } = {
  async listImports(request) {
    const rows = await listImports(request.server.db, viewerOf(request));
    return { items: await toImportJobs(request.server.db, rows) };
  },
  async uploadImport(request, reply) {
    const row = await uploadImport(request.server.db, actorContextOf(request), {
      body: request.body as unknown as Readable,
      contentType: request.headers['content-type'] ?? '',
      fileName: request.query.fileName,
      dataDir: request.server.config.dataDir,
    });
    return reply
      .code(201)
      .header('Location', `/api/v1/imports/${row.id}`)
      .send(await toOneImportJob(request.server.db, row));
  },
  async getImport(request) {
    const row = await getImport(request.server.db, viewerOf(request), request.params.importId);
    return toOneImportJob(request.server.db, row);
  },
  async startImport(request, reply) {
    const row = await startImport(
      request.server.db,
      actorContextOf(request),
      request.params.importId,
      request.body,
    );
    await request.server.jobs.send('import', row.id);
    return reply.code(202).send(await toOneImportJob(request.server.db, row));
  },
  async cancelImport(request) {
    const row = await cancelImport(request.server.db, actorContextOf(request), request.params.importId);
    return toOneImportJob(request.server.db, row);
  },
  async listImportErrors(request) {
    const after = request.query.cursor ? Number(request.query.cursor) : 0;
    if (!Number.isInteger(after) || after < 0) {
      throw validationFailed([{ path: '/query/cursor', message: 'Not a cursor of this list' }]);
    }
    const page = await listImportErrors(request.server.db, viewerOf(request), request.params.importId, {
      limit: request.query.limit ?? 100,
      after,
    });
    return {
      items: page.items.map((row) => ({
        rowNumber: row.rowNumber,
        values: row.values,
        errors: row.errors,
        isStored: row.isStored,
      })),
      nextCursor: page.nextCursor,
    };
  },
  async downloadImportErrors(request, reply) {
    const csv = await importErrorsCsv(request.server.db, viewerOf(request), request.params.importId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="import-${request.params.importId}-errors.csv"`)
      .send(csv);
  },
};
