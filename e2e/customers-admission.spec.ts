import { expect, type Page, test } from '@playwright/test';
import { adminApi, createStaff } from './fixtures/api.ts';
import { chooseOption } from './pages/antd.ts';
import { LoginPage } from './pages/login-page.ts';

// One story (SPEC §3 新客户准入): a salesperson files 《新客户申请表》 for a credit-level III customer; the
// executive VP's assistant approves it from the inbox; the customer is then active with its class.
test.describe.configure({ mode: 'serial' });

const sales = {
  username: 'zhangwei',
  displayName: '张伟',
  email: 'zhang.wei@example.com',
  password: 'Chushi-Mima-2026',
  roleCode: 'sales',
};
const assistant = {
  username: 'lina',
  displayName: '李娜',
  email: 'li.na@example.com',
  password: 'Chushi-Mima-2026',
  roleCode: 'executive_assistant',
};
const customerName = '温州精工阀门有限公司';

async function firstSignIn(page: Page, user: { username: string; password: string }) {
  await new LoginPage(page).firstSignIn(user);
}

test('a salesperson files a new-customer application for credit level III and submits it', async ({
  page,
}) => {
  const api = await adminApi();
  await createStaff(api, sales);
  await createStaff(api, assistant);
  await firstSignIn(page, sales);
  await page.goto('/admission');
  await page.getByTestId('admission-new').click();
  await expect(page.getByTestId('admission-form')).toBeVisible();
  await page.getByTestId('admission-customer-name').fill(customerName);
  await page.getByTestId('admission-contactName').fill('林经理');
  await page.getByTestId('admission-credit-level-III').click();
  await chooseOption(page, page.getByTestId('admission-class'), 'B', false);
  await page
    .getByTestId('admission-notes')
    .fill(
      '实地走访：工厂 3 条生产线，年产阀门 20 万件；银行资信良好，近三年无诉讼记录。建议按年度客户授信。',
    );
  await page.getByTestId('admission-save').click();
  await expect(page.getByTestId('admission-number')).toBeVisible();
  await page.getByTestId('admission-submit').click();
  // Submitted: the application links to its approval request.
  await expect(page.getByTestId('admission-open-approval')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screens/30-admission-submitted.png', fullPage: true });
});

test("the executive VP's assistant approves it from the inbox", async ({ page }) => {
  await firstSignIn(page, assistant);
  await page.goto('/approvals');
  const row = page.getByTestId('approval-row').filter({ hasText: customerName });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('approval-page')).toContainText(customerName);
  await page.screenshot({ path: 'test-results/e2e/screens/31-approval.png', fullPage: true });
  await page.getByTestId('approval-approve').click();
  await page.getByTestId('approval-comment').fill('同意按 III 级年度客户授信。');
  await page.getByTestId('approval-confirm').click();
  await expect(page.getByTestId('approval-approve')).toHaveCount(0);
});

test('the customer is on file as active with class B and credit level III', async ({ page }) => {
  await new LoginPage(page).signInAs(sales.username, `${sales.password}-Own`);
  await page.goto('/customers');
  const search = page.getByTestId('customer-search').locator('input');
  await search.fill('精工阀门');
  await search.press('Enter');
  // The search re-renders the table; open the customer the search found through its link.
  const link = page.getByTestId('customers-table').getByRole('link', { name: customerName });
  await expect(link).toHaveCount(1);
  await page.goto((await link.getAttribute('href'))!);
  await expect(page.getByTestId('customer-header')).toContainText(customerName);
  await expect(page.getByTestId('customer-lifecycle')).toHaveAttribute('data-lifecycle', 'active');
  await expect(page.getByTestId('customer-class')).toHaveAttribute('data-class', 'B');
  await expect(page.getByTestId('customer-header')).toContainText('III');
  await page.screenshot({ path: 'test-results/e2e/screens/32-customer-active.png', fullPage: true });
});
