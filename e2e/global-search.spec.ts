import { expect, test } from '@playwright/test';
import { adminApi, createStaff } from './fixtures/api.ts';
import { LoginPage } from './pages/login-page.ts';

// One story (issue 11: search everywhere): an agent on the phone hears "鸿运达精密" and, without leaving
// the page they are on, presses Ctrl+K, types the initials hydjm and opens the customer's file.
const agent = {
  username: 'zhaomin',
  displayName: '赵敏',
  email: 'zhao.min@example.com',
  password: 'Chushi-Mima-2026',
  roleCode: 'agent',
};
const customerName = '鸿运达精密机械有限公司';

test('an agent finds a customer by pinyin initials with Ctrl+K and opens the file', async ({ page }) => {
  const api = await adminApi();
  await createStaff(api, agent);
  const created = await api.post<{ id: number }>('/api/v1/customers', {
    name: customerName,
    kind: 'company',
    allowDuplicate: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);

  await new LoginPage(page).firstSignIn(agent);
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('global-search-input');
  await expect(input).toBeFocused();
  await input.fill('hydjm');
  const hit = page.getByTestId(`global-search-hit-customer-${created.body.id}`);
  await expect(hit).toContainText(customerName);
  await expect(page.getByTestId('global-search-group-customer')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screens/60-global-search.png' });
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${created.body.id}$`));
  await expect(page.getByText(customerName).first()).toBeVisible();

  // Nothing found says so; Escape closes the panel.
  await page.keyboard.press('Control+K');
  await page.getByTestId('global-search-input').fill('zzqqxx');
  await expect(page.getByText('没有找到与“zzqqxx”相关的记录')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('global-search-input')).toBeHidden();
});
