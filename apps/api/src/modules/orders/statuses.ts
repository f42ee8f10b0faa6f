import { sql } from 'drizzle-orm';

/** Statuses of an order that counts as bought (value tiers, campaign conversions, dashboards). */
export const paidOrderStatuses = ['paid', 'shipped', 'completed'];

/** The statuses as a SQL array parameter. */
export const paidOrderStatusesParam = () => sql`${sql.param(paidOrderStatuses)}::text[]`;
