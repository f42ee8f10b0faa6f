import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openNavMenuEntry, signInAndWait, uniqueMobile } from './support';

test('warn of a duplicate at entry, import a CSV with two bad rows, then merge the duplicate it flagged', async ({
  page,
}) => {
  // Ten digits of a fresh mobile number; each customer appends its own last digit.
  const prefix = uniqueMobile().slice(0, 10);
  const phone = (digit: number) => `${prefix}${digit}`;
  const mainNavigation = page.getByRole('navigation', { name: '主导航' });

  await signInAndWait(page);

  // An existing customer, entered by hand.
  await page.getByRole('main').getByRole('link', { name: '新建客户' }).click();
  await page.getByRole('textbox', { name: '姓', exact: true }).fill('柯');
  await page.getByRole('textbox', { name: '名', exact: true }).fill('晓明');
  const phoneBox = page.getByRole('group', { name: '联系方式 1' }).getByRole('textbox', { name: '电话号码' });
  await phoneBox.fill(phone(1));
  await page.getByRole('button', { name: '创建客户' }).click();
  await expect(page.getByRole('status').filter({ hasText: '客户已创建。' })).toBeVisible();

  // Entering them again under a homophone name: the form warns before saving, and Cancel saves nothing.
  await mainNavigation.getByRole('link', { name: '新建客户' }).click();
  await page.getByRole('textbox', { name: '姓', exact: true }).fill('柯');
  await page.getByRole('textbox', { name: '名', exact: true }).fill('小明');
  await phoneBox.fill(phone(1));
  await page.getByRole('button', { name: '创建客户' }).click();
  const warning = page.getByRole('dialog', { name: '可能已有这位客户' });
  await expect(warning.getByRole('link', { name: '柯晓明' })).toBeVisible();
  await expect(warning.getByRole('button', { name: '仍然保存' })).toBeVisible();
  await warning.getByRole('button', { name: '取消' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: '新建客户' })).toBeVisible();

  // A file with the same person under the homophone name, and two broken rows: a phone number that
  // is too short, and a resident ID whose check digit is wrong (…1233 would be right).
  const rows = [
    ['姓名', '手机号', '邮箱', '地址', '身份证号'],
    ['柯丽娜', phone(2), 'kelina@example.com', '北京市朝阳区建国路88号', ''],
    ['柯伟', phone(3), '', '上海市浦东新区世纪大道100号', ''],
    ['柯敏', phone(4), 'kemin@example.com', '', ''],
    ['柯洋', phone(5), 'keyang@example.com', '浙江省杭州市西湖区文三路1号', ''],
    ['柯小明', phone(1), 'kexiaoming@example.com', '广东省深圳市南山区科技园南区1栋', ''],
    ['柯杰', phone(6), '', '', ''],
    ['柯静', '1391234', 'kejing@example.com', '', ''],
    ['柯涛', phone(7), '', '', '110101199003071234'],
  ];
  const csv = `${rows.map((row) => row.join(',')).join('\n')}\n`;

  await openNavMenuEntry(page, { menu: '管理', entry: '导入' });
  await expect(page.getByRole('heading', { level: 1, name: '导入' })).toBeVisible();

  await page.getByLabel('选择文件（CSV 或 XLSX）').setInputFiles({
    name: '客户导入.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: '上传' }).click();

  // The server proposes the mapping from the Chinese headers.
  await expect(page.getByRole('heading', { level: 1, name: '客户导入.csv' })).toBeVisible();
  await expect(page.getByLabel('“姓名”列导入为')).toHaveValue('name');
  await expect(page.getByLabel('“手机号”列导入为')).toHaveValue('phone');
  await expect(page.getByLabel('“邮箱”列导入为')).toHaveValue('email');
  await expect(page.getByLabel('“地址”列导入为')).toHaveValue('address');
  await expect(page.getByLabel('“身份证号”列导入为')).toHaveValue('residentIdNumber');
  await expect(page.getByRole('row', { name: /姓名/ }).getByText('柯丽娜')).toBeVisible();

  await page.getByRole('button', { name: '导入', exact: true }).click();

  const progress = page.getByRole('progressbar', { name: '导入进度' });
  await expect(progress).toHaveAttribute('aria-valuemax', '8');
  await expect(progress).toHaveAttribute('aria-valuenow', '8');
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  await expect(page.getByText('已处理 8 / 8 行（100%）')).toBeVisible();

  // The two refused rows (by default a row with an invalid value is not stored), each with the column at
  // fault and why.
  const errorRows = page.getByRole('table', { name: '有问题的行' }).getByRole('row');
  await expect(errorRows).toHaveCount(3);
  await expect(errorRows.filter({ hasText: '第 7 行' })).toContainText('电话号码无效');
  await expect(errorRows.filter({ hasText: '第 7 行' })).toContainText('未导入');
  await expect(errorRows.filter({ hasText: '第 8 行' })).toContainText('居民身份证号校验位不正确');

  // The failed rows download as CSV with the session cookie.
  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载错误行 CSV' }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/errors\.csv$/);
  const errorsCsv = await readFile(await download.path(), 'utf8');
  expect(errorsCsv).toContain('柯静,1391234');
  expect(errorsCsv).toContain('110101199003071234');

  // The import stored 柯小明 beside 柯晓明 and put the pair in the review queue.
  await openNavMenuEntry(page, { menu: '管理', entry: '重复客户' });
  const pair = page.getByRole('row').filter({ hasText: '柯晓明' }).filter({ hasText: '柯小明' });
  await expect(pair).toHaveCount(1);
  await expect(pair.getByRole('listitem').filter({ hasText: '电话' })).toContainText('+3');
  await pair.getByRole('link', { name: /^对比/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: '对比并合并' })).toBeVisible();
  // The older record is kept; swapping shows the other way round.
  await expect(page.getByRole('region', { name: '柯晓明' })).toContainText('保留的记录');
  await page.getByRole('button', { name: '互换保留记录' }).click();
  await expect(page.getByRole('region', { name: '柯小明' })).toContainText('保留的记录');
  await page.getByRole('button', { name: '互换保留记录' }).click();
  await expect(page.getByRole('region', { name: '柯晓明' })).toContainText('保留的记录');
  await page.getByRole('radio', { name: /^名称：用保留的记录的值/ }).check();
  await page.getByRole('button', { name: '合并', exact: true }).click();

  await expect(page.getByRole('status').filter({ hasText: '已将“柯小明”合并到“柯晓明”。' })).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '柯小明' })).toHaveCount(0);

  // The merge is in the history, where it can still be undone.
  await page.getByRole('link', { name: '合并记录' }).click();
  const merge = page.getByRole('row').filter({ hasText: '柯晓明' }).filter({ hasText: '柯小明' });
  await expect(merge.getByRole('button', { name: '撤销合并：柯小明 → 柯晓明' })).toBeVisible();
});

