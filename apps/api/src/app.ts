/**
 * The application as a Fastify instance: external plugins, then the contract's routes, then the SPA.
 * Tests build it with their own database and call it through `app.inject()`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/client';
import { openApiDocument, registerContractRoutes } from './http/contract';
import { DomainError, registerErrorHandler, sendProblem, validationFailed } from './http/errors';
import { handlers } from './http/handlers';
import type { JobQueue } from './jobs/schedule';
import { attachmentTypes } from './modules/workorders/attachments';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    jobs: JobQueue;
  }
}

/**
 * Request logs name the path, never the query string: quick-search terms are phone digits and names,
 * and masking applies to logs as much as to responses.
 */
export function logOptions(level: string, stream?: { write: (line: string) => void }) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.ip,
      }),
    },
  };
}

/**
 * How deep a JSON body may nest. Ajv validates recursive schemas (a segment rule's `not` and `group`) by
 * recursion, so a body thousands of levels deep would overflow the stack before the rule checks could
 * refuse it (they allow 6 levels of rules, some 15 of JSON); no operation takes anything near this.
 */
const maxBodyDepth = 40;

/**
 * The JSON Pointer of the top-level member (or the root, '') under which `value` nests deeper than `max`,
 * or null. Walked with a stack of its own, so that the check itself cannot overflow.
 */
export function deeperThan(value: unknown, max: number): string | null {
  const pending: { node: unknown; depth: number; top: string }[] = [{ node: value, depth: 1, top: '' }];
  while (pending.length > 0) {
    const { node, depth, top } = pending.pop() as (typeof pending)[number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return top;
    for (const [key, child] of Object.entries(node)) {
      const pointer = depth === 1 ? `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}` : top;
      pending.push({ node: child, depth: depth + 1, top: pointer });
    }
  }
  return null;
}

export interface AppOptions {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** Absent in processes that run no background work: operations that queue a job answer 503. */
  jobs?: JobQueue;
}

const noJobQueue: JobQueue = {
  async send() {
    throw new DomainError('unavailable', 'Background jobs are not running in this process.');
  },
};

export async function buildApp(options: AppOptions) {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? logOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    https: config.tls ?? null,
  });
  app.decorate('db', options.db);
  app.decorate('config', config);
  app.decorate('jobs', options.jobs ?? noJobQueue);
  app.decorateRequest('principal', null);
  app.decorateRequest('viewer', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // JSON only: a text/plain body must be refused (415), not parsed into a string.
  app.removeContentTypeParser('text/plain');
  // PostgreSQL text cannot hold NUL; refuse it at the door, in bodies and in query strings alike.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (/\\u0000/i.test(body as string)) {
      done(new DomainError('malformed_request', 'Text may not contain NUL characters (\\u0000).'), undefined);
      return;
    }
    parseJson(request, body as string, (error, value) => {
      const tooDeep = error ? null : deeperThan(value, maxBodyDepth);
      if (tooDeep !== null) {
        done(validationFailed([{ path: tooDeep, message: `Nested more than ${maxBodyDepth} levels deep` }]));
        return;
      }
      done(error, value);
    });
  });
  // Files stream through to the handler that writes them to disk (imports, work-order attachments); no
  // other route takes them.
  const fileUploads: [string, string[]][] = [
    ['uploadImport', ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
    ['uploadWorkOrderAttachment', attachmentTypes],
  ];
  app.addContentTypeParser(
    fileUploads.flatMap(([, types]) => types),
    (request, payload, done) => {
      const operationId = (request.routeOptions.config as { operationId?: string }).operationId;
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      if (!fileUploads.some(([id, types]) => id === operationId && types.includes(type))) {
        done(
          new DomainError('unsupported_media_type', 'This operation does not take this media type.'),
          undefined,
        );
        return;
      }
      done(null, payload);
    },
  );
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url))
      throw new DomainError('malformed_request', 'The address may not contain NUL characters.');
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    mode: 'static',
    specification: { document: openApiDocument as never },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  registerErrorHandler(app);
  await registerContractRoutes(app, handlers, {
    signIn: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
  });

  const webDist = config.webDistDir && existsSync(config.webDistDir) ? config.webDistDir : null;
  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html');
    if (webDist && isPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(
      request,
      reply,
      'not_found',
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
  return app;
}
