import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeResidentIdCheckChar } from '@cims/schemas';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

const t = await createTestApp();
let compliance: Awaited<ReturnType<typeof t.signIn>>;
beforeAll(async () => {
  compliance = await t.signIn('compliance');
});

const idBody = '32010219850612345';
const residentIdNumber = idBody + computeResidentIdCheckChar(idBody);

async function createRichCustomer() {
  const sales = await t.signIn('admin');
  const marker = uniqueMarker('erase');
  const phone = `+86137${String(Date.now()).slice(-8)}`;
  const created = await sales.request({
    method: 'POST',
    url: '/api/v1/customers',
    payload: {
      kind: 'person',
      person: { familyName: '删', givenName: marker, residentIdNumber },
      contactPoints: [
        { type: 'phone', value: phone },
        { type: 'email', value: `${marker}@example.com` },
      ],
      addresses: [
        { provinceCode: '320000', cityCode: '320100', districtCode: '320102', detail: `中山路${marker}号` },
      ],
      notes: `VIP ${marker}`,
      tags: [marker],
    },
  });
  const id = created.json().id as string;
  await sales.request({
    method: 'PATCH',
    url: `/api/v1/customers/${id}`,
    headers: { 'if-match': '"1"' },
    payload: { lifecycleStage: 'customer', notes: `still ${marker}` },
  });
  await sales.request({
    method: 'POST',
    url: `/api/v1/customers/${id}/consents`,
    payload: { purpose: 'marketing', channel: 'sms', status: 'granted', source: 'store', textVersion: 'v1' },
  });
  return { id, marker, phone };
}

describe('subject access', () => {
  it('gives compliance everything held about the customer, unmasked, and audits the export', async () => {
    const { id, marker, phone } = await createRichCustomer();
    const response = await compliance.request({
      method: 'GET',
      url: `/api/v1/customers/${id}/subject-access`,
    });
    expect(response.statusCode).toBe(200);
    const pack = response.json();
    expect(pack.customer.person.residentIdNumber).toBe(residentIdNumber);
    expect(pack.customer.contactPoints.map((p: { value: string }) => p.value)).toContain(phone);
    expect(pack.consents.history).toHaveLength(1);
    expect(pack.auditEntries.map((e: { action: string }) => e.action)).toEqual([
      'customer.create',
      'customer.update',
      'consent.grant',
    ]);
    expect(pack.auditEntries[1].changes.notes).toEqual({ before: `VIP ${marker}`, after: `still ${marker}` });
    const exports = await compliance.request({
      method: 'GET',
      url: `/api/v1/audit-entries?customerId=${id}&action=customer.subject_access`,
    });
    expect(exports.json().items).toHaveLength(1);

    const sales = await t.signIn('sales');
    expect(
      (await sales.request({ method: 'GET', url: `/api/v1/customers/${id}/subject-access` })).statusCode,
    ).toBe(403);
  });

  it('renders the same package as a PDF with Chinese text, marked with who produced it', async () => {
    const { id, marker } = await createRichCustomer();
    const response = await compliance.request({
      method: 'GET',
      url: `/api/v1/customers/${id}/subject-access/pdf`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'cims-pdf-')), 'subject-access.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('个人信息查阅副本');
    expect(text).toContain(`删${marker}`);
    expect(text).toContain(residentIdNumber);
    expect(text).toContain(compliance.user.email);
  });
});

