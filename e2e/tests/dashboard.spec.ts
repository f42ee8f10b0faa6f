import { expect, test } from '@playwright/test';
import { signInAndWait } from './support';

/*
 * The administrator opens the dashboard over the demo data, whose customers live in many provinces and
 * whose orders fill the purchase trend. A click on the biggest province's bar narrows the dashboard to
 * its cities; the card's link then opens the customer list filtered by that province.
 */
test('the dashboard draws its charts and drills from a province into the customer list', async ({ page }) => {
  await signInAndWait(page);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '仪表盘' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: '仪表盘' })).toBeVisible();

  for (const title of ['每月新增客户', '每月购买趋势（线上 / 线下）', '客户价值等级分布', '生命周期漏斗']) {
    await expect(
      page.getByRole('region', { name: title }).getByRole('img', { name: title }).locator('svg'),
    ).toBeVisible();
  }
  const regions = page.getByRole('region', { name: '各省客户分布' });
  await expect(regions.getByRole('img', { name: '各省客户分布' }).locator('svg')).toBeVisible();

  // The bars come biggest first, like the rows of the card's data table.
  await regions.getByText('查看数据表').click();
  const firstRow = regions.getByRole('row').nth(1);
  const provinceLink = firstRow.getByRole('link');
  const province = (await provinceLink.textContent()) ?? '';
  const provinceCode = new URL(
    (await provinceLink.getAttribute('href')) ?? '',
    'http://localhost',
  ).searchParams.get('provinceCode');
  expect(provinceCode).toMatch(/^\d{6}$/);

  // The bars are SVG paths filled with the chart's first colour; the axes are strokes without fill.
  await regions.getByRole('img', { name: '各省客户分布' }).locator('path[fill="#1d4ed8"]').first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?provinceCode=${provinceCode}$`));
  const cities = page.getByRole('region', { name: `${province}各市客户分布` });
  await expect(cities.getByRole('img').locator('svg')).toBeVisible();

  await cities.getByRole('link', { name: `查看${province}的全部客户` }).click();
  await expect(page).toHaveURL(new RegExp(`/customers\\?provinceCode=${provinceCode}$`));
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '省', exact: true })).toHaveValue(provinceCode ?? '');
  await expect(page.getByRole('combobox', { name: '省', exact: true }).locator('option:checked')).toHaveText(
    province,
  );
});
