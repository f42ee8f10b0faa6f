import {
  ZContactPointType,
  ZCustomerKind,
  ZCustomerUpdate,
  ZGender,
  ZInteractionBatchItem,
  ZInteractionChannel,
  ZInteractionInput,
  ZInteractionType,
  ZLifecycleStage,
  ZOrganizationCustomerCreate,
  ZOrganizationSize,
  ZPersonCustomerCreate,
  ZSourceChannel,
  ZStaffRole,
  ZTaskCreate,
  ZTaskKind,
  ZTaskRecurrence,
  ZWorkOrderCategory,
  ZWorkOrderChannel,
  ZWorkOrderCreate,
  ZWorkOrderPriority,
  ZWorkOrderStatus,
} from '@cims/schemas';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listOperations, openApiDocument } from '../src/http/contract';
import { handlers } from '../src/http/handlers';

const operations = listOperations();

describe('the OpenAPI contract and the server', () => {
  it('has exactly one handler per operationId', () => {
    expect(Object.keys(handlers).sort()).toEqual(operations.map((o) => o.operation.operationId).sort());
  });

  it('declares roles and error responses on every protected operation', () => {
    for (const { operation } of operations) {
      const security = operation.security ?? openApiDocument.security ?? [];
      if (security.length === 0) continue;
      expect(operation['x-roles']?.length, operation.operationId).toBeGreaterThan(0);
      expect(Object.keys(operation.responses), operation.operationId).toEqual(
        expect.arrayContaining(['401', '403']),
      );
      if (operation.requestBody) {
        expect(Object.keys(operation.responses), operation.operationId).toEqual(
          expect.arrayContaining(['413', '415', '422']),
        );
      }
    }
  });
});

/** The contract and the shared zod schemas describe the same request bodies: same keys, same required ones. */
describe('the contract and @cims/schemas agree', () => {
  const schemas = openApiDocument.components.schemas as Record<
    string,
    { properties: object; required?: string[] }
  >;
  const keysOf = (name: string) => Object.keys(schemas[name]?.properties ?? {}).sort();

  it.each([
    ['PersonCustomerCreate', ZPersonCustomerCreate],
    ['OrganizationCustomerCreate', ZOrganizationCustomerCreate],
    ['CustomerUpdate', ZCustomerUpdate],
    ['WorkOrderCreate', ZWorkOrderCreate],
    ['InteractionInput', ZInteractionInput],
    ['InteractionBatchItem', ZInteractionBatchItem],
    ['TaskCreate', ZTaskCreate],
  ] as const)('%s', (name, zodSchema) => {
    const jsonSchema = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, unknown>;
      required?: string[];
    };
    expect(Object.keys(jsonSchema.properties).sort()).toEqual(keysOf(name));
    expect([...(jsonSchema.required ?? [])].sort()).toEqual([...(schemas[name]?.required ?? [])].sort());
  });

  it.each([
    ['PersonInput', 'person', ZPersonCustomerCreate],
    ['OrganizationInput', 'organization', ZOrganizationCustomerCreate],
  ] as const)('%s', (name, key, zodSchema) => {
    const jsonSchema = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { properties: object; required?: string[] }>;
    };
    const nested = jsonSchema.properties[key];
    expect(Object.keys(nested?.properties ?? {}).sort()).toEqual(keysOf(name));
    expect([...(nested?.required ?? [])].sort()).toEqual([...(schemas[name]?.required ?? [])].sort());
  });

  it.each([
    ['CustomerKind', ZCustomerKind],
    ['LifecycleStage', ZLifecycleStage],
    ['SourceChannel', ZSourceChannel],
    ['Gender', ZGender],
    ['OrganizationSize', ZOrganizationSize],
    ['ContactPointType', ZContactPointType],
    ['StaffRole', ZStaffRole],
    ['WorkOrderCategory', ZWorkOrderCategory],
    ['WorkOrderPriority', ZWorkOrderPriority],
    ['WorkOrderStatus', ZWorkOrderStatus],
    ['WorkOrderChannel', ZWorkOrderChannel],
    ['InteractionType', ZInteractionType],
    ['InteractionChannel', ZInteractionChannel],
    ['TaskKind', ZTaskKind],
    ['TaskRecurrence', ZTaskRecurrence],
  ] as const)('enum %s', (name, zodEnum) => {
    const contractEnum = (openApiDocument.components.schemas as Record<string, { enum: string[] }>)[name]
      ?.enum;
    expect([...zodEnum.options].sort()).toEqual([...(contractEnum ?? [])].sort());
  });
});

describe('list filters said twice in the contract', () => {
  // An export selects what a list shows: its filter object must match the list's query, name for name.
  const schemas = openApiDocument.components?.schemas as Record<
    string,
    { properties: Record<string, unknown> }
  >;
  const withoutDescription = (schema: unknown) => {
    const { description: _description, default: _default, ...rest } = schema as Record<string, unknown>;
    return rest;
  };
  it.each([
    ['listCustomers', 'CustomerListFilter'],
    ['listWorkOrders', 'WorkOrderListFilter'],
    ['getDashboardChart', 'DashboardFilter'],
  ])('%s query = %s', (operationId, schemaName) => {
    const operation = operations.find((o) => o.operation.operationId === operationId);
    const query = Object.fromEntries(
      ((operation?.operation.parameters ?? []) as { in: string; name: string; schema: unknown }[])
        .filter(
          (parameter) => parameter.in === 'query' && !['sort', 'limit', 'cursor'].includes(parameter.name),
        )
        .map((parameter) => [parameter.name, withoutDescription(parameter.schema)]),
    );
    const properties = Object.fromEntries(
      Object.entries(schemas[schemaName]?.properties ?? {}).map(([name, schema]) => [
        name,
        withoutDescription(schema),
      ]),
    );
    expect(properties).toEqual(query);
  });
});
