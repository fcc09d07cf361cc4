import { expect, type Page } from '@playwright/test';

/** /complaints and /complaints/:id: the workspace, the stepper and the current step's form. */
export class ComplaintPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Finds a complaint by words of its subject in the "all" view and opens it. */
  async open(subject: string) {
    await this.page.goto('/complaints?view=all');
    const box = this.page.getByTestId('complaint-search');
    const search = (await box.evaluate((el) => el.tagName)) === 'INPUT' ? box : box.locator('input');
    await search.fill(subject);
    // The list answers the search before the row is clicked: a click on the list while it re-renders
    // with the new answer can land on a row that is being replaced.
    const searched = this.page.waitForResponse(
      (r) => r.url().includes('/api/v1/complaints?') && r.url().includes('q='),
    );
    await search.press('Enter');
    await searched;
    const row = this.page
      .getByTestId('complaints-table')
      .getByRole('link')
      .filter({ hasText: /^TS-/ })
      .first();
    await expect(this.page.getByTestId('complaints-table')).toContainText(subject);
    await row.click();
    await expect(this.page.getByTestId('complaint-page')).toBeVisible();
  }

  async expectStage(stage: string) {
    await expect(this.page.getByTestId('complaint-stage')).toHaveAttribute('data-stage', stage);
  }

  field(name: string) {
    return this.page.getByTestId('complaint-step-form').getByTestId(`step-field-${name}`);
  }

  async fill(fields: Record<string, string>) {
    for (const [name, value] of Object.entries(fields)) await this.field(name).fill(value);
  }

  async department(name: string) {
    await typeIntoSelect(this.page, 'step-department', name);
  }

  /** Submits the current step and waits until the complaint has moved on to `next`. */
  async submit(next: string) {
    await this.page.getByTestId('step-submit').click();
    await this.expectStage(next);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/e2e/screens/${name}.png`, fullPage: true });
  }
}

/** A searchable antd Select: typed and taken with Enter (its options carry their own test ids). */
export async function typeIntoSelect(page: Page, testId: string, text: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(text);
  // Options may come from a search: wait until the one wanted is listed, then take it.
  await expect(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(
    select.locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]'),
  ).toContainText(text);
}

/** Clicks an antd radio whose (hidden) input carries the test id: the label around it takes the click. */
export async function pickRadio(page: Page, testId: string) {
  await page.getByTestId(testId).locator('xpath=ancestor::label[1]').click();
}

/** Answers the antd Popconfirm that a button opened with its OK button. */
export async function confirmPopup(page: Page) {
  const ok = page.locator('.ant-popconfirm:visible .ant-btn-primary');
  await ok.click();
  await expect(ok).toBeHidden();
}

/** Picks a day in an antd DatePicker by typing it. */
export async function pickDate(page: Page, picker: ReturnType<Page['getByTestId']>, day: string) {
  await picker.click();
  // A picker that starts on today keeps its text selected-able: replace it, do not append.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(day);
  await page.keyboard.press('Enter');
}

/** Decides the approval in the inbox whose row mentions `text`. */
export async function approveInInbox(page: Page, text: string, comment: string) {
  await page.goto('/approvals');
  const row = page.getByTestId('approval-row').filter({ hasText: text });
  await expect(row).toBeVisible();
  // The decision goes on the request as the server has it now, not on the inbox row's copy of it.
  const detail = page.waitForResponse((r) => /\/api\/v1\/approvals\/\d+$/.test(new URL(r.url()).pathname));
  await row.click();
  await detail;
  await expect(page.getByTestId('approval-page')).toBeVisible();
  await page.getByTestId('approval-approve').click();
  await page.getByTestId('approval-comment').fill(comment);
  const decided = page.waitForResponse((r) => r.url().includes('/decide'));
  await page.getByTestId('approval-confirm').click();
  const response = await decided;
  expect(response.status(), await response.text()).toBe(200);
  await expect(page.getByTestId('approval-approve')).toHaveCount(0);
}
