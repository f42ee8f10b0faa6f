import { expect, type Page, test } from '@playwright/test';
import { callApi, signInAndWait, uniqueMobile } from './support';

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

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A month in China Standard Time, the zone the dashboard counts months in, `months` before this one. */
function shanghaiMonth(monthsBack: number) {
  const now = new Date(Date.now() + SHANGHAI_OFFSET_MS);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - monthsBack;
  const start = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(year, month + 1, 1));
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    firstDay: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-01`,
    lastDay: new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10),
    from: new Date(start.getTime() - SHANGHAI_OFFSET_MS).toISOString(),
    to: new Date(end.getTime() - SHANGHAI_OFFSET_MS).toISOString(),
    /** The 15th at noon there, well inside the month. */
    midMonth: new Date(start.getTime() + 14 * 86_400_000 + 4 * 60 * 60 * 1000).toISOString(),
  };
}

async function createCustomerWithOrder(
  page: Page,
  customer: { familyName: string; givenName: string; orderNo: string; orderedAt: string; channel: string },
) {
  const created = (await callApi(page, {
    method: 'POST',
    path: '/api/v1/customers',
    data: { kind: 'person', person: { familyName: customer.familyName, givenName: customer.givenName } },
  })) as { id: string };
  await callApi(page, {
    method: 'PUT',
    path: `/api/v1/orders/e2e-shop/${customer.orderNo}`,
    data: {
      customer: { customerId: created.id },
      channel: customer.channel,
      orderedAt: customer.orderedAt,
      status: 'paid',
      lines: [{ productCode: 'SKU-1', productName: '净水器', quantity: 1, unitPrice: '899.00' }],
    },
  });
}

test.describe('the purchase trend', () => {
  // The browser shares the server's zone for months, so that a month's period is the month's own span.
  test.use({ timezoneId: 'Asia/Shanghai' });

  /*
   * Three customers with a paid order each, through the API: one online in the month two months back,
   * one online the month before it, one in a store in that same month. With the dashboard narrowed to
   * that month, a click on the online bar opens the customer list of those who bought online in it (the
   * chart counts from rollups the demo seed filled; the list reads the orders themselves).
   */
  test('a click on a month’s online bar opens the customers who bought online that month', async ({
    page,
  }) => {
    const suffix = uniqueMobile().slice(-4);
    const month = shanghaiMonth(2);
    const monthBefore = shanghaiMonth(3);
    const online = { familyName: '线', givenName: `上${suffix}` };
    const earlier = { familyName: '早', givenName: `购${suffix}` };
    const inStore = { familyName: '门', givenName: `店${suffix}` };

    await signInAndWait(page);
    await createCustomerWithOrder(page, {
      ...online,
      orderNo: `DSH-${suffix}-1`,
      orderedAt: month.midMonth,
      channel: 'online',
    });
    await createCustomerWithOrder(page, {
      ...earlier,
      orderNo: `DSH-${suffix}-2`,
      orderedAt: monthBefore.midMonth,
      channel: 'online',
    });
    await createCustomerWithOrder(page, {
      ...inStore,
      orderNo: `DSH-${suffix}-3`,
      orderedAt: month.midMonth,
      channel: 'offline',
    });

    await page.goto(`/dashboard?from=${month.firstDay}&to=${month.lastDay}`);
    const title = '每月购买趋势（线上 / 线下）';
    const chart = page.getByRole('region', { name: title }).getByRole('img', { name: title });
    await expect(chart.locator('svg')).toBeVisible();
    // Online is the first series, in the chart's first colour; its legend mark has that colour too, so
    // the bar is the tallest shape of it.
    const shapes = chart.locator('path[fill="#1d4ed8"]');
    await expect(shapes.first()).toBeVisible();
    await chart.scrollIntoViewIfNeeded();
    let tallest = { index: -1, height: 0 };
    for (const [index, shape] of (await shapes.all()).entries()) {
      const height = (await shape.boundingBox())?.height ?? 0;
      if (height > tallest.height) tallest = { index, height };
    }
    expect(tallest.index, 'an online bar in the purchase trend').toBeGreaterThanOrEqual(0);
    await shapes.nth(tallest.index).click();

    await expect(page).toHaveURL(/\/customers\?/);
    const params = new URL(page.url()).searchParams;
    expect(params.get('orderedFrom')).toBe(month.from);
    expect(params.get('orderedTo')).toBe(month.to);
    expect(params.get('orderChannel')).toBe('online');
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '订单渠道' })).toHaveValue('online');
    await expect(page.getByRole('link', { name: `${online.familyName}${online.givenName}` })).toBeVisible();
    await expect(page.getByRole('link', { name: `${earlier.familyName}${earlier.givenName}` })).toHaveCount(
      0,
    );
    await expect(page.getByRole('link', { name: `${inStore.familyName}${inStore.givenName}` })).toHaveCount(
      0,
    );
  });
});
