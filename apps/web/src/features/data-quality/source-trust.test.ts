import { describe, expect, it } from 'vitest';
import { completeTrustOrder } from './source-trust';

describe('completeTrustOrder', () => {
  it('appends the channels the setting does not rank yet, least trusted', () => {
    expect(completeTrustOrder(['store', 'import'], ['website', 'store', 'import', 'wechat'])).toEqual([
      'store',
      'import',
      'website',
      'wechat',
    ]);
  });
});
