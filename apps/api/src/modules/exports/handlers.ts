import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { createExport, getExport, listExports, openExportFile, toExport } from './service';

type ExportOperations = 'listExports' | 'createExport' | 'getExport' | 'downloadExport';

export const exportsHandlers: { [K in ExportOperations]: OperationHandler<K> } = {
  async listExports(request) {
    return listExports(request.server.db, actorContextOf(request));
  },
  async createExport(request, reply) {
    const { db, jobs, config } = request.server;
    const row = await createExport(
      db,
      actorContextOf(request),
      { jobs, dataDir: config.dataDir },
      request.body,
    );
    return reply.code(201).header('Location', `/api/v1/exports/${row.id}`).send(toExport(row));
  },
  async getExport(request) {
    return getExport(request.server.db, actorContextOf(request), request.params.exportId);
  },
  async downloadExport(request, reply) {
    const file = await openExportFile(
      request.server.db,
      actorContextOf(request),
      request.params.exportId,
      request.server.config.dataDir,
    );
    return reply
      .type(file.mediaType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.stream);
  },
};
