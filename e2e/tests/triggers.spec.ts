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

/*
 * Marketing automates a dedicated revisit: a trigger on the segment "no login in 30 days AND at least 6
 * paid orders in 365 days" creates a follow-up task for each customer's owner when they enter it,
 * current members included. sales1 creates a customer (and so owns them) with six paid orders (orders
 * come from partner systems, so through the API); marketing builds the segment through the API (the
 * rule builder has its own spec) and the trigger through the form, dry-runs it, runs it, and sales1
 * finds the task. The trigger and the segment are deleted at the end; the customer stays.
 */
test('a trigger on segment entry dry-runs, runs, and leaves the owner a 专属客服回访 task', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const suffix = mobile.slice(-4);
  const person = { familyName: '闵', givenName: `回访${suffix}`, mobile };
  const displayName = `${person.familyName}${person.givenName}`;
  const segmentName = `30天未登录的常购客户 ${suffix}`;
  const triggerName = `常购客户专属回访 ${suffix}`;

  await signInAndWait(page, DEMO_USERS.sales1);
  const customerUrl = await createPerson(page, person);
  const customerId = new URL(customerUrl).pathname.split('/').at(-1) ?? '';
  const statuses = ['paid', 'paid', 'shipped', 'shipped', 'completed', 'completed'] as const;
  for (const [index, status] of statuses.entries()) {
    await callApi(page, {
      method: 'PUT',
      path: `/api/v1/orders/e2e-shop/TRG-${mobile}-${index + 1}`,
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
  const segment = (await callApi(page, {
    method: 'POST',
    path: '/api/v1/segments',
    data: {
      name: segmentName,
      kind: 'dynamic',
      rule: {
        type: 'group',
        op: 'and',
        rules: [
          {
            type: 'event',
            event: 'interaction',
            where: { interactionType: 'login' },
            measure: 'count',
            windowDays: 30,
            operator: 'eq',
            value: 0,
          },
          {
            type: 'event',
            event: 'order',
            where: { orderStatus: ['paid', 'shipped', 'completed'] },
            measure: 'count',
            windowDays: 365,
            operator: 'gte',
            value: 6,
          },
        ],
      },
    },
  })) as { id: string };

  // From the segment's page, the trigger form opens with the segment chosen.
  await page.goto(`/segments/${segment.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(segmentName) })).toBeVisible();
  await page.getByRole('link', { name: '为此分群创建自动化规则' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新建自动化规则' })).toBeVisible();
  await page.getByRole('textbox', { name: '名称' }).fill(triggerName);
  await expect(page.getByRole('combobox', { name: '客户分群' })).toHaveValue(segment.id);
  await expect(page.getByRole('button', { name: '进入分群时', pressed: true })).toBeVisible();
  await page.getByLabel('包括当前成员').check();
  const action = page.getByRole('group', { name: '动作 1' });
  await expect(action.getByLabel('动作类型')).toHaveValue('create_task');
  await action.getByLabel('任务类型').selectOption({ label: '跟进' });
  await action.getByRole('spinbutton', { name: '到期（天后）' }).fill('2');
  await action.getByLabel('备注').fill('专属客服回访');
  await page.getByRole('button', { name: '创建自动化规则' }).click();

  await expect(page).toHaveURL(/\/triggers\/[0-9a-f-]{36}$/);
  const triggerUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(triggerName) })).toBeVisible();
  await expect(page.getByText('客户进入分群时（含当前成员）')).toBeVisible();
  await expect(page.getByText('为负责人创建“跟进”任务，2 天后到期：专属客服回访')).toBeVisible();

  await page.getByRole('button', { name: '试运行' }).click();
  const dryRun = page.getByRole('region', { name: '试运行结果' });
  await expect(dryRun.getByRole('row').filter({ hasText: displayName })).toContainText('将执行');

  await page.getByRole('button', { name: '立即执行' }).click();
  const run = page.getByRole('region', { name: '执行结果' });
  await expect(run.getByRole('row').filter({ hasText: displayName })).toContainText('已执行');
  const history = page.getByRole('region', { name: '执行记录' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByText('试运行', { exact: true })).toBeVisible();

  // The list shows the trigger with its segment and last run.
  await openNavMenuEntry(page, { menu: '营销', entry: '自动化规则' });
  const listed = page.getByRole('row').filter({ hasText: triggerName });
  await expect(listed.getByRole('link', { name: segmentName })).toBeVisible();
  await expect(listed.getByText('已启用')).toBeVisible();
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.sales1);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的任务' }).click();
  const task = page.getByRole('row').filter({ hasText: displayName });
  await expect(task.getByRole('rowheader')).toContainText('跟进');
  await expect(task.getByRole('rowheader')).toContainText('专属客服回访');
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.marketing);
  await page.goto(triggerUrl);
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await expect(page).toHaveURL(/\/triggers$/);
  await expect(page.getByRole('link', { name: triggerName })).toHaveCount(0);
  await callApi(page, { method: 'DELETE', path: `/api/v1/segments/${segment.id}` });
});
