import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures/credentials.ts';
import { type MailSink, sendToQiao, startMailSink } from './fixtures/mail.ts';
import { LoginPage } from './pages/login-page.ts';
import { Workspace } from './pages/workspace.ts';

// One story: the service mailbox is set up; a customer's mail becomes a request; the reply reaches the
// customer's mailbox, and the customer's answer to it threads back into the same request.
test.describe.configure({ mode: 'serial' });

const mailbox = { name: '客服邮箱', address: 'service@qiao-e2e.example' };
const customer = { name: '陈建国', address: 'chen.jianguo@buyer.example' };
const subject = '发票抬头需要更改为新公司名称';
const reply = '陈先生您好，发票已按新抬头重新开具，今天随快递寄出，运单号 SF1234567890。';

let sink: MailSink;
test.beforeAll(async () => {
  sink = await startMailSink();
});
test.afterAll(async () => {
  await sink.close();
});

test('the administrator sets up the service mailbox', async ({ page }) => {
  await new LoginPage(page).signInAs(E2E_ADMIN.login, E2E_ADMIN.password);
  await page.goto('/admin/mailboxes');
  await page.getByTestId('mailbox-create').click();
  await page.getByTestId('mailbox-name').fill(mailbox.name);
  await page.getByTestId('mailbox-address').fill(mailbox.address);
  // Inbound comes through Qiao's own SMTP listener here, so no IMAP server; replies leave by SMTP.
  await page.getByTestId('mailbox-smtp-host').fill('127.0.0.1');
  await page.getByTestId('mailbox-smtp-port').fill(String(sink.port));
  await page.getByTestId('mailbox-smtp-tls').click();
  await page.getByTestId('mailbox-save').click();
  await expect(page.getByTestId('mailbox-drawer')).toBeHidden();
  await expect(page.getByTestId('mailbox-table')).toContainText(mailbox.address);
  await page.screenshot({ path: 'test-results/e2e/screens/20-mailboxes.png', fullPage: true });
});

test('a mail becomes a request; the reply goes out and the answer threads back', async ({ page }) => {
  await sendToQiao({
    from: `${customer.name} <${customer.address}>`,
    to: mailbox.address,
    subject,
    text: '您好：\n我司已更名为“华南新材料科技有限公司”，上月发票抬头需要更改，请重新开具。\n谢谢！',
    messageId: '<first-mail@buyer.example>',
  });

  await new LoginPage(page).signInAs(E2E_ADMIN.login, E2E_ADMIN.password);
  const workspace = new Workspace(page);
  await workspace.openList('all');
  await workspace.search('发票抬头');
  await expect(page.getByTestId('tickets-table')).toContainText(subject);
  await workspace.openRequest(subject);
  await expect(page.getByTestId('ticket-header')).toContainText('电子邮件');
  await expect(page.getByTestId('ticket-conversation')).toContainText('华南新材料科技有限公司');
  await workspace.reply(reply);

  await expect.poll(() => sink.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const sent = sink.received.at(-1)!;
  expect(sent.to && !Array.isArray(sent.to) ? sent.to.text : '').toContain(customer.address);
  expect(sent.from?.text).toContain(mailbox.address);
  expect(sent.subject).toContain(subject);
  expect(sent.text).toContain('SF1234567890');
  expect(sent.inReplyTo).toBe('<first-mail@buyer.example>');

  // The customer answers the reply from their mail program: it lands on the same request.
  await sendToQiao({
    from: `${customer.name} <${customer.address}>`,
    to: mailbox.address,
    subject: `Re: ${sent.subject}`,
    text: '收到，谢谢！',
    inReplyTo: sent.messageId,
    references: [sent.messageId ?? '', '<first-mail@buyer.example>'],
  });
  await expect(page.getByTestId('ticket-conversation')).toContainText('收到，谢谢！', { timeout: 20_000 });
  await workspace.screenshot('21-email-request');
});
