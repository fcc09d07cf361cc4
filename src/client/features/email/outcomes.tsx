import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { App, Flex, Typography } from 'antd';
import { isApiError } from '../../api/client.ts';
import type { MailboxPollResult, MailboxTestResult, MailboxView } from '../../api/email.ts';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';

const CATEGORIES = ['blocked', 'auth_failed', 'unreachable', 'timeout', 'tls', 'protocol'] as const;
type Category = (typeof CATEGORIES)[number];
/** The failure category the server answered (an unknown one reads as a protocol problem). */
const category = (detail: string): Category => CATEGORIES.find((c) => c === detail) ?? 'protocol';

/**
 * A mailbox's last error or a poll's error in the reader's language: connection problems arrive as
 * `<category>: …` (never the server's own words); Qiao's own messages (a missing folder) stay as they are.
 */
export function useMailErrorText() {
  const t = useT();
  return (text: string) => {
    const prefix = text.split(':')[0] ?? '';
    const known = CATEGORIES.find((c) => c === prefix);
    return known ? t(`mailboxes.failure.${known}`) : text;
  };
}

type Check = { state: 'ok' | 'skipped' | 'failed'; detail?: string };

function Line({ name, check }: { name: string; check: Check }) {
  const t = useT();
  const icon =
    check.state === 'ok' ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} />
    ) : check.state === 'failed' ? (
      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
    ) : (
      <MinusCircleFilled style={{ color: '#98a2b3' }} />
    );
  return (
    <Flex gap={8} align="flex-start" data-testid={`mailbox-test-${name.toLowerCase()}`}>
      <span style={{ paddingTop: 2 }}>{icon}</span>
      <div>
        <Typography.Text strong>{name}</Typography.Text>{' '}
        <Typography.Text type={check.state === 'failed' ? 'danger' : undefined}>
          {t(`mailboxes.check.${check.state}`)}
        </Typography.Text>
        {check.detail ? (
          <Typography.Paragraph type="danger" style={{ marginTop: 4, marginBottom: 0 }}>
            {check.detail}
          </Typography.Paragraph>
        ) : null}
      </div>
    </Flex>
  );
}

/**
 * "测试连接" outcome in a dialog: each server's result, and on MAILBOX_CONNECTION_FAILED what went wrong
 * with each failing server (a category: blocked, auth, unreachable, timeout, TLS — never its own words).
 */
export function useTestOutcome() {
  const t = useT();
  const { modal } = App.useApp();
  return (mailbox: MailboxView, outcome: MailboxTestResult | unknown) => {
    const failed = isApiError(outcome) && outcome.code === 'MAILBOX_CONNECTION_FAILED';
    if (outcome instanceof Error && !failed) {
      modal.error({ title: t('mailboxes.testFailed', { name: mailbox.name }), content: errorText(outcome) });
      return;
    }
    const details = (failed ? (outcome.details ?? {}) : {}) as { imap?: string | null; smtp?: string | null };
    const result = failed ? null : (outcome as MailboxTestResult);
    const check = (host: string | null, detail: string | null | undefined, ok: string | undefined): Check =>
      !host
        ? { state: 'skipped' }
        : detail
          ? { state: 'failed', detail: t(`mailboxes.failure.${category(detail)}`) }
          : { state: ok === 'skipped' ? 'skipped' : 'ok' };
    const content = (
      <Flex vertical gap={12} data-testid="mailbox-test-result">
        {failed ? <Typography.Text>{outcome.message}</Typography.Text> : null}
        <Line name="IMAP" check={check(mailbox.imapHost, details.imap, result?.imap)} />
        <Line name="SMTP" check={check(mailbox.smtpHost, details.smtp, result?.smtp)} />
      </Flex>
    );
    const title = t(failed ? 'mailboxes.testFailed' : 'mailboxes.testPassed', { name: mailbox.name });
    if (failed) modal.error({ title, content, width: 600 });
    else modal.success({ title, content, width: 600 });
  };
}

/** "立即收取" outcome: counts as a toast, or the reason the poll could not run. */
export function usePollOutcome() {
  const t = useT();
  const errorText = useMailErrorText();
  const { message, modal } = App.useApp();
  return (mailbox: MailboxView, result: MailboxPollResult) => {
    if (result.error) {
      modal.warning({
        title: t('mailboxes.pollFailed', { name: mailbox.name }),
        content: (
          <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap' }} data-testid="mailbox-poll-error">
            {errorText(result.error)}
          </Typography.Paragraph>
        ),
        width: 560,
      });
      return;
    }
    void message.success(
      t('mailboxes.pollDone', {
        fetched: result.fetched,
        imported: result.imported,
        skipped: result.skipped,
        failed: result.failed,
      }),
    );
  };
}
