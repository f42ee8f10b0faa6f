/**
 * Authentication and authorization from the contract: a route's AccessRule says whether it is public,
 * which staff roles may call it and which API-key scopes it needs. Staff sessions also need the CSRF token
 * on every write; API keys travel in a header a browser never adds by itself, so they need none.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../modules/access/policies';
import { resolveViewer } from '../modules/access/service';
import { findActiveApiKey } from '../modules/api-keys/service';
import { type AuditContext, auditContextOf } from '../modules/audit/service';
import { findSession, sessionCookieName } from '../modules/auth/service';
import { DomainError } from './errors';

export interface AccessRule {
  isPublic: boolean;
  roles: string[];
  /** null: API keys may not call this operation at all. */
  apiKeyScopes: string[] | null;
}

export type Principal =
  | {
      kind: 'staff';
      user: {
        id: string;
        email: string;
        displayName: string;
        roles: string[];
        team: string | null;
        isActive: boolean;
        createdAt: Date;
      };
      session: { tokenHash: string; csrfToken: string };
    }
  | { kind: 'partner'; apiKey: { id: string; name: string; scopes: string[] } };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** What the principal may see: data scope and field access (set with the principal). */
    viewer: Viewer | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function authorize(request: FastifyRequest, rule: AccessRule): Promise<void> {
  request.principal = null;
  request.viewer = null;
  if (rule.isPublic) return;
  const db = request.server.db;

  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const apiKey = await findActiveApiKey(db, authorization.slice('Bearer '.length).trim());
    if (!apiKey) throw new DomainError('unauthenticated', 'The API key is unknown or revoked.');
    if (rule.apiKeyScopes === null) {
      throw new DomainError('forbidden', 'This operation is for staff sessions only.');
    }
    const missing = rule.apiKeyScopes.filter((scope) => !apiKey.scopes.includes(scope));
    if (missing.length > 0) {
      throw new DomainError('forbidden', `The API key lacks the scope ${missing.join(', ')}.`);
    }
    request.principal = { kind: 'partner', apiKey };
    request.viewer = await resolveViewer(db, request.principal);
    return;
  }

  const token = request.cookies[sessionCookieName];
  const session = token ? await findSession(db, token) : null;
  if (!session) throw new DomainError('unauthenticated', 'Sign in first.');
  if (!rule.roles.some((role) => session.user.roles.includes(role))) {
    throw new DomainError('forbidden', 'Your role does not allow this operation.');
  }
  if (!safeMethods.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new DomainError('csrf_failed', 'Send the X-CSRF-Token header with the token from sign-in.');
    }
  }
  request.principal = {
    kind: 'staff',
    user: session.user,
    session: { tokenHash: session.tokenHash, csrfToken: session.csrfToken },
  };
  request.viewer = await resolveViewer(db, request.principal);
}

/** Who acts (for the audit log) and what they may see, as services take it. */
export interface RequestActor {
  audit: AuditContext;
  viewer: Viewer;
}

export function actorContextOf(request: FastifyRequest): RequestActor {
  return { audit: auditContextOf(request), viewer: viewerOf(request) };
}

export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new DomainError('unauthenticated');
  return request.viewer;
}

/** Who is acting. */
export function actorOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated');
  return request.principal;
}
