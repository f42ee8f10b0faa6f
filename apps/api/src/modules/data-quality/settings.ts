/** Data quality settings (one row, defaults until an admin changes them). */
import type { components } from '@cims/api-client';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { dataQualitySettings } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { appendAuditEntry, diffSnapshots } from '../audit/service';

export type DataQualitySettings = components['schemas']['DataQualitySettings'];

export const defaultDataQualitySettings: DataQualitySettings = {
  autoMergeOnScan: true,
  staleAfterDays: 180,
  // Staff-entered and in-person channels first; bulk imports last.
  sourceTrust: ['store', 'hotline', 'website', 'wechat', 'marketplace', 'partner', 'import'],
};

export async function getDataQualitySettings(db: Queryable): Promise<DataQualitySettings> {
  const [row] = await db.select().from(dataQualitySettings).where(eq(dataQualitySettings.id, 1));
  return { ...defaultDataQualitySettings, ...(row?.settings as Partial<DataQualitySettings> | undefined) };
}

export async function updateDataQualitySettings(
  db: Queryable,
  actor: RequestActor,
  settings: DataQualitySettings,
) {
  const before = await getDataQualitySettings(db);
  await db
    .insert(dataQualitySettings)
    .values({ id: 1, settings: { ...settings } })
    .onConflictDoUpdate({
      target: dataQualitySettings.id,
      set: { settings: { ...settings }, updatedAt: new Date() },
    });
  await appendAuditEntry(db, actor.audit, {
    action: 'data_quality_settings.update',
    resourceType: 'data_quality_settings',
    resourceId: '1',
    changes: diffSnapshots(before, settings),
  });
  return getDataQualitySettings(db);
}
