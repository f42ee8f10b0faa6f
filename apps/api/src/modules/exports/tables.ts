/**
 * What each list export holds: its column names and its rows, read page by page within the exporter's
 * data scope, with contact values as the exporter's field access shows them (masked or left out) — the
 * same serializers as the API's lists.
 */
import type { components } from '@cims/api-client';
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { toCustomerSummary } from '../customers/serializers';
import { type CustomerListFilter, countCustomers, listCustomers } from '../customers/service';
import type { ConsentChannel } from '../privacy/consent-repo';
import { countSegmentMembers, getSegment, listSegmentMembers } from '../segments/service';
import { toWorkOrder } from '../workorders/serializers';
import { countWorkOrders, listWorkOrders, type WorkOrderListFilter } from '../workorders/service';
import { getWorkOrderSettings } from '../workorders/settings';
import type { Cell } from './file-writers';

export interface ExportTable {
  /** Names the file's content (PDF title, XLSX sheet). */
  title: string;
  header: string[];
  /** Relative column widths in a PDF. */
  weights: number[];
  /** Rows selected when asked (the export writes no more than this, nor than its limit). */
  rows: number;
  records: (limit: number) => AsyncGenerator<Cell[]>;
}

const pageSize = 500;

const customerHeader = [
  '客户编号 ID',
  '名称 Name',
  '类型 Kind',
  '生命周期 Lifecycle',
  '手机 Phone',
  '邮箱 Email',
  '省份 Province',
  '城市 City',
  '标签 Tags',
  '负责人 Owner',
  '数据质量 Quality',
  '创建时间 Created',
];
const customerWeights = [2.4, 2.2, 1, 1, 1.6, 2, 1, 1, 1.6, 1.2, 0.8, 1.8];

function customerCells(customer: components['schemas']['CustomerSummary']): Cell[] {
  return [
    customer.id,
    customer.displayName,
    customer.kind,
    customer.lifecycleStage,
    customer.primaryPhone,
    customer.primaryEmail,
    customer.provinceName,
    customer.cityName,
    customer.tags.join(' '),
    customer.owner?.displayName ?? null,
    customer.qualityScore,
    customer.createdAt,
  ];
}

/** Pages through `fetchPage` until `limit` rows or the end; rows added since the count do not pass it. */
async function* paged<Row>(
  limit: number,
  fetchPage: (cursor: string | undefined) => Promise<{ rows: Row[]; nextCursor: string | null }>,
  toCells: (row: Row) => Cell[],
): AsyncGenerator<Cell[]> {
  let cursor: string | undefined;
  let remaining = limit;
  do {
    const page = await fetchPage(cursor);
    for (const row of page.rows.slice(0, remaining)) yield toCells(row);
    remaining -= Math.min(remaining, page.rows.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && remaining > 0);
}

export async function customerListTable(
  db: Database,
  actor: RequestActor,
  filter: CustomerListFilter,
): Promise<ExportTable> {
  const { viewer } = actor;
  return {
    title: '客户列表 Customers',
    header: customerHeader,
    weights: customerWeights,
    rows: await countCustomers(db, viewer, filter),
    records: (limit) =>
      paged(
        limit,
        (cursor) => listCustomers(db, viewer, { ...filter, limit: pageSize, cursor }),
        (row) => customerCells(toCustomerSummary(row, viewer.fieldAccess)),
      ),
  };
}

export async function segmentTable(
  db: Database,
  actor: RequestActor,
  input: { segmentId: string; marketingChannel?: ConsentChannel },
): Promise<ExportTable & { segment: { id: string; name: string } }> {
  const { viewer } = actor;
  const segment = await getSegment(db, viewer, input.segmentId);
  const filter = { segmentId: segment.id, marketingChannel: input.marketingChannel };
  return {
    segment,
    title: `分群 Segment: ${segment.name}`,
    header: customerHeader,
    weights: customerWeights,
    rows: await countSegmentMembers(db, viewer, filter),
    records: (limit) =>
      paged(
        limit,
        (cursor) => listSegmentMembers(db, viewer, { ...filter, limit: pageSize, cursor }),
        (row) => customerCells(toCustomerSummary(row, viewer.fieldAccess)),
      ),
  };
}

export async function workOrderTable(
  db: Database,
  actor: RequestActor,
  filter: WorkOrderListFilter,
): Promise<ExportTable> {
  const settings = await getWorkOrderSettings(db);
  return {
    title: '工单列表 Work orders',
    header: [
      '工单号 Number',
      '标题 Title',
      '客户 Customer',
      '类别 Category',
      '优先级 Priority',
      '状态 Status',
      '队列 Queue',
      '处理人 Assignee',
      '首次响应截止 Response due',
      '解决截止 Resolution due',
      '超时 Breached',
      '创建时间 Created',
      '关闭时间 Closed',
    ],
    weights: [1.8, 2.4, 1.8, 1, 0.8, 1, 1, 1.2, 1.7, 1.7, 0.7, 1.7, 1.7],
    rows: await countWorkOrders(db, actor, filter),
    records: (limit) =>
      paged(
        limit,
        (cursor) => listWorkOrders(db, actor, { ...filter, limit: pageSize, cursor }),
        (row) => {
          const workOrder = toWorkOrder(row, settings);
          return [
            workOrder.number,
            workOrder.title,
            workOrder.customer.displayName,
            workOrder.category,
            workOrder.priority,
            workOrder.status,
            workOrder.queue?.name ?? null,
            workOrder.assignee?.displayName ?? null,
            workOrder.sla.firstResponseDueAt,
            workOrder.sla.resolutionDueAt,
            workOrder.sla.isFirstResponseBreached || workOrder.sla.isResolutionBreached ? '是 yes' : '否 no',
            workOrder.createdAt,
            workOrder.closedAt,
          ];
        },
      ),
  };
}