test('import rows from abroad, and keep a row without its invalid value when asked to', async ({ page }) => {
  const prefix = uniqueMobile().slice(0, 10);
  const phone = (digit: number) => `${prefix}${digit}`;
  const mainNavigation = page.getByRole('navigation', { name: '主导航' });

  // A customer in Australia with a passport, and one at home whose resident ID's check digit is wrong.
  const rows = [
    ['姓名', '手机号', '国家', '邮编', '地址', '身份证号', '护照号'],
    ['Anna Smith', phone(1), 'AU', '2119', '7 Wallaby Place Delmar NSW', '', 'E12345678'],
    ['柯雷', phone(2), '', '', '北京市朝阳区建国路88号', '110101199003071234', ''],
  ];
  const csv = `${rows.map((row) => row.join(',')).join('\n')}\n`;

  await signInAndWait(page);
  await openNavMenuEntry(page, { menu: '管理', entry: '导入' });
  await page.getByLabel('选择文件（CSV 或 XLSX）').setInputFiles({
    name: '境外客户.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: '上传' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '境外客户.csv' })).toBeVisible();

  await page.getByLabel('“国家”列导入为').selectOption('country');
  await page.getByLabel('“邮编”列导入为').selectOption('postcode');
  await page.getByLabel('“护照号”列导入为').selectOption('otherIdNumber');
  await expect(page.getByLabel('默认国家或地区')).toHaveValue('CN');
  await page.getByLabel('遇到无效的值').selectOption('skip_value');
  await page.getByRole('button', { name: '导入', exact: true }).click();

  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  const partial = page.locator('.stat').filter({ hasText: '去掉无效值后导入' });
  await expect(partial.getByRole('definition')).toHaveText('1');

  // The row is listed as stored, with the value that was left out.
  const problemRows = page.getByRole('table', { name: '有问题的行' }).getByRole('row');
  await expect(problemRows).toHaveCount(2);
  const storedRow = problemRows.filter({ hasText: '第 2 行' });
  await expect(storedRow).toContainText('已导入，不含标出的值');
  await expect(storedRow).toContainText('居民身份证号校验位不正确');

  // The customer from abroad has the country and postcode, and the passport as another document.
  await mainNavigation.getByRole('link', { name: '客户', exact: true }).click();
  await page.getByRole('combobox', { name: '快速搜索' }).fill(phone(1).slice(3));
  await page.getByRole('option', { name: /Anna Smith/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anna Smith' })).toBeVisible();
  await expect(page.getByRole('region', { name: '地址', exact: true })).toContainText('2119, 澳大利亚');
  const profile = page.getByRole('region', { name: '基本资料' });
  await expect(profile).toContainText('其他证件');
  await expect(profile).toContainText('E1*****78');
});