describe('erasure', () => {
  it('removes the personal data, seals off the audit history, keeps the chain valid, and cannot be undone', async () => {
    const { id, marker, phone } = await createRichCustomer();
    const erased = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/erasure`,
      payload: { reason: '客户依《个人信息保护法》第四十七条申请删除', requestReference: 'REQ-2026-001' },
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({
      customerId: id,
      removedContactPoints: 2,
      removedAddresses: 1,
      removedConsentEvents: 1,
    });

    // Nothing personal left anywhere in the database rows about the customer.
    const rows = await t.db.execute<{ text: string }>(sql`
      SELECT c::text AS text FROM customers c WHERE c.id = ${id}
      UNION ALL SELECT a::text FROM audit_entries a WHERE a.customer_id = ${id}
      UNION ALL SELECT p::text FROM customer_contact_points p WHERE p.customer_id = ${id}
      UNION ALL SELECT d::text FROM customer_addresses d WHERE d.customer_id = ${id}
      UNION ALL SELECT e::text FROM consent_events e WHERE e.customer_id = ${id}`);
    const everything = rows.rows.map((r) => r.text).join('\n');
    for (const secret of [marker, phone.slice(3), residentIdNumber]) expect(everything).not.toContain(secret);

    const admin = await t.signIn('admin');
    const customer = await admin.request({ method: 'GET', url: `/api/v1/customers/${id}` });
    expect(customer.json()).toMatchObject({
      erasedAt: expect.any(String),
      contactPoints: [],
      addresses: [],
      tags: [],
      notes: null,
    });
    expect(customer.json().displayName).toMatch(/^已删除客户/);

    const history = await admin.request({ method: 'GET', url: `/api/v1/customers/${id}/history` });
    const [erasure, ...earlier] = history.json().items;
    expect(erasure).toMatchObject({
      action: 'customer.erase',
      isPayloadErased: false,
      details: { requestReference: 'REQ-2026-001' },
    });
    expect(earlier.length).toBeGreaterThanOrEqual(3);
    for (const entry of earlier)
      expect(entry).toMatchObject({ isPayloadErased: true, changes: null, details: null });

    const auditor = await t.signIn('auditor');
    expect((await auditor.request({ method: 'GET', url: '/api/v1/audit/verify' })).json().isValid).toBe(true);

    expect((await admin.request({ method: 'POST', url: `/api/v1/customers/${id}/restore` })).statusCode).toBe(
      409,
    );
    const patch = await admin.request({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: { 'if-match': String(customer.headers.etag) },
      payload: { notes: 'back again' },
    });
    expect(patch.statusCode).toBe(409);
    const again = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/erasure`,
      payload: { reason: 'twice over' },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await compliance.request({ method: 'GET', url: `/api/v1/customers/${id}/subject-access` })).statusCode,
    ).toBe(409);
    const consent = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/consents`,
      payload: {
        purpose: 'marketing',
        channel: 'sms',
        status: 'granted',
        source: 'store',
        textVersion: 'v1',
      },
    });
    expect(consent.statusCode).toBe(409);
    const reveal = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/reveal`,
      payload: { field: 'phone', reason: 'after erasure' },
    });
    expect(reveal.statusCode).toBe(409);
  });

  it('closes the customer’s open work and refuses more of it afterwards', async () => {
    const { id } = await createRichCustomer();
    const admin = await t.signIn('admin');
    const agent = await t.signIn('service');
    const opened = await admin.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: {
        customerId: id,
        category: 'after_sales',
        title: '维修',
        queueId: 'service',
        assigneeId: agent.user.id,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const workOrderId = opened.json().id as string;
    const task = await admin.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { kind: 'call_back', customerId: id, assigneeId: agent.user.id },
    });
    expect(task.statusCode, task.body).toBe(201);

    const erased = await compliance.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/erasure`,
      payload: { reason: '客户申请删除' },
    });
    expect(erased.statusCode, erased.body).toBe(200);

    const [workOrder] = (
      await t.db.execute<{ status: string; closed_at: Date | null; service_status: string | null }>(sql`
        SELECT w.status, w.closed_at, c.service_status FROM work_orders w JOIN customers c ON c.id = w.customer_id
         WHERE w.id = ${workOrderId}`)
    ).rows;
    expect(workOrder).toMatchObject({ status: 'closed', closed_at: expect.anything(), service_status: null });
    const closing = await t.db.execute(sql`
      SELECT 1 FROM work_order_events WHERE work_order_id = ${workOrderId}
         AND type = 'status_changed' AND to_status = 'closed' AND actor_id IS NULL`);
    expect(closing.rows).toHaveLength(1);
    const openTasks = await t.db.execute(
      sql`SELECT 1 FROM tasks WHERE customer_id = ${id} AND status = 'open'`,
    );
    expect(openTasks.rows).toEqual([]);
    const bell = await t.db.execute(sql`SELECT 1 FROM notifications WHERE customer_id = ${id}`);
    expect(bell.rows).toEqual([]);

    const base = `/api/v1/work-orders/${workOrderId}`;
    const attempts = [
      admin.request({ method: 'POST', url: `${base}/comments`, payload: { body: '还在吗' } }),
      admin.request({ method: 'POST', url: `${base}/transitions`, payload: { to: 'in_progress' } }),
      admin.request({ method: 'POST', url: `${base}/assignment`, payload: { auto: true } }),
      admin.request({
        method: 'PATCH',
        url: base,
        headers: { 'if-match': '"2"' },
        payload: { priority: 'urgent' },
      }),
      admin.request({
        method: 'POST',
        url: `${base}/attachments?fileName=a.pdf`,
        headers: { 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.4 erased'),
      }),
      admin.request({ method: 'POST', url: '/api/v1/tasks', payload: { kind: 'follow_up', customerId: id } }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((response) => response.statusCode)).toEqual([409, 409, 409, 409, 409, 409]);
  });

  it('is for compliance and admins only', async () => {
    const { id } = await createRichCustomer();
    const sales = await t.signIn('sales');
    const denied = await sales.request({
      method: 'POST',
      url: `/api/v1/customers/${id}/erasure`,
      payload: { reason: 'please' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
