import { computeResidentIdCheckChar } from '@cims/schemas';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, uniqueMarker } from '../../../test/app';

type Client = Awaited<ReturnType<TestApp['signIn']>>;

async function upload(client: Client, csv: string, fileName = 'customers.csv') {
  const response = await client.request({
    method: 'POST',
    url: `/api/v1/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; columns: string[]; suggestedMapping: Record<string, string> };
}

async function runImport(client: Client, id: string, body: Record<string, unknown>) {
  const started = await client.request({ method: 'POST', url: `/api/v1/imports/${id}/start`, payload: body });
  expect(started.statusCode, started.body).toBe(202);
  return waitForImport(client, id);
}

async function waitForImport(client: Client, id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = (await client.request({ method: 'GET', url: `/api/v1/imports/${id}` })).json();
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`import ${id} did not finish`);
}

const residentId = (base: string) => base + computeResidentIdCheckChar(base);

describe('imports', () => {
  it('stores the good rows, reports the broken ones per column, and a re-run creates nothing new', async () => {
    const { signIn, db } = await createTestApp();
    const admin = await signIn('admin');
    const tag = uniqueMarker('imp');
    const csv = [
      '客户编号,姓名,手机号,邮箱,身份证号,地址,标签',
      `${tag}-1,张导入,13911110001,a1@${tag}.cn,${residentId('11010519491231002')},北京市朝阳区建国路1号,${tag}`,
      `${tag}-2,李导入,13911110002,,,"广东省深圳市南山区科技园2号",${tag}`,
      `${tag}-3,王坏号,12345,,,,${tag}`,
      `${tag}-4,赵坏证,13911110004,,110105194912310021,,${tag}`,
      `${tag}-5,欧阳导入,+86 139 1111 0005,a5@${tag}.cn,,,${tag}`,
    ].join('\n');
    const uploaded = await upload(admin, csv);
    expect(uploaded.columns).toEqual(['客户编号', '姓名', '手机号', '邮箱', '身份证号', '地址', '标签']);
    expect(uploaded.suggestedMapping).toMatchObject({
      客户编号: 'externalId',
      姓名: 'name',
      手机号: 'phone',
      身份证号: 'residentIdNumber',
    });

    const settings = {
      mode: 'run',
      mapping: uploaded.suggestedMapping,
      sourceChannel: 'import',
      source: `crm-${tag}`,
    };
    const dryRun = await runImport(admin, uploaded.id, { ...settings, mode: 'dry_run' });
    expect(dryRun).toMatchObject({ status: 'completed', totalRows: 5, errorCount: 2 });
    const afterDryRun = await db.execute(
      sql`SELECT count(*)::int AS n FROM customers WHERE ${tag} = ANY(tags)`,
    );
    expect(afterDryRun.rows[0]).toEqual({ n: 0 });

    const job = await runImport(admin, uploaded.id, settings);
    expect(job).toMatchObject({ status: 'completed', processedRows: 5, createdCount: 3, errorCount: 2 });
    const errors = (
      await admin.request({ method: 'GET', url: `/api/v1/imports/${uploaded.id}/errors` })
    ).json();
    expect(errors.items.map((e: { rowNumber: number }) => e.rowNumber)).toEqual([3, 4]);
    expect(errors.items[0].errors[0].path).toBe('手机号');
    expect(errors.items[1].errors[0].path).toBe('身份证号');
    expect(errors.items[0].values.姓名).toBe('王坏号');

    const csvErrors = await admin.request({
      method: 'GET',
      url: `/api/v1/imports/${uploaded.id}/errors.csv`,
    });
    expect(csvErrors.headers['content-type']).toContain('text/csv');
    const lines = csvErrors.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('客户编号,姓名,手机号,邮箱,身份证号,地址,标签,error');
    expect(lines).toHaveLength(3);
    // The failed rows are unmasked: another user who sees the import (whole base in scope) gets its counts only.
    const marketing = await signIn('marketing');
    expect(
      (await marketing.request({ method: 'GET', url: `/api/v1/imports/${uploaded.id}` })).statusCode,
    ).toBe(200);
    for (const url of [`/api/v1/imports/${uploaded.id}/errors`, `/api/v1/imports/${uploaded.id}/errors.csv`])
      expect((await marketing.request({ method: 'GET', url })).statusCode).toBe(403);

    const stored = await db.execute<{
      display_name: string;
      provenance: Record<string, { importId: string }>;
    }>(sql`SELECT display_name, provenance FROM customers WHERE ${tag} = ANY(tags) ORDER BY display_name`);
    expect(stored.rows.map((r) => r.display_name).sort()).toEqual(['张导入', '李导入', '欧阳导入'].sort());
    expect(stored.rows[0]?.provenance.phone ?? stored.rows[0]?.provenance.contactPoints).toMatchObject({
      importId: uploaded.id,
    });

    // The same file again, as a new upload: every customer is recognised by (source, external id).
    const again = await upload(admin, csv);
    const rerun = await runImport(admin, again.id, settings);
    expect(rerun).toMatchObject({ status: 'completed', createdCount: 0, unchangedCount: 3, errorCount: 2 });
    const count = await db.execute(sql`SELECT count(*)::int AS n FROM customers WHERE ${tag} = ANY(tags)`);
    expect(count.rows[0]).toEqual({ n: 3 });
  });

  it('without an external id column, re-importing the same rows still creates no duplicates', async () => {
    const { signIn, db } = await createTestApp();
    const admin = await signIn('admin');
    const tag = uniqueMarker('noid');
    const csv = ['name,mobile,tags', `钱无号,13922220001,${tag}`, `孙无号,13922220002,${tag}`].join('\n');
    for (let round = 0; round < 2; round++) {
      const uploaded = await upload(admin, csv);
      const job = await runImport(admin, uploaded.id, {
        mode: 'run',
        mapping: uploaded.suggestedMapping,
        sourceChannel: 'store',
      });
      expect(job).toMatchObject({ status: 'completed', createdCount: round === 0 ? 2 : 0 });
    }
    const count = await db.execute(sql`SELECT count(*)::int AS n FROM customers WHERE ${tag} = ANY(tags)`);
    expect(count.rows[0]).toEqual({ n: 2 });
  });

  it('flags two likely-duplicate rows of the same file as one candidate, and names who started the import', async () => {
    const { signIn } = await createTestApp();
    const admin = await signIn('admin');
    const tag = uniqueMarker('twin');
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    // Not the same row twice (that is one record by its row key): the second adds an email.
    const csv = [
      'name,mobile,email,tags',
      `吴双行,${phone},,${tag}`,
      `吴双行,${phone},${tag}@example.com,${tag}`,
    ].join('\n');
    const uploaded = await upload(admin, csv);
    const job = await runImport(admin, uploaded.id, {
      mode: 'run',
      mapping: uploaded.suggestedMapping,
      sourceChannel: 'store',
    });
    expect(job).toMatchObject({ status: 'completed', createdCount: 2, flaggedDuplicates: 1 });
    expect(job.createdBy).toEqual({ id: admin.user.id, displayName: admin.user.displayName });

    const listed = await admin.request({ method: 'GET', url: `/api/v1/customers?tag=${tag}` });
    const ids = listed.json().items.map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(2);
    const queue = await admin.request({ method: 'GET', url: `/api/v1/duplicates?customerId=${ids[0]}` });
    expect(queue.json().items).toHaveLength(1);
    expect(
      queue
        .json()
        .items[0].customers.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([...ids].sort());

    const list = (await admin.request({ method: 'GET', url: '/api/v1/imports' })).json();
    expect(list.items.find((i: { id: string }) => i.id === uploaded.id).createdBy.displayName).toBe(
      admin.user.displayName,
    );
  });

  it('refuses a file that is not CSV or XLSX, and JSON routes refuse CSV bodies', async () => {
    const { signIn } = await createTestApp();
    const admin = await signIn('admin');
    const wrong = await admin.request({
      method: 'POST',
      url: '/api/v1/imports?fileName=x.txt',
      headers: { 'content-type': 'text/plain' },
      payload: 'a,b',
    });
    expect(wrong.statusCode).toBe(415);
    const csvToJson = await admin.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(csvToJson.statusCode).toBe(415);
  });
});
