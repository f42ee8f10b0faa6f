import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { failureMessageKey } from './failure-message';

const failed = (status: number) => new ApiError({ type: 'about:blank', title: 'Failed', status, code: 'x' });

describe('failureMessageKey', () => {
  it('says the network failed when no problem came back', () => {
    expect(failureMessageKey(new TypeError('Failed to fetch'))).toBe('errors.network');
  });

  it("uses the caller's words for the statuses it names", () => {
    const keys = { 403: 'users.roles.forbidden', 409: 'users.roles.conflict' };
    expect(failureMessageKey(failed(409), keys)).toBe('users.roles.conflict');
    expect(failureMessageKey(failed(403), keys)).toBe('users.roles.forbidden');
  });

  it('falls back to forbidden for 403 and the generic message for the rest', () => {
    expect(failureMessageKey(failed(403), { 409: 'erasure.conflict' })).toBe('errors.forbidden');
    expect(failureMessageKey(failed(500), { 409: 'erasure.conflict' })).toBe('errors.generic');
  });
});
