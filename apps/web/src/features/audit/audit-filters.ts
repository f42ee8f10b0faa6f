import type { AuditAction } from '@cims/api-client';
import { AUDIT_ACTIONS } from './audit-format';
import type { TAuditFilters } from './queries';

/*
 * The audit view keeps its filters in the URL, so a filtered view can be bookmarked, handed to a
 * colleague, or linked from a customer's page. The times are kept as the `datetime-local` inputs show
 * them (the viewer's local time, to the minute) and turned into ISO instants only for the request.
 */

export type TAuditFilterValues = {
  actorId?: string;
  customerId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function isAuditAction(text: string): text is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(text);
}

export function isUuid(text: string): boolean {
  return new RegExp(`^${UUID.source}$`, 'i').test(text);
}

/**
 * The customer id in what someone typed or pasted: an id on its own, or a customer page's address,
 * which is where people find ids. Null when there is none.
 */
export function customerIdIn(text: string): string | null {
  const match = UUID.exec(text.trim());
  return match ? match[0].toLowerCase() : null;
}

function isLocalDateTime(text: string): boolean {
  return LOCAL_DATE_TIME.test(text) && !Number.isNaN(new Date(text).getTime());
}

export function auditFilterValuesFromParams(params: URLSearchParams): TAuditFilterValues {
  const values: TAuditFilterValues = {};
  const actorId = params.get('actorId');
  if (actorId && isUuid(actorId)) values.actorId = actorId;
  const customerId = params.get('customerId');
  if (customerId && isUuid(customerId)) values.customerId = customerId;
  const action = params.get('action')?.trim();
  if (action && isAuditAction(action)) values.action = action;
  const from = params.get('from');
  if (from && isLocalDateTime(from)) values.from = from;
  const to = params.get('to');
  if (to && isLocalDateTime(to)) values.to = to;
  return values;
}

export function paramsFromAuditFilterValues(values: TAuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  return params;
}

/** The operation's query for these values; local times become instants in the viewer's zone. */
export function auditQueryOf(values: TAuditFilterValues): TAuditFilters {
  const query: TAuditFilters = {};
  if (values.actorId) query.actorId = values.actorId;
  if (values.customerId) query.customerId = values.customerId;
  if (values.action) query.action = values.action;
  if (values.from) query.from = new Date(values.from).toISOString();
  if (values.to) query.to = new Date(values.to).toISOString();
  return query;
}

/** The audit view's address for some filters, e.g. one customer's entries. */
export function auditLogPath(values: TAuditFilterValues = {}): string {
  const search = paramsFromAuditFilterValues(values).toString();
  return search ? `/audit?${search}` : '/audit';
}
