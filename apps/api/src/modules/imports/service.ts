/**
 * Imports: upload (streamed to disk), start a dry run or a run, and the run itself as a background job.
 *
 * Crash safety: rows are processed in batches; each batch's customers, failed rows, counters and the
 * import's `committedRows` are written in one transaction. A run that stops for any reason (a killed
 * process, a database restart) resumes after the last committed batch, so no committed row is lost and
 * none is written twice; re-running a whole file changes nothing, because customers are identified by
 * (source, external id), or without an external id column by a hash of the row.
 *
 * Who resumes a stopped run: its own worker once the database answers again, a server starting up (for
 * runs a dead process left `running`), the minutely check (for runs whose heartbeat stopped), all in
 * jobs/schedule.ts; and a start with the same settings resumes a failed or cancelled run. Nothing records
 * which worker owns a run, so a second run of a live one can start: that is safe, because a batch first
 * locks the import row and commits only if `committedRows` is still what its run last saw, so the run
 * that falls behind stops at its next batch, having written nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HOME_COUNTRY, isKnownCountryCode } from '@cims/schemas';
import { stringify } from 'csv-stringify/sync';
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { type Database, withClientTransaction } from '../../db/client';
import { importRowErrors, imports, staffUsers } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import { hasAllScope, type Viewer } from '../access/policies';
import { resolveViewer } from '../access/service';
import { type AuditContext, appendAuditEntry } from '../audit/service';
import { type IngestItem, ingestCustomers } from '../customers/ingest';
import { safeCell } from '../exports/safe-cell';
import { matchDrafts, matchInputOfDraft } from '../matching/stored';
import { countRows, type ImportFileFormat, inspectFile, readRows } from './file-reader';
import { columnForPath, type ImportMapping, mapRow, standardizeRow } from './mapping';

export type ImportRow = typeof imports.$inferSelect;
/** Rows per committed batch: large enough that per-batch work (lookups, audit, checkpoint) stays small. */
export const importBatchSize = 2000;
export const maxImportBytes = 512 * 1024 * 1024;

const formatsByContentType: Record<string, ImportFileFormat> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export function importFilePath(dataDir: string, id: string, format: ImportFileFormat) {
  return join(dataDir, 'imports', `${id}.${format}`);
}

/** Imports the viewer may see: everyone's for the whole-base roles, else their own. */
function visibleImports(viewer: Viewer) {
  return hasAllScope(viewer) ? undefined : eq(imports.createdBy, viewer.userId ?? randomUUID());
}

export async function uploadImport(
  db: Database,
  actor: RequestActor,
  input: { body: Readable; contentType: string; fileName: string; dataDir: string },
) {
  const format = formatsByContentType[input.contentType.split(';')[0]?.trim() ?? ''];
  if (!format) throw new DomainError('unsupported_media_type', 'Send a CSV (text/csv) or an XLSX file.');
  const id = randomUUID();
  const path = importFilePath(input.dataDir, id, format);
  await mkdir(join(input.dataDir, 'imports'), { recursive: true });
  let size = 0;
  try {
    await pipeline(
      input.body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxImportBytes)
            throw new DomainError('payload_too_large', 'Files of up to 512 MB can be imported.');
          yield chunk;
        }
      },
      createWriteStream(path),
    );
    const { columns, sampleRows } = await inspectFile(path, format).catch(() => {
      throw validationFailed([{ path: '', message: `Not a readable ${format.toUpperCase()} file` }]);
    });
    if (columns.length === 0) throw validationFailed([{ path: '', message: 'The file has no header row' }]);
    const [row] = await db
      .insert(imports)
      .values({
        id,
        fileName: input.fileName,
        fileFormat: format,
        fileSize: size,
        columns,
        sampleRows,
        createdBy: actor.viewer.userId,
      })
      .returning();
    return row as ImportRow;
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

export async function getImport(db: Database, viewer: Viewer, id: string): Promise<ImportRow> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), visibleImports(viewer)));
  if (!row) throw new DomainError('not_found', 'No such import.');
  return row;
}

export async function listImports(db: Database, viewer: Viewer) {
  return db.select().from(imports).where(visibleImports(viewer)).orderBy(desc(imports.createdAt)).limit(50);
}

export interface ImportStart {
  mode: 'dry_run' | 'run';
  mapping: ImportMapping;
  sourceChannel: string;
  source?: string;
  defaultKind?: 'person' | 'organization';
  defaultCountryCode?: string;
  onDuplicate?: 'flag' | 'reject' | 'merge';
  invalidValues?: 'reject_row' | 'skip_value';
}

