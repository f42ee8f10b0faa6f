import { actorContextOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { sendHeldForApproval } from '../approvals/handlers';
import { getCustomerConsents, recordCustomerConsent } from './consent-service';
import { requestErasure } from './erasure-service';
import { renderSubjectAccessPdf } from './subject-access-pdf';
import { getSubjectAccessPackage } from './subject-access-service';

export const privacyHandlers: {
  getCustomerConsents: OperationHandler<'getCustomerConsents'>;
  recordCustomerConsent: OperationHandler<'recordCustomerConsent'>;
  eraseCustomer: OperationHandler<'eraseCustomer'>;
  getSubjectAccessPackage: OperationHandler<'getSubjectAccessPackage'>;
  getSubjectAccessPdf: OperationHandler<'getSubjectAccessPdf'>;
} = {
  async getSubjectAccessPdf(request, reply) {
    const pack = await getSubjectAccessPackage(
      request.server.db,
      actorContextOf(request),
      request.params.customerId,
    );
    const pdf = await renderSubjectAccessPdf(pack);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="subject-access-${pack.customer.id}.pdf"`)
      .send(pdf);
  },
  async eraseCustomer(request, reply) {
    const actor = actorContextOf(request);
    const erased = await requestErasure(request.server.db, actor, {
      customerId: request.params.customerId,
      ...request.body,
      dataDir: request.server.config.dataDir,
    });
    if ('approvalId' in erased) return sendHeldForApproval(request, reply, erased.approvalId);
    return erased.result;
  },
  async getSubjectAccessPackage(request) {
    return getSubjectAccessPackage(request.server.db, actorContextOf(request), request.params.customerId);
  },
  async getCustomerConsents(request) {
    return getCustomerConsents(request.server.db, actorContextOf(request), request.params.customerId);
  },
  async recordCustomerConsent(request, reply) {
    const consents = await recordCustomerConsent(request.server.db, actorContextOf(request), {
      customerId: request.params.customerId,
      record: request.body,
    });
    return reply.code(201).send(consents);
  },
};
