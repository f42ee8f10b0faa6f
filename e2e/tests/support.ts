import { expect, type Page } from '@playwright/test';

/** Seeded by the API on an empty database (apps/api/src/db/seed/staff.ts). */
export const DEMO_ADMIN = { email: 'admin@demo.cims', password: 'CimsDemo#2026', displayName: '系统管理员' };

const DEMO_PASSWORD = DEMO_ADMIN.password;

/** The other seeded staff users, by role (sales1 and sales2 are 华南销售部, sales3 华北销售部). */
export const DEMO_USERS = {
  sales1: { email: 'sales1@demo.cims', password: DEMO_PASSWORD },
  sales3: { email: 'sales3@demo.cims', password: DEMO_PASSWORD },
  service: { email: 'service@demo.cims', password: DEMO_PASSWORD },
  auditor: { email: 'auditor@demo.cims', password: DEMO_PASSWORD },
} as const;

/** Signs in through the UI, the way a person does; the app starts in Chinese. */
export async function signIn(page: Page, credentials: { email: string; password: string } = DEMO_ADMIN) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('邮箱').fill(credentials.email);
  await page.getByLabel('密码').fill(credentials.password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs in and waits for the customer list, so that what follows runs inside the session. */
export async function signInAndWait(
  page: Page,
  credentials: { email: string; password: string } = DEMO_ADMIN,
) {
  await signIn(page, credentials);
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
}

/** Signs out through the user menu, whoever is signed in. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^用户菜单：/ }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** A mobile number no other run has used: 139 followed by the last eight digits of the clock. */
export function uniqueMobile(): string {
  return `139${String(Date.now()).slice(-8)}`;
}
