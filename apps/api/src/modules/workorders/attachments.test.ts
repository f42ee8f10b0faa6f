import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';
import { maxAttachmentBytes } from './attachments';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest of image'),
]);

describe('work-order attachments', async () => {
  const t = await createTestApp();
  const owner = await t.signIn('sales');

  async function openWorkOrder() {
    const customer = await owner.request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: { kind: 'organization', organization: { legalName: `${uniqueMarker('at')}附件公司` } },
    });
    const workOrder = await owner.request({
      method: 'POST',
      url: '/api/v1/work-orders',
      payload: { customerId: customer.json().id, category: 'after_sales', title: '外机异响' },
    });
    expect(workOrder.statusCode, workOrder.body).toBe(201);
    return { customerId: customer.json().id as string, workOrderId: workOrder.json().id as string };
  }

  const upload = (
    workOrderId: string,
    body: Buffer,
    contentType: string,
    client = owner,
    fileName = '现场照片.png',
  ) =>
    client.request({
      method: 'POST',
      url: `/api/v1/work-orders/${workOrderId}/attachments?fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': contentType },
      payload: body,
    });

  it('stores a file, lists it and sends it back as a download, byte for byte', async () => {
    const { workOrderId } = await openWorkOrder();
    const stored = await upload(workOrderId, png, 'image/png');
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()).toMatchObject({
      fileName: '现场照片.png',
      contentType: 'image/png',
      size: png.length,
    });
    const list = await owner.request({
      method: 'GET',
      url: `/api/v1/work-orders/${workOrderId}/attachments`,
    });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([stored.json().id]);
    const download = await owner.request({
      method: 'GET',
      url: `/api/v1/work-orders/${workOrderId}/attachments/${stored.json().id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses files that are not what they claim, too large, of other types, or out of scope', async () => {
    const { workOrderId } = await openWorkOrder();
    const disguised = await upload(workOrderId, Buffer.from('<html><script>alert(1)</script>'), 'image/png');
    expect(disguised.statusCode).toBe(422);
    const tooLarge = await upload(
      workOrderId,
      Buffer.concat([png, Buffer.alloc(maxAttachmentBytes)]),
      'image/png',
    );
    expect(tooLarge.statusCode).toBe(413);
    const csv = await upload(workOrderId, Buffer.from('a,b\n1,2\n'), 'text/csv');
    expect(csv.statusCode).toBe(415);
    const stranger = await t.signIn('sales');
    expect((await upload(workOrderId, png, 'image/png', stranger)).statusCode).toBe(404);
    expect(
      (await stranger.request({ method: 'GET', url: `/api/v1/work-orders/${workOrderId}/attachments` }))
        .statusCode,
    ).toBe(404);
    const list = await owner.request({
      method: 'GET',
      url: `/api/v1/work-orders/${workOrderId}/attachments`,
    });
    expect(list.json().items).toEqual([]);
  });

  it('deletes the files of an erased customer', async () => {
    const { customerId, workOrderId } = await openWorkOrder();
    const stored = (await upload(workOrderId, png, 'image/png')).json();
    const file = join(t.app.config.dataDir, 'attachments', stored.id);
    expect(existsSync(file)).toBe(true);
    const admin = await t.signIn('admin');
    const erased = await admin.request({
      method: 'POST',
      url: `/api/v1/customers/${customerId}/erasure`,
      payload: { reason: '客户要求删除' },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(existsSync(file)).toBe(false);
    const list = await admin.request({
      method: 'GET',
      url: `/api/v1/work-orders/${workOrderId}/attachments`,
    });
    expect(list.json().items).toEqual([]);
  });
});
