import type { FastifyReply } from 'fastify';
import { actorContextOf, actorOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import type { Viewer } from '../access/policies';
import { sendHeldForApproval } from '../approvals/handlers';
import {
  batchUpsertCustomers,
  checkDuplicates,
  createCustomer,
  type IngestOutcome,
  upsertCustomerByExternalId,
} from './ingest';
import { type CustomerRecord, findCustomerSummaries } from './repo';
import { etagOf, toCustomer, toCustomerSummary } from './serializers';
import {
  deleteCustomer,
  listCustomers,
  restoreCustomer,
  revealCustomerField,
  searchCustomers,
  updateCustomer,
  verifyCustomer,
  viewCustomer,
} from './service';

type CustomerOperations =
  | 'revealCustomerField'
  | 'listCustomers'
  | 'searchCustomers'
  | 'createCustomer'
  | 'getCustomer'
  | 'updateCustomer'
  | 'deleteCustomer'
  | 'restoreCustomer'
  | 'verifyCustomer'
  | 'upsertCustomerByExternalId'
  | 'batchUpsertCustomers'
  | 'checkCustomerDuplicates';

/** 201 with Location for a new customer; 200 when an existing one was updated, left alone or merged into. */
function sendIngested(
  reply: FastifyReply,
  viewer: Viewer,
  { record, outcome }: { record: CustomerRecord; outcome: IngestOutcome },
) {
  if (outcome === 'created') reply.code(201).header('Location', `/api/v1/customers/${record.row.id}`);
  return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, viewer));
}

export const customersHandlers: { [K in CustomerOperations]: OperationHandler<K> } = {
  async revealCustomerField(request, reply) {
    const actor = actorContextOf(request);
    const revealed = await revealCustomerField(request.server.db, actor, {
      id: request.params.customerId,
      ...request.body,
    });
    if ('approvalId' in revealed) return sendHeldForApproval(request, reply, revealed.approvalId);
    return revealed;
  },
  async listCustomers(request) {
    const viewer = viewerOf(request);
    const { rows, nextCursor } = await listCustomers(request.server.db, viewer, request.query);
    return { items: rows.map((row) => toCustomerSummary(row, viewer.fieldAccess)), nextCursor };
  },
  async searchCustomers(request) {
    const viewer = viewerOf(request);
    const rows = await searchCustomers(request.server.db, viewer, request.query);
    return { items: rows.map((row) => toCustomerSummary(row, viewer.fieldAccess)) };
  },
  async createCustomer(request, reply) {
    const actor = actorContextOf(request);
    const result = await createCustomer(request.server.db, actor, request.body, request.query.onDuplicate);
    return sendIngested(reply, actor.viewer, result);
  },
  async upsertCustomerByExternalId(request, reply) {
    const actor = actorContextOf(request);
    const result = await upsertCustomerByExternalId(request.server.db, actor, {
      ...request.params,
      body: request.body,
      onDuplicate: request.query.onDuplicate,
    });
    return sendIngested(reply, actor.viewer, result);
  },
  async batchUpsertCustomers(request) {
    const principal = actorOf(request);
    return batchUpsertCustomers(request.server.db, actorContextOf(request), {
      body: request.body,
      idempotencyKey: [request.headers['idempotency-key']].flat()[0],
      callerId: principal.kind === 'staff' ? principal.user.id : principal.apiKey.id,
    });
  },
  async checkCustomerDuplicates(request) {
    const viewer = viewerOf(request);
    const matches = await checkDuplicates(request.server.db, request.body);
    const summaries = await findCustomerSummaries(
      request.server.db,
      matches.map((m) => m.b),
      viewer,
    );
    return {
      matches: matches.flatMap((match) => {
        const row = summaries.get(match.b);
        if (!row) return [];
        return [
          {
            customer: toCustomerSummary(row, viewer.fieldAccess),
            score: Math.round(match.score * 100) / 100,
            decision: match.decision,
            comparisons: match.contributions,
          },
        ];
      }),
    };
  },
  async getCustomer(request, reply) {
    const actor = actorContextOf(request);
    const record = await viewCustomer(request.server.db, actor, request.params.customerId);
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, actor.viewer));
  },
  async updateCustomer(request, reply) {
    const record = await updateCustomer(request.server.db, actorContextOf(request), {
      id: request.params.customerId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, viewerOf(request)));
  },
  async deleteCustomer(request, reply) {
    await deleteCustomer(request.server.db, actorContextOf(request), request.params.customerId);
    return reply.code(204).send();
  },
  async restoreCustomer(request, reply) {
    const record = await restoreCustomer(
      request.server.db,
      actorContextOf(request),
      request.params.customerId,
    );
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, viewerOf(request)));
  },
  async verifyCustomer(request, reply) {
    const record = await verifyCustomer(
      request.server.db,
      actorContextOf(request),
      request.params.customerId,
    );
    return reply.header('ETag', etagOf(record.row.version)).send(toCustomer(record, viewerOf(request)));
  },
};
