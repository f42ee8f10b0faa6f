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
  marketing: { email: 'marketing@demo.cims', password: DEMO_PASSWORD },
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

/** Follows a link of one of the main navigation's menus (营销, 管理): opens the menu, then picks the link. */
export async function openNavMenuEntry(page: Page, { menu, entry }: { menu: string; entry: string }) {
  const navigation = page.getByRole('navigation', { name: '主导航' });
  await navigation.getByRole('button', { name: menu, exact: true }).click();
  await navigation
    .getByRole('menu', { name: menu })
    .getByRole('menuitem', { name: entry, exact: true })
    .click();
}

/** A mobile number no other run has used: 139 followed by the last eight digits of the clock. */
export function uniqueMobile(): string {
  return `139${String(Date.now()).slice(-8)}`;
}

/** Creates a person with one mobile number through the form and waits for their page; returns its URL. */
export async function createPerson(
  page: Page,
  person: { familyName: string; givenName: string; mobile: string },
): Promise<string> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '新建客户' }).click();
  await page.getByRole('textbox', { name: '姓', exact: true }).fill(person.familyName);
  await page.getByRole('textbox', { name: '名', exact: true }).fill(person.givenName);
  await page
    .getByRole('group', { name: '联系方式 1' })
    .getByRole('textbox', { name: '电话号码' })
    .fill(person.mobile);
  await page.getByRole('button', { name: '创建客户' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `${person.familyName}${person.givenName}` }),
  ).toBeVisible();
  return page.url();
}

/**
 * Opens a work order from the customer's 360° page that is showing (the assignment rules pick the
 * queue and assignee) and returns its number, read from the customer's work-order tab.
 */
export async function openWorkOrder(
  page: Page,
  workOrder: { category: string; title: string },
): Promise<string> {
  await page.getByRole('button', { name: '新建工单' }).click();
  const form = page.getByRole('region', { name: '新建工单' });
  await form.getByLabel('工单分类').selectOption({ label: workOrder.category });
  await form.getByRole('textbox', { name: '标题' }).fill(workOrder.title);
  await form.getByRole('button', { name: '创建工单' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('tab', { name: '工单' }).click();
  const row = page.getByRole('row').filter({ hasText: workOrder.title });
  await expect(row).toHaveCount(1);
  return (await row.getByRole('link').first().textContent()) ?? '';
}

/**
 * Calls the API as the user signed in on the page, for test data the UI has no form for (orders come
 * from partner systems): the browser context's session cookie, and the CSRF token the session reports.
 */
export async function callApi(
  page: Page,
  request: { method: 'POST' | 'PUT' | 'DELETE'; path: string; data?: unknown },
): Promise<unknown> {
  const session = await page.request.get('/api/v1/me');
  expect(session.ok(), await session.text()).toBe(true);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(request.path, {
    method: request.method,
    headers: { 'X-CSRF-Token': csrfToken },
    ...(request.data === undefined ? {} : { data: request.data }),
  });
  expect(response.ok(), `${request.method} ${request.path}: ${await response.text()}`).toBe(true);
  return response.status() === 204 ? null : response.json();
}
