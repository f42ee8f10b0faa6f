/**
 * Campaigns (营销活动): a target list taken from a segment, kept to the customers whose marketing consent
 * on the campaign's channel is in force (PIPL: marketing only with consent), and its results from the
 * orders and interactions that carry its code within its period: responses, conversions, attributed
 * revenue and ROI, counted within the viewer's data scope.
 */
import type { components } from '@cims/api-client';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { campaigns, segments } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import { hasAllScope, type Viewer } from '../access/policies';
import { appendAuditEntry, diffSnapshots } from '../audit/service';
import { customerScope } from '../customers/repo';
import { versionFromEtag } from '../customers/service';
import { formatCents, toCents } from '../orders/service';
import { paidOrderStatusesParam } from '../orders/statuses';
import { countSegmentMembers, listSegmentMembers } from '../segments/service';

type Schemas = components['schemas'];
type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignInput = Schemas['CampaignInput'];

async function statsOf(
  db: Queryable,
  viewer: Viewer,
  row: CampaignRow,
): Promise<Schemas['Campaign']['stats']> {
  const reach = await countSegmentMembers(db, viewer, {
    segmentId: row.segmentId,
    marketingChannel: row.channel,
  });
  const scope = customerScope(viewer) ?? sql`true`;
  const result = await db.execute<{ responses: number; conversions: number; revenue_cents: string }>(sql`
    SELECT
      (SELECT count(DISTINCT i.customer_id)::int FROM interactions i JOIN customers ON customers.id = i.customer_id
        WHERE i.campaign_code = ${row.code} AND i.type = 'campaign_response'
          AND i.occurred_at >= ${row.startsAt} AND i.occurred_at < ${row.endsAt} AND ${scope}) AS responses,
      (SELECT count(DISTINCT o.customer_id)::int FROM orders o JOIN customers ON customers.id = o.customer_id
        WHERE o.campaign_code = ${row.code} AND o.status = ANY(${paidOrderStatusesParam()})
          AND o.ordered_at >= ${row.startsAt} AND o.ordered_at < ${row.endsAt} AND ${scope}) AS conversions,
      (SELECT (coalesce(sum(o.amount), 0) * 100)::bigint::text FROM orders o JOIN customers ON customers.id = o.customer_id
        WHERE o.campaign_code = ${row.code} AND o.status = ANY(${paidOrderStatusesParam()})
          AND o.ordered_at >= ${row.startsAt} AND o.ordered_at < ${row.endsAt} AND ${scope}) AS revenue_cents`);
  const figures = result.rows[0];
  const revenue = BigInt(figures?.revenue_cents ?? '0');
  const cost = toCents(row.cost);
  return {
    reach,
    responses: Number(figures?.responses ?? 0),
    conversions: Number(figures?.conversions ?? 0),
    attributedRevenue: formatCents(revenue),
    // The cost is the whole campaign's: set against the revenue of only part of the base, it would mislead.
    roi:
      cost === 0n || !hasAllScope(viewer)
        ? null
        : Math.round((Number(revenue - cost) / Number(cost)) * 1000) / 1000,
  };
}

async function toCampaigns(
  db: Queryable,
  viewer: Viewer,
  rows: CampaignRow[],
): Promise<Schemas['Campaign'][]> {
  const segmentIds = [...new Set(rows.map((row) => row.segmentId))];
  const names = new Map(
    (segmentIds.length
      ? await db
          .select({ id: segments.id, name: segments.name })
          .from(segments)
          .where(inArray(segments.id, segmentIds))
      : []
    ).map((segment) => [segment.id, segment.name]),
  );
  const result: Schemas['Campaign'][] = [];
  for (const row of rows)
    result.push({
      id: row.id,
      code: row.code,
      name: row.name,
      channel: row.channel,
      segment: { id: row.segmentId, name: names.get(row.segmentId) ?? '' },
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      cost: formatCents(toCents(row.cost)),
      contentRef: row.contentRef,
      stats: await statsOf(db, viewer, row),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    });
  return result;
}

