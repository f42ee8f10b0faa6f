/**
 * Segment rules (客户分群规则): checked beyond what the contract's JSON Schema can say (which operators
 * a field takes, the kind of value, which filters an event takes, depth), then compiled into one SQL
 * condition on `customers`. Every value travels as a bound parameter and every column comes from the
 * table below, never from the rule, so a rule cannot inject SQL.
 *
 * Each leaf compiles to `coalesce(…, false)`: comparisons with NULL (a customer without orders has no
 * "days since last order") are false, not unknown, so NOT behaves as a person reading the rule expects.
 * Events are counted as of `asOf` (events after it are left out), which makes results reproducible.
 */
import type { components } from '@cims/api-client';
import { isIsoCalendarDate, ZCustomerKind, ZLifecycleStage, ZSourceChannel } from '@cims/schemas';
import { type SQL, sql } from 'drizzle-orm';
import { customers } from '../../db/schema';
import type { FieldError } from '../../http/errors';
import { consentInForce } from '../privacy/consent-repo';

export type SegmentRule = components['schemas']['SegmentRule'];
type FieldCondition = components['schemas']['SegmentFieldCondition'];
type EventCondition = components['schemas']['SegmentEventCondition'];
type SegmentField = components['schemas']['SegmentField'];
type Operator = FieldCondition['operator'];

export const maxRuleDepth = 6;
export const maxRuleConditions = 100;

type FieldKind = 'text' | 'tags' | 'number' | 'date' | 'uuid';

const fields: Record<SegmentField, { column: SQL; kind: FieldKind; values?: readonly string[] }> = {
  kind: { column: sql`${customers.kind}`, kind: 'text', values: ZCustomerKind.options },
  lifecycleStage: { column: sql`${customers.lifecycleStage}`, kind: 'text', values: ZLifecycleStage.options },
  sourceChannel: { column: sql`${customers.sourceChannel}`, kind: 'text', values: ZSourceChannel.options },
  valueTier: { column: sql`${customers.valueTier}`, kind: 'text', values: ['A', 'B', 'C', 'D'] },
  serviceStatus: { column: sql`${customers.serviceStatus}`, kind: 'text', values: ['in_after_sales'] },
  provinceCode: { column: sql`${customers.provinceCode}`, kind: 'text' },
  cityCode: { column: sql`${customers.cityCode}`, kind: 'text' },
  industry: { column: sql`${customers.industry}`, kind: 'text' },
  customerType: { column: sql`${customers.customerType}`, kind: 'text' },
  ownerId: { column: sql`${customers.ownerId}`, kind: 'uuid' },
  tags: { column: sql`${customers.tags}`, kind: 'tags' },
  qualityScore: { column: sql`${customers.qualityScore}`, kind: 'number' },
  createdAt: { column: sql`(${customers.createdAt} AT TIME ZONE 'Asia/Shanghai')::date`, kind: 'date' },
  contractEndDate: { column: sql`${customers.contractEndDate}`, kind: 'date' },
};

const operatorsByKind: Record<FieldKind, Operator[]> = {
  text: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  uuid: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  tags: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  number: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set'],
};

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valueProblem(
  kind: FieldKind,
  allowed: readonly string[] | undefined,
  value: unknown,
): string | null {
  if (kind === 'number') return typeof value === 'number' ? null : 'Must be a number';
  if (typeof value !== 'string') return 'Must be a string';
  if (kind === 'date' && !isIsoCalendarDate(value)) return 'Must be a date in the form YYYY-MM-DD';
  if (kind === 'uuid' && !uuidText.test(value)) return 'Must be a UUID';
  if (allowed && !allowed.includes(value)) return `Must be one of ${allowed.join(', ')}`;
  return null;
}

