import { expect, type Page, test } from '@playwright/test';
import { adminApi, createStaff, lastMessageTo } from './fixtures/api.ts';
import { chooseOption } from './pages/antd.ts';
import {
  approveInInbox,
  ComplaintPage,
  confirmPopup,
  pickDate,
  pickRadio,
  typeIntoSelect,
} from './pages/complaint-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { Portal } from './pages/portal.ts';
import { Shell } from './pages/shell.ts';

// One story (SPEC §2, seed 001): a customer complains on the portal about leaking hoses; the complaint
// specialist apologises with a promised time; quality investigates, reviews with production, finds the
// root cause and runs a CAPA to a verified close; the warehouse takes the goods back and production
// reworks them; a replenishment is approved by the service manager; the customer confirms the result;
// the general manager signs the final report off and the complaint is closed.
test.describe.configure({ mode: 'serial' });

const staff = {
  specialist: {
    username: 'chen_jing',
    displayName: '陈静',
    email: 'chen.jing@example.com',
    roleCode: 'complaint_specialist',
  },
  quality: {
    username: 'wang_gong',
    displayName: '王工',
    email: 'wang.gong@example.com',
    roleCode: 'quality',
  },
  warehouse: {
    username: 'li_cang',
    displayName: '李仓',
    email: 'li.cang@example.com',
    roleCode: 'warehouse',
  },
  manager: {
    username: 'zhou_jl',
    displayName: '周经理',
    email: 'zhou.jl@example.com',
    roleCode: 'service_manager',
  },
  boss: { username: 'liu_zong', displayName: '刘总', email: 'liu.zong@example.com', roleCode: 'executive' },
};
type Who = keyof typeof staff;
const password = 'Chushi-Mima-2026';
const signedIn = new Set<Who>();

async function signIn(page: Page, who: Who) {
  const user = { ...staff[who], password };
  const login = new LoginPage(page);
  if (signedIn.has(who)) await login.signInAs(user.username, `${password}-Own`);
  else await login.firstSignIn(user);
  signedIn.add(who);
}

const customer = {
  name: '孙丽',
  email: 'sun.li@customer.example',
  phone: '13900139000',
  company: '苏州恒力液压设备有限公司',
  password: 'Sunli-Portal-2026',
};
const subject = '液压油管接头漏油';

test('the customer complains on the portal', async ({ page }) => {
  const api = await adminApi();
  for (const user of Object.values(staff)) await createStaff(api, { ...user, password });
  expect((await api.post('/api/v1/departments', { code: 'PROD', name: '生产部' })).status).toBe(201);

  const portal = new Portal(page);
  await portal.register(customer);
  await portal.verify((await lastMessageTo(customer.email)).body, customer.password);
  await portal.signIn(customer.email, customer.password);
  await portal.submitRequest({
    type: '投诉',
    subject,
    description:
      '11 月 18 日到货的 FD30 液压油管共 20 根，装机后有 6 根接头漏油，产线停机半天，要求更换并说明原因。',
  });
});

test('the complaint specialist completes the record and apologises with a promised time', async ({
  page,
}) => {
  await signIn(page, 'specialist');
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await complaint.expectStage('acknowledge');
  await page.getByTestId('complaint-record-edit').click();
  await page.getByTestId('complaint-field-product').fill('FD30 液压油管');
  await typeIntoSelect(page, 'complaint-field-category', '产品质量缺陷');
  await page.getByTestId('complaint-field-demand').fill('更换全部 20 根油管，并书面说明原因及对策');
  await page.getByTestId('complaint-record-save').click();
  await expect(page.getByTestId('complaint-record')).toContainText('FD30 液压油管');
  await expect(page.getByTestId('complaint-record')).toContainText('产品质量缺陷');
  // The apology comes from the template, with the promised time filled in.
  await expect(complaint.field('message')).toHaveValue(/非常抱歉/);
  await complaint.submit('investigate');
  await complaint.screenshot('40-complaint-acknowledged');
});

test('quality investigates, reviews with production and analyses the root cause', async ({ page }) => {
  await signIn(page, 'quality');
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await complaint.fill({ findings: '抽检退回样品 6 根，接头压接深度不足 0.3 mm，属压接不良。' });
  await pickRadio(page, 'step-responsibility-company');
  await complaint.submit('review');
  await expect(page.getByTestId('complaint-validity')).toBeVisible();

  await page.getByTestId('step-field-participants').click();
  await page.keyboard.type('生产部 李经理');
  await page.keyboard.press('Enter');
  await page.keyboard.type('品质部 王工');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await complaint.fill({ conclusions: '压接工序参数漂移，责任部门为生产部。' });
  await complaint.department('生产部');
  await complaint.submit('analyse');

  await complaint.fill({
    rootCause: '压接机模具磨损后未及时更换，压接深度不足。',
    correctiveMeasures: '更换模具，对库存油管全数复检并返工。',
    preventiveMeasures: '模具寿命纳入设备点检表，每 5000 次强制更换。',
  });
  await complaint.submit('reply');
  await complaint.screenshot('41-complaint-analysed');
});

