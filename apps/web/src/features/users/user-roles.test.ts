import { describe, expect, it } from 'vitest';
import { canChangeRolesOf, orderedRoles, rolesProblemOf } from './user-roles';

describe('user roles change', () => {
  it('orders the chosen roles as the contract does, once each', () => {
    expect(orderedRoles(['auditor', 'sales', 'sales'])).toEqual(['sales', 'auditor']);
  });

  it('needs at least one role and an actual change', () => {
    expect(rolesProblemOf(['sales'], [])).toBe('noRoles');
    expect(rolesProblemOf(['sales', 'service'], ['service', 'sales'])).toBe('unchanged');
    expect(rolesProblemOf(['sales'], ['sales', 'compliance'])).toBeNull();
  });

  it('is not offered for one’s own account', () => {
    expect(canChangeRolesOf({ id: 'u1' }, 'u1')).toBe(false);
    expect(canChangeRolesOf({ id: 'u1' }, 'u2')).toBe(true);
    expect(canChangeRolesOf({ id: 'u1' }, undefined)).toBe(false);
  });
});