async function findCampaignRow(db: Queryable, id: string) {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw new DomainError('not_found', 'No such campaign.');
  return row;
}

async function columnsOf(db: Queryable, input: CampaignInput) {
  const [segment] = await db
    .select({ id: segments.id })
    .from(segments)
    .where(eq(segments.id, input.segmentId));
  if (!segment) throw new DomainError('not_found', 'No such segment.');
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
    throw validationFailed([{ path: '/endsAt', message: 'Must be after startsAt' }]);
  return {
    code: input.code,
    name: input.name.trim(),
    channel: input.channel,
    segmentId: input.segmentId,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    cost: formatCents(toCents(input.cost)),
    contentRef: input.contentRef?.trim() || null,
  };
}

export async function listCampaigns(db: Queryable, viewer: Viewer) {
  return toCampaigns(
    db,
    viewer,
    await db.select().from(campaigns).orderBy(desc(campaigns.startsAt), desc(campaigns.id)),
  );
}

export async function getCampaign(db: Queryable, viewer: Viewer, id: string) {
  const [campaign] = await toCampaigns(db, viewer, [await findCampaignRow(db, id)]);
  return campaign as Schemas['Campaign'];
}

export async function createCampaign(db: Database, actor: RequestActor, input: CampaignInput) {
  const values = await columnsOf(db, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...values, createdBy: actor.viewer.userId })
      .onConflictDoNothing({ target: campaigns.code })
      .returning();
    if (!row) throw new DomainError('conflict', 'A campaign with this code exists already.');
    await appendAuditEntry(tx, actor.audit, {
      action: 'campaign.create',
      resourceType: 'campaign',
      resourceId: row.id,
      details: { code: row.code, name: row.name, segmentId: row.segmentId, channel: row.channel },
    });
    return getCampaign(tx, actor.viewer, row.id);
  });
}

export async function updateCampaign(
  db: Database,
  actor: RequestActor,
  input: { id: string; ifMatch: string; body: CampaignInput },
) {
  const values = await columnsOf(db, input.body);
  const expectedVersion = versionFromEtag(input.ifMatch);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(campaigns).where(eq(campaigns.id, input.id)).for('update');
    if (!current) throw new DomainError('not_found', 'No such campaign.');
    if (current.version !== expectedVersion)
      throw new DomainError('version_conflict', `The campaign is at version ${current.version}; reload it.`);
    const [clash] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.code, values.code), sql`${campaigns.id} <> ${current.id}`));
    if (clash) throw new DomainError('conflict', 'A campaign with this code exists already.');
    await tx
      .update(campaigns)
      .set({ ...values, version: current.version + 1, updatedAt: new Date() })
      .where(eq(campaigns.id, current.id));
    const { id, createdAt, createdBy, updatedAt, version, ...before } = current;
    await appendAuditEntry(tx, actor.audit, {
      action: 'campaign.update',
      resourceType: 'campaign',
      resourceId: current.id,
      changes: diffSnapshots(
        { ...before, startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() },
        {
          ...values,
          startsAt: values.startsAt.toISOString(),
          endsAt: values.endsAt.toISOString(),
        },
      ),
    });
    return getCampaign(tx, actor.viewer, current.id);
  });
}

export async function deleteCampaign(db: Database, actor: RequestActor, id: string) {
  await db.transaction(async (tx) => {
    const current = await findCampaignRow(tx, id);
    await tx.delete(campaigns).where(eq(campaigns.id, id));
    await appendAuditEntry(tx, actor.audit, {
      action: 'campaign.delete',
      resourceType: 'campaign',
      resourceId: id,
      details: { code: current.code, name: current.name },
    });
  });
}

export async function listCampaignTargets(
  db: Queryable,
  viewer: Viewer,
  input: { campaignId: string; limit: number; cursor?: string },
) {
  const campaign = await findCampaignRow(db, input.campaignId);
  return listSegmentMembers(db, viewer, {
    segmentId: campaign.segmentId,
    marketingChannel: campaign.channel,
    limit: input.limit,
    cursor: input.cursor,
  });
}
