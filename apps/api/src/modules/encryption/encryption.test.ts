/** Encryption at rest against a database of its own (rotation changes the keys every process uses). */
import { computeResidentIdCheckChar } from '@cims/schemas';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../../../test/database';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { defaultPolicies, viewerOf } from '../access/policies';
import { systemAuditContext } from '../audit/service';
import { createCustomer } from '../customers/ingest';
import { revealCustomerField } from '../customers/service';
import { installKeyring, keyring, loadKeyring, residentIdColumn, rotateDataKey } from './service';

const database = await createFreshDatabase('cims_crypto');
const { db, pool } = openDatabase(database.url, { max: 3 });
await migrateDatabase(db);
const masterKey = Buffer.alloc(32, 9);
installKeyring(await loadKeyring(db, masterKey));
/** Administrators' reveals are never held for approval: the plain values. */
function valuesOf(revealed: Awaited<ReturnType<typeof revealCustomerField>>) {
  if ('approvalId' in revealed) throw new Error('the reveal was held for approval');
  return revealed.values;
}
afterAll(async () => {
  await pool.end();
  await database.drop();
});

const admin = {
  audit: systemAuditContext('test'),
  viewer: viewerOf(defaultPolicies.admin, { userId: null, team: null }),
};
const ids = ['11010519491231002', '44030519900307123', '31010119850101001'].map(
  (b) => b + computeResidentIdCheckChar(b),
);

const passports = ['E10000001', 'E10000002', 'E10000003'];

async function createWithId(residentIdNumber: string, otherIdNumber: string) {
  const { record } = await createCustomer(db, admin, {
    kind: 'person',
    person: { familyName: '密', givenName: '文', residentIdNumber, otherIdType: 'passport', otherIdNumber },
  });
  return record;
}

describe('encryption at rest', () => {
  it('stores no identity document number in plain text anywhere in the customers table', async () => {
    for (const [index, id] of ids.entries()) await createWithId(id, passports[index] as string);
    const dump = await db.execute<{ row: string }>(sql`SELECT customers::text AS row FROM customers`);
    const text = dump.rows.map((r) => r.row).join('\n');
    for (const id of [...ids, ...passports]) expect(text).not.toContain(id);
    expect(text).toContain('v1.');
  });

  it('finds a customer by exact resident ID through the blind index', async () => {
    const index = keyring().blindIndex(ids[1] as string, residentIdColumn);
    const found = await db.execute(
      sql`SELECT id FROM customers WHERE resident_id_number_blind_index = ${index}`,
    );
    expect(found.rows).toHaveLength(1);
  });

  it('rotates the data key: every value re-encrypted under the new key and still readable', async () => {
    const before = await db.execute<{ key: string }>(
      sql`SELECT DISTINCT split_part(resident_id_number_encrypted, '.', 2) AS key FROM customers WHERE resident_id_number_encrypted IS NOT NULL`,
    );
    expect(before.rows).toHaveLength(1);
    const result = await rotateDataKey(db);
    expect(result.reEncrypted).toBe(ids.length + passports.length);
    const after = await db.execute<{ key: string }>(
      sql`SELECT DISTINCT split_part(resident_id_number_encrypted, '.', 2) AS key FROM customers WHERE resident_id_number_encrypted IS NOT NULL`,
    );
    expect(after.rows.map((r) => r.key)).toEqual([result.keyId]);

    const customers = await db.execute<{ id: string }>(sql`SELECT id FROM customers ORDER BY created_at`);
    const revealed = [];
    for (const { id } of customers.rows) {
      revealed.push(
        ...valuesOf(
          await revealCustomerField(db, admin, { id, field: 'residentIdNumber', reason: 'rotation test' }),
        ),
      );
    }
    expect(revealed.sort()).toEqual([...ids].sort());
    const revealedPassports = [];
    for (const { id } of customers.rows) {
      revealedPassports.push(
        ...valuesOf(
          await revealCustomerField(db, admin, { id, field: 'otherIdNumber', reason: 'rotation test' }),
        ),
      );
    }
    expect(revealedPassports.sort()).toEqual(passports);

    // A process started after the rotation, with only the master key, reads the old and new keys alike.
    const fresh = await loadKeyring(db, masterKey);
    const sample = await db.execute<{ value: string }>(
      sql`SELECT resident_id_number_encrypted AS value FROM customers LIMIT 1`,
    );
    expect(ids).toContain(fresh.decrypt(sample.rows[0]?.value as string, residentIdColumn));
  });

  it('refuses to start with the wrong master key', async () => {
    await expect(loadKeyring(db, Buffer.alloc(32, 8))).rejects.toThrow(/another master key/);
  });
});
