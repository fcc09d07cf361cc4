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

  async signOut() {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('menu-logout').click();
    await expect(this.page.getByTestId('login-form')).toBeVisible();
  }
}
