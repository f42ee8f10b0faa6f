import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/authorize';
import type { OperationHandler } from '../../http/contract';
import { DomainError } from '../../http/errors';
import { auditContextOf } from '../audit/service';
import { toUser } from '../users/serializers';
import { sessionCookieName, signIn, signOut } from './service';

function cookieOptions(request: FastifyRequest) {
  // Secure whenever the client reached us over HTTPS (directly, or through a trusted TLS proxy).
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

function staffOf(request: FastifyRequest) {
  const actor = actorOf(request);
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'Only for staff sessions.');
  return actor;
}

export const authHandlers: {
  signIn: OperationHandler<'signIn'>;
  signOut: OperationHandler<'signOut'>;
  getMe: OperationHandler<'getMe'>;
} = {
  async signIn(request, reply: FastifyReply) {
    const { token, csrfToken, user } = await signIn(request.server.db, auditContextOf(request), {
      ...request.body,
      userAgent: request.headers['user-agent'],
      ttlHours: request.server.config.sessionTtlHours,
    });
    reply.setCookie(sessionCookieName, token, {
      ...cookieOptions(request),
      maxAge: request.server.config.sessionTtlHours * 3600,
    });
    return { user: toUser(user), csrfToken };
  },
  async signOut(request, reply) {
    await signOut(request.server.db, auditContextOf(request), staffOf(request).session.tokenHash);
    reply.clearCookie(sessionCookieName, cookieOptions(request));
    return reply.code(204).send();
  },
  async getMe(request) {
    const staff = staffOf(request);
    return { user: toUser(staff.user), csrfToken: staff.session.csrfToken };
  },
};
