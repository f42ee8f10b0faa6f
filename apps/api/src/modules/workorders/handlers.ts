import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { actorContextOf, actorOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { listAttachments, openAttachment, toAttachment, uploadAttachment } from './attachments';
import { toWorkOrder, toWorkOrderEvent } from './serializers';
import {
  assignWorkOrder,
  commentOnWorkOrder,
  createWorkOrder,
  findWorkOrderEvent,
  getWorkOrder,
  getWorkOrderStats,
  listWorkOrderEvents,
  listWorkOrders,
  transitionWorkOrder,
  updateWorkOrder,
} from './service';
import { getWorkOrderSettings, updateWorkOrderSettings } from './settings';

type WorkOrderOperations =
  | 'listWorkOrders'
  | 'createWorkOrder'
  | 'getWorkOrder'
  | 'updateWorkOrder'
  | 'transitionWorkOrder'
  | 'assignWorkOrder'
  | 'commentOnWorkOrder'
  | 'listWorkOrderEvents'
  | 'getWorkOrderStats'
  | 'getWorkOrderSettings'
  | 'updateWorkOrderSettings'
  | 'listWorkOrderAttachments'
  | 'uploadWorkOrderAttachment'
  | 'downloadWorkOrderAttachment';

async function serialized(request: FastifyRequest, row: Parameters<typeof toWorkOrder>[0]) {
  return toWorkOrder(row, await getWorkOrderSettings(request.server.db));
}

function isServiceStaff(request: FastifyRequest) {
  const principal = actorOf(request);
  return principal.kind === 'staff' && principal.user.roles.includes('service');
}

export const workOrdersHandlers: { [K in WorkOrderOperations]: OperationHandler<K> } = {
  async listWorkOrders(request) {
    const { rows, nextCursor } = await listWorkOrders(request.server.db, actorContextOf(request), {
      ...request.query,
      limit: request.query.limit ?? 50,
    });
    const settings = await getWorkOrderSettings(request.server.db);
    return { items: rows.map((row) => toWorkOrder(row, settings)), nextCursor };
  },
  async createWorkOrder(request, reply) {
    const row = await createWorkOrder(request.server.db, actorContextOf(request), request.body);
    reply.code(201).header('Location', `/api/v1/work-orders/${row.workOrder.id}`);
    return serialized(request, row);
  },
  async getWorkOrder(request, reply) {
    const row = await getWorkOrder(request.server.db, actorContextOf(request), request.params.workOrderId);
    reply.header('ETag', `"${row.workOrder.version}"`);
    return serialized(request, row);
  },
  async updateWorkOrder(request, reply) {
    const row = await updateWorkOrder(request.server.db, actorContextOf(request), {
      id: request.params.workOrderId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    reply.header('ETag', `"${row.workOrder.version}"`);
    return serialized(request, row);
  },
  async transitionWorkOrder(request) {
    const row = await transitionWorkOrder(request.server.db, actorContextOf(request), {
      id: request.params.workOrderId,
      ...request.body,
    });
    return serialized(request, row);
  },
  async assignWorkOrder(request) {
    const row = await assignWorkOrder(request.server.db, actorContextOf(request), {
      id: request.params.workOrderId,
      ...request.body,
    });
    return serialized(request, row);
  },
  async commentOnWorkOrder(request, reply) {
    const db = request.server.db;
    const eventId = await commentOnWorkOrder(db, actorContextOf(request), {
      id: request.params.workOrderId,
      body: request.body.body,
      isServiceStaff: isServiceStaff(request),
    });
    const event = await findWorkOrderEvent(db, request.params.workOrderId, eventId);
    reply.code(201);
    return toWorkOrderEvent(event, await getWorkOrderSettings(db));
  },
  async listWorkOrderEvents(request) {
    const db = request.server.db;
    const rows = await listWorkOrderEvents(db, actorContextOf(request), request.params.workOrderId);
    const settings = await getWorkOrderSettings(db);
    return { items: rows.map((row) => toWorkOrderEvent(row, settings)) };
  },
  async getWorkOrderStats(request) {
    return getWorkOrderStats(request.server.db, actorContextOf(request), request.query);
  },
  async getWorkOrderSettings(request) {
    return getWorkOrderSettings(request.server.db);
  },
  async updateWorkOrderSettings(request) {
    const db = request.server.db;
    return db.transaction((tx) => updateWorkOrderSettings(tx, actorContextOf(request), request.body));
  },
  async listWorkOrderAttachments(request) {
    const rows = await listAttachments(
      request.server.db,
      actorContextOf(request),
      request.params.workOrderId,
    );
    return { items: rows.map(toAttachment) };
  },
  async uploadWorkOrderAttachment(request, reply) {
    const row = await uploadAttachment(request.server.db, actorContextOf(request), {
      workOrderId: request.params.workOrderId,
      fileName: request.query.fileName,
      contentType: request.headers['content-type'] ?? '',
      body: request.body as unknown as Readable,
      dataDir: request.server.config.dataDir,
    });
    reply.code(201);
    return toAttachment(row as NonNullable<typeof row>);
  },
  async downloadWorkOrderAttachment(request, reply) {
    const { attachment, stream } = await openAttachment(request.server.db, actorContextOf(request), {
      ...request.params,
      dataDir: request.server.config.dataDir,
    });
    return reply
      .type(attachment.contentType)
      .header('content-length', attachment.size)
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      )
      .send(stream);
  },
};
