import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { accessPolicies } from '../../db/schema';
import type { PolicySettings } from './policies';

export async function findStoredPolicies(db: Queryable, roles: string[]) {
  if (roles.length === 0) return [];
  return db.select().from(accessPolicies).where(inArray(accessPolicies.role, roles));
}

export async function upsertPolicy(db: Queryable, role: string, settings: PolicySettings) {
  await db
    .insert(accessPolicies)
    .values({ role, ...settings })
    .onConflictDoUpdate({ target: accessPolicies.role, set: { ...settings, updatedAt: new Date() } });
}
