import { describe, expect, it } from 'vitest';
import {
  addRule,
  fromApiRule,
  groupRuleErrors,
  hasNoCondition,
  locateRuleError,
  moveRule,
  newCondition,
  newGroup,
  removeRule,
  setGroupOp,
  type TEventNode,
  type TFieldNode,
  type TGroupNode,
  type TRuleNode,
  type TSegmentRule,
  toApiRule,
  toggleNot,
  updateNode,
  withEvent,
  withField,
} from './rule-tree';

function asGroup(node: TRuleNode): TGroupNode {
  if (node.type !== 'group') throw new Error('not a group');
  return node;
}

const sleepingBuyers: TSegmentRule = {
  type: 'group',
  op: 'and',
  rules: [
    {
      type: 'event',
      event: 'interaction',
      where: { interactionType: 'login' },
      measure: 'count',
      windowDays: 30,
      operator: 'eq',
      value: 0,
    },
    {
      type: 'event',
      event: 'order',
      where: { orderStatus: ['paid', 'shipped', 'completed'] },
      measure: 'count',
      windowDays: 365,
      operator: 'gte',
      value: 6,
    },
    {
      type: 'not',
      rule: {
        type: 'group',
        op: 'or',
        rules: [
          { type: 'field', field: 'tags', operator: 'in', value: ['VIP', '黑名单'] },
          { type: 'field', field: 'qualityScore', operator: 'lt', value: 40 },
          { type: 'field', field: 'contractEndDate', operator: 'is_set' },
        ],
      },
    },
    { type: 'consent', purpose: 'marketing', channel: 'sms', isGranted: true },
  ],
};

describe('toApiRule and fromApiRule', () => {
  it('round-trip a saved rule', () => {
    expect(toApiRule(fromApiRule(sleepingBuyers))).toEqual(sleepingBuyers);
  });

  it('send numbers as numbers, leave out empty values and drop filters the event does not take', () => {
    const field: TFieldNode = {
      ...(newCondition('field') as TFieldNode),
      field: 'qualityScore',
      operator: 'gte',
      value: '60',
    };
    expect(toApiRule(field)).toEqual({ type: 'field', field: 'qualityScore', operator: 'gte', value: 60 });
    expect(toApiRule({ ...field, value: ' ' })).toEqual({
      type: 'field',
      field: 'qualityScore',
      operator: 'gte',
    });
    expect(toApiRule({ ...field, operator: 'in', values: ['1', '2'] })).toMatchObject({ value: [1, 2] });
    const set: TFieldNode = { ...field, field: 'contractEndDate', operator: 'is_set', value: '2026-01-01' };
    expect(toApiRule(set)).toEqual({ type: 'field', field: 'contractEndDate', operator: 'is_set' });

    const event: TEventNode = {
      ...(newCondition('event') as TEventNode),
      event: 'interaction',
      interactionType: 'login',
      orderStatus: ['paid'],
      measure: 'days_since_last',
      windowDays: '30',
      operator: 'gt',
      value: '90',
    };
    expect(toApiRule(event)).toEqual({
      type: 'event',
      event: 'interaction',
      where: { interactionType: 'login' },
      measure: 'days_since_last',
      operator: 'gt',
      value: 90,
    });
  });
});

describe('tree edits', () => {
  it('add, move, negate and remove conditions, and switch a group between AND and OR', () => {
    const first = newCondition('field');
    const second = newCondition('event');
    let root: TRuleNode = newGroup();
    expect(hasNoCondition(root)).toBe(true);
    root = addRule(addRule(root, root.id, first), root.id, second);
    expect(hasNoCondition(root)).toBe(false);
    expect(asGroup(root).rules.map((rule) => rule.id)).toEqual([first.id, second.id]);

    root = moveRule(root, second.id, -1);
    expect(asGroup(root).rules.map((rule) => rule.id)).toEqual([second.id, first.id]);
    expect(moveRule(root, second.id, -1)).toBe(root);

    root = setGroupOp(root, root.id, 'or');
    expect(asGroup(root).op).toBe('or');

    root = toggleNot(root, first.id);
    const negated = asGroup(root).rules[1];
    expect(negated).toMatchObject({ type: 'not', rule: { id: first.id } });
    root = toggleNot(root, negated?.id ?? '');
    expect(asGroup(root).rules[1]).toBe(first);

    root = toggleNot(root, first.id);
    root = removeRule(root, first.id);
    expect(asGroup(root).rules.map((rule) => rule.id)).toEqual([second.id]);
  });

  it('edits nested nodes and leaves the others as they were', () => {
    const inner = newGroup([newCondition('consent')]);
    const sibling = newCondition('field');
    const root = newGroup([sibling, { id: 'not1', type: 'not', rule: inner }]);
    const condition = inner.rules[0] as TRuleNode;
    const next = asGroup(
      updateNode(root, condition.id, (node) =>
        node.type === 'consent' ? { ...node, isGranted: false } : node,
      ),
    );
    expect(next.rules[0]).toBe(sibling);
    expect(toApiRule(next)).toMatchObject({ rules: [{}, { rule: { rules: [{ isGranted: false }] } }] });
    expect(asGroup(moveRule(addRule(root, inner.id, newCondition('event')), condition.id, 1))).not.toBe(root);
  });

  it('keeps what still applies when the field or event changes', () => {
    const field = { ...(newCondition('field') as TFieldNode), operator: 'in' as const, values: ['lead'] };
    expect(withField(field, 'sourceChannel')).toMatchObject({ operator: 'in', values: [] });
    // `in` does not apply to dates: the first operator a date takes replaces it.
    expect(withField(field, 'createdAt')).toMatchObject({ operator: 'eq' });
    const event = {
      ...(newCondition('event') as TEventNode),
      measure: 'sum_amount' as const,
      campaignCode: 'C1',
    };
    expect(withEvent(event, 'interaction')).toMatchObject({ measure: 'count', campaignCode: 'C1' });
    expect(withEvent(event, 'work_order')).toMatchObject({ campaignCode: '' });
  });
});

describe('server errors', () => {
  const root = asGroup(fromApiRule(sleepingBuyers));
  const [login, , not] = root.rules;

  it('land on the node the JSON Pointer names', () => {
    expect(locateRuleError(root, '/rule/rules/0/windowDays')).toEqual({
      nodeId: login?.id,
      property: 'windowDays',
    });
    const negatedGroup = not?.type === 'not' ? asGroup(not.rule) : null;
    expect(locateRuleError(root, '/rule/rules/2/rule/rules/1/value')).toEqual({
      nodeId: negatedGroup?.rules[1]?.id,
      property: 'value',
    });
    expect(locateRuleError(root, '/rule/rules/2/rule/rules/0/value/1')).toMatchObject({ property: 'value' });
    expect(locateRuleError(root, '/rule')).toEqual({ nodeId: root.id, property: null });
    expect(locateRuleError(root, '/name')).toBeNull();
  });

  it('are grouped by node, the others kept for the form', () => {
    const { byNode, others } = groupRuleErrors(root, [
      { path: '/rule/rules/0/operator', message: 'Invalid' },
      { path: '/name', message: 'Required' },
    ]);
    expect(byNode.get(login?.id ?? '')).toEqual([{ property: 'operator', message: 'Invalid' }]);
    expect(others).toEqual([{ path: '/name', message: 'Required' }]);
  });
});
