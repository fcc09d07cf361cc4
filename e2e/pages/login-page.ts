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

  async signOut() {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('menu-logout').click();
    await expect(this.page.getByTestId('login-form')).toBeVisible();
  }
}
