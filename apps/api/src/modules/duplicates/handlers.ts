import type { components } from '@cims/api-client';
import { actorContextOf, viewerOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { DomainError } from '../../http/errors';
import type { FieldAccessMap } from '../access/policies';
import type { CustomerListRow } from '../customers/repo';
import { toCustomer, toCustomerSummary } from '../customers/serializers';
import { dismissCandidate, findCandidate, listCandidates } from './candidates';
import { listMerges, type MergeView, mergeCustomers, previewMerge, undoMerge } from './merge';
import { latestScan, requestScan } from './scan';

type Schemas = components['schemas'];
type DuplicateOperations =
  | 'listDuplicateCandidates'
  | 'dismissDuplicateCandidate'
  | 'getDuplicateScan'
  | 'startDuplicateScan'
  | 'listMerges'
  | 'mergeCustomers'
  | 'previewMerge'
  | 'undoMerge';

type CandidateView = Awaited<ReturnType<typeof findCandidate>>;

function toCandidate(view: CandidateView, access: FieldAccessMap): Schemas['DuplicateCandidate'] {
  const { candidate } = view;
  return {
    id: candidate.id,
    score: candidate.score,
    decision: candidate.decision,
    status: candidate.status,
    detectedBy: candidate.detectedBy,
    detectedAt: candidate.detectedAt.toISOString(),
    customers: view.customers.map((row) => toCustomerSummary(row as CustomerListRow, access)),
    comparisons: candidate.comparisons as Schemas['FieldComparison'][],
    resolvedAt: candidate.resolvedAt?.toISOString() ?? null,
    resolvedBy: candidate.resolvedBy
      ? { id: candidate.resolvedBy, displayName: view.resolvedByName ?? '' }
      : null,
  };
}

function toMerge(view: MergeView): Schemas['Merge'] {
  const { merge } = view;
  return {
    id: merge.id,
    survivor: { id: merge.survivorId, displayName: view.survivorName },
    merged: { id: merge.mergedId, displayName: view.mergedName },
    choices: merge.choices,
    isAutomatic: merge.isAutomatic,
    mergedBy: merge.mergedBy ? { id: merge.mergedBy, displayName: view.mergedByName ?? '' } : null,
    mergedAt: merge.mergedAt.toISOString(),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
    undoneBy: merge.undoneBy ? { id: merge.undoneBy, displayName: view.undoneByName ?? '' } : null,
  };
}

function toScan(scan: NonNullable<Awaited<ReturnType<typeof latestScan>>>): Schemas['DuplicateScan'] {
  return {
    id: scan.id,
    status: scan.status,
    customers: scan.customers,
    candidatePairs: scan.candidatePairs,
    autoMerged: scan.autoMerged,
    startedAt: scan.startedAt?.toISOString() ?? null,
    finishedAt: scan.finishedAt?.toISOString() ?? null,
    failureReason: scan.failureReason,
  };
}

export const duplicatesHandlers: { [K in DuplicateOperations]: OperationHandler<K> } = {
  async listDuplicateCandidates(request) {
    const viewer = viewerOf(request);
    const page = await listCandidates(request.server.db, viewer, {
      status: request.query.status ?? 'open',
      customerId: request.query.customerId,
      limit: request.query.limit ?? 20,
      cursor: request.query.cursor,
    });
    return {
      items: page.items.map((item) => toCandidate(item, viewer.fieldAccess)),
      nextCursor: page.nextCursor,
      openCount: page.openCount,
    };
  },
  async dismissDuplicateCandidate(request) {
    const actor = actorContextOf(request);
    const id = await dismissCandidate(request.server.db, actor, request.params.candidateId);
    return toCandidate(await findCandidate(request.server.db, actor.viewer, id), actor.viewer.fieldAccess);
  },
  async getDuplicateScan(request) {
    const scan = await latestScan(request.server.db);
    if (!scan) throw new DomainError('not_found', 'No scan has run yet.');
    return toScan(scan);
  },
  async startDuplicateScan(request, reply) {
    const { scan, isNew } = await requestScan(request.server.db);
    if (isNew) await request.server.jobs.send('duplicate-scan', scan.id);
    return reply.code(202).send(toScan(scan));
  },
  async listMerges(request) {
    const rows = await listMerges(request.server.db, viewerOf(request), {
      customerId: request.query.customerId,
      limit: request.query.limit ?? 50,
    });
    return { items: rows.map(toMerge) };
  },
  async mergeCustomers(request, reply) {
    const view = await mergeCustomers(request.server.db, actorContextOf(request), request.body);
    return reply.code(201).send(toMerge(view));
  },
  async previewMerge(request) {
    const viewer = viewerOf(request);
    const preview = await previewMerge(
      request.server.db,
      viewer,
      request.query.survivorId,
      request.query.mergedId,
    );
    return {
      survivor: toCustomer(preview.survivor, viewer),
      merged: toCustomer(preview.merged, viewer),
      fields: preview.fields,
    };
  },
  async undoMerge(request) {
    return toMerge(await undoMerge(request.server.db, actorContextOf(request), request.params.mergeId));
  },
};