test('quality runs a CAPA from the complaint to a verified close', async ({ page }) => {
  await signIn(page, 'quality');
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await page.getByTestId('complaint-open-capa').click();
  await page.getByTestId('complaint-capa-submit').click();
  await expect(page.getByTestId('capa-page')).toBeVisible();
  await expect(page.getByTestId('capa-problem')).toContainText('产品质量缺陷');

  await page.getByTestId('capa-action-add').click();
  await page.getByTestId('capa-action-description').fill('更换压接模具并修订《压接作业指导书》');
  await pickDate(page, page.getByTestId('capa-action-due'), '2026-12-31');
  await page.getByTestId('capa-action-save').click();
  await expect(page.getByTestId('capa-action-modal')).toBeHidden();
  await page.getByTestId('capa-start').click();
  await confirmPopup(page);
  await expect(page.getByTestId('capa-status')).toHaveAttribute('data-status', 'in_progress');

  await page.locator('[data-testid^="capa-action-complete-"]').first().click();
  await page.getByTestId('capa-action-note').fill('模具已更换，作业指导书已发布 B 版');
  await page.getByTestId('capa-action-save').click();
  await page.getByTestId('capa-submit').click();
  await confirmPopup(page);
  await expect(page.getByTestId('capa-status')).toHaveAttribute('data-status', 'verifying');

  await page.getByTestId('capa-verify').click();
  await page.getByTestId('capa-verify-result').getByText('有效', { exact: true }).click();
  await page.getByTestId('capa-verify-note').fill('连续 3 批抽检压接深度合格');
  await page.getByTestId('capa-verify-save').click();
  await expect(page.getByTestId('capa-status')).toHaveAttribute('data-status', 'closed');
  await page.screenshot({ path: 'test-results/e2e/screens/42-capa-closed.png', fullPage: true });
});

test('the specialist replies, asks for a replenishment and files the return notice', async ({ page }) => {
  await signIn(page, 'specialist');
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await expect(complaint.field('replyText')).toHaveValue(/压接机模具磨损/);
  await complaint.submit('execute');

  await page.getByTestId('compensation-request').click();
  await chooseOption(page, page.getByTestId('compensation-field-kind'), '补货', false);
  await page.getByTestId('compensation-field-amount').fill('3600');
  await page.getByTestId('compensation-field-description').fill('补发 20 根合格油管');
  await page.getByTestId('compensation-submit').click();
  await expect(page.getByTestId('complaint-compensations')).toContainText('补发 20 根合格油管');

  await page.getByTestId('complaint-new-return').click();
  await expect(page.getByTestId('return-drawer')).toBeVisible();
  await page.getByTestId('return-reason').fill('接头漏油，退回返工');
  await page.getByTestId('return-item-product-0').fill('FD30 液压油管');
  await page.getByTestId('return-item-quantity-0').fill('20');
  await page.getByTestId('return-create-submit').click();
  await expect(page.getByTestId('return-page')).toBeVisible();
});

test('the service manager approves the replenishment', async ({ page }) => {
  await signIn(page, 'manager');
  await approveInInbox(page, '补偿', '同意补发');
});

test('the warehouse counts the goods, quality confirms the defect and production reworks them', async ({
  browser,
}) => {
  const warehouse = await browser.newPage();
  await signIn(warehouse, 'warehouse');
  await warehouse.goto('/returns');
  await warehouse.getByRole('link', { name: /^TH-/ }).first().click();
  await warehouse.getByTestId('return-receive-qty-0').fill('20');
  await warehouse.getByTestId('return-receive-submit').click();
  await expect(warehouse.getByTestId('return-status')).toHaveAttribute('data-status', 'received');
  const url = warehouse.url();
  await warehouse.close();

  const quality = await browser.newPage();
  await signIn(quality, 'quality');
  await quality.goto(url);
  await quality.getByTestId('return-inspect-qty-0').fill('6');
  await quality.getByTestId('return-inspect-note').fill('6 根压接不良，其余 14 根复检合格');
  await quality.getByTestId('return-inspect-submit').click();
  await expect(quality.getByTestId('return-status')).toHaveAttribute('data-status', 'inspected');
  await quality.close();

  const specialist = await browser.newPage();
  await signIn(specialist, 'specialist');
  await specialist.goto(url);
  await pickRadio(specialist, 'return-dispose-rework');
  await specialist.getByTestId('return-rework-instructions').fill('重新压接 6 根，100% 检验压接深度');
  await pickDate(specialist, specialist.getByTestId('return-rework-due'), '2026-12-10');
  await specialist.getByTestId('return-dispose-submit').click();
  await expect(specialist.getByTestId('return-rework-number')).toBeVisible();
  await specialist.getByTestId('return-rework-done').click();
  await confirmPopup(specialist);
  await specialist.getByTestId('return-close').click();
  await confirmPopup(specialist);
  await expect(specialist.getByTestId('return-status')).toHaveAttribute('data-status', 'closed');
  await specialist.screenshot({ path: 'test-results/e2e/screens/43-return-closed.png', fullPage: true });
  await specialist.close();
});

