import type { components } from '@cims/api-client';
import type {
  TComparison,
  TConsentChannel,
  TConsentPurpose,
  TEventKind,
  TEventMeasure,
  TFieldOperator,
  TOrderChannel,
  TOrderStatus,
  TSegmentField,
} from './segment-fields';
import {
  filtersOf,
  isListOperator,
  isPresenceOperator,
  measuresOf,
  operatorsOf,
  valueKindOf,
} from './segment-fields';

/*
 * The rule builder's state: the contract's rule tree with an id on every node (for React keys and for
 * placing server errors) and values as the inputs hold them (text, so a half-typed number is kept).
 * All edits are pure functions from one tree to the next; `toApiRule` and `fromApiRule` convert at
 * the edges, keeping child order so that a JSON Pointer from the server names the same node here.
 */

type Schemas = components['schemas'];
export type TSegmentRule = Schemas['SegmentRule'];
type TApiEventCondition = Schemas['SegmentEventCondition'];
type TInteractionType = Schemas['InteractionType'];
type TWorkOrderCategory = Schemas['WorkOrderCategory'];

export type TGroupNode = { id: string; type: 'group'; op: 'and' | 'or'; rules: TRuleNode[] };
export type TNotNode = { id: string; type: 'not'; rule: TRuleNode };
export type TFieldNode = {
  id: string;
  type: 'field';
  field: TSegmentField;
  operator: TFieldOperator;
  /** The single value (`eq`, `gt`, …) as typed. */
  value: string;
  /** The values of `in`/`not_in`. */
  values: string[];
};
export type TEventNode = {
  id: string;
  type: 'event';
  event: TEventKind;
  measure: TEventMeasure;
  windowDays: string;
  operator: TComparison;
  value: string;
  orderStatus: TOrderStatus[];
  orderChannel: TOrderChannel | '';
  interactionType: TInteractionType | '';
  workOrderCategory: TWorkOrderCategory | '';
  campaignCode: string;
};
export type TConsentNode = {
  id: string;
  type: 'consent';
  purpose: TConsentPurpose;
  channel: TConsentChannel;
  isGranted: boolean;
};
export type TConditionNode = TFieldNode | TEventNode | TConsentNode;
export type TRuleNode = TGroupNode | TNotNode | TConditionNode;
export type TConditionType = TConditionNode['type'];

let lastId = 0;
function nextId(): string {
  lastId += 1;
  return `n${lastId}`;
}

export function newGroup(rules: TRuleNode[] = []): TGroupNode {
  return { id: nextId(), type: 'group', op: 'and', rules };
}

export function newCondition(type: TConditionType): TConditionNode {
  switch (type) {
    case 'field':
      return { id: nextId(), type, field: 'lifecycleStage', operator: 'eq', value: '', values: [] };
    case 'event':
      return {
        id: nextId(),
        type,
        event: 'order',
        measure: 'count',
        windowDays: '30',
        operator: 'gte',
        value: '1',
        orderStatus: [],
        orderChannel: '',
        interactionType: '',
        workOrderCategory: '',
        campaignCode: '',
      };
    case 'consent':
      return { id: nextId(), type, purpose: 'marketing', channel: 'sms', isGranted: true };
  }
}

/** Applies `change` to the node with `id`, wherever it is; other nodes stay the same objects. */
export function updateNode(root: TRuleNode, id: string, change: (node: TRuleNode) => TRuleNode): TRuleNode {
  if (root.id === id) return change(root);
  if (root.type === 'group') {
    const rules = root.rules.map((rule) => updateNode(rule, id, change));
    return rules.every((rule, index) => rule === root.rules[index]) ? root : { ...root, rules };
  }
  if (root.type === 'not') {
    const rule = updateNode(root.rule, id, change);
    return rule === root.rule ? root : { ...root, rule };
  }
  return root;
}

/** Adds a rule at the end of the group `groupId`. */
export function addRule(root: TRuleNode, groupId: string, rule: TRuleNode): TRuleNode {
  return updateNode(root, groupId, (node) =>
    node.type === 'group' ? { ...node, rules: [...node.rules, rule] } : node,
  );
}

