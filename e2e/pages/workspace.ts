import { expect, type Page } from '@playwright/test';

/** The agent workspace: request list and request view. */
export class Workspace {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async openList(view: 'mine' | 'unassigned' | 'all' = 'mine') {
    await this.page.goto('/tickets');
    await expect(this.page.getByTestId('tickets-table')).toBeVisible();
    if (view === 'mine') return; // the list opens on this view
    // The view is kept in the address; a click that lands while the list is still rendering is repeated.
    await expect(async () => {
      await this.page.getByTestId(`ticket-view-${view}`).click({ timeout: 2_000 });
      await expect(this.page).toHaveURL(new RegExp(`view=${view}`), { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  async search(text: string) {
    const box = this.page.getByTestId('ticket-search').locator('input');
    await box.fill(text);
    await box.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text)}`));
  }

  async openRequest(subject: string) {
    // A search or live update may re-render the list under the click; click again until the request opens.
    await expect(async () => {
      if ((await this.page.getByTestId('ticket-subject').count()) === 0)
        await this.page.getByTestId('tickets-table').getByText(subject).first().click({ timeout: 2_000 });
      await expect(this.page.getByTestId('ticket-subject')).toContainText(subject, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  async reply(text: string, mode: 'public' | 'internal' = 'public') {
    await this.page.getByTestId(`reply-mode-${mode}`).click();
    await this.page.getByTestId('reply-body').fill(text);
    await this.page.getByTestId('reply-send').click();
    await expect(this.page.getByTestId('ticket-conversation')).toContainText(text);
  }

  async moveTo(status: string) {
    await this.page.getByTestId(`ticket-to-${status}`).click();
    await expect(this.page.getByTestId('ticket-status').first()).toBeVisible();
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/e2e/screens/${name}.png`, fullPage: true });
  }
}
