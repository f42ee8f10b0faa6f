import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TApprovalRequest } from './approval-outcome';
import { approvalActionsOf, approvalDetailFacts, customerIdOf, decisionProblemOf } from './approval-view';

// Echoes the key and options, which is all these tests need to see what was looked up.
const t = ((key: string, options?: Record<string, unknown>) => {
  if (key === 'common.listSeparator') return '、';
  const { defaultValue: _, ...rest } = options ?? {};
  return Object.keys(rest).length > 0 ? `${key} ${JSON.stringify(rest)}` : key;
}) as unknown as TFunction;

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const CUSTOMER = '00000000-0000-4000-8000-0000000000c1';

function request(overrides: Partial<TApprovalRequest> = {}): TApprovalRequest {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    kind: 'reveal',
    status: 'pending',
    summary: '查看明文：出生日期',
    reason: '客户来电核实身份',
    details: { customerId: CUSTOMER, field: 'birthDate' },
    requestedBy: { id: ME, displayName: '销售·王磊' },
    requestedAt: '2026-03-02T08:00:00.000Z',
    expiresAt: '2026-03-03T08:00:00.000Z',
    approverRole: 'compliance',
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    canDecide: false,
    usedAt: null,
    ...overrides,
  };
}

describe('approvalActionsOf', () => {
  it('lets the requester withdraw a pending request, and never decide it', () => {
    expect(approvalActionsOf(request(), ME)).toEqual({
      canDecide: false,
      canCancel: true,
      followUpPath: null,
    });
  });

  it('lets an approver decide only while the request is pending', () => {
    expect(approvalActionsOf(request({ canDecide: true }), OTHER)).toEqual({
      canDecide: true,
      canCancel: false,
      followUpPath: null,
    });
    // A list read before the request expired still says canDecide; the status settles it.
    expect(approvalActionsOf(request({ canDecide: true, status: 'expired' }), OTHER).canDecide).toBe(false);
  });

  it('offers nothing on settled requests, and nothing to an unknown viewer', () => {
    for (const status of ['rejected', 'expired', 'cancelled'] as const) {
      expect(approvalActionsOf(request({ status }), ME)).toEqual({
        canDecide: false,
        canCancel: false,
        followUpPath: null,
      });
    }
    expect(approvalActionsOf(request(), undefined).canCancel).toBe(false);
  });

  it('sends the requester of an approved export to their exports', () => {
    const exportRequest = request({
      kind: 'export',
      status: 'approved',
      details: { exportId: 'x', rows: 9000 },
    });
    expect(approvalActionsOf(exportRequest, ME).followUpPath).toBe('/exports');
    expect(approvalActionsOf(exportRequest, OTHER).followUpPath).toBeNull();
    expect(approvalActionsOf({ ...exportRequest, status: 'pending' }, ME).followUpPath).toBeNull();
  });

  it('sends the requester of an approved, unused reveal back to the customer', () => {
    expect(approvalActionsOf(request({ status: 'approved' }), ME).followUpPath).toBe(
      `/customers/${CUSTOMER}`,
    );
    expect(
      approvalActionsOf(request({ status: 'approved', usedAt: '2026-03-02T09:00:00.000Z' }), ME).followUpPath,
    ).toBeNull();
  });
});

describe('decisionProblemOf', () => {
  it('requires a comment to reject but not to approve', () => {
    expect(decisionProblemOf('reject', '  ')).toBe('commentRequired');
    expect(decisionProblemOf('approve', '')).toBeNull();
    expect(decisionProblemOf('reject', '理由不充分')).toBeNull();
  });

  it('limits the comment to 500 characters', () => {
    expect(decisionProblemOf('approve', 'x'.repeat(500))).toBeNull();
    expect(decisionProblemOf('approve', 'x'.repeat(501))).toBe('commentTooLong');
  });
});

describe('customerIdOf', () => {
  it('reads the customer of reveal and erasure requests only', () => {
    expect(customerIdOf(request())).toBe(CUSTOMER);
    expect(customerIdOf(request({ kind: 'erasure', details: { customerId: CUSTOMER } }))).toBe(CUSTOMER);
    expect(customerIdOf(request({ kind: 'export', details: { customerId: CUSTOMER } }))).toBeNull();
    expect(customerIdOf(request({ details: { customerId: 42 } }))).toBeNull();
  });
});

describe('approvalDetailFacts', () => {
  it('labels a reveal’s field', () => {
    expect(approvalDetailFacts(t, request())).toEqual([
      { key: 'field', label: 'approvals.details.field', value: 'enums.sensitiveField.birthDate' },
    ]);
  });

  it('shows an export’s source, format and rows', () => {
    expect(
      approvalDetailFacts(t, {
        kind: 'export',
        details: { exportId: 'x', source: 'customers', format: 'xlsx', rows: 12000 },
      }).map((fact) => fact.value),
    ).toEqual(['approvals.exportSources.customers', 'XLSX', '12000']);
  });

  it('tells a user’s role change from a role’s access policy change', () => {
    expect(
      approvalDetailFacts(t, {
        kind: 'role_change',
        details: { userId: 'u', rolesBefore: ['sales'], rolesAfter: ['sales', 'compliance'] },
      }),
    ).toEqual([
      { key: 'rolesBefore', label: 'approvals.details.rolesBefore', value: 'enums.staffRole.sales' },
      {
        key: 'rolesAfter',
        label: 'approvals.details.rolesAfter',
        value: 'enums.staffRole.sales、enums.staffRole.compliance',
      },
    ]);
    expect(approvalDetailFacts(t, { kind: 'role_change', details: { role: 'service', policy: {} } })).toEqual(
      [{ key: 'policyRole', label: 'approvals.details.policyRole', value: 'enums.staffRole.service' }],
    );
  });

  it('leaves out what it does not recognise', () => {
    expect(approvalDetailFacts(t, { kind: 'reveal', details: { field: 'shoeSize' } })).toEqual([]);
    expect(approvalDetailFacts(t, { kind: 'erasure', details: { requestReference: null } })).toEqual([]);
  });
});