function checkField(condition: FieldCondition, path: string, problems: FieldError[]) {
  const field = fields[condition.field];
  if (!operatorsByKind[field.kind].includes(condition.operator)) {
    problems.push({
      path: `${path}/operator`,
      message: `${condition.field} takes ${operatorsByKind[field.kind].join(', ')}`,
    });
    return;
  }
  const isPresence = condition.operator === 'is_set' || condition.operator === 'is_not_set';
  const isList = condition.operator === 'in' || condition.operator === 'not_in';
  if (isPresence) {
    if (condition.value !== undefined) problems.push({ path: `${path}/value`, message: 'Takes no value' });
    return;
  }
  if (condition.value === undefined) {
    problems.push({ path: `${path}/value`, message: 'Required' });
    return;
  }
  if (isList !== Array.isArray(condition.value)) {
    problems.push({ path: `${path}/value`, message: isList ? 'Must be a list' : 'Must be a single value' });
    return;
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  values.forEach((value, index) => {
    const problem = valueProblem(field.kind, field.values, value);
    if (problem)
      problems.push({ path: isList ? `${path}/value/${index}` : `${path}/value`, message: problem });
  });
}

const filtersByEvent: Record<EventCondition['event'], string[]> = {
  order: ['orderStatus', 'orderChannel', 'campaignCode'],
  interaction: ['interactionType', 'campaignCode'],
  work_order: ['workOrderCategory'],
};

function checkEvent(condition: EventCondition, path: string, problems: FieldError[]) {
  for (const key of Object.keys(condition.where ?? {}))
    if (!filtersByEvent[condition.event].includes(key))
      problems.push({ path: `${path}/where/${key}`, message: `Not a filter of ${condition.event} events` });
  if (
    (condition.measure === 'sum_amount' || condition.measure === 'max_amount') &&
    condition.event !== 'order'
  )
    problems.push({ path: `${path}/measure`, message: 'Amounts are measured on orders only' });
  if (condition.measure === 'days_since_last' && condition.windowDays !== undefined)
    problems.push({
      path: `${path}/windowDays`,
      message: 'days_since_last looks at all events; leave windowDays out',
    });
}

/** Problems the contract's schema cannot see, with JSON Pointers under `path`. */
export function ruleProblems(rule: SegmentRule, path = '/rule'): FieldError[] {
  const problems: FieldError[] = [];
  let conditions = 0;
  const visit = (node: SegmentRule, at: string, depth: number) => {
    if (depth > maxRuleDepth) {
      problems.push({ path: at, message: `Rules may nest at most ${maxRuleDepth} levels` });
      return;
    }
    switch (node.type) {
      case 'group':
        for (const [index, child] of node.rules.entries()) visit(child, `${at}/rules/${index}`, depth + 1);
        return;
      case 'not':
        visit(node.rule, `${at}/rule`, depth + 1);
        return;
      case 'field':
        conditions++;
        checkField(node, at, problems);
        return;
      case 'event':
        conditions++;
        checkEvent(node, at, problems);
        return;
      case 'consent':
        conditions++;
        return;
    }
  };
  visit(rule, path, 1);
  if (conditions > maxRuleConditions)
    problems.push({ path, message: `A rule may hold at most ${maxRuleConditions} conditions` });
  return problems;
}

const comparison: Record<'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', SQL> = {
  eq: sql`=`,
  neq: sql`<>`,
  gt: sql`>`,
  gte: sql`>=`,
  lt: sql`<`,
  lte: sql`<=`,
};

function compileField(condition: FieldCondition): SQL {
  const { column, kind } = fields[condition.field];
  const { operator, value } = condition;
  const cast = { number: sql`::numeric`, date: sql`::date`, uuid: sql`::uuid`, text: sql``, tags: sql`` }[
    kind
  ];
  const listType = {
    number: sql`::numeric[]`,
    date: sql`::date[]`,
    uuid: sql`::uuid[]`,
    text: sql`::text[]`,
    tags: sql`::text[]`,
  }[kind];
  // UUIDs are compared as uuid (so the column's index serves), and whatever case they were written in.
  const text = (item: string | number) => (kind === 'uuid' ? String(item).toLowerCase() : String(item));
  const list = () => sql.param((value as (string | number)[]).map(text));
  if (kind === 'tags') {
    switch (operator) {
      case 'eq':
        return sql`${String(value)} = ANY(${column})`;
      case 'neq':
        return sql`NOT (${String(value)} = ANY(${column}))`;
      case 'in':
        return sql`${column} && ${list()}::text[]`;
      case 'not_in':
        return sql`NOT (${column} && ${list()}::text[])`;
      case 'is_set':
        return sql`cardinality(${column}) > 0`;
      default:
        return sql`cardinality(${column}) = 0`;
    }
  }
  switch (operator) {
    case 'is_set':
      return sql`${column} IS NOT NULL`;
    case 'is_not_set':
      return sql`${column} IS NULL`;
    case 'in':
      return sql`${column} = ANY(${list()}${listType})`;
    case 'not_in':
      return sql`(${column} IS NULL OR NOT (${column} = ANY(${list()}${listType})))`;
    case 'neq':
      return sql`${column} IS DISTINCT FROM ${text(value as string | number)}${cast}`;
    default:
      return sql`${column} ${comparison[operator]} ${text(value as string | number)}${cast}`;
  }
}

const eventSources = {
  order: { table: sql`orders`, time: sql`e.ordered_at` },
  interaction: { table: sql`interactions`, time: sql`e.occurred_at` },
  work_order: { table: sql`work_orders`, time: sql`e.created_at` },
};

function compileEvent(condition: EventCondition, asOf: Date): SQL {
  const { table, time } = eventSources[condition.event];
  const where = condition.where ?? {};
  const filters: SQL[] = [sql`e.customer_id = ${customers.id}`, sql`${time} <= ${asOf}`];
  if (condition.windowDays !== undefined)
    filters.push(sql`${time} > ${asOf}::timestamptz - make_interval(days => ${condition.windowDays}::int)`);
  if (where.orderStatus) filters.push(sql`e.status = ANY(${sql.param(where.orderStatus)}::text[])`);
  if (where.orderChannel) filters.push(sql`e.channel = ${where.orderChannel}`);
  if (where.interactionType) filters.push(sql`e.type = ${where.interactionType}`);
  if (where.workOrderCategory) filters.push(sql`e.category = ${where.workOrderCategory}`);
  if (where.campaignCode) filters.push(sql`e.campaign_code = ${where.campaignCode}`);
  const measure = {
    count: sql`count(*)`,
    sum_amount: sql`coalesce(sum(e.amount), 0)`,
    max_amount: sql`coalesce(max(e.amount), 0)`,
    // Whole calendar days in Asia/Shanghai: an event yesterday evening is 1 day ago, this morning's 0.
    days_since_last: sql`((${asOf}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - (max(${time}) AT TIME ZONE 'Asia/Shanghai')::date)`,
  }[condition.measure];
  return sql`(SELECT ${measure} FROM ${table} e WHERE ${sql.join(filters, sql` AND `)}) ${comparison[condition.operator]} ${condition.value}::numeric`;
}

/** The rule as a condition on `customers`; check it with `ruleProblems` first. */
export function compileRule(rule: SegmentRule, asOf: Date): SQL {
  switch (rule.type) {
    case 'group':
      return sql`(${sql.join(
        rule.rules.map((child) => compileRule(child, asOf)),
        rule.op === 'and' ? sql` AND ` : sql` OR `,
      )})`;
    case 'not':
      return sql`NOT ${compileRule(rule.rule, asOf)}`;
    case 'field':
      return sql`coalesce(${compileField(rule)}, false)`;
    case 'event':
      return sql`coalesce(${compileEvent(rule, asOf)}, false)`;
    case 'consent': {
      const granted = sql`coalesce(${consentInForce(rule.purpose, rule.channel)}, false)`;
      return rule.isGranted ? granted : sql`NOT ${granted}`;
    }
  }
}

/** Customers a segment can hold: live records (not deleted, merged away or erased). */
export const liveCustomers = sql`${customers.deletedAt} IS NULL AND ${customers.erasedAt} IS NULL`;
