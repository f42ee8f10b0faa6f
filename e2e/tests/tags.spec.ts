import { expect, test } from '@playwright/test';
import { callApi, openNavMenuEntry, signInAndWait, uniqueMobile } from './support';

/*
 * The administrator tags two new customers at once from the customer list, gives the new tag a colour
 * on the tags page (标签, in the user menu), where it counts both customers, finds it cannot be deleted
 * while they carry it, removes it from both in bulk from the list the count links to, and then deletes
 * it. The customers are created through the API (their form has its own spec) and stay.
 */
test('a tag added to two customers in bulk is defined, counted, removed in bulk and deleted', async ({
  page,
}) => {
  const suffix = uniqueMobile().slice(-5);
  const first = { familyName: '周', givenName: `标签甲${suffix}` };
  const second = { familyName: '吴', givenName: `标签乙${suffix}` };
  const firstName = `${first.familyName}${first.givenName}`;
  const secondName = `${second.familyName}${second.givenName}`;
  const tag = `春季复购${suffix}`;

  await signInAndWait(page);
  for (const person of [first, second]) {
    await callApi(page, { method: 'POST', path: '/api/v1/customers', data: { kind: 'person', person } });
  }

  // The list shows the newest first, so both are on its first page.
  await page.reload();
  const firstRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: firstName }) });
  const secondRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: secondName }) });
  await page.getByRole('checkbox', { name: `选择 ${firstName}` }).check();
  await page.getByRole('checkbox', { name: `选择 ${secondName}` }).check();
  const bar = page.getByRole('region', { name: '已选择 2 位客户' });
  await bar.getByRole('combobox', { name: '要添加或移除的标签' }).fill(tag);
  await bar.getByRole('button', { name: '添加标签' }).click();
  await expect(bar.getByRole('status')).toHaveText('已更新 2 位客户。');
  await expect(firstRow.getByRole('listitem').filter({ hasText: tag })).toBeVisible();
  await expect(secondRow.getByRole('listitem').filter({ hasText: tag })).toBeVisible();

  // The tags page: the tag is in use but not defined yet; defining it gives it a colour.
  await openNavMenuEntry(page, { menu: '管理', entry: '标签' });
  await expect(page.getByRole('heading', { level: 1, name: '标签' })).toBeVisible();
  const tagRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tag }) });
  await expect(tagRow).toContainText('未定义');
  await tagRow.getByRole('button', { name: `定义标签「${tag}」` }).click();
  const form = page.getByRole('region', { name: `定义标签「${tag}」` });
  await form.getByLabel('颜色').fill('#d4380d');
  await form.getByRole('textbox', { name: '说明' }).fill('春季活动中复购的客户');
  await form.getByRole('button', { name: '保存标签' }).click();
  await expect(form).toBeHidden();
  await expect(tagRow).toContainText('#d4380d');
  await expect(tagRow).toContainText('手动');
  await expect(tagRow).toContainText('春季活动中复购的客户');
  const countLink = tagRow.getByRole('link', { name: `带有标签「${tag}」的 2 位客户` });
  await expect(countLink).toHaveText('2');
  await expect(tagRow.getByRole('rowheader').getByText(tag)).toHaveCSS('border-color', 'rgb(212, 56, 13)');

  // Customers still carry it, so the definition stays.
  await tagRow.getByRole('button', { name: '删除', exact: true }).click();
  await tagRow.getByRole('button', { name: '确认删除' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: `无法删除标签「${tag}」：仍有客户带有此标签` }),
  ).toBeVisible();

  // The count leads to the customers with the tag, shown in its colour; both lose it in one go.
  await countLink.click();
  await expect(page).toHaveURL(new RegExp(`/customers\\?tag=${encodeURIComponent(tag)}$`));
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(firstRow.getByRole('listitem').filter({ hasText: tag })).toHaveCSS(
    'border-color',
    'rgb(212, 56, 13)',
  );
  await page.getByRole('checkbox', { name: '全选本页客户' }).check();
  await expect(page.getByRole('checkbox', { name: `选择 ${secondName}` })).toBeChecked();
  const untagBar = page.getByRole('region', { name: '已选择 2 位客户' });
  await untagBar.getByRole('combobox', { name: '要添加或移除的标签' }).fill(tag);
  await untagBar.getByRole('button', { name: '移除标签' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已更新 2 位客户。' })).toBeVisible();
  await expect(firstRow).toHaveCount(0);
  await expect(secondRow).toHaveCount(0);

  // Now nobody carries it, and its definition can go.
  await openNavMenuEntry(page, { menu: '管理', entry: '标签' });
  await expect(tagRow.getByRole('cell').nth(3)).toHaveText('0');
  await tagRow.getByRole('button', { name: '删除', exact: true }).click();
  await tagRow.getByRole('button', { name: '确认删除' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已删除标签「${tag}」。` })).toBeVisible();
  await expect(tagRow).toHaveCount(0);
});
