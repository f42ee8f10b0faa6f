import { type APIRequestContext, expect, type Page, type PlaywrightWorkerArgs, test } from '@playwright/test';
import { DEMO_ADMIN, DEMO_USERS, signInAndWait, signOut, uniqueMobile } from './support';

/*
 * Maker-checker for reveals: the administrator makes sales reveals wait for compliance (through the API,
 * as setup), then a sales user asks, compliance decides on the approvals page, and the sales user reveals
 * once. The policies are put back afterwards, because other specs read the demo seed's policies.
 */

const COMPLIANCE = { email: 'compliance@demo.cims', password: DEMO_ADMIN.password };
const BIRTH_DATE = '1988-04-23';

type TStaff = { email: string; password: string };
type TApi = { context: APIRequestContext; csrfToken: string };

/** An API session of one staff user, apart from the browser's, for setup and checks. */
async function apiAs(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  staff: TStaff,
): Promise<TApi> {
  const context = await playwright.request.newContext({ baseURL });
  const response = await context.post('/api/v1/auth/sign-in', {
    data: { email: staff.email, password: staff.password },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { context, csrfToken };
}

async function send(api: TApi, method: 'POST' | 'PUT', path: string, data: unknown) {
  const response = await api.context.fetch(path, {
    method,
    data,
    headers: { 'X-CSRF-Token': api.csrfToken },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

async function read<T>(api: TApi, path: string): Promise<T> {
  const response = await api.context.get(path);
  expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

type TAccessPolicy = {
  role: string;
  dataScope: string;
  fieldAccess: Record<string, string>;
  canReveal: boolean;
};
type TApprovalPolicy = {
  kind: string;
  isEnabled: boolean;
  approverRole: string;
  expiresAfterHours: number;
  rowThreshold: number | null;
  requesterRoles: string[];
};

let admin: TApi;
let salesAccessBefore: TAccessPolicy;
let revealPolicyBefore: TApprovalPolicy;

function baseUrlOf(info: { project: { use: { baseURL?: string } } }): string {
  const { baseURL } = info.project.use;
  if (!baseURL) throw new Error('no baseURL');
  return baseURL;
}

test.beforeAll(async ({ playwright }, info) => {
  admin = await apiAs(playwright, baseUrlOf(info), DEMO_ADMIN);
  const access = await read<{ items: TAccessPolicy[] }>(admin, '/api/v1/access-policies');
  salesAccessBefore = access.items.find((policy) => policy.role === 'sales') as TAccessPolicy;
  const approval = await read<{ items: TApprovalPolicy[] }>(admin, '/api/v1/approval-policies');
  revealPolicyBefore = approval.items.find((policy) => policy.kind === 'reveal') as TApprovalPolicy;

  // Sales may reveal, but only with compliance's approval.
  const { role: _role, ...salesAccess } = salesAccessBefore;
  await send(admin, 'PUT', '/api/v1/access-policies/sales', { ...salesAccess, canReveal: true });
  await send(admin, 'PUT', '/api/v1/approval-policies/reveal', {
    isEnabled: true,
    approverRole: 'compliance',
    expiresAfterHours: 24,
    requesterRoles: ['sales'],
  });
});

test.afterAll(async () => {
  if (!admin) return;
  if (revealPolicyBefore) {
    const { kind: _kind, rowThreshold: _rows, ...policy } = revealPolicyBefore;
    await send(admin, 'PUT', '/api/v1/approval-policies/reveal', policy);
  }
  if (salesAccessBefore) {
    const { role: _role, ...access } = salesAccessBefore;
    await send(admin, 'PUT', '/api/v1/access-policies/sales', access);
  }
  await admin.context.dispose();
});

/** A person of sales1's with a birth date, which the sales policy masks. */
async function createSalesCustomer(sales: TApi): Promise<{ id: string; name: string }> {
  const mobile = uniqueMobile();
  const givenName = `审${mobile.slice(-4)}`;
  const { body } = await send(sales, 'POST', '/api/v1/customers', {
    kind: 'person',
    person: { familyName: '郝', givenName, birthDate: BIRTH_DATE },
    contactPoints: [{ type: 'phone', value: mobile }],
  });
  return { id: String(body.id), name: `郝${givenName}` };
}

async function pendingToDecide(api: TApi): Promise<number> {
  return (await read<{ toDecide: number }>(api, '/api/v1/approvals/pending-count')).toDecide;
}

/** Asks to reveal the birth date on the customer's page that is showing. */
async function askToRevealBirthDate(page: Page, reason: string, button = '查看出生日期明文') {
  const profile = page.getByRole('region', { name: '基本资料' });
  await profile.getByRole('button', { name: button }).click();
  await profile.getByRole('textbox', { name: '查看出生日期明文的原因' }).fill(reason);
  await profile.getByRole('button', { name: '确认查看' }).click();
}

function approvalsLink(page: Page) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^审批/ });
}

test('a sales reveal waits for compliance, is approved with a comment, and shows the value once', async ({
  page,
  playwright,
}, info) => {
  const sales = await apiAs(playwright, baseUrlOf(info), DEMO_USERS.sales1);
  const compliance = await apiAs(playwright, baseUrlOf(info), COMPLIANCE);
  const customer = await createSalesCustomer(sales);
  const waitingBefore = await pendingToDecide(compliance);
  const reason = `客户来电核实出生日期 ${uniqueMobile().slice(-4)}`;

  // The sales user asks; nothing is revealed, the request is said to wait for approval.
  await signInAndWait(page, DEMO_USERS.sales1);
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
  await askToRevealBirthDate(page, reason);
  const held = page.getByRole('status').filter({ hasText: '已提交审批' });
  await expect(held).toContainText('由合规审批');
  await expect(page.getByText(BIRTH_DATE)).toHaveCount(0);
  await expect(held.getByRole('link', { name: '查看申请' })).toHaveAttribute(
    'href',
    /^\/approvals\/[0-9a-f-]{36}$/,
  );
  await signOut(page);

  // Compliance sees one more waiting in the navigation, and approves with a comment.
  await signInAndWait(page, COMPLIANCE);
  await expect(approvalsLink(page)).toHaveAccessibleName(`审批 ${waitingBefore + 1} 条待您审批`);
  await approvalsLink(page).click();
  await expect(page.getByRole('heading', { level: 1, name: '审批' })).toBeVisible();
  await expect(page.getByRole('link', { name: '待我审批' })).toHaveAttribute('aria-current', 'page');
  const request = page.getByRole('article').filter({ hasText: reason });
  await expect(request).toContainText('查看明文');
  await expect(request).toContainText('销售·王磊');
  await expect(request).toContainText('待审批');
  await request.getByRole('button', { name: '批准' }).click();
  const dialog = page.getByRole('dialog', { name: '批准申请' });
  await dialog.getByRole('textbox', { name: '审批意见（可选）' }).fill('已核实来电号码');
  await dialog.getByRole('button', { name: '确认批准' }).click();
  await expect(dialog).toBeHidden();
  // Decided, it leaves the to-decide list and the count.
  await expect(request).toHaveCount(0);
  await expect(approvalsLink(page)).toHaveAccessibleName(
    waitingBefore > 0 ? `审批 ${waitingBefore} 条待您审批` : '审批',
  );
  await page.getByRole('link', { name: '全部' }).click();
  const decided = page.getByRole('article').filter({ hasText: reason });
  await expect(decided).toContainText('已批准');
  await expect(decided).toContainText('已核实来电号码');
  await signOut(page);

  // The sales user reveals once; the next reveal needs approval again.
  await signInAndWait(page, DEMO_USERS.sales1);
  await page.goto(`/customers/${customer.id}`);
  await askToRevealBirthDate(page, reason);
  const shown = page.getByRole('status').filter({ hasText: '明文：' });
  await expect(shown).toContainText(BIRTH_DATE);
  await shown.getByRole('button', { name: '隐藏' }).click();
  await askToRevealBirthDate(page, `${reason}（再次）`);
  await expect(page.getByRole('status').filter({ hasText: '已提交审批' })).toBeVisible();
  await expect(page.getByText(BIRTH_DATE)).toHaveCount(0);

  // Their own requests: the used one and the new one, which they withdraw.
  await approvalsLink(page).click();
  await page.getByRole('link', { name: '我的申请' }).click();
  const used = page.getByRole('article').filter({ hasText: reason }).filter({ hasText: '已批准' });
  await expect(used).toContainText('已核实来电号码');
  await expect(used).toContainText('合规·周正');
  const again = page.getByRole('article').filter({ hasText: `${reason}（再次）` });
  await expect(again).toContainText('待审批');
  await again.getByRole('button', { name: '撤回申请' }).click();
  await again.getByRole('button', { name: '确认撤回' }).click();
  await expect(again).toContainText('已撤回');

  await sales.context.dispose();
  await compliance.context.dispose();
});

test('compliance rejects a reveal with a reason the requester reads', async ({ page, playwright }, info) => {
  const sales = await apiAs(playwright, baseUrlOf(info), DEMO_USERS.sales1);
  const customer = await createSalesCustomer(sales);
  const reason = `核实身份 ${uniqueMobile().slice(-4)}`;
  const asked = await send(sales, 'POST', `/api/v1/customers/${customer.id}/reveal`, {
    field: 'birthDate',
    reason,
  });
  expect(asked.status).toBe(202);
  expect(asked.body.status).toBe('pending');

  await signInAndWait(page, COMPLIANCE);
  await approvalsLink(page).click();
  const request = page.getByRole('article').filter({ hasText: reason });
  await request.getByRole('button', { name: '驳回' }).click();
  const dialog = page.getByRole('dialog', { name: '驳回申请' });
  // A rejection needs its reason.
  await dialog.getByRole('button', { name: '确认驳回' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('驳回时请填写原因。');
  await dialog.getByRole('textbox', { name: '驳回原因' }).fill('来电号码与登记不符，请先核实');
  await dialog.getByRole('button', { name: '确认驳回' }).click();
  await expect(dialog).toBeHidden();
  await expect(request).toHaveCount(0);
  await signOut(page);

  await signInAndWait(page, DEMO_USERS.sales1);
  await page.goto(`/approvals/${String(asked.body.id)}`);
  const mine = page.getByRole('article');
  await expect(mine).toContainText('已驳回');
  await expect(mine).toContainText('来电号码与登记不符，请先核实');
  await expect(mine.getByRole('button', { name: '撤回申请' })).toHaveCount(0);

  await sales.context.dispose();
});
