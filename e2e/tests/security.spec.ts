import { expect, test } from '@playwright/test';
import { DEMO_USERS, openNavMenuEntry, openWorkOrder, signInAndWait, signOut, uniqueMobile } from './support';

/*
 * What each role may see: masking and the reveal permission, the data scope of a sales team, and the
 * audit trail and access policies that compliance staff rely on. All of it runs against the demo seed's
 * policies (apps/api access/policies.ts), which these tests read but leave as they found them.
 */

test('service sees a resident ID masked and is offered no reveal', async ({ page }) => {
  // Service staff see the customers of the work orders assigned to them (or their queue), so the
  // administrator first finds a person with a resident ID and opens a work order for them.
  await signInAndWait(page);
  await page.getByLabel('客户性质').selectOption({ label: '个人客户' });
  await expect(page).toHaveURL(/kind=person/);

  // About 60% of the seeded persons have a resident ID; the first page of persons is enough to find one.
  const personRows = page.getByRole('row').filter({ hasText: '个人客户' });
  await expect(personRows.first()).toBeVisible();
  const detailPaths = await personRows
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(detailPaths.length).toBeGreaterThan(0);

  const profile = page.getByRole('region', { name: '基本资料' });
  const maskedId = profile.getByRole('definition').filter({ hasText: /\d{6}\*{8}\d{3}[\dX]/ });
  let customerPath: string | undefined;
  for (const path of detailPaths) {
    await page.goto(path);
    await expect(profile).toBeVisible();
    if ((await maskedId.count()) > 0) {
      customerPath = path;
      break;
    }
  }
  expect(customerPath, 'no person with a resident ID on the first page of the list').toBeDefined();
  await openWorkOrder(page, { category: '咨询', title: `证件咨询 ${uniqueMobile().slice(-4)}` });
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.service);
  await page.goto(customerPath ?? '/');
  await expect(maskedId).toContainText('********');
  await expect(maskedId.getByText('已脱敏')).toBeVisible();
  // Service's policy masks the ID without the right to reveal it, so no reveal control is offered at all.
  await expect(page.getByRole('button', { name: /明文/ })).toHaveCount(0);
});

test('a customer of one sales team is invisible to another team and to service, and its creation is in the audit log', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const givenName = `隔离${mobile.slice(-4)}`;
  const displayName = `严${givenName}`;

  // sales1 (华南销售部) creates a customer, who becomes theirs.
  await signInAndWait(page, DEMO_USERS.sales1);
  await page.getByRole('main').getByRole('link', { name: '新建客户' }).click();
  await page.getByRole('textbox', { name: '姓', exact: true }).fill('严');
  await page.getByRole('textbox', { name: '名', exact: true }).fill(givenName);
  await page
    .getByRole('group', { name: '联系方式 1' })
    .getByRole('textbox', { name: '电话号码' })
    .fill(mobile);
  await page.getByRole('button', { name: '创建客户' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  const customerUrl = page.url();
  const customerId = new URL(customerUrl).pathname.split('/').at(-1) ?? '';
  await signOut(page);

  // sales3 (华北销售部) gets the same answer as for a customer that does not exist, and no name.
  await signInAndWait(page, DEMO_USERS.sales3);
  await page.goto(customerUrl);
  await expect(page.getByRole('heading', { name: '客户不存在或您无权查看。' })).toBeVisible();
  await expect(page.getByText(displayName)).toHaveCount(0);

  await page.getByRole('link', { name: '返回客户列表' }).click();
  await page.getByRole('combobox', { name: '快速搜索' }).fill(displayName);
  await expect(
    page.getByRole('status').filter({ hasText: `没有找到与“${displayName}”匹配的客户` }),
  ).toBeVisible();
  await expect(page.getByRole('listbox', { name: '搜索结果' }).getByRole('option')).toHaveCount(0);
  await signOut(page);

  // Service staff see only customers with an open work order of theirs: this one is not, even by URL.
  await signInAndWait(page, DEMO_USERS.service);
  await page.goto(customerUrl);
  await expect(page.getByRole('heading', { name: '客户不存在或您无权查看。' })).toBeVisible();
  await expect(page.getByText(displayName)).toHaveCount(0);
  await signOut(page);

  // The auditor finds the creation in the audit log and checks that the chain holds.
  await signInAndWait(page, DEMO_USERS.auditor);
  await openNavMenuEntry(page, { menu: '管理', entry: '审计日志' });
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await page.getByLabel('操作', { exact: true }).selectOption({ label: '创建客户' });
  await expect(page).toHaveURL(/action=customer\.create/);

  const entry = page.getByRole('row').filter({ hasText: displayName });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole('rowheader')).toContainText('创建客户');
  await expect(entry.getByText(DEMO_USERS.sales1.email)).toBeVisible();
  await expect(entry.getByRole('link', { name: `${customerId.slice(0, 8)}…` })).toHaveAttribute(
    'href',
    `/customers/${customerId}`,
  );
  // Every row the filter leaves is a creation.
  await expect(page.getByRole('rowheader').filter({ hasNotText: '创建客户' })).toHaveCount(0);

  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByRole('status').filter({ hasText: '审计链' })).toContainText(
    /审计链完整：\d+ 条记录全部校验通过。/,
  );
});

test('the administrator reads the access policies and changes one role', async ({ page }) => {
  await signInAndWait(page);
  await openNavMenuEntry(page, { menu: '管理', entry: '访问策略' });

  const table = page.getByRole('table', { name: '访问策略' });
  await expect(table.getByRole('columnheader', { name: '数据范围' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '居民身份证号' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '其他证件号码' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '查看明文' })).toBeVisible();
  // A header row and one row per role.
  await expect(table.getByRole('row')).toHaveCount(7);

  const roleRow = (role: string) =>
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: role, exact: true }) });
  // Data scope, resident ID, other ID, birth date, phone, email, WeChat, street address, reveal, action.
  await expect(roleRow('客服').getByRole('cell')).toHaveText([
    '工单分配给本人或本队列的客户',
    '脱敏',
    '脱敏',
    '隐藏',
    '脱敏',
    '脱敏',
    '脱敏',
    '可见',
    '不允许',
    '编辑',
  ]);
  await expect(roleRow('销售').getByRole('cell').first()).toHaveText('本人或本团队');

  // Change marketing's email access, see it saved, and put it back.
  const emailCell = roleRow('市场').getByRole('cell').nth(5);
  const original = (await emailCell.textContent()) ?? '';
  const changed = original === '隐藏' ? '脱敏' : '隐藏';
  const setMarketingEmail = async (label: string) => {
    await page.getByRole('button', { name: '编辑市场的访问策略' }).click();
    await page.getByRole('combobox', { name: '市场：邮箱' }).selectOption({ label });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存市场的访问策略。' })).toBeVisible();
    await expect(emailCell).toHaveText(label);
  };
  await setMarketingEmail(changed);
  await setMarketingEmail(original);
});
