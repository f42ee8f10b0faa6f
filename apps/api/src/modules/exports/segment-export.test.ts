import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('segment exports', async () => {
  const t = await createTestApp();
  const admin = await t.signIn('admin');
  const marketing = await t.signIn('marketing');
  const tag = uniqueMarker('ex');
  const phone = `139${String(Date.now()).slice(-8)}`;

  async function customer(name: string, options: { consent?: boolean; owner?: typeof admin } = {}) {
    const created = await (options.owner ?? admin).request({
      method: 'POST',
      url: '/api/v1/customers',
      payload: {
        kind: 'person',
        person: { familyName: '钱', givenName: name },
        contactPoints: [{ type: 'phone', value: phone }],
        tags: [tag],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    if (options.consent) {
      const consent = await admin.request({
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
      expect(consent.statusCode, consent.body).toBeLessThan(300);
    }
    return id;
  }

  const formulaName = `=HYPERLINK("http://x.cn","${tag}")`;
  const consenting = await customer('同意', { consent: true });
  const formula = await admin.request({
    method: 'POST',
    url: '/api/v1/customers',
    payload: { kind: 'organization', organization: { legalName: formulaName }, tags: [tag] },
  });
  expect(formula.statusCode, formula.body).toBe(201);
  const segment = (
    await marketing.request({
      method: 'POST',
      url: '/api/v1/segments',
      payload: {
        name: tag,
        kind: 'dynamic',
        rule: { type: 'field', field: 'tags', operator: 'eq', value: tag },
      },
    })
  ).json();

  it('exports CSV masked for the role, formula-safe, watermarked and audited', async () => {
    const response = await marketing.request({
      method: 'GET',
      url: `/api/v1/segments/${segment.id}/export?format=csv&reason=${encodeURIComponent('短信活动名单')}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="segment-/);
    const rows = parse(response.body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    expect(rows[0]?.[0]).toContain(marketing.user.email);
    expect(rows[0]?.[0]).toContain('短信活动名单');
    expect(rows).toHaveLength(4);
    expect(response.body).not.toContain(phone);
    expect(response.body).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const names = rows.slice(2).map((row) => row[1]);
    expect(names).toContain(`'${formulaName}`);
    // A phone in E.164 starts with `+`, which Excel would read as a formula: escaped in CSV.
    expect(rows.slice(2).map((row) => row[4])).toContain(`'+86 ${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(rows.flat().every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);

    const audit = await t.signIn('auditor');
    const entries = (
      await audit.request({
        method: 'GET',
        url: `/api/v1/audit-entries?action=export.segment&actorId=${marketing.user.id}`,
      })
    ).json();
    expect(entries.items[0]).toMatchObject({ details: { rows: 2, format: 'csv', reason: '短信活动名单' } });
  });

  it('leaves out customers without marketing consent on the channel, and writes a readable XLSX', async () => {
    const response = await marketing.request({
      method: 'GET',
      url: `/api/v1/segments/${segment.id}/export?format=xlsx&reason=campaign&marketingChannel=sms`,
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(String(values[0]?.[1])).toContain(marketing.user.email);
    expect(values.slice(2).map((row) => row[1])).toEqual([consenting]);
    // Typed string cells, as the role sees them: no apostrophe in front of the masked phone.
    expect(values[2]?.[5]).toBe(`+86 ${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });

  it('writes XLSX cells as plain text values, and the watermark as literal header text', async () => {
    const response = await marketing.request({
      method: 'GET',
      url: `/api/v1/segments/${segment.id}/export?format=xlsx&reason=${encodeURIComponent('R&D 回访')}`,
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    // Not a formula and not escaped: a string cell is never run.
    expect(values.slice(2).map((row) => row[2])).toContain(formulaName);
    expect(values.flat().some((cell) => typeof cell === 'string' && cell.startsWith("'"))).toBe(false);
    // `&` would start a header/footer code (&D, &P…); doubled, it prints as itself.
    expect(sheet?.headerFooter.oddHeader).toContain('R&&D 回访');
    expect(sheet?.headerFooter.oddFooter).toContain('R&&D 回访');
  });

  it('exports only what the exporter may see', async () => {
    const sales = await t.signIn('sales');
    await customer('自己的', { owner: sales });
    const refresh = await marketing.request({
      method: 'POST',
      url: `/api/v1/segments/${segment.id}/refresh`,
    });
    expect(refresh.statusCode).toBe(200);
    const response = await sales.request({
      method: 'GET',
      url: `/api/v1/segments/${segment.id}/export?format=csv&reason=follow-up`,
    });
    const rows = parse(response.body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    expect(rows.slice(2).map((row) => row[1])).toEqual(['钱自己的']);
    // Sales see phones: this one is theirs.
    expect(response.body).toContain(phone);
  });
});