export async function startImport(db: Database, actor: RequestActor, id: string, start: ImportStart) {
  const current = await getImport(db, actor.viewer, id);
  if (current.status === 'queued' || current.status === 'running') {
    throw new DomainError('conflict', 'This import is already running.');
  }
  const unknown = Object.keys(start.mapping).filter((column) => !current.columns.includes(column));
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((column) => ({ path: `/mapping/${column}`, message: 'No such column in the file' })),
    );
  }
  const defaultCountryCode = (start.defaultCountryCode ?? HOME_COUNTRY).toUpperCase();
  if (!isKnownCountryCode(defaultCountryCode)) {
    throw validationFailed([
      { path: '/defaultCountryCode', message: 'Must be an ISO 3166-1 two-letter country code' },
    ]);
  }
  const fields = Object.values(start.mapping);
  if (!fields.some((f) => ['name', 'familyName', 'organizationName'].includes(f))) {
    throw validationFailed([
      { path: '/mapping', message: 'Map a column to the name (name, familyName or organizationName)' },
    ]);
  }
  // A resumable failed or cancelled run of the same settings continues; anything else starts over.
  const isResume =
    (current.status === 'failed' || current.status === 'cancelled') &&
    current.mode === start.mode &&
    JSON.stringify(current.mapping) === JSON.stringify(start.mapping);
  await db.transaction(async (tx) => {
    if (!isResume) await tx.delete(importRowErrors).where(eq(importRowErrors.importId, id));
    await tx
      .update(imports)
      .set({
        status: 'queued',
        mode: start.mode,
        mapping: start.mapping,
        source: start.source ?? start.sourceChannel,
        sourceChannel: start.sourceChannel,
        defaultKind: start.defaultKind ?? 'person',
        defaultCountryCode,
        onDuplicate: start.onDuplicate ?? 'flag',
        invalidValues: start.invalidValues ?? 'reject_row',
        isCancelRequested: false,
        failureReason: null,
        finishedAt: null,
        heartbeatAt: null,
        ...(isResume
          ? {}
          : {
              committedRows: 0,
              createdCount: 0,
              updatedCount: 0,
              unchangedCount: 0,
              errorCount: 0,
              partialCount: 0,
              flaggedDuplicates: 0,
              mergedCount: 0,
              startedAt: null,
            }),
      })
      .where(eq(imports.id, id));
    if (start.mode === 'run') {
      await appendAuditEntry(tx, actor.audit, {
        action: 'import.start',
        resourceType: 'import',
        resourceId: id,
        details: {
          fileName: current.fileName,
          source: start.source ?? start.sourceChannel,
          onDuplicate: start.onDuplicate ?? 'flag',
        },
      });
    }
  });
  return getImport(db, actor.viewer, id);
}

export async function cancelImport(db: Database, actor: RequestActor, id: string) {
  const current = await getImport(db, actor.viewer, id);
  if (current.status === 'queued' || current.status === 'running') {
    await db.update(imports).set({ isCancelRequested: true }).where(eq(imports.id, id));
    await appendAuditEntry(db, actor.audit, {
      action: 'import.cancel',
      resourceType: 'import',
      resourceId: id,
    });
  }
  return getImport(db, actor.viewer, id);
}

/**
 * The failed rows hold the file's values as uploaded, before any masking: only who started the import
 * reads them (others with the whole base in scope see the import and its counts, not its rows).
 */
async function getOwnImport(db: Database, viewer: Viewer, id: string) {
  const row = await getImport(db, viewer, id);
  if (row.createdBy !== viewer.userId)
    throw new DomainError(
      'forbidden',
      'Only who started the import reads its failed rows, which are unmasked.',
    );
  return row;
}

export async function listImportErrors(
  db: Database,
  viewer: Viewer,
  id: string,
  page: { limit: number; after: number },
) {
  await getOwnImport(db, viewer, id);
  const rows = await db
    .select()
    .from(importRowErrors)
    .where(and(eq(importRowErrors.importId, id), gt(importRowErrors.rowNumber, page.after)))
    .orderBy(asc(importRowErrors.rowNumber))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? String(last.rowNumber) : null };
}

/**
 * The failed rows as the file had them, plus an error column: fix them and import the file again. The
 * values came from an uploaded file, so they are made formula-safe like any export.
 */
export async function importErrorsCsv(db: Database, viewer: Viewer, id: string): Promise<string> {
  const current = await getOwnImport(db, viewer, id);
  const rows = await db
    .select()
    .from(importRowErrors)
    .where(eq(importRowErrors.importId, id))
    .orderBy(asc(importRowErrors.rowNumber));
  const header = [...current.columns, 'error'].map(safeCell);
  const body = rows.map((row) =>
    [
      ...current.columns.map((column) => row.values[column] ?? ''),
      row.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    ].map(safeCell),
  );
  return `\uFEFF${stringify([header, ...body])}`;
}

