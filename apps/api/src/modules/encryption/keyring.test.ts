import { describe, expect, it } from 'vitest';
import { Keyring } from './keyring';

function ringWithKeys() {
  const ring = new Keyring(Buffer.alloc(32, 1));
  ring.useKeys([ring.wrapNewKey('k1', 'field_data'), ring.wrapNewKey('b1', 'blind_index')]);
  return ring;
}

describe('Keyring', () => {
  it('round-trips values with a fresh IV each time, naming the key', () => {
    const ring = ringWithKeys();
    const a = ring.encrypt('11010519491231002X', 'customers.resident_id_number');
    const b = ring.encrypt('11010519491231002X', 'customers.resident_id_number');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.k1.')).toBe(true);
    expect(ring.decrypt(a, 'customers.resident_id_number')).toBe('11010519491231002X');
  });

  it('refuses a ciphertext moved to another column or altered', () => {
    const ring = ringWithKeys();
    const value = ring.encrypt('secret', 'customers.resident_id_number');
    expect(() => ring.decrypt(value, 'customers.bank_card_number')).toThrow();
    const bytes = Buffer.from(value.split('.')[2] as string, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => ring.decrypt(`v1.k1.${bytes.toString('base64')}`, 'customers.resident_id_number')).toThrow();
  });

  it('computes a deterministic blind index per column, revealing nothing of the value', () => {
    const ring = ringWithKeys();
    const index = ring.blindIndex('11010519491231002X', 'customers.resident_id_number');
    expect(index).toBe(ring.blindIndex('11010519491231002X', 'customers.resident_id_number'));
    expect(index).not.toBe(ring.blindIndex('11010519491231002X', 'customers.other'));
    expect(index).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses keys wrapped under another master key', () => {
    const other = new Keyring(Buffer.alloc(32, 2));
    const foreign = other.wrapNewKey('k9', 'field_data');
    expect(() => new Keyring(Buffer.alloc(32, 1)).useKeys([foreign])).toThrow(/another master key/);
  });
});
