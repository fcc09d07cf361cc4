import { expect, test } from '@playwright/test';
import { adminApi, createStaff, lastMessageTo } from './fixtures/api.ts';
import { E2E_ADMIN } from './fixtures/credentials.ts';
import { chooseOption } from './pages/antd.ts';
import { LoginPage } from './pages/login-page.ts';
import { Portal } from './pages/portal.ts';
import { Workspace } from './pages/workspace.ts';

// One story: the administrator routes portal requests to a team; a customer signs up and asks;
// the rule assigns the agent, who answers and resolves; the customer reads the answer and rates it.
test.describe.configure({ mode: 'serial' });

const agent = {
  username: 'wangfang',
  displayName: '王芳',
  email: 'wang.fang@example.com',
  password: 'Chushi-Mima-2026',
  roleCode: 'agent',
};
const agentOwnPassword = 'Wangfang-Own-2026';
const customer = {
  name: '赵敏',
  email: 'zhao.min@customer.example',
  phone: '13800138000',
  company: '华东精密机械有限公司',
  password: 'Zhaomin-Portal-2026',
};
const request = {
  subject: '收到的轴承外包装破损',
  description: '订单 DD20261101-0042 今天到货，两箱轴承外包装破损，其中一箱有货物损坏，请尽快处理。',
  orderRef: 'DD20261101-0042',
};
// A small real PNG (1×1), as a photo of the damage would be.
const photo = {
  name: '破损照片.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
};
const answer = '赵女士您好，已为您安排补发两箱轴承，预计明天送达，破损件无需退回。';

test('the administrator puts portal requests on the after-sales team, shared round-robin', async ({
  page,
}) => {
  const api = await adminApi();
  await createStaff(api, agent);
  await new LoginPage(page).signInAs(E2E_ADMIN.login, E2E_ADMIN.password);
  await page.goto('/admin/assignment?tab=teams');
  await page.getByTestId('team-create').click();
  await page.getByTestId('team-name').fill('售后服务组');
  await page.getByTestId('team-member-add').click();
  await chooseOption(page, page.getByTestId('team-member-0'), agent.displayName);
  await page.getByTestId('team-save').click();
  await expect(page.getByTestId('team-drawer')).toBeHidden();
  await expect(page.getByText('售后服务组').first()).toBeVisible();

  await page.goto('/admin/assignment');
  await page.getByTestId('rule-create').click();
  await page.getByTestId('rule-name').fill('门户请求交售后服务组');
  await chooseOption(page, page.getByTestId('rule-drawer').getByLabel('渠道'), '网站/门户', false);
  await chooseOption(page, page.getByTestId('rule-team'), '售后服务组', false);
  await page.getByTestId('rule-strategy-round_robin').click();
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId('rule-drawer')).toBeHidden();
  await expect(page.getByTestId('rule-table')).toContainText('门户请求交售后服务组');
  await page.screenshot({ path: 'test-results/e2e/screens/10-assignment-rules.png', fullPage: true });
});

test('a customer signs up on the portal, verifies the address and submits a request', async ({ page }) => {
  const portal = new Portal(page);
  await portal.register(customer);
  const mail = await lastMessageTo(customer.email);
  await portal.verify(mail.body, customer.password);
  await portal.signIn(customer.email, customer.password);
  const number = await portal.submitRequest({ ...request, files: [photo] });
  await expect(page.getByTestId('attachment-item').first()).toBeVisible();
  expect(number).toMatch(/\d/);
  await expect(page.getByTestId('portal-status')).toBeVisible();
  await portal.screenshot('11-portal-request');
});

test('the rule gave the request to the agent, who answers and resolves it', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(agent.username, agent.password);
  await page.getByLabel('当前密码').fill(agent.password);
  await page.getByLabel('新密码', { exact: true }).fill(agentOwnPassword);
  await page.getByLabel('确认新密码').fill(agentOwnPassword);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('welcome-card')).toBeVisible();

  const workspace = new Workspace(page);
  await workspace.openList('mine');
  await expect(page.getByTestId('tickets-table')).toContainText(request.subject);
  await workspace.openRequest(request.subject);
  await expect(page.getByTestId('ticket-assignee')).toContainText(agent.displayName);
  await expect(page.getByTestId('ticket-customer')).toContainText(customer.company);
  await expect(page.getByTestId('ticket-description')).toContainText('货物损坏');
  await expect(page.getByTestId('ticket-request-attachments').getByTestId('attachment-item')).toHaveCount(1);
  await workspace.reply(answer);
  await workspace.moveTo('resolved');
  await expect(page.getByTestId('ticket-status').first()).toContainText('已解决');
  await workspace.screenshot('12-agent-request');
});

test('the customer reads the answer on the portal and rates the resolution', async ({ page }) => {
  const portal = new Portal(page);
  await portal.signIn(customer.email, customer.password);
  await portal.openRequest(request.subject);
  await expect(page.getByTestId('portal-conversation')).toContainText(answer);
  await portal.rate(5, '处理很及时，谢谢！');
  await portal.screenshot('13-portal-rated');

  // The agent's side shows the rating with the request.
  const api = await adminApi();
  const list = await api.get<{ items: { id: number; subject: string }[] }>(
    `/api/v1/tickets?q=${encodeURIComponent('轴承')}&view=all`,
  );
  const ticket = list.body.items.find((t) => t.subject === request.subject);
  const detail = await api.get<{ satisfaction: { score: number; comment: string } | null }>(
    `/api/v1/tickets/${ticket!.id}`,
  );
  expect(detail.body.satisfaction).toMatchObject({ score: 5, comment: '处理很及时，谢谢！' });
});
