import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

// pg warns once per process when a query is sent on a client that is still busy with another (as
// Promise.all over one transaction does); pg 9 will refuse. Listen from the start of this file.
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
process.on('warning', onWarning);
afterAll(() => {
  process.off('warning', onWarning);
});

describe('queries inside a transaction', () => {
  it('never sends a query while the transaction’s client is busy with another', async () => {
    const { signIn } = await createTestApp();
    const admin = await signIn('admin');
    const marker = uniqueMarker('seq');
    const phone = `+86136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const body = {
      kind: 'person',
      person: { familyName: '钱', givenName: marker },
      contactPoints: [{ type: 'phone', value: phone }],
      addresses: [
        { provinceCode: '110000', cityCode: '110100', districtCode: '110105', detail: '建国路1号' },
      ],
    };
    const first = await admin.request({ method: 'POST', url: '/api/v1/customers', payload: body });
    expect(first.statusCode, first.body).toBe(201);
    const second = await admin.request({ method: 'POST', url: '/api/v1/customers', payload: body });
    expect(second.statusCode, second.body).toBe(201);
    const updated = await admin.request({
      method: 'PATCH',
      url: `/api/v1/customers/${first.json().id}`,
      headers: { 'if-match': first.headers.etag as string },
      payload: { notes: marker },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const merged = await admin.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { survivorId: first.json().id, mergedId: second.json().id },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => message.includes('already executing a query'))).toEqual([]);
  });
});
