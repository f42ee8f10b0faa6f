/**
 * Contract tests ride along with every integration test: each response the tests receive is checked
 * against the response schema that the OpenAPI document declares for that operation, status and media type.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { type ContractOperation, componentsForAjv, listOperations } from '../src/http/contract';

const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
addFormats(ajv);
ajv.addSchema({ $id: 'cims', components: componentsForAjv() });

const operations = listOperations().map((entry) => ({
  ...entry,
  pattern: new RegExp(`^${entry.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function compiled(schema: unknown) {
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"cims#/components/');
  let validate = validators.get(text);
  if (!validate) {
    validate = ajv.compile(JSON.parse(text));
    validators.set(text, validate);
  }
  return validate;
}

export function findOperation(method: string, url: string): ContractOperation | undefined {
  const path = url.split('?')[0] ?? url;
  return operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path));
}

export function contractViolations(input: {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  body: string;
}): string[] {
  const entry = findOperation(input.method, input.url);
  if (!entry) return []; // not an API operation (e.g. the SPA or /docs)
  const declared = entry.operation.responses[String(input.status)];
  const where = `${entry.operation.operationId} → ${input.status}`;
  if (!declared) return [`${where}: status not declared in the contract`];
  if (!declared.content)
    return input.body.length === 0 ? [] : [`${where}: declared without a body but got one`];
  const mediaType = (input.contentType ?? '').split(';')[0]?.trim() ?? '';
  const media = declared.content[mediaType];
  if (!media) return [`${where}: media type ${mediaType} not declared`];
  // Binary bodies (PDF, XLSX) are checked for their declared media type only.
  if (!mediaType.endsWith('json')) return [];
  const validate = compiled(media.schema);
  if (validate(JSON.parse(input.body))) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath} ${e.message}`);
}