/** Removes a rule from its group; a NOT goes with the rule it negates. The root itself stays. */
export function removeRule(root: TRuleNode, id: string): TRuleNode {
  if (root.type === 'group') {
    const kept = root.rules.filter((rule) => rule.id !== id && !(rule.type === 'not' && rule.rule.id === id));
    const rules = kept.map((rule) => removeRule(rule, id));
    const isSame =
      rules.length === root.rules.length && rules.every((rule, index) => rule === root.rules[index]);
    return isSame ? root : { ...root, rules };
  }
  if (root.type === 'not') {
    const rule = removeRule(root.rule, id);
    return rule === root.rule ? root : { ...root, rule };
  }
  return root;
}

/** Moves a rule one place up (-1) or down (+1) among its siblings; at either end nothing changes. */
export function moveRule(root: TRuleNode, id: string, offset: -1 | 1): TRuleNode {
  if (root.type === 'not') {
    const rule = moveRule(root.rule, id, offset);
    return rule === root.rule ? root : { ...root, rule };
  }
  if (root.type !== 'group') return root;
  const index = root.rules.findIndex((rule) => rule.id === id);
  if (index === -1) {
    const rules = root.rules.map((rule) => moveRule(rule, id, offset));
    return rules.every((rule, at) => rule === root.rules[at]) ? root : { ...root, rules };
  }
  const target = index + offset;
  if (target < 0 || target >= root.rules.length) return root;
  const rules = [...root.rules];
  [rules[index], rules[target]] = [rules[target] as TRuleNode, rules[index] as TRuleNode];
  return { ...root, rules };
}

export function setGroupOp(root: TRuleNode, groupId: string, op: TGroupNode['op']): TRuleNode {
  return updateNode(root, groupId, (node) => (node.type === 'group' ? { ...node, op } : node));
}

/** Negates a rule; negating a NOT takes the NOT away instead of stacking a second one. */
export function toggleNot(root: TRuleNode, id: string): TRuleNode {
  return updateNode(root, id, (node) =>
    node.type === 'not' ? node.rule : { id: nextId(), type: 'not', rule: node },
  );
}

/** A field condition after picking another field: the operator stays if the new field takes it. */
export function withField(node: TFieldNode, field: TSegmentField): TFieldNode {
  const operators = operatorsOf(field);
  const operator = operators.includes(node.operator) ? node.operator : (operators[0] as TFieldOperator);
  return { ...node, field, operator, value: '', values: [] };
}

/** An event condition after picking another event: measures and filters it does not take are reset. */
export function withEvent(node: TEventNode, event: TEventKind): TEventNode {
  const measure = measuresOf(event).includes(node.measure) ? node.measure : 'count';
  return {
    ...node,
    event,
    measure,
    orderStatus: [],
    orderChannel: '',
    interactionType: '',
    workOrderCategory: '',
    campaignCode: filtersOf(event).includes('campaignCode') ? node.campaignCode : '',
  };
}

function fieldValue(field: TSegmentField, text: string): string | number {
  return valueKindOf(field) === 'number' && text.trim() !== '' ? Number(text) : text.trim();
}

/**
 * The rule as the API takes it. Incomplete values are sent as they are (an empty value is left out),
 * so the server's 422 points at the condition to finish rather than the builder guessing.
 */
export function toApiRule(node: TRuleNode): TSegmentRule {
  switch (node.type) {
    case 'group':
      return { type: 'group', op: node.op, rules: node.rules.map(toApiRule) };
    case 'not':
      return { type: 'not', rule: toApiRule(node.rule) };
    case 'consent':
      return { type: 'consent', purpose: node.purpose, channel: node.channel, isGranted: node.isGranted };
    case 'field': {
      const base = { type: 'field' as const, field: node.field, operator: node.operator };
      if (isPresenceOperator(node.operator)) return base;
      if (isListOperator(node.operator)) {
        return node.values.length === 0
          ? base
          : { ...base, value: node.values.map((value) => fieldValue(node.field, value)) };
      }
      return node.value.trim() === '' ? base : { ...base, value: fieldValue(node.field, node.value) };
    }
    case 'event': {
      const filters = filtersOf(node.event);
      const where: NonNullable<TApiEventCondition['where']> = {};
      if (filters.includes('orderStatus') && node.orderStatus.length > 0)
        where.orderStatus = node.orderStatus;
      if (filters.includes('orderChannel') && node.orderChannel) where.orderChannel = node.orderChannel;
      if (filters.includes('interactionType') && node.interactionType)
        where.interactionType = node.interactionType;
      if (filters.includes('workOrderCategory') && node.workOrderCategory)
        where.workOrderCategory = node.workOrderCategory;
      if (filters.includes('campaignCode') && node.campaignCode.trim() !== '')
        where.campaignCode = node.campaignCode.trim();
      const hasWindow = node.measure !== 'days_since_last' && node.windowDays.trim() !== '';
      // An empty number box becomes NaN, which JSON sends as null and the server reports at `/value`.
      return {
        type: 'event',
        event: node.event,
        ...(Object.keys(where).length > 0 ? { where } : {}),
        measure: node.measure,
        ...(hasWindow ? { windowDays: Number(node.windowDays) } : {}),
        operator: node.operator,
        value: node.value.trim() === '' ? Number.NaN : Number(node.value),
      };
    }
  }
}

