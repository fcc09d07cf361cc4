import { expect, type Page } from '@playwright/test';

/** The main layout: side navigation, language switch, user menu. */
export class Shell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  nav(key: string) {
    return this.page.getByTestId(`nav-${key}`);
  }

  async go(key: string) {
    await this.nav(key).click();
  }

  async switchLanguage(locale: 'zh-CN' | 'zh-TW' | 'en') {
    // The menu may still be opening on a busy page, so a click can land before its item is ready: retry.
    await expect(async () => {
      await this.page.getByTestId('lang-switch').click();
      await this.page.getByTestId(`lang-option-${locale}`).click({ timeout: 3_000 });
      await expect(this.page.locator('html')).toHaveAttribute('lang', locale, { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/e2e/screens/${name}.png`, fullPage: true });
  }
}
