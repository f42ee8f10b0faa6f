import createClient, { type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/schema';

export { type OperationId, operationRoles } from './generated/operation-roles';
export type { components, operations, paths };

type Schemas = components['schemas'];
export type Customer = Schemas['Customer'];
export type CustomerSummary = Schemas['CustomerSummary'];
export type CustomerPage = Schemas['CustomerPage'];
export type CustomerCreate = Schemas['CustomerCreate'];
export type CustomerUpdate = Schemas['CustomerUpdate'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type User = Schemas['User'];
export type Session = Schemas['Session'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditAction = Schemas['AuditAction'];
export type AuditVerification = Schemas['AuditVerification'];
export type AccessPolicy = Schemas['AccessPolicy'];
export type ListCustomersQuery = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

export type CimsClient = ReturnType<typeof createCimsClient>;

/**
 * The typed client for the CIMS API. Cookie sessions need the CSRF token on writes, so the client
 * asks for it through `getCsrfToken` on every request rather than holding a copy that could go stale.
 */
export function createCimsClient(options: { baseUrl?: string; getCsrfToken?: () => string | null } = {}) {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', credentials: 'same-origin' });
  const csrf: Middleware = {
    onRequest({ request }) {
      const token = options.getCsrfToken?.();
      if (token && request.method !== 'GET' && request.method !== 'HEAD') {
        request.headers.set('X-CSRF-Token', token);
      }
      return request;
    },
  };
  client.use(csrf);
  return client;
}

/** True when a value is an RFC 9457 problem body as this API sends them. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}
