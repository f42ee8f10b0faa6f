import { describe, expect, it } from 'vitest';
import { apiPath } from './api';

describe('apiPath', () => {
  it('fills the contract path template, escaping the values', () => {
    expect(apiPath('/api/v1/imports/{importId}/errors.csv', { importId: 'a/b' })).toBe(
      '/api/v1/imports/a%2Fb/errors.csv',
    );
  });
});
