import {
  ApiOutlined,
  CloudDownloadOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import {
  type MailboxView,
  useDeleteMailbox,
  useMailboxes,
  usePollMailbox,
  useTestMailbox,
} from '../../api/email.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { colon } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { MailboxDrawer } from './MailboxDrawer.tsx';
import { MailboxLogDrawer } from './MailboxLogDrawer.tsx';
import { useMailErrorText, usePollOutcome, useTestOutcome } from './outcomes.tsx';

/** 邮件渠道: inbound mailboxes (IMAP) whose mail becomes requests, and the SMTP account replies go out by. */
export default function MailboxesPage() {
  const { t, locale } = useI18n();
  const fmt = useDateFormat();
  const mailboxes = useMailboxes();
  const test = useTestMailbox();
  const poll = usePollMailbox();
  const remove = useDeleteMailbox();
  const notifyError = useNotifyError();
  const showTest = useTestOutcome();
  const showPoll = usePollOutcome();
  const mailErrorText = useMailErrorText();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<MailboxView | null | undefined>(undefined);
  const [logOf, setLogOf] = useState<MailboxView | null>(null);
  const list = mailboxes.data ?? [];

  const server = (host: string | null, port: number, tls: boolean, user: string | null, has: boolean) =>
    host ? (
      <Flex vertical gap={2}>
        <Typography.Text style={{ fontSize: 13 }}>
          {host}:{port}{' '}
          {tls ? <Tag color="green">TLS</Tag> : <Tag color="orange">{t('mailboxes.noTls')}</Tag>}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {user ?? t('mailboxes.userIsAddress')} ·{' '}
          {has ? (
            <Typography.Text type="success" style={{ fontSize: 12 }}>
              {t('mailboxes.passwordSetShort')}
            </Typography.Text>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('mailboxes.passwordNotSet')}
            </Typography.Text>
          )}
        </Typography.Text>
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('mailboxes.notConfigured')}</Typography.Text>
    );

  return (
    <>
      <PageHeader
        title={t('mailboxes.title')}
        subtitle={t('mailboxes.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="mailbox-create"
          >
            {t('mailboxes.create')}
          </Button>
        }
      />
      <Card>
        {mailboxes.error ? (
          <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />
        ) : (
          <Table<MailboxView>
            rowKey="id"
            loading={mailboxes.isPending}
            dataSource={list}
            pagination={false}
            scroll={{ x: 1060 }}
            data-testid="mailbox-table"
            locale={{ emptyText: mailboxes.isPending ? ' ' : <EmptyState text={t('mailboxes.empty')} /> }}
            columns={[
              {
                title: t('mailboxes.name'),
                key: 'name',
                width: 200,
                render: (_, m) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Typography.Text strong>{m.name}</Typography.Text>
                    <Typography.Text copyable style={{ fontSize: 12 }}>
                      {m.address}
                    </Typography.Text>
                    {m.isActive ? null : <Tag>{t('mailboxes.paused')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('mailboxes.imap'),
                key: 'imap',
                width: 190,
                render: (_, m) => server(m.imapHost, m.imapPort, m.imapTls, m.imapUser, m.hasImapPassword),
              },
              {
                title: t('mailboxes.smtp'),
                key: 'smtp',
                width: 190,
                render: (_, m) => server(m.smtpHost, m.smtpPort, m.smtpSecure, m.smtpUser, m.hasSmtpPassword),
              },
              {
                title: t('mailboxes.health'),
                key: 'health',
                width: 240,
                render: (_, m) => (
                  <Flex vertical gap={2} data-testid={`mailbox-health-${m.id}`}>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {t('mailboxes.lastPolled')}
                      {colon(locale)}
                      {m.lastPolledAt ? fmt.dateTime(m.lastPolledAt) : t('common.never')}
                    </Typography.Text>
                    {m.lastError ? (
                      <Tooltip title={mailErrorText(m.lastError)}>
                        <Typography.Text type="danger" style={{ fontSize: 12, maxWidth: 220 }} ellipsis>
                          {t('mailboxes.lastError')}
                          {m.lastErrorAt ? ` (${fmt.dateTime(m.lastErrorAt)})` : ''}
                          {colon(locale)}
                          {mailErrorText(m.lastError)}
                        </Typography.Text>
                      </Tooltip>
                    ) : (
                      <Typography.Text type="success" style={{ fontSize: 12 }}>
                        {t('mailboxes.noErrors')}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 250,
                render: (_, m) => (
                  <Flex gap={4} wrap>
                    <Button
                      size="small"
                      icon={<ApiOutlined />}
                      loading={test.isPending && test.variables === m.id}
                      onClick={() =>
                        test.mutate(m.id, {
                          onSuccess: (r) => showTest(m, r),
                          onError: (e) => showTest(m, e),
                        })
                      }
                      data-testid={`mailbox-test-${m.id}`}
                    >
                      {t('mailboxes.test')}
                    </Button>
                    <Button
                      size="small"
                      icon={<CloudDownloadOutlined />}
                      disabled={!m.imapHost}
                      loading={poll.isPending && poll.variables === m.id}
                      onClick={() =>
                        poll.mutate(m.id, { onSuccess: (r) => showPoll(m, r), onError: notifyError })
                      }
                      data-testid={`mailbox-poll-${m.id}`}
                    >
                      {t('mailboxes.poll')}
                    </Button>
                    <Button
                      size="small"
                      icon={<UnorderedListOutlined />}
                      onClick={() => setLogOf(m)}
                      data-testid={`mailbox-log-${m.id}`}
                    >
                      {t('mailboxes.log')}
                    </Button>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(m)}
                      data-testid={`mailbox-edit-${m.id}`}
                    >
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('mailboxes.deleteConfirm', { name: m.address })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutate(m.id, {
                          onSuccess: () => void message.success(t('common.deleted')),
                          onError: notifyError,
                        })
                      }
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        data-testid={`mailbox-delete-${m.id}`}
                      />
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing !== undefined ? (
        <MailboxDrawer mailbox={editing} onClose={() => setEditing(undefined)} />
      ) : null}
      {logOf ? <MailboxLogDrawer mailbox={logOf} onClose={() => setLogOf(null)} /> : null}
    </>
  );
}
