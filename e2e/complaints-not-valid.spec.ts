import { expect, test } from '@playwright/test';
import { adminApi, createStaff } from './fixtures/api.ts';
import { ComplaintPage, pickRadio, typeIntoSelect } from './pages/complaint-page.ts';
import { LoginPage } from './pages/login-page.ts';

// The other path of 001 §5.2.3: a complaint registered by phone turns out not to be the company's
// responsibility; the customer gets a courteous written explanation and it closes as not valid.
test.describe.configure({ mode: 'serial' });

const password = 'Chushi-Mima-2026';
const specialist = {
  username: 'zhao_tousu',
  displayName: '赵琳',
  email: 'zhao.lin@example.com',
  roleCode: 'complaint_specialist',
  password,
};
const quality = {
  username: 'qian_pinzhi',
  displayName: '钱工',
  email: 'qian.gong@example.com',
  roleCode: 'quality',
  password,
};
const customerName = '宁波港城物流有限公司';
const subject = '纸箱到货时被压扁';

test('a specialist registers a phone complaint and apologises', async ({ page }) => {
  const api = await adminApi();
  await createStaff(api, specialist);
  await createStaff(api, quality);
  expect(
    (await api.post('/api/v1/customers', { name: customerName, class: 'C', allowDuplicate: true })).status,
  ).toBe(201);

  await new LoginPage(page).firstSignIn(specialist);
  await page.goto('/complaints');
  await page.getByTestId('complaint-new').click();
  await page.getByTestId('complaint-field-subject').fill(subject);
  await page
    .getByTestId('complaint-field-content')
    .fill('客户来电：今天到货的 12 箱密封圈外箱被压扁，要求赔偿。');
  await typeIntoSelect(page, 'complaint-field-customer', '港城物流');
  await typeIntoSelect(page, 'complaint-field-category', '包装不良');
  await page.getByTestId('complaint-form-submit').click();

  const complaint = new ComplaintPage(page);
  await expect(page.getByTestId('complaint-page')).toBeVisible();
  await complaint.expectStage('acknowledge');
  await expect(complaint.field('message')).toHaveValue(/非常抱歉/);
  await complaint.submit('investigate');
});

test('quality finds it is not ours; the customer gets a written explanation and it closes as not valid', async ({
  page,
}) => {
  await new LoginPage(page).firstSignIn(quality);
  const complaint = new ComplaintPage(page);
  await complaint.open(subject);
  await complaint.fill({ findings: '签收单注明外箱完好；照片显示压痕来自客户仓库叉车作业。' });
  await pickRadio(page, 'step-responsibility-not-company');
  await complaint.submit('explain');
  await expect(page.getByTestId('complaint-validity')).toBeVisible();
  await page.getByTestId('complaint-validity').scrollIntoViewIfNeeded();

  // The explanation is written by the complaint specialist (quality only reads it).
  await new LoginPage(page).signOut();
  await new LoginPage(page).signInAs(specialist.username, `${password}-Own`);
  await complaint.open(subject);
  // The draft explanation already carries the findings.
  await expect(complaint.field('explanation')).toHaveValue(/压痕来自客户仓库叉车作业[\s\S]*并非我司/);
  await complaint.submit('closed');
  await expect(page.getByTestId('complaint-stepper')).not.toContainText('责任评审');
  await complaint.screenshot('48-complaint-not-valid');
});
