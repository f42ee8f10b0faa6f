import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { callApi, DEMO_USERS, signInAndWait, signOut, uniqueMobile } from './support';

/** The text of every cell of a worksheet row, in column order. */
function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const texts: string[] = [];
  sheet.getRow(rowNumber).eachCell({ includeEmpty: true }, (cell) => {
    texts.push(cell.text);
  });
  return texts;
}

/*
 * Marketing exports a segment to Excel through the export dialog. So that the file's content is known,
 * the administrator first creates two customers through the API, one carrying a tag of this run, and a
 * segment of that tag's customers. The file must carry the watermark (who, why, the export id) on its
 * first line, the header on the second, the tagged customer and not the other, and the customer's mobile
 * number masked, as marketing's field access shows phones. The export then shows in 我的导出. The segment
 * is deleted at the end; the customers stay, like other specs' customers.
 */
test('marketing exports a segment to XLSX with a watermark and masked phones, and finds it in my exports', async ({
  page,
}, testInfo) => {
  const mobile = uniqueMobile();
  const suffix = mobile.slice(-4);
  const tag = `导出${suffix}`;
  const member = { familyName: '钱', givenName: `导出${suffix}` };
  const outsider = { familyName: '孙', givenName: `未选${suffix}` };
  const segmentName = `导出测试分群 ${suffix}`;
  const reason = `春季回访名单 ${suffix}`;

  await signInAndWait(page);
  await callApi(page, {
    method: 'POST',
    path: '/api/v1/customers',
    data: { kind: 'person', person: member, tags: [tag], contactPoints: [{ type: 'phone', value: mobile }] },
  });
  await callApi(page, {
    method: 'POST',
    path: '/api/v1/customers',
    data: { kind: 'person', person: outsider },
  });
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.marketing);
  const segment = (await callApi(page, {
    method: 'POST',
    path: '/api/v1/segments',
    data: {
      name: segmentName,
      kind: 'dynamic',
      rule: {
        type: 'group',
        op: 'and',
        rules: [{ type: 'field', field: 'tags', operator: 'eq', value: tag }],
      },
    },
  })) as { id: string };

  await page.goto(`/segments/${segment.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(segmentName) })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: '成员' })
      .getByRole('link', { name: `${member.familyName}${member.givenName}` }),
  ).toBeVisible();

  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出客户分群' });
  await expect(dialog.getByRole('radio', { name: 'Excel (XLSX)' })).toBeChecked();
  // The purpose is required before anything is sent.
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(dialog.getByText('请填写导出用途（至少 2 个字）')).toBeVisible();
  await dialog.getByRole('textbox', { name: '导出用途' }).fill(reason);
  const downloadEvent = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(dialog.getByText(/^导出完成，共 1 行/)).toBeVisible();
  const exportId = /\/api\/v1\/exports\/([0-9a-f-]{36})\/file/.exec(download.url())?.[1] ?? '';
  expect(exportId).not.toBe('');

  const path = testInfo.outputPath('segment-export.xlsx');
  await download.saveAs(path);
  // Read as a spreadsheet program reads it: a workbook Excel would refuse (a sheet name with `:`, say)
  // fails here too.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The export has no worksheet');

  const watermark = rowTexts(sheet, 1).join(' ');
  expect(watermark).toContain(DEMO_USERS.marketing.email);
  expect(watermark).toContain(reason);
  expect(watermark).toContain(exportId);
  const header = rowTexts(sheet, 2);
  const nameColumn = header.findIndex((title) => title.includes('Name'));
  const phoneColumn = header.findIndex((title) => title.includes('Phone'));
  expect(nameColumn).toBeGreaterThanOrEqual(0);
  expect(phoneColumn).toBeGreaterThanOrEqual(0);

  const rows: string[][] = [];
  for (let rowNumber = 3; rowNumber <= sheet.rowCount; rowNumber++) rows.push(rowTexts(sheet, rowNumber));
  const names = rows.map((row) => row[nameColumn]);
  expect(names).toContain(`${member.familyName}${member.givenName}`);
  expect(names).not.toContain(`${outsider.familyName}${outsider.givenName}`);
  const phone = rows.find((row) => row[nameColumn] === `${member.familyName}${member.givenName}`)?.[
    phoneColumn
  ];
  // Marketing sees phones masked: the last digits stay, the middle ones are starred, the whole never shows.
  expect(phone).toMatch(/\*{3,}/);
  expect(phone).toContain(mobile.slice(-4));
  expect(phone?.replace(/\D/g, '')).not.toContain(mobile);

  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();

  // 我的导出, from the user menu: the export with its purpose, ready to download again.
  await page.getByRole('button', { name: /^用户菜单：/ }).click();
  await page.getByRole('link', { name: '我的导出' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的导出' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: reason });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('客户分群');
  await expect(row).toContainText('可下载');
  await expect(row.getByRole('link', { name: /^下载 / })).toHaveAttribute(
    'href',
    `/api/v1/exports/${exportId}/file`,
  );

  await callApi(page, { method: 'DELETE', path: `/api/v1/segments/${segment.id}` });
});
