/** Exports through `POST /exports`: at once or in the background, every format, expiry and scope. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { dataExports } from '../../db/schema';
import { seedCustomers } from '../../db/seed/customers';
import { expireExports, exportsDir } from './service';

describe('exports', async () => {
  const t = await createTestApp();
  const admin = await t.signIn('admin');
  const sales = await t.signIn('sales');
  const tag = uniqueMarker('exp');
  const phone = `137${String(Date.now()).slice(-8)}`;

  type Client = typeof admin;

  async function createCustomer(client: Client, name: string) {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'person',
        person: { familyName: '孙', givenName: name },
        contactPoints: [{ type: 'phone', value: phone }],
        tags: [tag],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  async function exportOf(client: Client, payload: Record<string, unknown>) {
    const created = await client.request({ method: 'POST', url: '/api/v1/exports', payload });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  }

  async function waitUntilSettled(client: Client, id: string) {
    for (let tries = 0; tries < 120; tries++) {
      const current = (await client.request({ method: 'GET', url: `/api/v1/exports/${id}` })).json();
      if (!['queued', 'running'].includes(current.status)) return current;
      await sleep(250);
    }
    throw new Error(`export ${id} did not finish`);
  }

  async function download(client: Client, id: string) {
    const response = await client.request({ method: 'GET', url: `/api/v1/exports/${id}/file` });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  }

  function pdfText(payload: Buffer) {
    const file = join(mkdtempSync(join(tmpdir(), 'cims-export-')), 'export.pdf');
    writeFileSync(file, payload);
    return execFileSync('pdftotext', [file, '-']).toString();
  }

  const ownName = uniqueMarker('甲');
  await createCustomer(sales, ownName);
  const othersName = uniqueMarker('乙');
  await createCustomer(admin, othersName);
  const formulaName = `=1+1${tag}`;
  const formula = await admin.request({
    method: 'POST',
    url: '/api/v1/customers',
    payload: { kind: 'organization', organization: { legalName: formulaName }, tags: [tag] },
  });
  expect(formula.statusCode, formula.body).toBe(201);

  it('writes a small customer list at once, within scope, masked for the role, formula-safe and watermarked', async () => {
    const exported = await exportOf(sales, {
      source: 'customers',
      format: 'csv',
      reason: '季度回访',
      customerFilter: { tag },
    });
    expect(exported).toMatchObject({ status: 'ready', rows: 1, rowsDone: 1, approvalId: null });
    expect(exported.downloadUrl).toBe(`/api/v1/exports/${exported.id}/file`);
    const response = await download(sales, exported.id);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="customers-/);
    const rows = parse(response.body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    expect(rows[0]?.[0]).toContain(sales.user.email);
    expect(rows[0]?.[0]).toContain('季度回访');
    expect(rows[0]?.[0]).toContain(exported.id);
    expect(rows.slice(2).map((row) => row[1])).toEqual([`孙${ownName}`]);

    const all = await exportOf(admin, {
      source: 'customers',
      format: 'csv',
      reason: '核对',
      customerFilter: { tag },
    });
    expect(all.rows).toBe(3);
    const allRows = parse((await download(admin, all.id)).body.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    }) as string[][];
    expect(allRows.slice(2).map((row) => row[1])).toContain(`'${formulaName}`);
    expect(allRows.flat().every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);

    // Someone else's export is not there for them, nor its file.
    expect((await admin.request({ method: 'GET', url: `/api/v1/exports/${exported.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/exports/${exported.id}/file` })).statusCode,
    ).toBe(404);
    const mine = (await sales.request({ method: 'GET', url: '/api/v1/exports' })).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([exported.id]);

    const audit = await t.signIn('auditor');
    const entries = (
      await audit.request({ method: 'GET', url: `/api/v1/audit-entries?actorId=${sales.user.id}&limit=50` })
    ).json();
    const actions = entries.items.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('export.customers');
    expect(actions).toContain('export_file.download');
  });

  it('exports a work-order list to XLSX with the list filters', async () => {
    const customerId = await createCustomer(admin, uniqueMarker('工单'));
    for (const title of ['无法开机', '屏幕闪烁']) {
      const opened = await admin.request({
        method: 'POST',
        url: '/api/v1/work-orders',
        payload: { customerId, category: 'after_sales', priority: 'normal', title, channel: 'hotline' },
      });
      expect(opened.statusCode, opened.body).toBe(201);
    }
    const exported = await exportOf(admin, {
      source: 'work_orders',
      format: 'xlsx',
      reason: '月度复盘',
      workOrderFilter: { customerId, category: 'after_sales' },
    });
    expect(exported).toMatchObject({ status: 'ready', rows: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(admin, exported.id)).rawPayload as unknown as ArrayBuffer);
    const values = (workbook.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(String(values[0]?.[1])).toContain('月度复盘');
    expect(values[1]?.[1]).toBe('工单号 Number');
    expect(
      values
        .slice(2)
        .map((row) => row[2])
        .sort(),
    ).toEqual(['屏幕闪烁', '无法开机']);
  });

  it('prints a customer list as a PDF with Chinese text, masked for the role, and the watermark', async () => {
    const marketing = await t.signIn('marketing');
    const exported = await exportOf(marketing, {
      source: 'customers',
      format: 'pdf',
      reason: '打印名单',
      customerFilter: { tag },
    });
    expect(exported.status).toBe('ready');
    const response = await download(marketing, exported.id);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('客户列表');
    expect(text).toContain(`孙${othersName}`);
    expect(text).toContain(marketing.user.email);
    expect(text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(text).not.toContain(phone);
  });

  it('reports the dashboard as a PDF of its charts and their tables', async () => {
    const exported = await exportOf(admin, {
      source: 'dashboard',
      format: 'pdf',
      reason: '经营月报',
      dashboardFilter: { channel: 'online' },
    });
    expect(exported).toMatchObject({ status: 'ready', rows: 5 });
    const text = pdfText((await download(admin, exported.id)).rawPayload);
    for (const title of ['各省客户分布', '新增客户', '购买趋势', '价值分层', '生命周期漏斗'])
      expect(text).toContain(title);
    expect(text).toContain('经营月报');
  });

  it('runs a large export in the background with progress, then lets it expire', async () => {
    const owner = await t.createStaff(['sales']);
    await seedCustomers(t.pool, { count: 2_600, seed: 4242, ownerIds: [owner.id] });
    const owned = (
      await t.db.execute<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM customers WHERE owner_id = ${owner.id}`,
      )
    ).rows[0]?.count as number;
    expect(owned).toBeGreaterThan(2_000);
    const exported = await exportOf(admin, {
      source: 'customers',
      format: 'csv',
      reason: '迁移核对',
      customerFilter: { ownerId: owner.id },
    });
    expect(exported).toMatchObject({ status: 'queued', rows: owned, downloadUrl: null });
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/exports/${exported.id}/file` })).statusCode,
    ).toBe(409);
    const ready = await waitUntilSettled(admin, exported.id);
    expect(ready).toMatchObject({ status: 'ready', rowsDone: owned });
    expect(new Date(ready.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const lines = (await download(admin, exported.id)).body.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + owned);

    // A PDF of that many rows would be unreadable: refused, with the way out.
    const pdf = await admin.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: { source: 'customers', format: 'pdf', reason: '打印', customerFilter: { ownerId: owner.id } },
    });
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().detail).toContain('XLSX');

    await t.db
      .update(dataExports)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(dataExports.id, exported.id));
    const gone = await admin.request({ method: 'GET', url: `/api/v1/exports/${exported.id}/file` });
    expect(gone.statusCode).toBe(410);
    await expireExports(t.db, t.app.config.dataDir, t.app.jobs);
    expect(
      (await admin.request({ method: 'GET', url: `/api/v1/exports/${exported.id}` })).json().status,
    ).toBe('expired');
    expect(existsSync(join(exportsDir(t.app.config.dataDir), `${exported.id}.csv`))).toBe(false);
  });

  it('refuses what does not fit the source, naming the field', async () => {
    const cases = [
      [{ source: 'segment', format: 'csv', reason: 'x1' }, '/segmentId'],
      [{ source: 'dashboard', format: 'xlsx', reason: 'x1' }, '/format'],
      [{ source: 'work_orders', format: 'csv', reason: 'x1', customerFilter: { tag } }, '/customerFilter'],
    ] as const;
    for (const [payload, path] of cases) {
      const response = await admin.request({ method: 'POST', url: '/api/v1/exports', payload });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const unknownSegment = await admin.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: {
        source: 'segment',
        format: 'csv',
        reason: 'x1',
        segmentId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknownSegment.statusCode).toBe(404);
    // A role exports only what its own list shows: marketing has no work-order list, service no segments.
    const marketing = await t.signIn('marketing');
    expect(
      (
        await marketing.request({
          method: 'POST',
          url: '/api/v1/exports',
          payload: { source: 'work_orders', format: 'csv', reason: 'x1' },
        })
      ).statusCode,
    ).toBe(403);
    const service = await t.signIn('service');
    expect(
      (
        await service.request({
          method: 'POST',
          url: '/api/v1/exports',
          payload: {
            source: 'segment',
            format: 'csv',
            reason: 'x1',
            segmentId: '00000000-0000-4000-8000-000000000000',
          },
        })
      ).statusCode,
    ).toBe(403);
    const backwards = await admin.request({
      method: 'POST',
      url: '/api/v1/exports',
      payload: {
        source: 'dashboard',
        format: 'pdf',
        reason: 'x1',
        dashboardFilter: { from: '2026-06-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      },
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors[0].path).toBe('/dashboardFilter/from');
    const auditor = await t.signIn('auditor');
    expect(
      (
        await auditor.request({
          method: 'POST',
          url: '/api/v1/exports',
          payload: { source: 'customers', format: 'csv', reason: 'x1' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('filters the customer list by paid orders in a month and on a channel', async () => {
    const buyer = await createCustomer(admin, uniqueMarker('买'));
    const offlineBuyer = await createCustomer(admin, uniqueMarker('店'));
    const orders = [
      [buyer, 'online', '2026-03-10T08:00:00Z', 'paid'],
      [offlineBuyer, 'offline', '2026-03-12T08:00:00Z', 'paid'],
      [offlineBuyer, 'online', '2026-03-15T08:00:00Z', 'cancelled'],
    ] as const;
    for (const [customerId, channel, orderedAt, status] of orders) {
      const order = await admin.request({
        method: 'PUT',
        url: `/api/v1/orders/shop/${uniqueMarker('o')}`,
        payload: {
          customer: { customerId },
          channel,
          orderedAt,
          status,
          lines: [{ productCode: 'P', productName: '商品', quantity: 1, unitPrice: '99.00' }],
        },
      });
      expect(order.statusCode, order.body).toBe(201);
    }
    const idsOf = async (query: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/customers?tag=${tag}&${query}` }))
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort();
    const march = 'orderedFrom=2026-03-01T00:00:00Z&orderedTo=2026-04-01T00:00:00Z';
    expect(await idsOf(march)).toEqual([buyer, offlineBuyer].sort());
    // The cancelled online order does not count: one paid order must meet every condition.
    expect(await idsOf(`${march}&orderChannel=online`)).toEqual([buyer]);
    expect(await idsOf('orderedFrom=2026-04-01T00:00:00Z')).toEqual([]);
  });
});
