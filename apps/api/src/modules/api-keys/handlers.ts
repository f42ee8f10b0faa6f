import type { components } from '@cims/api-client';
import type { apiKeys } from '../../db/schema';
import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { auditContextOf } from '../audit/service';
import { createApiKey, listApiKeys, revokeApiKey } from './service';

function toApiKey(row: typeof apiKeys.$inferSelect): components['schemas']['ApiKey'] {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as components['schemas']['ApiKeyScope'][],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    approvalId: row.approvalId,
  };
}

export const apiKeysHandlers: {
  listApiKeys: OperationHandler<'listApiKeys'>;
  createApiKey: OperationHandler<'createApiKey'>;
  revokeApiKey: OperationHandler<'revokeApiKey'>;
} = {
  async listApiKeys(request) {
    const rows = await listApiKeys(request.server.db);
    return { items: rows.map(toApiKey) };
  },
  async createApiKey(request, reply) {
    const { row, secret } = await createApiKey(request.server.db, actorContextOf(request), request.body);
    return reply.code(201).send({ apiKey: toApiKey(row), secret });
  },
  async revokeApiKey(request, reply) {
    await revokeApiKey(request.server.db, auditContextOf(request), request.params.apiKeyId);
    return reply.code(204).send();
  },
};
