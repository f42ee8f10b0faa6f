import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { toCustomerSummary } from '../customers/serializers';
import { exportSegment } from '../exports/segment-export';
import {
  createSegment,
  deleteSegment,
  getSegment,
  listSegmentMembers,
  listSegments,
  previewSegment,
  refreshSegment,
  updateSegment,
} from './service';

type SegmentOperations =
  | 'listSegments'
  | 'createSegment'
  | 'previewSegment'
  | 'getSegment'
  | 'updateSegment'
  | 'deleteSegment'
  | 'refreshSegment'
  | 'listSegmentMembers'
  | 'exportSegment';

export const segmentsHandlers: { [K in SegmentOperations]: OperationHandler<K> } = {
  async listSegments(request) {
    return { items: await listSegments(request.server.db, viewerOf(request)) };
  },
  async createSegment(request, reply) {
    const segment = await createSegment(request.server.db, actorContextOf(request), request.body);
    reply
      .code(201)
      .header('Location', `/api/v1/segments/${segment.id}`)
      .header('ETag', `"${segment.version}"`);
    return segment;
  },
  async previewSegment(request) {
    const viewer = viewerOf(request);
    const { count, sample } = await previewSegment(request.server.db, viewer, request.body.rule);
    return { count, sample: sample.map((row) => toCustomerSummary(row, viewer.fieldAccess)) };
  },
  async getSegment(request, reply) {
    const segment = await getSegment(request.server.db, viewerOf(request), request.params.segmentId);
    reply.header('ETag', `"${segment.version}"`);
    return segment;
  },
  async updateSegment(request, reply) {
    const segment = await updateSegment(request.server.db, actorContextOf(request), {
      id: request.params.segmentId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    reply.header('ETag', `"${segment.version}"`);
    return segment;
  },
  async deleteSegment(request, reply) {
    await deleteSegment(request.server.db, actorContextOf(request), request.params.segmentId);
    return reply.code(204).send();
  },
  async refreshSegment(request) {
    return refreshSegment(request.server.db, actorContextOf(request), request.params.segmentId);
  },
  async listSegmentMembers(request) {
    const viewer = viewerOf(request);
    const { rows, nextCursor } = await listSegmentMembers(request.server.db, viewer, {
      segmentId: request.params.segmentId,
      limit: request.query.limit ?? 50,
      cursor: request.query.cursor,
    });
    return { items: rows.map((row) => toCustomerSummary(row, viewer.fieldAccess)), nextCursor };
  },
  async exportSegment(request, reply) {
    const { fileName, stream } = await exportSegment(request.server.db, actorContextOf(request), {
      segmentId: request.params.segmentId,
      ...request.query,
      logError: (error, exportId) =>
        request.log.error({ err: error, exportId }, 'segment export failed midway'),
    });
    return reply
      .type(
        request.query.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .header('Content-Disposition', `attachment; filename="${fileName}"`)
      .send(stream);
  },
};
