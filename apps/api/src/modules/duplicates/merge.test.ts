import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('duplicates: entry-time detection, merge and undo', () => {
  it('flags a likely duplicate at entry, merges it with nothing lost, and undo restores both as they were', async () => {
    const { signIn } = await createTestApp();
    const admin = await signIn('admin');
    const tag = uniqueMarker('dup');
    const phone = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const create = async (body: Record<string, unknown>, query = '') => {
      const response = await admin.request({
        method: 'POST',
        url: `/api/v1/customers${query}`,
        payload: body,
      });
      return response;
    };
    const first = (
      await create({
        kind: 'person',
        person: { familyName: '周', givenName: '合并', gender: 'male', birthDate: '1980-05-06' },
        contactPoints: [{ type: 'phone', value: phone }],
        addresses: [
          { provinceCode: '440000', cityCode: '440300', districtCode: '440305', detail: '科技园1号' },
        ],
        tags: [tag],
      })
    ).json();
    const draft = {
      kind: 'person',
      person: { familyName: '周', givenName: '合并' },
      contactPoints: [
        { type: 'phone', value: phone },
        { type: 'email', value: `${tag}@example.com` },
      ],
      addresses: [
        { provinceCode: '440000', cityCode: '440300', districtCode: '440305', detail: '科技园1号' },
      ],
      tags: [`${tag}-b`],
    };
    const check = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/duplicate-check',
      payload: draft,
    });
    expect(check.json().matches[0]).toMatchObject({ customer: { id: first.id }, decision: 'auto_merge' });
    const rejected = await create(draft, '?onDuplicate=reject');
    expect(rejected.statusCode).toBe(409);
    expect(rejected.json().duplicates[0].customerId).toBe(first.id);

    const second = (await create(draft)).json();
    const queue = await admin.request({ method: 'GET', url: `/api/v1/duplicates?customerId=${first.id}` });
    const candidate = queue.json().items[0];
    expect(candidate.customers.map((c: { id: string }) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(candidate.comparisons.find((c: { field: string }) => c.field === 'phone')).toMatchObject({
      verdict: 'agree',
    });

    const preview = await admin.request({
      method: 'GET',
      url: `/api/v1/merges/preview?survivorId=${first.id}&mergedId=${second.id}`,
    });
    expect(preview.json().fields.find((f: { field: string }) => f.field === 'birthDate')).toMatchObject({
      choice: 'survivor',
      rule: 'only_value',
    });

    const merged = await admin.request({
      method: 'POST',
      url: '/api/v1/merges',
      payload: { survivorId: first.id, mergedId: second.id },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const survivor = (await admin.request({ method: 'GET', url: `/api/v1/customers/${first.id}` })).json();
    expect(survivor.contactPoints.map((p: { value: string }) => p.value).sort()).toEqual(
      [phone, `${tag}@example.com`].sort(),
    );
    expect(survivor.addresses).toHaveLength(1);
    expect(survivor.tags.sort()).toEqual([tag, `${tag}-b`].sort());
    const retired = (await admin.request({ method: 'GET', url: `/api/v1/customers/${second.id}` })).json();
    expect(retired.mergedInto).toEqual({ id: first.id, displayName: '周合并' });
    expect(retired.deletedAt).not.toBeNull();
    const queueAfter = await admin.request({
      method: 'GET',
      url: `/api/v1/duplicates?customerId=${first.id}`,
    });
    expect(queueAfter.json().items).toHaveLength(0);

    const undone = await admin.request({ method: 'POST', url: `/api/v1/merges/${merged.json().id}/undo` });
    expect(undone.statusCode, undone.body).toBe(200);
    const [firstAgain, secondAgain] = await Promise.all(
      [first.id, second.id].map(async (id) =>
        (await admin.request({ method: 'GET', url: `/api/v1/customers/${id}` })).json(),
      ),
    );
    expect(firstAgain.contactPoints).toEqual(first.contactPoints);
    expect(firstAgain.tags).toEqual(first.tags);
    expect(secondAgain.contactPoints).toEqual(second.contactPoints);
    expect(secondAgain.addresses).toEqual(second.addresses);
    expect(secondAgain).toMatchObject({ deletedAt: null, mergedInto: null });
    const twice = await admin.request({ method: 'POST', url: `/api/v1/merges/${merged.json().id}/undo` });
    expect(twice.statusCode).toBe(409);
    const reopened = await admin.request({ method: 'GET', url: `/api/v1/duplicates?customerId=${first.id}` });
    expect(reopened.json().items).toHaveLength(1);
  });

  it('batch upserts by external id are all or nothing and replay for a repeated Idempotency-Key', async () => {
    const { signIn } = await createTestApp();
    const admin = await signIn('admin');
    const source = uniqueMarker('p');
    const items = [1, 2].map((n) => ({
      externalId: `${source}-${n}`,
      customer: { kind: 'organization', organization: { legalName: `${source}批量公司${n}` } },
    }));
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/batch-upsert',
      payload: {
        source,
        items: [
          ...items,
          { externalId: 'x', customer: { kind: 'person', person: { familyName: '', givenName: '' } } },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toMatch(/^\/items\/2\/customer\/person/);
    const headers = { 'idempotency-key': `${source}-key-1` };
    const firstCall = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/batch-upsert',
      headers,
      payload: { source, items },
    });
    expect(firstCall.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'created',
    ]);
    const replay = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/batch-upsert',
      headers,
      payload: { source, items },
    });
    expect(replay.json()).toEqual(firstCall.json());
    const fresh = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/batch-upsert',
      payload: { source, items },
    });
    expect(fresh.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    const reused = await admin.request({
      method: 'POST',
      url: '/api/v1/customers/batch-upsert',
      headers,
      payload: { source, items: items.slice(0, 1) },
    });
    expect(reused.statusCode).toBe(422);
  });
  it('two likely duplicates in one batch: flagged as a pair, refused, or merged into the first, by policy', async () => {
    const { signIn } = await createTestApp();
    const admin = await signIn('admin');
    const twins = (source: string) => {
      const phone = `+86137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      return [1, 2].map((n) => ({
        externalId: `${source}-${n}`,
        customer: {
          kind: 'person',
          person: { familyName: '郑', givenName: '孪生' },
          contactPoints: [
            { type: 'phone', value: phone },
            ...(n === 2 ? [{ type: 'email', value: `${source}@example.com` }] : []),
          ],
          addresses: [
            { provinceCode: '440000', cityCode: '440300', districtCode: '440305', detail: '科技园9号' },
          ],
          tags: [source],
        },
      }));
    };
    const upsert = (source: string, onDuplicate: string) =>
      admin.request({
        method: 'POST',
        url: '/api/v1/customers/batch-upsert',
        payload: { source, onDuplicate, items: twins(source) },
      });

    const flagSource = uniqueMarker('flag');
    const flagged = await upsert(flagSource, 'flag');
    expect(flagged.statusCode, flagged.body).toBe(200);
    const ids = flagged.json().results.map((r: { customerId: string }) => r.customerId);
    expect(flagged.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
    const queue = await admin.request({ method: 'GET', url: `/api/v1/duplicates?customerId=${ids[0]}` });
    expect(queue.json().items).toHaveLength(1);
    const candidate = queue.json().items[0];
    expect(candidate.customers.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());

    const dismissed = await admin.request({
      method: 'POST',
      url: `/api/v1/duplicates/${candidate.id}/dismiss`,
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json().resolvedBy).toEqual({ id: admin.user.id, displayName: admin.user.displayName });
    const history = await admin.request({
      method: 'GET',
      url: `/api/v1/duplicates?status=dismissed&customerId=${ids[0]}`,
    });
    expect(history.json().items[0].resolvedBy.displayName).toBe(admin.user.displayName);

    const rejected = await upsert(uniqueMarker('reject'), 'reject');
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().errors.map((e: { path: string }) => e.path)).toEqual(['/items/1']);

    const mergeSource = uniqueMarker('merge');
    const merged = await upsert(mergeSource, 'merge');
    expect(merged.statusCode, merged.body).toBe(200);
    const results = merged.json().results;
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'merged']);
    expect(results[1].customerId).toBe(results[0].customerId);
    const survivor = (
      await admin.request({ method: 'GET', url: `/api/v1/customers/${results[0].customerId}` })
    ).json();
    expect(survivor.contactPoints.map((p: { type: string }) => p.type).sort()).toEqual(['email', 'phone']);
    expect(survivor.externalIds.map((e: { externalId: string }) => e.externalId).sort()).toEqual([
      `${mergeSource}-1`,
      `${mergeSource}-2`,
    ]);
  });
});
