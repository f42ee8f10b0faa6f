import { expect, test } from '@playwright/test';
import { DEMO_ADMIN, signIn } from './support';

test('a wrong password is refused with a message and no session', async ({ page }) => {
  await signIn(page, { email: DEMO_ADMIN.email, password: 'not-the-password' });

  await expect(page.getByRole('alert')).toHaveText('邮箱或密码不正确。');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

  await page.getByRole('button', { name: `用户菜单：${DEMO_ADMIN.displayName}` }).click();
  await page.getByRole('button', { name: '退出登录' }).click();

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  // The cookie is gone on the server side too: a reload does not bring the customer list back.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});
