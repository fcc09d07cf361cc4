import { expect, type Page } from '@playwright/test';
import { chooseOption } from './antd.ts';

export interface PortalCustomer {
  name: string;
  email: string;
  phone: string;
  company: string;
  password: string;
}

/** The customer portal at /portal: account, requests, rating. */
export class Portal {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async register(customer: PortalCustomer) {
    await this.page.goto('/portal/register');
    await this.page.getByTestId('portal-register-name').fill(customer.name);
    await this.page.getByTestId('portal-register-email').fill(customer.email);
    await this.page.getByTestId('portal-register-phone').fill(customer.phone);
    await this.page.getByTestId('portal-register-company').fill(customer.company);
    await this.page.getByTestId('portal-register-submit').click();
    await expect(this.page.getByTestId('portal-register-done')).toBeVisible();
  }

  /** Opens the link of the verification mail and chooses the password there. */
  async verify(mailBody: string, password: string) {
    const link = /\/portal\/verify\?[^\s"'<>)]+/.exec(mailBody)?.[0];
    expect(link, 'a verification link in the mail').toBeTruthy();
    await this.page.goto(link!);
    await this.page.getByTestId('portal-verify-password').fill(password);
    await this.page.getByTestId('portal-verify-confirm').fill(password);
    await this.page.getByTestId('portal-verify-submit').click();
    await expect(this.page.getByTestId('portal-verify-ok')).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.goto('/portal/login');
    await this.page.getByTestId('portal-login-email').fill(email);
    await this.page.getByTestId('portal-login-password').fill(password);
    await this.page.getByTestId('portal-login-submit').click();
    await expect(this.page.getByTestId('portal-login-form')).toHaveCount(0);
  }

  async submitRequest(request: {
    subject: string;
    description: string;
    orderRef?: string;
    /** The request type as the customer sees it (e.g. 投诉). */
    type?: string;
    files?: { name: string; mimeType: string; buffer: Buffer }[];
  }) {
    await this.page.goto('/portal/requests/new');
    if (request.type)
      await chooseOption(this.page, this.page.getByTestId('portal-new-type'), request.type, false);
    if (request.files)
      await this.page
        .getByTestId('portal-new-attach')
        .locator('input[type=file]')
        .setInputFiles(request.files);
    await this.page.getByTestId('portal-new-subject').fill(request.subject);
    await this.page.getByTestId('portal-new-description').fill(request.description);
    if (request.orderRef) await this.page.getByTestId('portal-new-order').fill(request.orderRef);
    await this.page.getByTestId('portal-new-submit').click();
    await expect(this.page.getByTestId('portal-request-detail')).toBeVisible();
    return ((await this.page.getByTestId('portal-detail-number').textContent()) ?? '').trim();
  }

  async openRequest(subject: string) {
    await this.page.goto('/portal/requests');
    await this.page.getByTestId('portal-request-item').filter({ hasText: subject }).click();
    await expect(this.page.getByTestId('portal-request-detail')).toBeVisible();
  }

  async rate(score: number, comment: string) {
    await this.page.getByTestId(`portal-rating-star-${score}`).click();
    await this.page.getByTestId('portal-rating-comment').fill(comment);
    await this.page.getByTestId('portal-rating-submit').click();
    await expect(this.page.getByTestId('portal-rating-thanks')).toBeVisible();
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/e2e/screens/${name}.png`, fullPage: true });
  }
}
