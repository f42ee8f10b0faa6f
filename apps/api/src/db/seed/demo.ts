import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { refreshDashboardRollups } from '../../modules/dashboard/rollups';
import { refreshDynamicSegments } from '../../modules/segments/service';
import type { Database } from '../client';
import { seedDemoActivity } from './activity';
import { seedCustomers } from './customers';
import { seedStaffUsers } from './staff';

const demoSizes = { full: 2400, small: 200 } as const;

/** Seeds the demo data set into an empty database; a database that has staff users is left alone. */
export async function seedDemoIfEmpty(db: Database, pool: Pool, size: 'full' | 'small' | 'none') {
  if (size === 'none') return false;
  const existing = await db.execute(sql`SELECT 1 FROM staff_users LIMIT 1`);
  if (existing.rows.length > 0) return false;
  const staff = await seedStaffUsers(db);
  const ownerIds = [...staff.values()].filter((u) => u.roles.includes('sales')).map((u) => u.id);
  await seedCustomers(pool, { count: demoSizes[size], seed: 20261123, ownerIds });
  const serviceUser = [...staff.values()].find((u) => u.roles.includes('service'));
  await seedDemoActivity(db, { serviceUserId: serviceUser?.id ?? null });
  await refreshDynamicSegments(db);
  await refreshDashboardRollups(db, { isFull: true });
  return true;
}
