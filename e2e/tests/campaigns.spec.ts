import { expect, test } from '@playwright/test';
import {
  callApi,
  createPerson,
  DEMO_USERS,
  openNavMenuEntry,
  signInAndWait,
  signOut,
  uniqueMobile,
} from './support';

/** A time as `<input type="datetime-local">` takes it, in the zone the browser shares with this process. */
function dateTimeLocal(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/*
 * Marketing runs an SMS campaign on the preset segment 沉睡客户. So that its results show something, the
 * administrator first gives a new customer one paid order of ¥1,000 carrying the campaign's code (orders
 * come from partner systems, so through the API); with a cost of ¥500 the ROI is +100%. The campaign is
 * deleted at the end; the customer and the order stay, like other specs' data.
 */
test('marketing creates a campaign on a preset segment, reads its results and targets, exports, edits and deletes it', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const code = `E2E-SMS-${mobile.slice(-6)}`;
  const campaignName = `沉睡客户短信唤醒 ${mobile.slice(-4)}`;
  const day = 86_400_000;

  await signInAndWait(page);
  const customerUrl = await createPerson(page, {
    familyName: '唤',
    givenName: `醒${mobile.slice(-4)}`,
    mobile,
  });
  const customerId = new URL(customerUrl).pathname.split('/').at(-1) ?? '';
  await callApi(page, {
    method: 'PUT',
    path: `/api/v1/orders/e2e-shop/CMP-${mobile}`,
    data: {
      customer: { customerId },
      channel: 'online',
      orderedAt: new Date(Date.now() - day).toISOString(),
      status: 'paid',
      campaignCode: code,
      lines: [{ productCode: 'SKU-1', productName: '净水器', quantity: 1, unitPrice: '1000.00' }],
    },
  });
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.marketing);
  await openNavMenuEntry(page, { menu: '营销', entry: '营销活动' });
  await expect(page.getByRole('heading', { level: 1, name: '营销活动' })).toBeVisible();
  await page.getByRole('link', { name: '新建营销活动' }).click();

  await page.getByRole('textbox', { name: '名称' }).fill(campaignName);
  await page.getByRole('textbox', { name: '活动编码' }).fill(code);
  await page.getByLabel('渠道').selectOption('sms');
  const segmentSelect = page.getByLabel('目标客户分群');
  const dormant = segmentSelect.locator('option', { hasText: '沉睡客户' });
  await expect(dormant).toHaveCount(1);
  const dormantId = (await dormant.getAttribute('value')) ?? '';
  await segmentSelect.selectOption(dormantId);
  await page.getByLabel('开始时间').fill(dateTimeLocal(new Date(Date.now() - 7 * day)));
  // The end before the start is refused on the field before anything is sent.
  await page.getByLabel('结束时间').fill(dateTimeLocal(new Date(Date.now() - 8 * day)));
  await page.getByRole('textbox', { name: '投入成本（元）' }).fill('500');
  await page.getByRole('button', { name: '创建营销活动' }).click();
  await expect(page.getByText('结束时间须晚于开始时间')).toBeVisible();
  await page.getByLabel('结束时间').fill(dateTimeLocal(new Date(Date.now() + 30 * day)));
  await page.getByRole('button', { name: '创建营销活动' }).click();

  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
  const figures = page.getByRole('definition');
  await expect(figures.filter({ hasText: '+100%' })).toHaveCount(1);
  await expect(figures.filter({ hasText: '¥1,000.00' })).toHaveCount(1);
  const targets = page.getByRole('region', { name: '目标客户' });
  await expect(
    targets.getByText('目标客户是客户分群“沉睡客户”中对短信渠道营销同意有效的成员（仅限您的数据范围）。'),
  ).toBeVisible();
  await expect(targets.getByRole('table').or(targets.getByText('目前没有目标客户。'))).toBeVisible();

  await page.getByRole('button', { name: '导出目标客户' }).click();
  const dialog = page.getByRole('dialog', { name: '导出目标客户' });
  await dialog.getByRole('textbox', { name: '导出原因' }).fill('春季短信唤醒活动发送名单');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(dialog).toBeHidden();

  // Editing keeps the segment and channel it was saved with; a lower cost raises the ROI.
  await page.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '编辑营销活动' })).toBeVisible();
  await expect(page.getByLabel('目标客户分群')).toHaveValue(dormantId);
  await page.getByRole('textbox', { name: '投入成本（元）' }).fill('400');
  await page.getByRole('button', { name: '保存营销活动' }).click();
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
  await expect(figures.filter({ hasText: '+150%' })).toHaveCount(1);

  await page.getByRole('link', { name: '返回营销活动' }).click();
  const row = page.getByRole('row').filter({ hasText: campaignName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(code);
  await expect(row).toContainText('短信');
  await expect(row).toContainText('沉睡客户');
  await expect(row).toContainText('¥400.00');
  await expect(row).toContainText('¥1,000.00');
  await expect(row).toContainText('+150%');

  await row.getByRole('link', { name: campaignName }).click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('link', { name: campaignName })).toHaveCount(0);
});
