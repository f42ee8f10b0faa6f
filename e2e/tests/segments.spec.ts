import { expect, test } from '@playwright/test';
import { callApi, createPerson, DEMO_USERS, signInAndWait, signOut, uniqueMobile } from './support';

/*
 * Marketing builds a segment in the rule builder: "no login in the last 30 days AND at least 6 paid
 * orders in the last 365 days". So that somebody qualifies whatever the demo seed holds, the
 * administrator first creates a customer with six paid orders (orders arrive from partner systems, so
 * through the API). The segment is deleted at the end; the customer stays, like other specs' customers.
 */
test('marketing builds a dynamic segment with the rule builder, previews it, reads it in words and deletes it', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const person = { familyName: '常', givenName: `购${mobile.slice(-4)}`, mobile };
  const displayName = `${person.familyName}${person.givenName}`;
  const segmentName = `30天未登录的常购客户 ${mobile.slice(-4)}`;

  await signInAndWait(page);
  const customerUrl = await createPerson(page, person);
  const customerId = new URL(customerUrl).pathname.split('/').at(-1) ?? '';
  const statuses = ['paid', 'paid', 'shipped', 'shipped', 'completed', 'completed'] as const;
  for (const [index, status] of statuses.entries()) {
    await callApi(page, {
      method: 'PUT',
      path: `/api/v1/orders/e2e-shop/SEG-${mobile}-${index + 1}`,
      data: {
        customer: { customerId },
        channel: 'online',
        orderedAt: new Date(Date.now() - (index + 1) * 20 * 86_400_000).toISOString(),
        status,
        lines: [{ productCode: 'SKU-1', productName: '净水器滤芯', quantity: 1, unitPrice: '199.00' }],
      },
    });
  }
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.marketing);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户分群' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '客户分群' })).toBeVisible();
  await expect(page.getByRole('link', { name: '沉睡客户' })).toBeVisible();
  await page.getByRole('link', { name: '新建客户分群' }).click();

  await page.getByRole('textbox', { name: '名称' }).fill(segmentName);
  await expect(page.getByText('添加条件后即可预览符合条件的客户。')).toBeVisible();

  // Condition 1: no login interaction in the last 30 days.
  await page.getByRole('button', { name: '添加事件条件' }).click();
  const noLogin = page.getByRole('group', { name: /^条件 1/ });
  await noLogin.getByLabel('事件', { exact: true }).selectOption({ label: '互动' });
  await noLogin.getByLabel('互动类型').selectOption({ label: '登录' });
  await noLogin.getByLabel('统计').selectOption({ label: '次数' });
  await noLogin.getByLabel('时间范围（天）').fill('30');
  await noLogin.getByLabel('比较').selectOption({ label: '=' });
  await noLogin.getByLabel('数值').fill('0');

  const count = page.getByText(/^当前符合条件的客户：\d+ 位$/);
  await expect(count).toBeVisible();
  const countWithoutOrders = await count.textContent();

  // Condition 2: at least 6 paid orders (paid, shipped or completed) in the last 365 days.
  await page.getByRole('button', { name: '添加事件条件' }).click();
  const buyer = page.getByRole('group', { name: /^条件 2/ });
  await buyer.getByLabel('事件', { exact: true }).selectOption({ label: '订单' });
  for (const status of ['已付款', '已发货', '已完成'])
    await buyer.getByRole('button', { name: status }).click();
  await buyer.getByLabel('统计').selectOption({ label: '次数' });
  await buyer.getByLabel('时间范围（天）').fill('365');
  await buyer.getByLabel('比较').selectOption({ label: '≥' });
  await buyer.getByLabel('数值').fill('6');

  await expect(count).not.toHaveText(countWithoutOrders ?? '');
  await expect(count).not.toHaveText('当前符合条件的客户：0 位');
  const preview = page.getByRole('region', { name: '实时预览' });
  await expect(preview.getByRole('link', { name: displayName })).toBeVisible();

  await expect(page.getByRole('button', { name: '动态', pressed: true })).toBeVisible();
  await page.getByRole('button', { name: '创建客户分群' }).click();

  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(segmentName) })).toBeVisible();
  const words = page.getByRole('region', { name: '规则说明' });
  await expect(words.getByText('满足以下全部条件：')).toBeVisible();
  await expect(words.getByText('最近 30 天内“登录”互动的次数为 0')).toBeVisible();
  await expect(
    words.getByText('最近 365 天内订单（状态为已付款、已发货、已完成）的次数不少于 6'),
  ).toBeVisible();
  const members = page.getByRole('region', { name: '成员' });
  await expect(members.getByRole('link', { name: displayName })).toBeVisible();

  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await expect(page).toHaveURL(/\/segments$/);
  await expect(page.getByRole('link', { name: segmentName })).toHaveCount(0);
});
