/**
 * The whole-base duplicate scan: every active customer through the matching engine (blocking keeps it
 * far from all pairs), the pairs at or above the review threshold stored as candidates, and — when the
 * settings allow — the auto-merge clusters merged, each merge undoable.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { duplicateScans } from '../../db/schema';
import { systemViewer } from '../access/policies';
import { systemAuditContext } from '../audit/service';
import { getDataQualitySettings } from '../data-quality/settings';
import { findMatches } from '../matching/engine';
import { toMatchRecord } from '../matching/match-record';
import { loadStoredMatchInputs, recordCandidates } from '../matching/stored';
import { mergeAutomatically } from './merge';

export async function latestScan(db: Database) {
  const [row] = await db.select().from(duplicateScans).orderBy(desc(duplicateScans.createdAt)).limit(1);
  return row ?? null;
}

/** Queues a scan unless one is queued or running; returns the scan to watch. */
export async function requestScan(db: Database) {
  const latest = await latestScan(db);
  if (latest && (latest.status === 'queued' || latest.status === 'running'))
    return { scan: latest, isNew: false };
  const [scan] = await db.insert(duplicateScans).values({ status: 'queued' }).returning();
  return { scan: scan as NonNullable<typeof scan>, isNew: true };
}

export async function runScan(db: Database, scanId: string) {
  await db
    .update(duplicateScans)
    .set({ status: 'running', startedAt: new Date() })
    .where(eq(duplicateScans.id, scanId));
  try {
    const inputs = await loadStoredMatchInputs(db);
    const pairs = findMatches(inputs.map(toMatchRecord));
    for (let start = 0; start < pairs.length; start += 1000) {
      await recordCandidates(db, pairs.slice(start, start + 1000), 'scan');
    }
    const settings = await getDataQualitySettings(db);
    const autoMerged = settings.autoMergeOnScan
      ? await mergeAutomatically(
          db,
          { audit: systemAuditContext('duplicate scan'), viewer: systemViewer },
          pairs.filter((pair) => pair.decision === 'auto_merge'),
        )
      : 0;
    await db
      .update(duplicateScans)
      .set({
        status: 'completed',
        finishedAt: new Date(),
        customers: inputs.length,
        candidatePairs: pairs.length,
        autoMerged,
      })
      .where(eq(duplicateScans.id, scanId));
  } catch (error) {
    await db
      .update(duplicateScans)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        failureReason: (error as Error).message.slice(0, 500),
      })
      .where(eq(duplicateScans.id, scanId));
    throw error;
  }
}
