import type { FastifyRequest } from 'fastify';
import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import {
  createTrigger,
  deleteTrigger,
  getTrigger,
  listTriggerRuns,
  listTriggers,
  runTriggerOnce,
  updateTrigger,
} from './service';

type TriggerOperations =
  | 'listTriggers'
  | 'createTrigger'
  | 'getTrigger'
  | 'updateTrigger'
  | 'deleteTrigger'
  | 'dryRunTrigger'
  | 'listTriggerRuns'
  | 'runTrigger';

function runOptions(request: FastifyRequest, isDryRun: boolean) {
  return { audit: auditContextOf(request), startedBy: actorContextOf(request).viewer.userId, isDryRun };
}

export const triggersHandlers: { [K in TriggerOperations]: OperationHandler<K> } = {
  async listTriggers(request) {
    return { items: await listTriggers(request.server.db) };
  },
  async createTrigger(request, reply) {
    const trigger = await createTrigger(request.server.db, actorContextOf(request), request.body);
    reply
      .code(201)
      .header('Location', `/api/v1/triggers/${trigger.id}`)
      .header('ETag', `"${trigger.version}"`);
    return trigger;
  },
  async getTrigger(request, reply) {
    const trigger = await getTrigger(request.server.db, request.params.triggerId);
    reply.header('ETag', `"${trigger.version}"`);
    return trigger;
  },
  async updateTrigger(request, reply) {
    const trigger = await updateTrigger(request.server.db, actorContextOf(request), {
      id: request.params.triggerId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    reply.header('ETag', `"${trigger.version}"`);
    return trigger;
  },
  async deleteTrigger(request, reply) {
    await deleteTrigger(request.server.db, actorContextOf(request), request.params.triggerId);
    return reply.code(204).send();
  },
  async dryRunTrigger(request) {
    return runTriggerOnce(request.server.db, request.params.triggerId, runOptions(request, true));
  },
  async listTriggerRuns(request) {
    return { items: await listTriggerRuns(request.server.db, request.params.triggerId) };
  },
  async runTrigger(request) {
    return runTriggerOnce(request.server.db, request.params.triggerId, runOptions(request, false));
  },
};
