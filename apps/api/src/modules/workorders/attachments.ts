/**
 * Work-order attachments. The file streams to disk under `<dataDir>/attachments` (never buffered whole),
 * hashed and counted on the way, and is kept only if it is what its media type says (by its first bytes)
 * and within the limits; its row commits with the audit entry, then the file takes its final name, so a
 * crash leaves at worst a stray `.part` file, never a row without content. Downloads are always sent as
 * attachments, so an uploaded file is never rendered as a page of this site.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { components } from '@cims/api-client';
import { asc, count, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { staffUsers, workOrderAttachments } from '../../db/schema';
import type { RequestActor } from '../../http/authorize';
import { DomainError, validationFailed } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';
import { findWorkOrder, workOrderScope } from './repo';
import { assertCustomerNotErased, lockWritable } from './service';

export type AttachmentType = components['schemas']['Attachment']['contentType'];
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerWorkOrder = 20;

const signatures: Record<AttachmentType, (head: Buffer) => boolean> = {
  'image/jpeg': (head) => head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/png': (head) =>
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (head) =>
    head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (head) => head.subarray(0, 5).toString('latin1') === '%PDF-',
};

export const attachmentTypes = Object.keys(signatures) as AttachmentType[];

export function isAttachmentType(type: string): type is AttachmentType {
  return (attachmentTypes as string[]).includes(type);
}

function attachmentsDir(dataDir: string) {
  return join(dataDir, 'attachments');
}

function attachmentPath(dataDir: string, id: string) {
  return join(attachmentsDir(dataDir), id);
}

export async function uploadAttachment(
  db: Database,
  actor: RequestActor,
  input: { workOrderId: string; fileName: string; contentType: string; body: Readable; dataDir: string },
) {
  const contentType = input.contentType.split(';')[0]?.trim() ?? '';
  if (!isAttachmentType(contentType))
    throw new DomainError('unsupported_media_type', 'Attach a JPEG, PNG or WebP image or a PDF.');
  // Refuse before reading the body when the work order is out of reach, or its customer erased.
  const target = await findWorkOrder(db, input.workOrderId, workOrderScope(actor.viewer));
  if (!target) throw new DomainError('not_found', 'No such work order.');
  await assertCustomerNotErased(db, target.workOrder.customerId);
  const id = randomUUID();
  const partPath = `${attachmentPath(input.dataDir, id)}.part`;
  await mkdir(attachmentsDir(input.dataDir), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      input.body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxAttachmentBytes)
            throw new DomainError('payload_too_large', 'Attachments may be at most 10 MB.');
          if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(partPath),
    );
    if (size === 0 || !signatures[contentType](head))
      throw validationFailed([{ path: '', message: `The file is not a ${contentType} file` }]);
    const fileName = [...input.fileName.trim()]
      .map((char) => (char === '/' || char === '\\' || char.charCodeAt(0) < 0x20 ? '_' : char))
      .join('');
    const row = await db.transaction(async (tx) => {
      const workOrder = await lockWritable(tx, actor, input.workOrderId);
      const [stored] = await tx
        .select({ count: count() })
        .from(workOrderAttachments)
        .where(eq(workOrderAttachments.workOrderId, workOrder.id));
      if ((stored?.count ?? 0) >= maxAttachmentsPerWorkOrder)
        throw new DomainError(
          'conflict',
          `A work order holds at most ${maxAttachmentsPerWorkOrder} attachments.`,
        );
      const [inserted] = await tx
        .insert(workOrderAttachments)
        .values({
          id,
          workOrderId: workOrder.id,
          customerId: workOrder.customerId,
          fileName,
          contentType,
          size,
          sha256: hash.digest('hex'),
          uploadedBy: actor.viewer.userId,
        })
        .returning();
      await appendAuditEntry(tx, actor.audit, {
        action: 'work_order.attach',
        resourceType: 'work_order',
        resourceId: workOrder.id,
        customerId: workOrder.customerId,
        details: { attachmentId: id, contentType, size },
      });
      return inserted;
    });
    await rename(partPath, attachmentPath(input.dataDir, id));
    return (await listAttachmentRows(db, input.workOrderId)).find((item) => item.attachment.id === row?.id);
  } catch (error) {
    await rm(partPath, { force: true });
    throw error;
  }
}

async function listAttachmentRows(db: Queryable, workOrderId: string) {
  return db
    .select({ attachment: workOrderAttachments, uploaderName: staffUsers.displayName })
    .from(workOrderAttachments)
    .leftJoin(staffUsers, eq(staffUsers.id, workOrderAttachments.uploadedBy))
    .where(eq(workOrderAttachments.workOrderId, workOrderId))
    .orderBy(asc(workOrderAttachments.createdAt), asc(workOrderAttachments.id));
}

export function toAttachment(
  row: Awaited<ReturnType<typeof listAttachmentRows>>[number],
): components['schemas']['Attachment'] {
  const { attachment } = row;
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy
      ? { id: attachment.uploadedBy, displayName: row.uploaderName ?? '' }
      : null,
    createdAt: attachment.createdAt.toISOString(),
  };
}

export async function listAttachments(db: Queryable, actor: RequestActor, workOrderId: string) {
  if (!(await findWorkOrder(db, workOrderId, workOrderScope(actor.viewer))))
    throw new DomainError('not_found', 'No such work order.');
  return listAttachmentRows(db, workOrderId);
}

export async function openAttachment(
  db: Queryable,
  actor: RequestActor,
  input: { workOrderId: string; attachmentId: string; dataDir: string },
) {
  const rows = await listAttachments(db, actor, input.workOrderId);
  const row = rows.find((item) => item.attachment.id === input.attachmentId);
  if (!row) throw new DomainError('not_found', 'No such attachment.');
  return {
    attachment: row.attachment,
    stream: createReadStream(attachmentPath(input.dataDir, row.attachment.id)),
  };
}

/** Erasure: the customer's attachments go with their personal data (rows now, files once committed). */
export async function deleteAttachmentRowsOf(db: Queryable, customerId: string): Promise<string[]> {
  const deleted = await db
    .delete(workOrderAttachments)
    .where(eq(workOrderAttachments.customerId, customerId))
    .returning({ id: workOrderAttachments.id });
  return deleted.map((row) => row.id);
}

export async function removeAttachmentFiles(dataDir: string, ids: string[]) {
  for (const id of ids) await rm(attachmentPath(dataDir, id), { force: true });
}
