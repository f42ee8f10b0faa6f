/**
 * One error shape for the whole API: services throw DomainError; the error handler turns it, Fastify's
 * own errors and request-validation failures into RFC 9457 problem+json. 5xx details never leave the server.
 *
 * Out-of-scope records answer 404, not 403: a 403 would confirm that the customer exists.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  path: string;
  message: string;
}

const statusByCode = {
  malformed_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  duplicate: 409,
  version_conflict: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ProblemCode = keyof typeof statusByCode;

const titleByCode: Record<ProblemCode, string> = {
  malformed_request: 'Malformed request',
  unauthenticated: 'Not signed in',
  invalid_credentials: 'Wrong email or password',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'No longer available',
  duplicate: 'Likely duplicate of an existing customer',
  version_conflict: 'The record was changed by someone else',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Some fields are invalid',
  precondition_required: 'If-Match header required',
  rate_limited: 'Too many requests',
  internal_error: 'Internal server error',
  unavailable: 'Service unavailable',
};

export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    message?: string,
    readonly fieldErrors?: FieldError[],
    /** Extra members of the problem document (RFC 9457 extensions), e.g. the matches of a duplicate. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message ?? titleByCode[code]);
    this.name = 'DomainError';
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function validationFailed(fieldErrors: FieldError[]): DomainError {
  return new DomainError('validation_failed', 'Some fields are invalid; see errors.', fieldErrors);
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail?: string,
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
) {
  const status = statusByCode[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `https://cims.dev/problems/${code}`,
      title: titleByCode[code],
      status,
      ...(detail ? { detail } : {}),
      instance: request.url.split('?')[0],
      code,
      requestId: request.id,
      ...(errors ? { errors } : {}),
      ...extensions,
    });
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const partPrefix: Record<string, string> = {
  body: '',
  querystring: '/query',
  params: '/params',
  headers: '/headers',
};

/** Ajv errors → `{path, message}` with JSON Pointers into the request, one per path. */
export function fieldErrorsFromAjv(errors: AjvError[], context: string): FieldError[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    // oneOf/anyOf summaries repeat what the branch errors already say.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    let path = (partPrefix[context] ?? '') + error.instancePath;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      path += `/${String(error.params.missingProperty)}`;
      message = 'Required';
    } else if (error.keyword === 'additionalProperties') {
      path += `/${String(error.params.additionalProperty)}`;
      message = 'Unknown property';
    } else if (error.keyword === 'discriminator') {
      path += `/${String(error.params.tag)}`;
      message = 'Must be one of the known kinds';
    } else if (error.keyword === 'type' && error.params.type === 'null') {
      continue;
    }
    if (!byPath.has(path)) byPath.set(path, message.charAt(0).toUpperCase() + message.slice(1));
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

const fastifyCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
};

const uniqueViolation = '23505';

/** PostgreSQL's own error, when a query failed (drizzle wraps it as `cause`; pg's own client throws it). */
function databaseErrorOf(error: unknown): { code: string; routine?: string } | null {
  type PgError = { code?: unknown; routine?: string; severity?: unknown };
  const isPgError = (value: unknown): value is PgError & { code: string } =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PgError).code === 'string' &&
    typeof (value as PgError).severity === 'string';
  const cause = isPgError(error) ? error : (error as { cause?: unknown }).cause;
  return isPgError(cause) ? { code: cause.code, routine: cause.routine } : null;
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error instanceof DomainError) {
      return sendProblem(request, reply, error.code, error.message, error.fieldErrors, error.extensions);
    }
    if (error.validation) {
      const context = error.validationContext ?? 'body';
      const errors = fieldErrorsFromAjv(error.validation as AjvError[], context);
      if (context === 'headers' && errors.some((e) => e.path === '/headers/if-match')) {
        return sendProblem(
          request,
          reply,
          'precondition_required',
          'Send If-Match with the ETag of your last read.',
        );
      }
      return sendProblem(request, reply, 'validation_failed', 'Some fields are invalid; see errors.', errors);
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped, error.message);
    if (error.statusCode === 429) return sendProblem(request, reply, 'rate_limited', error.message);
    if (
      error instanceof SyntaxError ||
      (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    ) {
      return sendProblem(request, reply, 'malformed_request', error.message);
    }
    const databaseError = databaseErrorOf(error);
    // Class 22 (data exception): a value PostgreSQL cannot take, which validation should have caught.
    if (databaseError?.code.startsWith('22')) {
      return sendProblem(request, reply, 'validation_failed', 'A value is malformed or out of range.');
    }
    // A unique violation (23505) is a concurrent write the service did not expect: the request can be
    // repeated, so it is a conflict, not our failure. Logged, as the service should have answered it itself.
    if (databaseError?.code === uniqueViolation) {
      request.log.warn({ databaseError }, 'unique violation');
      return sendProblem(
        request,
        reply,
        'conflict',
        'This conflicts with a record stored meanwhile; try again.',
      );
    }
    // The query text and its parameters (personal data) stay out of the log; the code and routine suffice.
    request.log.error(
      databaseError ? { databaseError } : { err: error },
      databaseError ? 'database error' : 'unhandled error',
    );
    return sendProblem(
      request,
      reply,
      'internal_error',
      'Something went wrong on our side; the request id identifies it.',
    );
  });
}
