import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { toCustomerSummary } from '../customers/serializers';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  listCampaignTargets,
  updateCampaign,
} from './service';

type CampaignOperations =
  | 'listCampaigns'
  | 'createCampaign'
  | 'getCampaign'
  | 'updateCampaign'
  | 'deleteCampaign'
  | 'listCampaignTargets';

export const campaignsHandlers: { [K in CampaignOperations]: OperationHandler<K> } = {
  async listCampaigns(request) {
    return { items: await listCampaigns(request.server.db, viewerOf(request)) };
  },
  async createCampaign(request, reply) {
    const campaign = await createCampaign(request.server.db, actorContextOf(request), request.body);
    reply
      .code(201)
      .header('Location', `/api/v1/campaigns/${campaign.id}`)
      .header('ETag', `"${campaign.version}"`);
    return campaign;
  },
  async getCampaign(request, reply) {
    const campaign = await getCampaign(request.server.db, viewerOf(request), request.params.campaignId);
    reply.header('ETag', `"${campaign.version}"`);
    return campaign;
  },
  async updateCampaign(request, reply) {
    const campaign = await updateCampaign(request.server.db, actorContextOf(request), {
      id: request.params.campaignId,
      ifMatch: request.headers['if-match'],
      body: request.body,
    });
    reply.header('ETag', `"${campaign.version}"`);
    return campaign;
  },
  async deleteCampaign(request, reply) {
    await deleteCampaign(request.server.db, actorContextOf(request), request.params.campaignId);
    return reply.code(204).send();
  },
  async listCampaignTargets(request) {
    const viewer = viewerOf(request);
    const { rows, nextCursor } = await listCampaignTargets(request.server.db, viewer, {
      campaignId: request.params.campaignId,
      limit: request.query.limit ?? 50,
      cursor: request.query.cursor,
    });
    return { items: rows.map((row) => toCustomerSummary(row, viewer.fieldAccess)), nextCursor };
  },
};
