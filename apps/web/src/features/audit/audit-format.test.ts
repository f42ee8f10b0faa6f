import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditChangeRows,
  chainProblemLabel,
  formatAuditValue,
  isCreationChanges,
  type TAuditValueContext,
} from './audit-format';

// Echoes the key and options, which is all these tests need to see what was looked up.
const t = ((key: string, options?: Record<string, unknown>) => {
  if (key === 'common.listSeparator') return '、';
  const { defaultValue: _, ...rest } = options ?? {};
  return Object.keys(rest).length > 0 ? `${key} ${JSON.stringify(rest)}` : key;
}) as unknown as TFunction;

const context: TAuditValueContext = {
  t,
  action: 'customer.update',
  userName: (id) => (id === 'u1' ? '销售·王磊' : undefined),
  formatDateTime: (iso) => `at ${iso}`,
};

describe('auditActionLabel', () => {
  it('translates known actions and shows unknown ones as they came', () => {
    expect(auditActionLabel(t, 'customer.create')).toBe('audit.actions.customer.create');
    expect(auditActionLabel(t, 'payment.refund')).toBe('payment.refund');
  });
});

describe('formatAuditValue', () => {
  it('labels enum codes, owners and empty values', () => {
    expect(formatAuditValue('lifecycleStage', 'customer', context)).toBe('enums.lifecycleStage.customer');
    expect(formatAuditValue('ownerId', 'u1', context)).toBe('销售·王磊');
    expect(formatAuditValue('ownerId', 'u2', context)).toBe('history.unknownUser');
    expect(formatAuditValue('notes', null, context)).toBe('—');
    expect(formatAuditValue('tags', [], context)).toBe('—');
  });

  it('joins lists and translates each item', () => {
    expect(formatAuditValue('roles', ['sales', 'auditor'], context)).toBe(
      'enums.staffRole.sales、enums.staffRole.auditor',
    );
  });

  it('translates a sign-in failure reason but keeps a reveal reason as written', () => {
    expect(formatAuditValue('reason', 'wrong_password', { ...context, action: 'auth.sign_in_failed' })).toBe(
      'audit.signInFailure.wrong_password',
    );
    expect(formatAuditValue('reason', '客户来电核实身份', { ...context, action: 'customer.reveal' })).toBe(
      '客户来电核实身份',
    );
  });
});

describe('approval entries', () => {
  it('reads an approval’s kind, approver role and requester', () => {
    const approval = { ...context, action: 'approval.request' };
    expect(formatAuditValue('kind', 'reveal', approval)).toBe('approvals.kinds.reveal');
    expect(formatAuditValue('approverRole', 'compliance', approval)).toBe('enums.staffRole.compliance');
    expect(formatAuditValue('requestedBy', 'u1', { ...context, action: 'approval.approve' })).toBe(
      '销售·王磊',
    );
    // Elsewhere `kind` stays a customer's kind.
    expect(formatAuditValue('kind', 'person', context)).toBe('enums.kind.person');
  });
});

describe('auditChangeRows', () => {
  it('splits a policy’s field access into the fields that changed', () => {
    const rows = auditChangeRows(
      {
        fieldAccess: {
          before: { phone: 'masked', email: 'visible' },
          after: { phone: 'visible', email: 'visible' },
        },
        canReveal: { before: false, after: true },
      },
      { ...context, action: 'access_policy.update' },
    );
    expect(rows).toEqual([
      {
        key: 'fieldAccess.phone',
        label: 'audit.subField {"field":"access.fieldAccess","name":"enums.sensitiveField.phone"}',
        before: 'enums.fieldAccess.masked',
        after: 'enums.fieldAccess.visible',
      },
      { key: 'canReveal', label: 'access.canReveal', before: 'common.no', after: 'common.yes' },
    ]);
  });

  it('tells a creation from an update', () => {
    expect(isCreationChanges({ displayName: { before: null, after: '张三' } })).toBe(true);
    expect(isCreationChanges({ displayName: { before: '张三', after: '张三丰' } })).toBe(false);
  });
});

describe('chainProblemLabel', () => {
  it('translates the verifier’s findings, keeping the entry number', () => {
    expect(chainProblemLabel(t, { problemCode: 'missing', firstBrokenSeq: 7 })).toBe(
      'audit.verify.problems.missing {"seq":7}',
    );
    expect(chainProblemLabel(t, { problemCode: 'altered', firstBrokenSeq: 3 })).toBe(
      'audit.verify.problems.altered {"seq":3}',
    );
    expect(chainProblemLabel(t, { problemCode: null, firstBrokenSeq: null })).toBe('');
  });
});
