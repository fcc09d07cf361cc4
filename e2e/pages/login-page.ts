import { expect, type Page } from '@playwright/test';

export class LoginPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open() {
    await this.page.goto('/login');
    await expect(this.page.getByTestId('login-form')).toBeVisible();
  }

  async signIn(login: string, password: string) {
    await this.page.getByTestId('login-input').fill(login);
    await this.page.getByTestId('password-input').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** Signs in and waits for the workspace, for a journey that goes on to another page. */
  async signInAs(login: string, password: string) {
    await this.open();
    await this.signIn(login, password);
    await expect(this.page.getByTestId('user-menu')).toBeVisible();
  }

  /** A new staff user's first sign-in: the temporary password is replaced by `<password>-Own`. */
  async firstSignIn(user: { username: string; password: string }) {
    await this.open();
    await this.signIn(user.username, user.password);
    await expect(this.page.getByTestId('change-password-form')).toBeVisible();
    const own = `${user.password}-Own`;
    await this.page.getByLabel('当前密码').fill(user.password);
    await this.page.getByLabel('新密码', { exact: true }).fill(own);
    await this.page.getByLabel('确认新密码').fill(own);
    await this.page.getByTestId('change-password-submit').click();
    await expect(this.page.getByTestId('user-menu')).toBeVisible();
  }

  async signOut() {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('menu-logout').click();
    await expect(this.page.getByTestId('login-form')).toBeVisible();
  }
}