test('the replenishment is carried out, the customer confirms and the specialist closes the loop', async ({
  browser,
}) => {
  const customerPage = await browser.newPage();
  const portal = new Portal(customerPage);
  await portal.signIn(customer.email, customer.password);
  await portal.openRequest(subject);
  await expect(customerPage.getByTestId('portal-conversation')).toContainText('非常抱歉');
  await customerPage.getByTestId('portal-reply-input').fill('新油管已装机，运行正常，感谢及时处理。');
  await customerPage.getByTestId('portal-reply-submit').click();
  await expect(customerPage.getByTestId('portal-conversation')).toContainText('运行正常');
  await customerPage.close();

  const page = await browser.newPage();
  await signIn(page, 'specialist');
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await page.locator('[data-testid^="compensation-execute-"]').first().click();
  await page.getByTestId('compensation-execute-note').fill('补货已随 FY20261125 发出');
  await page.getByTestId('compensation-execute-submit').click();
  await complaint.fill({ executionNotes: '20 根合格油管已补发，退回的 6 根已返工入库。' });
  await complaint.submit('feedback');
  await pickRadio(page, 'step-result-satisfied');
  await complaint.fill({ comments: '客户门户回复：运行正常，感谢及时处理。' });
  await complaint.submit('revisit');
  await pickDate(page, complaint.field('revisitedOn'), '2026-11-30');
  await chooseOption(page, complaint.field('method'), '电话', false);
  await complaint.field('satisfaction').locator('li').nth(4).click();
  await complaint.fill({ notes: '电话回访孙经理，使用正常。' });
  await complaint.submit('final_report');
  await complaint.fill({
    summary: '原因：模具磨损致压接不良。已更换模具、返工 6 根、补发 20 根；CAPA 已验证有效，客户满意。',
  });
  await page.getByTestId('step-submit').click();
  await expect(page.getByTestId('complaint-final-pending')).toBeVisible();
  await page.close();
});

test('the general manager signs the final report off and the complaint is closed', async ({ page }) => {
  await signIn(page, 'boss');
  await approveInInbox(page, '结案报告', '同意结案');
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await complaint.expectStage('closed');
  await expect(page.getByTestId('complaint-capas')).toContainText('CAPA-');
  await expect(page.getByTestId('complaint-returns')).toContainText('TH-');
  await complaint.screenshot('44-complaint-closed');
  // This month's analysis counts the complaint: received, valid, closed, with its step times.
  const month = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7);
  await page.goto(`/complaint-analysis?month=${month}`);
  await expect(page.getByTestId('analysis-overview')).toBeVisible();
  // Other journeys may add complaints this month: the screen shows the API's figures, which count ours.
  const totals = (
    await (
      await adminApi()
    ).get<{ totals: { received: number; valid: number; notValid: number } }>(
      `/api/v1/complaint-analysis/monthly?month=${month}`,
    )
  ).body.totals;
  expect(totals.valid).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('analysis-kpi-received')).toContainText(String(totals.received));
  await expect(page.getByTestId('analysis-kpi-validity')).toContainText(
    new RegExp(`${totals.valid}\\s*/\\s*${totals.notValid}`),
  );
  await page.screenshot({ path: 'test-results/e2e/screens/45-complaint-analysis.png', fullPage: true });

  // The same screens in the other two languages.
  const shell = new Shell(page);
  await shell.switchLanguage('en');
  await complaint.open(subject);
  await expect(page.getByTestId('complaint-page')).toContainText('Final report');
  await complaint.screenshot('46-complaint-closed-en');
  await shell.switchLanguage('zh-TW');
  await page.goto('/capas');
  await expect(page.getByTestId('capa-board')).toContainText('CAPA-');
  await shell.screenshot('47-capa-board-zh-tw');
  await shell.switchLanguage('zh-CN');
});
