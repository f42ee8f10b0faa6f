import type { Readable } from 'node:stream';
import type { components } from '@cims/api-client';
import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { validationFailed } from '../../http/errors';
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
  createdBy: { id: string; displayName: string } | null = null,
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
    totalRows: row.totalRows,
    processedRows: row.committedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    errorCount: row.errorCount,
    flaggedDuplicates: row.flaggedDuplicates,
    mergedCount: row.mergedCount,
    failureReason: row.failureReason,
    createdBy: createdBy ?? (row.createdBy ? { id: row.createdBy, displayName: '' } : null),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export const importsHandlers: { [K in ImportOperations]: OperationHandler<K> } = {
  async listImports(request) {
    const rows = await listImports(request.server.db, viewerOf(request));
    return { items: rows.map((row) => toImportJob(row)) };
  },
  async uploadImport(request, reply) {
    const row = await uploadImport(request.server.db, actorContextOf(request), {
      body: request.body as unknown as Readable,
      contentType: request.headers['content-type'] ?? '',
      fileName: request.query.fileName,
      dataDir: request.server.config.dataDir,
    });
    return reply.code(201).header('Location', `/api/v1/imports/${row.id}`).send(toImportJob(row));
  },
  async getImport(request) {
    return toImportJob(await getImport(request.server.db, viewerOf(request), request.params.importId));
  },
  async startImport(request, reply) {
    const row = await startImport(
      request.server.db,
      actorContextOf(request),
      request.params.importId,
      request.body,
    );
    await request.server.jobs.send('import', row.id);
    return reply.code(202).send(toImportJob(row));
  },
  async cancelImport(request) {
    return toImportJob(
      await cancelImport(request.server.db, actorContextOf(request), request.params.importId),
    );
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
      items: page.items.map((row) => ({ rowNumber: row.rowNumber, values: row.values, errors: row.errors })),
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
