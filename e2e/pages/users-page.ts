import { expect, type Page } from '@playwright/test';

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  roleCode: string;
  password: string;
}

export class UsersPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async create(user: NewUser) {
    await this.page.getByTestId('user-create').click();
    const drawer = this.page.getByTestId('user-drawer');
    await expect(drawer).toBeVisible();
    await drawer.getByLabel('用户名').fill(user.username);
    await drawer.getByLabel('姓名').fill(user.displayName);
    await drawer.getByLabel('邮箱').fill(user.email);
    await this.page.getByTestId('user-roles').click();
    await this.page.getByTestId(`role-option-${user.roleCode}`).click();
    await this.page.keyboard.press('Escape');
    await drawer.getByLabel('初始密码').fill(user.password);
    await this.page.getByTestId('user-submit').click();
    await expect(drawer).toBeHidden();
    await expect(this.page.getByTestId('users-table')).toContainText(user.displayName);
  }
}
