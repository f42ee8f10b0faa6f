/**
 * Erasure (删除权, PIPL art. 47 / GDPR art. 17): the customer's personal data is deleted or anonymized in
 * one transaction, and their subject key destroyed, so that the audit entries about them (sealed with
 * that key) become unreadable while every hash in the chain still verifies. Orders and other figures keep
 * pointing at the anonymized record, so aggregates stay correct; the free text staff and partners wrote
 * about the customer (interaction summaries, work-order descriptions and comments, task notes) is blanked,
 * as it may name or describe them, and files attached to their work orders are deleted.
 */
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { appendAuditEntry } from '../audit/service';
import {
  anonymizeCustomerRow,
  customerScope,
  lockCustomerRow,
  replaceAddresses,
  replaceContactPoints,
} from '../customers/repo';
import { loadWrittenCustomer } from '../customers/service';
import { shredSubjectKey } from '../encryption/subject-keys';
import { deleteAttachmentRowsOf, removeAttachmentFiles } from '../workorders/attachments';
import { deleteConsentEvents } from './consent-repo';

async function blankFreeTextAbout(db: Queryable, customerId: string) {
  await db.execute(
    sql`UPDATE interactions SET summary = '', outcome = NULL WHERE customer_id = ${customerId}`,
  );
  await db.execute(
    sql`UPDATE work_orders SET title = number, description = NULL WHERE customer_id = ${customerId}`,
  );
  await db.execute(sql`UPDATE work_order_events SET comment = NULL WHERE customer_id = ${customerId}`);
  await db.execute(sql`UPDATE tasks SET note = NULL WHERE customer_id = ${customerId}`);
}

export async function eraseCustomer(
  db: Database,
  actor: RequestActor,
  input: { customerId: string; reason: string; requestReference?: string | null; dataDir: string },
) {
  const erased = await db.transaction(async (tx) => {
    const current = await lockCustomerRow(tx, input.customerId, customerScope(actor.viewer));
    if (!current) throw new DomainError('not_found', 'No such customer.');
    if (current.erasedAt) throw new DomainError('conflict', 'This customer was erased already.');
    const record = await loadWrittenCustomer(tx, current.id);
    await replaceContactPoints(tx, current.id, []);
    await replaceAddresses(tx, current.id, []);
    const removedConsentEvents = await deleteConsentEvents(tx, current.id);
    await blankFreeTextAbout(tx, current.id);
    const attachmentIds = await deleteAttachmentRowsOf(tx, current.id);
    await anonymizeCustomerRow(tx, current.id);
    await shredSubjectKey(tx, current.id);
    const result = {
      customerId: current.id,
      removedContactPoints: record.contactPoints.length,
      removedAddresses: record.addresses.length,
      removedConsentEvents,
    };
    await appendAuditEntry(tx, actor.audit, {
      action: 'customer.erase',
      resourceType: 'customer',
      resourceId: current.id,
      customerId: current.id,
      details: { reason: input.reason, requestReference: input.requestReference ?? null, ...result },
      isSealed: false,
    });
    const after = await loadWrittenCustomer(tx, current.id);
    return { result: { ...result, erasedAt: (after.row.erasedAt as Date).toISOString() }, attachmentIds };
  });
  await removeAttachmentFiles(input.dataDir, erased.attachmentIds);
  return erased.result;
}
