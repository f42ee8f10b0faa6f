/**
 * A customer's timeline (时间线): orders, interactions, work-order events, segment entries and exits,
 * value tier changes and profile changes (from the audit log), merged newest first. Each source is read in index order up to
 * one page past the cursor and the pages are merged in SQL, so a page costs the same for a customer with
 * ten events or ten thousand.
 * The cursor is (time, "type:id"), compared in byte order so that it is total across sources. Every
 * branch names its columns, as any of them may come first.
 */
import type { components } from '@cims/api-client';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { cursorParts, decodeCursor, encodeCursor } from '../../http/cursor';

type Schemas = components['schemas'];
export type TimelineEventType = Schemas['TimelineEventType'];

/** Audit actions that change the customer record itself. */
const profileActions = [
  'customer.create',
  'customer.update',
  'customer.delete',
  'customer.restore',
  'customer.verify',
  'customer.merge',
  'customer.unmerge',
  'customer.erase',
  'consent.grant',
  'consent.withdraw',
];

interface Cursor {
  occurredAt: string;
  key: string;
}

const timelineKey = /^(order|interaction|work_order|profile|segment|value_tier):[0-9a-f-]{1,36}$/;

type TimelineRow = {
  type: TimelineEventType;
  key: string;
  occurred_at: Date;
  occurred_text: string;
  actor_id: string | null;
  actor_name: string | null;
  data: Record<string, unknown>;
};

function branch(type: TimelineEventType, customerId: string, after: Cursor | null, limit: number): SQL {
  const before = (time: SQL, key: SQL) =>
    after
      ? sql`AND (${time} < ${after.occurredAt}::timestamptz OR (${time} = ${after.occurredAt}::timestamptz AND ${key} < ${after.key} COLLATE "C"))`
      : sql``;
  switch (type) {
    case 'order': {
      const key = sql`('order:' || o.id::text) COLLATE "C"`;
      return sql`(SELECT 'order' AS type, ${key} AS key, o.ordered_at AS occurred_at, NULL::uuid AS actor_id,
          jsonb_build_object('id', o.id, 'orderNo', o.order_no, 'channel', o.channel, 'store', o.store,
            'status', o.status, 'amount', o.amount::text, 'currency', o.currency) AS data
        FROM orders o WHERE o.customer_id = ${customerId} ${before(sql`o.ordered_at`, key)}
        ORDER BY o.ordered_at DESC, ${key} DESC LIMIT ${limit})`;
    }
    case 'interaction': {
      const key = sql`('interaction:' || i.id::text) COLLATE "C"`;
      return sql`(SELECT 'interaction' AS type, ${key} AS key, i.occurred_at AS occurred_at, i.staff_user_id AS actor_id,
          jsonb_build_object('id', i.id, 'type', i.type, 'channel', i.channel, 'direction', i.direction,
            'summary', i.summary, 'outcome', i.outcome) AS data
        FROM interactions i WHERE i.customer_id = ${customerId} ${before(sql`i.occurred_at`, key)}
        ORDER BY i.occurred_at DESC, ${key} DESC LIMIT ${limit})`;
    }
    case 'work_order': {
      const key = sql`('work_order:' || e.id::text) COLLATE "C"`;
      return sql`(SELECT 'work_order' AS type, ${key} AS key, e.occurred_at AS occurred_at, e.actor_id AS actor_id,
          jsonb_build_object('id', w.id, 'number', w.number, 'title', w.title, 'category', w.category,
            'event', e.type, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'comment', e.comment, 'sla', e.sla) AS data
        FROM work_order_events e JOIN work_orders w ON w.id = e.work_order_id
        WHERE e.customer_id = ${customerId} ${before(sql`e.occurred_at`, key)}
        ORDER BY e.occurred_at DESC, ${key} DESC LIMIT ${limit})`;
    }
    case 'profile': {
      const key = sql`('profile:' || a.seq::text) COLLATE "C"`;
      return sql`(SELECT 'profile' AS type, ${key} AS key, a.occurred_at AS occurred_at,
          CASE WHEN a.actor_type = 'staff' THEN a.actor_id END AS actor_id,
          jsonb_build_object('action', a.action) AS data
        FROM audit_entries a
        WHERE a.customer_id = ${customerId} AND a.action = ANY(${sql.param(profileActions)}::text[])
          ${before(sql`a.occurred_at`, key)}
        ORDER BY a.occurred_at DESC, ${key} DESC LIMIT ${limit})`;
    }
    case 'segment': {
      const key = sql`('segment:' || s.id::text) COLLATE "C"`;
      return sql`(SELECT 'segment' AS type, ${key} AS key, s.occurred_at AS occurred_at, NULL::uuid AS actor_id,
          jsonb_build_object('id', s.segment_id, 'name', s.segment_name, 'event', s.type) AS data
        FROM segment_events s WHERE s.customer_id = ${customerId} ${before(sql`s.occurred_at`, key)}
        ORDER BY s.occurred_at DESC, ${key} DESC LIMIT ${limit})`;
    }
    case 'value_tier': {
      const key = sql`('value_tier:' || v.id::text) COLLATE "C"`;
      return sql`(SELECT 'value_tier' AS type, ${key} AS key, v.changed_at AS occurred_at, NULL::uuid AS actor_id,
          jsonb_build_object('from', v.from_tier, 'to', v.to_tier) AS data
        FROM value_tier_changes v WHERE v.customer_id = ${customerId} ${before(sql`v.changed_at`, key)}
        ORDER BY v.changed_at DESC, ${key} DESC LIMIT ${limit})`;
    }
  }
}

const allTypes: TimelineEventType[] = [
  'order',
  'interaction',
  'work_order',
  'profile',
  'segment',
  'value_tier',
];

function toTimelineEvent(row: TimelineRow): Schemas['TimelineEvent'] {
  const data = row.data as never;
  return {
    id: row.key,
    type: row.type,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
    order: row.type === 'order' ? data : null,
    interaction: row.type === 'interaction' ? data : null,
    workOrder: row.type === 'work_order' ? data : null,
    profile: row.type === 'profile' ? data : null,
    segment: row.type === 'segment' ? data : null,
    valueTier: row.type === 'value_tier' ? data : null,
  };
}

/** One page of a customer's timeline; the caller has checked that the customer is in scope. */
export async function listTimeline(
  db: Queryable,
  input: { customerId: string; types?: TimelineEventType[]; limit: number; cursor?: string },
): Promise<Schemas['TimelinePage']> {
  const [occurredAt, key] = input.cursor
    ? decodeCursor(input.cursor, [cursorParts.pgTimestamp, timelineKey])
    : [];
  const after: Cursor | null = occurredAt && key ? { occurredAt, key } : null;
  const types = input.types?.length ? [...new Set(input.types)] : allTypes;
  const branches = sql.join(
    types.map((type) => branch(type, input.customerId, after, input.limit + 1)),
    sql` UNION ALL `,
  );
  const result = await db.execute<TimelineRow>(sql`
    SELECT t.type, t.key, t.occurred_at, t.occurred_at::text AS occurred_text, t.actor_id, u.display_name AS actor_name, t.data
      FROM (${branches}) t
      LEFT JOIN staff_users u ON u.id = t.actor_id
     ORDER BY t.occurred_at DESC, t.key COLLATE "C" DESC
     LIMIT ${input.limit + 1}`);
  const page = result.rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTimelineEvent),
    nextCursor:
      result.rows.length > input.limit && last ? encodeCursor([last.occurred_text, last.key]) : null,
  };
}
