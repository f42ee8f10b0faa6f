import { ZCustomerCreate } from '@cims/schemas';
import { describe, expect, it } from 'vitest';
import { generateCustomers } from './customers';

describe('generated demo customers', () => {
  const owners = ['0b0e5d3e-5a7a-4c3e-9a55-2f7d8c1e4a10'];
  const sample = [...generateCustomers({ count: 400, seed: 7, ownerIds: owners })];

  it('are valid, already-standardized customer inputs', () => {
    for (const { input } of sample) {
      const parsed = ZCustomerCreate.safeParse(input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // Standardization would change nothing: the generator writes the stored form.
      expect(parsed.data?.contactPoints?.map((p) => p.value)).toEqual(
        input.contactPoints?.map((p) => p.value),
      );
    }
  });

  it('are the same on every run and mix persons and organizations', () => {
    const again = [...generateCustomers({ count: 400, seed: 7, ownerIds: owners })];
    expect(again).toEqual(sample);
    const organizations = sample.filter((c) => c.input.kind === 'organization').length;
    expect(organizations).toBeGreaterThan(40);
    expect(organizations).toBeLessThan(140);
    expect(new Set(sample.map((c) => c.id)).size).toBe(sample.length);
  });
});
