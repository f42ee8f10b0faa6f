import { expect, test } from '@playwright/test';
import { createPerson, DEMO_USERS, openWorkOrder, signInAndWait, signOut, uniqueMobile } from './support';

/** A 1×1 transparent PNG, small enough to write here. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/*
 * The after-sales loop across two roles: sales opens an after-sales work order for their customer, the
 * service team (the seed's default queue, whose only member is the demo service user) works it to
 * resolved, and sales finds the customer back to normal with a follow-up task and the story on the
 * customer's timeline.
 */
test('an after-sales work order from the 360° page, worked by service, ends in a follow-up for sales', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const givenName = `售后${mobile.slice(-4)}`;
  const displayName = `龚${givenName}`;
  const title = `空调不制冷 ${mobile.slice(-4)}`;
  const header = page.getByRole('region', { name: displayName });

  // sales1 creates the customer (and so owns them), then opens the work order from the 360° page.
  await signInAndWait(page, DEMO_USERS.sales1);
  const customerUrl = await createPerson(page, { familyName: '龚', givenName, mobile });
  await expect(header.getByText('售后中')).toHaveCount(0);
  const number = await openWorkOrder(page, { category: '售后', title });
  expect(number).toMatch(/^WO-/);
  await expect(header.getByText('售后中', { exact: true })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByRole('cell', { name: '已分配' })).toBeVisible();
  // The default queue takes every active service user, and the seed has one: the demo service user.
  await expect(row.getByRole('cell', { name: '客服·赵敏' })).toBeVisible();
  await signOut(page);

  // The service user finds it among their own work orders and works it to resolved.
  await signInAndWait(page, DEMO_USERS.service);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
  await expect(page.getByRole('button', { name: '我的工单' })).toHaveAttribute('aria-pressed', 'true');
  // The settings are the administrator's to change; service staff are offered no link to them.
  await expect(
    page.getByRole('navigation', { name: '工单视图' }).getByRole('link', { name: '设置' }),
  ).toHaveCount(0);
  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const details = page.getByRole('region', { name: title });
  await expect(details.getByText('已分配', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '开始处理' }).click();
  await expect(details.getByText('处理中', { exact: true })).toBeVisible();

  // A photo of the fault goes on the work order, is listed with who sent it, and downloads again.
  const attachments = page.getByRole('region', { name: '附件' });
  await attachments.getByLabel('选择文件').setInputFiles({
    name: '故障照片.png',
    mimeType: 'image/png',
    buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
  });
  await attachments.getByRole('button', { name: '上传附件' }).click();
  const attachment = attachments.getByRole('row').filter({ hasText: '故障照片.png' });
  await expect(attachment.getByRole('cell', { name: 'PNG 图片' })).toBeVisible();
  await expect(attachment.getByRole('cell', { name: '客服·赵敏' })).toBeVisible();
  const download = page.waitForEvent('download');
  await attachment.getByRole('button', { name: '故障照片.png' }).click();
  expect((await download).suggestedFilename()).toBe('故障照片.png');
  await expect(page.getByRole('button', { name: '标记为已解决' })).toBeEnabled();
  await page.getByLabel('处理说明（可选）').fill('已更换压缩机，客户确认恢复制冷。');
  await page.getByRole('button', { name: '标记为已解决' }).click();
  await expect(details.getByText('已解决', { exact: true })).toBeVisible();
  const events = page.getByRole('region', { name: '工单记录' });
  await expect(events.getByText('状态：处理中 → 已解决')).toBeVisible();
  await signOut(page);

  // Back as the owner: no longer in after-sales, a follow-up task waits, and the timeline tells the story.
  await signInAndWait(page, DEMO_USERS.sales1);
  await page.goto(customerUrl);
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  await expect(header.getByText('售后中')).toHaveCount(0);

  await page.getByRole('tab', { name: '时间线' }).click();
  const timeline = page.getByRole('list', { name: '时间线' });
  await expect(timeline.getByText(`工单 ${number}「${title}」：创建了工单`)).toBeVisible();
  await expect(timeline.getByText(`工单 ${number}「${title}」：状态：处理中 → 已解决`)).toBeVisible();
  await expect(timeline.getByText('已更换压缩机，客户确认恢复制冷。')).toBeVisible();
  // The chips narrow the list to one type.
  await page.getByRole('button', { name: '资料变更' }).click();
  await expect(timeline.getByText(`工单 ${number}「${title}」：创建了工单`)).toHaveCount(0);
  await expect(timeline.getByText('创建了客户')).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的任务' }).click();
  const task = page.getByRole('row').filter({ hasText: displayName });
  await expect(task.getByRole('rowheader')).toContainText('跟进');
  await expect(task.getByRole('link', { name: number })).toBeVisible();
});

/*
 * The administrator tunes one SLA value on the work-order settings page and finds it stored after a
 * reload, then puts it back: the other specs count on the default hours.
 */
test('the administrator changes an SLA hour value, sees it kept after a reload, and restores it', async ({
  page,
}) => {
  await signInAndWait(page);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
  await page.getByRole('navigation', { name: '工单视图' }).getByRole('link', { name: '设置' }).click();
  await expect(page).toHaveURL(/\/work-orders\/settings$/);

  const cell = page.getByRole('spinbutton', { name: '首次响应 · 咨询 · 低', exact: true });
  const save = page.getByRole('button', { name: '保存设置' });
  const saved = page.getByRole('status').filter({ hasText: '工单设置已保存。' });
  await expect(cell).toBeVisible();
  const original = await cell.inputValue();
  expect(Number(original)).toBeGreaterThan(0);
  const changed = String(Number(original) + 1.5);

  await cell.fill(changed);
  await save.click();
  await expect(saved).toBeVisible();
  await page.reload();
  await expect(cell).toHaveValue(changed);

  await cell.fill(original);
  await save.click();
  await expect(saved).toBeVisible();
  await page.reload();
  await expect(cell).toHaveValue(original);
});
