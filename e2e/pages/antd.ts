import type { Locator, Page } from '@playwright/test';

/** Picks an option of an antd Select: open it, type to narrow the list, click the option with that text. */
export async function chooseOption(page: Page, select: Locator, text: string, search = true) {
  await select.click();
  if (search) await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
  await page.keyboard.press('Escape');
}
