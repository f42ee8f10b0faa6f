import { describe, expect, it } from 'vitest';
import {
  expiryProblemOf,
  policyFormValuesOf,
  policyUpdateOf,
  requesterRolesProblemOf,
  thresholdProblemOf,
} from './approval-policy-values';

describe('approval policy form values', () => {
  it('round-trips an export policy with its threshold only', () => {
    const values = policyFormValuesOf({
      kind: 'export',
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 72,
      rowThreshold: 10000,
      requesterRoles: [],
    });
    expect(values).toEqual({
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: '72',
      rowThreshold: '10000',
      requesterRoles: [],
    });
    expect(policyUpdateOf('export', { ...values, rowThreshold: ' 5000 ' })).toEqual({
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 72,
      rowThreshold: 5000,
    });
  });

  it('sends the requester roles for a reveal policy, once each, and no threshold', () => {
    const values = policyFormValuesOf({
      kind: 'reveal',
      isEnabled: false,
      approverRole: 'compliance',
      expiresAfterHours: 24,
      rowThreshold: null,
      requesterRoles: [],
    });
    expect(values.rowThreshold).toBe('');
    expect(
      policyUpdateOf('reveal', { ...values, isEnabled: true, requesterRoles: ['sales', 'service', 'sales'] }),
    ).toEqual({
      isEnabled: true,
      approverRole: 'compliance',
      expiresAfterHours: 24,
      requesterRoles: ['sales', 'service'],
    });
  });

  it('checks the expiry hours', () => {
    expect(expiryProblemOf('')).toBe('required');
    expect(expiryProblemOf('1.5')).toBe('wholeNumber');
    expect(expiryProblemOf('0')).toBe('expiryRange');
    expect(expiryProblemOf('721')).toBe('expiryRange');
    expect(expiryProblemOf('720')).toBeNull();
  });

  it('checks the export threshold', () => {
    expect(thresholdProblemOf(' ')).toBe('required');
    expect(thresholdProblemOf('-3')).toBe('wholeNumber');
    expect(thresholdProblemOf('0')).toBe('thresholdMin');
    expect(thresholdProblemOf('1')).toBeNull();
  });

  it('refuses a reveal policy switched on for no role', () => {
    expect(requesterRolesProblemOf('reveal', { isEnabled: true, requesterRoles: [] })).toBe(
      'noRequesterRoles',
    );
    expect(requesterRolesProblemOf('reveal', { isEnabled: false, requesterRoles: [] })).toBeNull();
    expect(requesterRolesProblemOf('export', { isEnabled: true, requesterRoles: [] })).toBeNull();
  });
});
