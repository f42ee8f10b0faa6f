/**
 * Erasure (删除权, PIPL art. 47 / GDPR art. 17): the customer's personal data is deleted or anonymized in
 * one transaction, and their subject key destroyed, so that the audit entries about them (sealed with
 * that key) become unreadable while every hash in the chain still verifies. Orders and other figures keep
 * pointing at the anonymized record, so aggregates stay correct; the free text staff and partners wrote
 * about the customer (interaction summaries, work-order descriptions and comments, task notes) is blanked,
 * as it may name or describe them, and files attached to their work orders are deleted. Their open work
 * orders are closed (by the system, on their history) and their open tasks done, with the notifications
 * about them gone: nobody is to work on, or be reminded of, someone who is no longer there.
 */
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { findOrRequestApproval, getApprovalPolicy } from '../approvals/requests';
import { appendAuditEntry } from '../audit/service';
import {
  anonymizeCustomerRow,
  customerScope,
  lockCustomerRow,
  replaceAddresses,
  replaceContactPoints,
} from '../customers/repo';
import { assertNotErased, getCustomer, loadWrittenCustomer } from '../customers/service';
import { shredSubjectKey } from '../encryption/subject-keys';
import { deleteAttachmentRowsOf, removeAttachmentFiles } from '../workorders/attachments';
import { openStatuses } from '../workorders/state-machine';
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

/** Closes the customer's work and returns how much; the work orders are locked (the customer already is). */
async function closeWorkOf(db: Queryable, customerId: string) {
  await db.execute(sql`SELECT id FROM work_orders WHERE customer_id = ${customerId} ORDER BY id FOR UPDATE`);
  const closed = await db.execute<{ id: string }>(sql`
    WITH closed AS (
      UPDATE work_orders w
         SET status = 'closed', closed_at = now(), version = w.version + 1, updated_at = now()
        FROM (SELECT id, status FROM work_orders
               WHERE customer_id = ${customerId} AND status = ANY(${sql.param(openStatuses)}::text[])) AS before
       WHERE w.id = before.id
      RETURNING w.id, w.customer_id, before.status AS from_status)
    INSERT INTO work_order_events (work_order_id, customer_id, type, from_status, to_status)
    SELECT id, customer_id, 'status_changed', from_status, 'closed' FROM closed
    RETURNING work_order_id AS id`);
  const tasks = await db.execute<{ id: string }>(sql`
    UPDATE tasks SET status = 'done', completed_at = now()
     WHERE customer_id = ${customerId} AND status = 'open' RETURNING id`);
  await db.execute(sql`
    DELETE FROM notifications
     WHERE customer_id = ${customerId}
        OR work_order_id IN (SELECT id FROM work_orders WHERE customer_id = ${customerId})
        OR task_id IN (SELECT id FROM tasks WHERE customer_id = ${customerId})`);
  return { closedWorkOrders: closed.rows.length, completedTasks: tasks.rows.length };
}

/**
 * Erases at once. Inside an approval's decision (`db` is then its transaction) the attachment files go
 * when this step is done, before the decision commits: a decision that then fails leaves the erasure's
 * rows in place but those files gone, a loss on the side of privacy.
 */
export async function eraseCustomer(
  db: Database,
  actor: RequestActor,
  input: {
    customerId: string;
    reason: string;
    requestReference?: string | null;
    dataDir: string;
    /** The approval it carries out, for the audit entry. */
    approval?: Record<string, unknown>;
  },
) {
  const erased = await db.transaction(async (tx) => {
    const current = await lockCustomerRow(tx, input.customerId, customerScope(actor.viewer));
    if (!current) throw new DomainError('not_found', 'No such customer.');
    if (current.erasedAt) throw new DomainError('conflict', 'This customer was erased already.');
    const closedWork = await closeWorkOf(tx, current.id);
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
      details: {
        reason: input.reason,
        requestReference: input.requestReference ?? null,
        ...result,
        ...closedWork,
        ...input.approval,
      },
      isSealed: false,
    });
    const after = await loadWrittenCustomer(tx, current.id);
    return { result: { ...result, erasedAt: (after.row.erasedAt as Date).toISOString() }, attachmentIds };
  });
  await removeAttachmentFiles(input.dataDir, erased.attachmentIds);
  return erased.result;
}

/**
 * An erasure, at once or held for approval by the `erasure` policy (the customer must be in the
 * requester's scope and not erased yet either way; asking again while a request is pending asks once).
 */
export async function requestErasure(
  db: Database,
  actor: RequestActor,
  input: { customerId: string; reason: string; requestReference?: string | null; dataDir: string },
): Promise<{ result: Awaited<ReturnType<typeof eraseCustomer>> } | { approvalId: string }> {
  const policy = await getApprovalPolicy(db, 'erasure');
  if (!policy.isEnabled) return { result: await eraseCustomer(db, actor, input) };
  const { row } = await getCustomer(db, actor.viewer, input.customerId);
  assertNotErased(row);
  const held = { customerId: row.id };
  return db.transaction(async (tx) => {
    const pending = await findOrRequestApproval(tx, actor, {
      kind: 'erasure',
      policy,
      reason: input.reason,
      details: { ...held, requestReference: input.requestReference ?? null },
      sameAs: held,
    });
    return { approvalId: pending.id };
  });
}
