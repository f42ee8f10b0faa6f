/**
 * Routes come from the OpenAPI contract: every operation in openapi/generated/openapi.json is registered
 * with its request schemas (validated by Ajv in JSON Schema 2020-12 mode, which is what OpenAPI 3.1 speaks),
 * its response schemas (serialized by fast-json-stringify, so nothing undeclared leaves the server), its
 * roles (`x-roles`) and its security requirements. Handlers are keyed by operationId; a missing or extra
 * handler stops the server at start-up.
 */
import { readFileSync } from 'node:fs';
import type { operations } from '@cims/api-client';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import { type AccessRule, authorize } from './authorize';

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
}

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: unknown;
  description?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

const specPath = new URL('../../../../openapi/generated/openapi.json', import.meta.url);
export const openApiDocument: OpenApiDocument = JSON.parse(readFileSync(specPath, 'utf8'));

const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface ContractOperation {
  method: (typeof httpMethods)[number];
  path: string;
  operation: OpenApiOperation;
}

/** Follows a local `$ref` (parameters and responses are shared components in the bundle). */
function resolved<T>(document: OpenApiDocument, value: T | { $ref: string }): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value as T;
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      document,
    );
  return resolved(document, target as T);
}

export function listOperations(document: OpenApiDocument = openApiDocument): ContractOperation[] {
  const result: ContractOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as OpenApiParameter[] | undefined) ?? [];
    for (const method of httpMethods) {
      const operation = item[method] as OpenApiOperation | undefined;
      if (!operation) continue;
      const parameters = [...shared, ...(operation.parameters ?? [])].map((p) => resolved(document, p));
      const responses = Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [
          status,
          resolved(document, response),
        ]),
      );
      result.push({ method, path, operation: { ...operation, parameters, responses } });
    }
  }
  return result;
}

// The components travel as one shared schema; route schemas point into it as `cims#/components/...`.
const sharedSchemaId = 'cims';
function pointIntoShared<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${sharedSchemaId}#/components/`));
}

function parametersSchema(parameters: OpenApiParameter[], location: OpenApiParameter['in']) {
  const selected = parameters.filter((p) => p.in === location);
  if (selected.length === 0) return undefined;
  // Fastify lower-cases header names before validation.
  const key = (p: OpenApiParameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(selected.map((p) => [key(p), p.schema])),
    required: selected.filter((p) => p.required).map(key),
    // Unknown query parameters are refused too: a misspelt filter must not silently return everything.
    additionalProperties: location !== 'query',
  };
}

function routeSchema(operation: OpenApiOperation): FastifySchema {
  const parameters = operation.parameters ?? [];
  const response: Record<string, unknown> = {};
  for (const [status, definition] of Object.entries(operation.responses)) {
    if (definition.content) response[status] = { content: definition.content };
  }
  return pointIntoShared({
    body: operation.requestBody?.content['application/json']?.schema,
    querystring: parametersSchema(parameters, 'query'),
    params: parametersSchema(parameters, 'path'),
    headers: parametersSchema(parameters, 'header'),
    response,
  });
}

/**
 * The components as Ajv takes them: Ajv's `discriminator` support works from the branches' `const` and
 * refuses OpenAPI's `mapping`, which the contract keeps for the client generator.
 */
export function componentsForAjv(document: OpenApiDocument = openApiDocument) {
  return JSON.parse(JSON.stringify(document.components), (key, value) =>
    key === 'discriminator' && value && typeof value === 'object'
      ? { propertyName: value.propertyName }
      : value,
  );
}

function createAjv(options: { coerceTypes: boolean | 'array' }) {
  const ajv = new Ajv2020({
    allErrors: true,
    coerceTypes: options.coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    discriminator: true,
    strict: false,
  });
  addFormats(ajv);
  ajv.addSchema({ $id: sharedSchemaId, components: componentsForAjv() });
  return ajv;
}

type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : undefined;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : undefined;
type ParamsOf<O> = O extends { parameters: { path: infer P } } ? P : undefined;
type HeadersOf<O> = O extends { parameters: { header: infer H } } ? H : undefined;

export type OperationRequest<K extends keyof operations> = FastifyRequest<{
  Body: BodyOf<operations[K]>;
  Querystring: QueryOf<operations[K]>;
  Params: ParamsOf<operations[K]>;
  Headers: HeadersOf<operations[K]>;
}>;

export type OperationHandler<K extends keyof operations> = (
  request: OperationRequest<K>,
  reply: FastifyReply,
) => Promise<unknown>;

export type Handlers = { [K in keyof operations]: OperationHandler<K> };

export function accessRuleFor(operation: OpenApiOperation, document = openApiDocument): AccessRule {
  const security = operation.security ?? document.security ?? [];
  if (security.length === 0) return { isPublic: true, roles: [], apiKeyScopes: null };
  const bearer = security.find((requirement) => 'bearer' in requirement);
  return {
    isPublic: false,
    roles: operation['x-roles'] ?? [],
    apiKeyScopes: bearer ? (bearer.bearer ?? []) : null,
  };
}

/** Per-operation Fastify route config that does not belong in the contract, such as rate limits. */
export type RouteConfigOverrides = Partial<Record<keyof Handlers, Record<string, unknown>>>;

export async function registerContractRoutes(
  app: FastifyInstance,
  handlers: Handlers,
  routeConfig: RouteConfigOverrides = {},
) {
  const operations = listOperations();
  const known = new Set(operations.map((o) => o.operation.operationId));
  const extra = Object.keys(handlers).filter((id) => !known.has(id));
  const missing = [...known].filter((id) => !(id in handlers));
  if (extra.length || missing.length) {
    throw new Error(`handlers out of step with the contract: missing [${missing}], extra [${extra}]`);
  }

  const bodyAjv = createAjv({ coerceTypes: false });
  const parameterAjv = createAjv({ coerceTypes: 'array' });
  app.addSchema({ $id: sharedSchemaId, components: openApiDocument.components });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyAjv : parameterAjv).compile(schema as object),
  );

  for (const { method, path, operation } of operations) {
    const handler = handlers[operation.operationId as keyof Handlers] as unknown as OperationHandler<never>;
    const rule = accessRuleFor(operation);
    app.route({
      method: method.toUpperCase() as HTTPMethods,
      url: path.replace(/\{(\w+)\}/g, ':$1'),
      schema: routeSchema(operation),
      config: { operationId: operation.operationId, ...routeConfig[operation.operationId as keyof Handlers] },
      onRequest: (request) => authorize(request, rule),
      handler: (request, reply) => handler(request as never, reply),
    });
  }
}