async function importerActor(db: Database, row: ImportRow): Promise<RequestActor> {
  const [user] = row.createdBy
    ? await db.select().from(staffUsers).where(eq(staffUsers.id, row.createdBy))
    : [];
  const audit: AuditContext = {
    actorType: user ? 'staff' : 'system',
    actorId: user?.id ?? null,
    actorLabel: user?.email ?? 'import job',
    ipAddress: null,
    requestId: `import:${row.id}`,
  };
  if (!user) throw new Error(`import ${row.id} has no importing user`);
  const viewer = await resolveViewer(db, {
    kind: 'staff',
    user,
    session: { tokenHash: '', csrfToken: '' },
  } as never);
  return { audit, viewer };
}

/** Without an external id column, a row is known by its content: the same row imported again is the same. */
function rowKey(values: string[]): string {
  return `row:${createHash('sha256')
    .update(JSON.stringify(values.map((v) => v.trim())))
    .digest('hex')
    .slice(0, 32)}`;
}

interface PendingRow {
  rowNumber: number;
  values: string[];
}

/** Runs (or resumes) an import; returns when it is finished, cancelled or taken over by another worker. */
export async function processImport(db: Database, id: string, dataDir: string): Promise<void> {
  // Claimed in one statement: a run that has just finished, failed or been cancelled stays so.
  const [initial] = await db
    .update(imports)
    .set({
      status: 'running',
      startedAt: sql`coalesce(${imports.startedAt}, now())`,
      heartbeatAt: new Date(),
    })
    .where(and(eq(imports.id, id), inArray(imports.status, ['queued', 'running'])))
    .returning();
  if (!initial) return;
  const path = importFilePath(dataDir, id, initial.fileFormat);
  if (initial.totalRows === null) {
    await db
      .update(imports)
      .set({ totalRows: await countRows(path, initial.fileFormat) })
      .where(eq(imports.id, id));
  }
  const actor = await importerActor(db, initial);
  let committed = initial.committedRows;
  const write = async (rows: PendingRow[]) => {
    const next = await commitBatch(db, initial, actor, committed, prepareBatch(initial, rows));
    if (next !== null) committed = next;
    return next !== null;
  };
  let batch: PendingRow[] = [];
  let rowNumber = 0;
  let isHeader = true;
  for await (const values of readRows(path, initial.fileFormat)) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    rowNumber++;
    if (rowNumber <= initial.committedRows) continue;
    batch.push({ rowNumber, values });
    if (batch.length >= importBatchSize) {
      if (!(await write(batch))) return;
      batch = [];
    }
  }
  if (batch.length > 0 && !(await write(batch))) return;
  await db
    .update(imports)
    .set({ status: 'completed', finishedAt: new Date(), heartbeatAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.status, 'running')));
}

/** A batch's rows mapped and standardized, ready to be written (no database work). */
function prepareBatch(settings: ImportRow, batch: PendingRow[]) {
  const mapping = (settings.mapping ?? {}) as ImportMapping;
  const hasExternalId = Object.values(mapping).includes('externalId');
  const errors: (typeof importRowErrors.$inferInsert)[] = [];
  /** A row listed with its problems, each named by the column the user sees. */
  const listRow = (
    row: { rowNumber: number; values: string[]; columnOf: [string, string][] },
    problems: { path: string; message: string }[],
    isStored: boolean,
  ) =>
    errors.push({
      importId: settings.id,
      rowNumber: row.rowNumber,
      values: Object.fromEntries(settings.columns.map((column, index) => [column, row.values[index] ?? ''])),
      errors: problems.map((e) => ({ path: columnForPath(e.path, row.columnOf), message: e.message })),
      isStored,
    });
  const items: (IngestItem & {
    rowNumber: number;
    columnOf: [string, string][];
    values: string[];
    skipped: { path: string; message: string }[];
  })[] = [];
  for (const { rowNumber, values } of batch) {
    if (values.every((value) => value.trim() === '')) continue;
    const mapped = mapRow(settings.columns, values, mapping, {
      kind: settings.defaultKind,
      sourceChannel: settings.sourceChannel ?? 'import',
      countryCode: settings.defaultCountryCode,
    });
    const parsed = standardizeRow(mapped.input, settings.invalidValues);
    const row = { rowNumber, values, columnOf: mapped.columnOf };
    if (hasExternalId && !mapped.externalId) {
      listRow(row, [{ path: 'externalId', message: 'Required: the external id is empty' }], false);
    } else if (!parsed.ok) {
      listRow(row, parsed.errors, false);
    } else {
      items.push({
        ...row,
        externalId: mapped.externalId ?? rowKey(values),
        input: parsed.input,
        skipped: parsed.skipped,
      });
    }
  }
  return { batch, items, errors, listRow };
}