/** A saved rule in the builder's state, with fresh ids. */
export function fromApiRule(rule: TSegmentRule): TRuleNode {
  switch (rule.type) {
    case 'group':
      return { id: nextId(), type: 'group', op: rule.op, rules: rule.rules.map(fromApiRule) };
    case 'not':
      return { id: nextId(), type: 'not', rule: fromApiRule(rule.rule) };
    case 'consent':
      return {
        id: nextId(),
        type: 'consent',
        purpose: rule.purpose,
        channel: rule.channel,
        isGranted: rule.isGranted,
      };
    case 'field': {
      const values = Array.isArray(rule.value) ? rule.value.map(String) : [];
      const value = rule.value === undefined || Array.isArray(rule.value) ? '' : String(rule.value);
      return { id: nextId(), type: 'field', field: rule.field, operator: rule.operator, value, values };
    }
    case 'event':
      return {
        id: nextId(),
        type: 'event',
        event: rule.event,
        measure: rule.measure,
        windowDays: rule.windowDays === undefined ? '' : String(rule.windowDays),
        operator: rule.operator,
        value: String(rule.value),
        orderStatus: rule.where?.orderStatus ?? [],
        orderChannel: rule.where?.orderChannel ?? '',
        interactionType: rule.where?.interactionType ?? '',
        workOrderCategory: rule.where?.workOrderCategory ?? '',
        campaignCode: rule.where?.campaignCode ?? '',
      };
  }
}

/** True while the rule has no condition at all (a fresh builder), when there is nothing to preview. */
export function hasNoCondition(node: TRuleNode): boolean {
  if (node.type === 'group') return node.rules.every(hasNoCondition);
  if (node.type === 'not') return hasNoCondition(node.rule);
  return false;
}

export type TNodeError = { property: string | null; message: string };

/**
 * Where a server error about the rule shows: `/rule/rules/1/operator` names the second rule of the
 * root group and its `operator`. `rootPointer` is where the rule sits in the request body. Pointers
 * outside the rule answer null.
 */
export function locateRuleError(
  root: TRuleNode,
  pointer: string,
  rootPointer = '/rule',
): { nodeId: string; property: string | null } | null {
  if (pointer !== rootPointer && !pointer.startsWith(`${rootPointer}/`)) return null;
  const parts = pointer.slice(rootPointer.length).split('/').slice(1);
  let node: TRuleNode = root;
  let at = 0;
  while (at < parts.length) {
    if (node.type === 'group' && parts[at] === 'rules' && at + 1 < parts.length) {
      const child: TRuleNode | undefined = node.rules[Number(parts[at + 1])];
      if (!child) break;
      node = child;
      at += 2;
    } else if (node.type === 'not' && parts[at] === 'rule') {
      node = node.rule;
      at += 1;
    } else {
      break;
    }
  }
  return { nodeId: node.id, property: parts[at] ?? null };
}

/** The server's errors about the rule by the node they name, and the others (name, colour, …). */
export function groupRuleErrors(
  root: TRuleNode,
  errors: readonly { path: string; message: string }[],
): { byNode: ReadonlyMap<string, TNodeError[]>; others: { path: string; message: string }[] } {
  const byNode = new Map<string, TNodeError[]>();
  const others: { path: string; message: string }[] = [];
  for (const error of errors) {
    const place = locateRuleError(root, error.path);
    if (!place) {
      others.push(error);
      continue;
    }
    const list = byNode.get(place.nodeId) ?? [];
    list.push({ property: place.property, message: error.message });
    byNode.set(place.nodeId, list);
  }
  return { byNode, others };
}
