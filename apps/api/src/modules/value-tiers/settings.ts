/** Value tier settings (one row, defaults until changed). */
import type { components } from '@cims/api-client';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { valueTierSettings } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { type FieldError, validationFailed } from '../../http/errors';
import { appendAuditEntry, diffSnapshots } from '../audit/service';

export type ValueTierSettings = components['schemas']['ValueTierSettings'];

export const defaultValueTierSettings: ValueTierSettings = {
  windowDays: 365,
  method: 'quintiles',
  recencyDays: [30, 90, 180, 365],
  frequencyCounts: [2, 3, 5, 10],
  monetaryAmounts: [500, 2000, 10000, 50000],
  tierMinimums: { A: 13, B: 10, C: 7 },
  organizationRule: { isEnabled: true, minimumAmounts: { A: 1_000_000, B: 200_000, C: 50_000 } },
};

export async function getValueTierSettings(db: Queryable): Promise<ValueTierSettings> {
  const [row] = await db.select().from(valueTierSettings).where(eq(valueTierSettings.id, 1));
  return { ...defaultValueTierSettings, ...(row?.settings as Partial<ValueTierSettings> | undefined) };
}

function settingsProblems(settings: ValueTierSettings): FieldError[] {
  const problems: FieldError[] = [];
  for (const key of ['recencyDays', 'frequencyCounts', 'monetaryAmounts'] as const) {
    const cuts = settings[key];
    if (cuts.some((cut, index) => index > 0 && cut <= (cuts[index - 1] as number)))
      problems.push({ path: `/${key}`, message: 'Must be strictly ascending' });
  }
  const descending = (path: string, { A, B, C }: { A: number; B: number; C: number }) => {
    if (!(A > B && B > C)) problems.push({ path, message: 'A must be above B, and B above C' });
  };
  descending('/tierMinimums', settings.tierMinimums);
  descending('/organizationRule/minimumAmounts', settings.organizationRule.minimumAmounts);
  return problems;
}

export async function updateValueTierSettings(
  db: Queryable,
  actor: RequestActor,
  settings: ValueTierSettings,
) {
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw validationFailed(problems);
  const before = await getValueTierSettings(db);
  await db
    .insert(valueTierSettings)
    .values({ id: 1, settings: { ...settings } })
    .onConflictDoUpdate({
      target: valueTierSettings.id,
      set: { settings: { ...settings }, updatedAt: new Date() },
    });
  await appendAuditEntry(db, actor.audit, {
    action: 'value_tier_settings.update',
    resourceType: 'value_tier_settings',
    resourceId: '1',
    changes: diffSnapshots({ ...before }, { ...settings }),
  });
  return getValueTierSettings(db);
}
