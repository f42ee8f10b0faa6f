import { describe, expect, it } from 'vitest';
import {
  auditFilterValuesFromParams,
  auditLogPath,
  auditQueryOf,
  customerIdIn,
  paramsFromAuditFilterValues,
  type TAuditFilterValues,
} from './audit-filters';

const ID = '2f9a3c1e-8d4b-4c7a-9e21-5b6f0a1d2c3e';

describe('customerIdIn', () => {
  it('finds the id on its own or inside a customer page address', () => {
    expect(customerIdIn(` ${ID} `)).toBe(ID);
    expect(customerIdIn(`https://cims.example/customers/${ID.toUpperCase()}/edit`)).toBe(ID);
  });

  it('finds nothing in a partial id', () => {
    expect(customerIdIn('2f9a3c1e-8d4b')).toBeNull();
  });
});

describe('audit filters in the URL', () => {
  it('round-trip', () => {
    const values: TAuditFilterValues = {
      actorId: ID,
      action: 'customer.update',
      from: '2026-03-01T08:00',
      to: '2026-03-02T18:30',
    };
    expect(auditFilterValuesFromParams(paramsFromAuditFilterValues(values))).toEqual(values);
  });

  it('drop what the API would refuse rather than send it', () => {
    const params = new URLSearchParams({
      actorId: 'not-an-id',
      customerId: '12345',
      action: 'x'.repeat(61),
      from: 'yesterday',
      to: '2026-13-45T99:99',
    });
    expect(auditFilterValuesFromParams(params)).toEqual({});
  });

  it('send times as instants', () => {
    const query = auditQueryOf({ from: '2026-03-01T08:00' });
    expect(query.from).toBe(new Date('2026-03-01T08:00').toISOString());
    expect(query).not.toHaveProperty('to');
  });

  it('make a link to one customer’s entries', () => {
    expect(auditLogPath({ customerId: ID })).toBe(`/audit?customerId=${ID}`);
    expect(auditLogPath()).toBe('/audit');
  });
});
