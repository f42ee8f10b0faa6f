import { expect, test } from '@playwright/test';
import { signIn, uniqueMobile } from './support';

test('create a person, find them by phone digits, edit, and read the detail page in both languages', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const givenName = `测试${mobile.slice(-4)}`;
  const displayName = `柯${givenName}`;

  await signIn(page);
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

  // Create, with live validation of the phone number before anything is submitted.
  await page.getByRole('main').getByRole('link', { name: '新建客户' }).click();
  await expect(page.getByRole('heading', { name: '新建客户' })).toBeVisible();
  await page.getByRole('textbox', { name: '姓', exact: true }).fill('柯');
  await page.getByRole('textbox', { name: '名', exact: true }).fill(givenName);
  const phone = page.getByRole('group', { name: '联系方式 1' }).getByRole('textbox', { name: '电话号码' });
  await phone.fill('12345');
  await phone.blur();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription('电话号码无效');

  await phone.fill(mobile);
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '创建客户' }).click();

  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status').filter({ hasText: '客户已创建。' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  const detailUrl = page.url();

  // Quick search by six digits from the middle of the number: four digits often occur in several of the
  // seeded numbers (some across the 86 country code), which could push this one out of the top results.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '客户', exact: true })
    .click();
  const search = page.getByRole('combobox', { name: '快速搜索' });
  await search.fill(mobile.slice(3, 9));
  const result = page.getByRole('option', { name: new RegExp(displayName) });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(detailUrl);

  // Edit: move the lifecycle stage on, add a tag and a contract end date (far off, so no renewal task yet).
  await page.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByRole('heading', { name: `编辑客户：${displayName}` })).toBeVisible();
  await page.getByLabel('生命周期阶段').selectOption({ label: '成交客户' });
  await page.getByLabel('合同到期日').fill('2030-06-30');
  const tags = page.getByLabel('标签', { exact: true });
  await tags.fill('e2e回归');
  await tags.press('Enter');
  await expect(page.getByRole('button', { name: '移除标签 e2e回归' })).toBeVisible();
  await page.getByRole('button', { name: '保存修改' }).click();

  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole('status').filter({ hasText: '客户已保存。' })).toBeVisible();
  const header = page.getByRole('region', { name: displayName });
  await expect(header.getByRole('list', { name: '标签' }).getByText('e2e回归')).toBeVisible();
  await expect(header.getByText('成交客户')).toBeVisible();
  await expect(page.getByText('2030年6月30日')).toBeVisible();
  const history = page.getByRole('region', { name: '变更记录' });
  await expect(history.getByText('修改了客户')).toBeVisible();
  await expect(history.getByText('创建了客户')).toBeVisible();

  // Open the detail page again from the list, filtered by the new tag.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '客户', exact: true })
    .click();
  // The detail page's header lists its tags under the same label; fill only once the list has replaced it.
  await expect(page.getByRole('heading', { level: 1, name: '客户', exact: true })).toBeVisible();
  await page.getByLabel('标签', { exact: true }).fill('e2e回归');
  const row = page.getByRole('row', { name: new RegExp(displayName) });
  await expect(row).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await row.getByRole('link', { name: displayName }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole('heading', { name: '基本资料' })).toBeVisible();

  // The language switch relabels the page and is reflected in <html lang>.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contact points' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '基本资料' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a customer from abroad: one name, a passport revealed on request, and an address without regions', async ({
  page,
}) => {
  const mobile = uniqueMobile();
  const givenName = `Anna${mobile.slice(-4)}`;

  await signIn(page);
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: '新建客户' }).click();
  await page
    .getByRole('group', { name: '联系方式 1' })
    .getByRole('textbox', { name: '电话号码' })
    .fill(mobile);

  // One of the two names is needed, either will do.
  await page.getByRole('button', { name: '创建客户' }).click();
  const familyName = page.getByRole('textbox', { name: '姓', exact: true });
  await expect(familyName).toHaveAccessibleDescription('请填写姓或名（至少一项）');
  await page.getByRole('textbox', { name: '名', exact: true }).fill(givenName);
  await expect(familyName).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('证件类型').selectOption({ label: '护照' });
  await page.getByRole('textbox', { name: '其他证件号码' }).fill('e12 345-678');

  // Abroad there are no province, city and district to pick, and the detail holds the whole address.
  await page.getByRole('button', { name: '添加地址' }).click();
  const address = page.getByRole('group', { name: '地址 1' });
  await expect(address.getByLabel('国家或地区')).toHaveValue('CN');
  await expect(address.getByRole('combobox', { name: '省', exact: true })).toBeVisible();
  await address.getByLabel('国家或地区').selectOption('AU');
  await expect(address.getByRole('combobox', { name: '省', exact: true })).toHaveCount(0);
  await address.getByRole('textbox', { name: '邮政编码' }).fill('2119');
  await address.getByRole('textbox', { name: '详细地址' }).fill('7 Wallaby Place, Delmar NSW');
  await page.getByRole('button', { name: '创建客户' }).click();

  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: givenName })).toBeVisible();
  const addresses = page.getByRole('region', { name: '地址', exact: true });
  await expect(addresses).toContainText('2119, 澳大利亚');
  await expect(addresses).toContainText('7 Wallaby Place, Delmar NSW');

  // The admin's policy masks identity documents and allows revealing them, with a reason.
  const profile = page.getByRole('region', { name: '基本资料' });
  await expect(profile.getByRole('definition').filter({ hasText: '护照' })).toBeVisible();
  await expect(profile).toContainText('E1*****78');
  await page.getByRole('button', { name: '查看其他证件号码明文' }).click();
  await page.getByLabel('查看其他证件号码明文的原因').fill('客户来电核实身份');
  await page.getByRole('button', { name: '确认查看' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'E12345678' })).toBeVisible();

  // Editing keeps the country and leaves the masked number alone.
  await page.getByRole('link', { name: '编辑' }).click();
  const editedAddress = page.getByRole('group', { name: '地址 1' });
  await expect(editedAddress.getByLabel('国家或地区')).toHaveValue('AU');
  await expect(page.getByRole('textbox', { name: '其他证件号码' })).toHaveAttribute('readonly', '');
  await editedAddress.getByRole('textbox', { name: '邮政编码' }).fill('2120');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '客户已保存。' })).toBeVisible();
  await expect(addresses).toContainText('2120, 澳大利亚');
  await expect(profile).toContainText('E1*****78');

  // The country is named in the UI language.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Addresses', exact: true })).toContainText('2120, Australia');
});
