import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures/credentials.ts';
import { LoginPage } from './pages/login-page.ts';
import { Shell } from './pages/shell.ts';
import { UsersPage } from './pages/users-page.ts';

// One story, in order: the administrator's first sign-in, a new colleague, what that colleague may see.
test.describe.configure({ mode: 'serial' });

const agent = {
  username: 'xiaoliu',
  displayName: '刘晓',
  email: 'liu.xiao@example.com',
  roleCode: 'agent',
  password: 'Chushi-Mima-2026',
};

test('the administrator signs in for the first time and sees the whole administration menu', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await login.signIn(E2E_ADMIN.login, 'wrong-password');
  await expect(page.getByTestId('login-error')).toContainText('账号或密码错误');
  await login.signIn(E2E_ADMIN.login, E2E_ADMIN.password);
  await expect(page.getByTestId('welcome-card')).toBeVisible();
  const shell = new Shell(page);
  for (const key of ['users', 'roles', 'departments', 'settings', 'calendar', 'audit']) {
    await expect(shell.nav(key)).toBeVisible();
  }
  await shell.screenshot('01-admin-home');
});

test('the administrator creates a colleague with the agent role', async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).signIn(E2E_ADMIN.login, E2E_ADMIN.password);
  const shell = new Shell(page);
  await shell.go('users');
  await new UsersPage(page).create(agent);
  await shell.screenshot('02-users');
  await page.getByTestId('user-search').locator('input').fill('刘');
  await page.getByTestId('user-search').locator('input').press('Enter');
  await expect(page.getByTestId('users-table')).toContainText(agent.username);
});

test('the colleague signs in, replaces the initial password and sees only what the role allows', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(agent.username, agent.password);
  await expect(page.getByTestId('change-password-form')).toBeVisible();
  await page.getByLabel('当前密码').fill(agent.password);
  await page.getByLabel('新密码', { exact: true }).fill('Xiaoliu-Own-2026');
  await page.getByLabel('确认新密码').fill('Xiaoliu-Own-2026');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('welcome-card')).toBeVisible();
  const shell = new Shell(page);
  // The agent role reads users and departments but has no administration rights over roles, settings or the audit log.
  await expect(shell.nav('users')).toBeVisible();
  for (const key of ['roles', 'settings', 'calendar', 'audit']) await expect(shell.nav(key)).toHaveCount(0);
  await expect(page.getByTestId('my-roles')).toContainText('客户服务专员');
  // A page outside the role is refused even when typed into the address bar.
  await page.goto('/admin/roles');
  await expect(page.getByText('无权访问')).toBeVisible();
  await shell.screenshot('03-agent-home');
});

test('the language switches to English and back, and is remembered for the user', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(agent.username, 'Xiaoliu-Own-2026');
  const shell = new Shell(page);
  await expect(shell.nav('home')).toContainText('工作台');
  await shell.switchLanguage('en');
  await expect(shell.nav('home')).toContainText('Workbench');
  await expect(shell.nav('users')).toContainText('Users');
  await shell.screenshot('04-english');
  // Remembered per user: a fresh sign-in comes back in English.
  await login.signOut();
  await page.evaluate(() => localStorage.clear());
  await login.signIn(agent.username, 'Xiaoliu-Own-2026');
  await expect(shell.nav('home')).toContainText('Workbench');
  await shell.switchLanguage('zh-TW');
  await expect(shell.nav('users')).toContainText('使用者');
  await shell.switchLanguage('zh-CN');
  await expect(shell.nav('home')).toContainText('工作台');
});