/**
 * One batch in one transaction, guarded by the import row: if another worker moved `committedRows` on
 * (a resumed run racing a slow one) or a cancel was requested, nothing is written and null is returned.
 */
async function commitBatch(
  db: Database,
  settings: ImportRow,
  actor: RequestActor,
  committedBefore: number,
  { batch, items, errors, listRow }: ReturnType<typeof prepareBatch>,
): Promise<number | null> {
  return withClientTransaction(db, async (tx, client) => {
    const [current] = await tx.select().from(imports).where(eq(imports.id, settings.id)).for('update');
    if (current?.status !== 'running' || current.committedRows !== committedBefore) return null;
    if (current.isCancelRequested) {
      await tx
        .update(imports)
        .set({ status: 'cancelled', finishedAt: new Date() })
        .where(eq(imports.id, settings.id));
      return null;
    }
    const counts = { created: 0, updated: 0, unchanged: 0, merged: 0, flagged: 0 };
    if (settings.mode === 'run') {
      const results = await ingestCustomers(tx, client, items, {
        source: settings.source ?? 'import',
        sourceChannel: (settings.sourceChannel ?? 'import') as never,
        importId: settings.id,
        onDuplicate: settings.onDuplicate,
        actor,
        detectedBy: 'import',
        isAuditedPerCustomer: false,
      });
      results.forEach((result, index) => {
        const item = items[index] as (typeof items)[number];
        if (result.ok) {
          counts[result.outcome]++;
          counts.flagged += result.flagged;
          if (item.skipped.length > 0) listRow(item, item.skipped, true);
        } else {
          listRow(item, [...item.skipped, ...result.errors], false);
        }
      });
    } else {
      // A dry run reports what a run would find: refused rows and likely duplicates; it stores nothing.
      const matches = await matchDrafts(
        tx,
        items.map((item) => matchInputOfDraft(randomUUID(), item.input)),
      );
      counts.flagged = matches.length;
      counts.created = items.length;
      for (const item of items) if (item.skipped.length > 0) listRow(item, item.skipped, true);
    }
    if (errors.length > 0) {
      await tx.insert(importRowErrors).values(errors).onConflictDoNothing();
    }
    const refused = errors.filter((e) => !e.isStored).length;
    if (settings.mode === 'run') {
      await appendAuditEntry(tx, actor.audit, {
        action: 'import.batch',
        resourceType: 'import',
        resourceId: settings.id,
        details: {
          rows: [batch[0]?.rowNumber, batch.at(-1)?.rowNumber],
          ...counts,
          errors: refused,
          partial: errors.length - refused,
        },
      });
    }
    const committed = batch.at(-1)?.rowNumber ?? committedBefore;
    await tx
      .update(imports)
      .set({
        committedRows: committed,
        createdCount: sql`${imports.createdCount} + ${counts.created}`,
        updatedCount: sql`${imports.updatedCount} + ${counts.updated}`,
        unchangedCount: sql`${imports.unchangedCount} + ${counts.unchanged}`,
        mergedCount: sql`${imports.mergedCount} + ${counts.merged}`,
        flaggedDuplicates: sql`${imports.flaggedDuplicates} + ${counts.flagged}`,
        errorCount: sql`${imports.errorCount} + ${refused}`,
        partialCount: sql`${imports.partialCount} + ${errors.length - refused}`,
        heartbeatAt: new Date(),
      })
      .where(eq(imports.id, settings.id));
    return committed;
  });
}

/** Marks an import failed (the job gave up on it); a later start with the same settings resumes it. */
export async function failImport(db: Database, id: string, reason: string) {
  await db
    .update(imports)
    .set({ status: 'failed', failureReason: reason.slice(0, 500), finishedAt: new Date() })
    .where(and(eq(imports.id, id), inArray(imports.status, ['queued', 'running'])));
}

/**
 * Imports left running by a worker that stopped (no heartbeat for `staleAfterMs`), to be queued again;
 * with 0, every import queued or running, as a server finds them at start-up.
 */
export async function findInterruptedImports(db: Database, staleAfterMs: number) {
  const before = new Date(Date.now() - staleAfterMs);
  const rows = await db
    .select({ id: imports.id })
    .from(imports)
    .where(
      or(
        and(eq(imports.status, 'running'), or(isNull(imports.heartbeatAt), lt(imports.heartbeatAt, before))),
        and(eq(imports.status, 'queued'), lt(imports.createdAt, before), isNull(imports.heartbeatAt)),
      ),
    );
  return rows.map((row) => row.id);
}
