/** Subject access (查阅复制权, PIPL art. 45 / GDPR art. 15): everything held about one customer. */
import type { Database } from '../../db/client';
import type { RequestActor } from '../../http/authorize';
import { DomainError } from '../../http/errors';
import { sensitiveFields } from '../access/policies';
import { getApprovalPolicy, isRevealHeld } from '../approvals/requests';
import { listCustomerAuditRows } from '../audit/repo';
import { toAuditEntry } from '../audit/serializers';
import { appendAuditEntry, withOpenedPayloads } from '../audit/service';
import { toCustomer } from '../customers/serializers';
import { getCustomer } from '../customers/service';
import { getCustomerConsents } from './consent-service';

export async function getSubjectAccessPackage(db: Database, actor: RequestActor, customerId: string) {
  const record = await getCustomer(db, actor.viewer, customerId);
  if (record.row.erasedAt)
    throw new DomainError('conflict', 'This customer was erased; nothing personal is held.');
  // The package shows every field in the clear: a role whose reveals wait for approval cannot have it.
  if (isRevealHeld(await getApprovalPolicy(db, 'reveal'), actor.viewer.roles))
    throw new DomainError(
      'forbidden',
      'Your reveals need approval, and the subject access copy reveals everything: ask a role without that hold.',
    );
  // The package is for the data subject: every field in the clear, which is why the export is audited.
  const unmasked = {
    ...actor.viewer,
    fieldAccess: Object.fromEntries(sensitiveFields.map((f) => [f, 'visible'])),
  };
  const consents = await getCustomerConsents(db, actor, customerId);
  const auditEntries = await withOpenedPayloads(db, await listCustomerAuditRows(db, customerId));
  await db.transaction((tx) =>
    appendAuditEntry(tx, actor.audit, {
      action: 'customer.subject_access',
      resourceType: 'customer',
      resourceId: customerId,
      customerId,
    }),
  );
  return {
    generatedAt: new Date().toISOString(),
    generatedBy: actor.audit.actorLabel ?? 'unknown',
    customer: toCustomer(record, unmasked as typeof actor.viewer),
    consents,
    auditEntries: auditEntries.map(toAuditEntry),
  };
}
