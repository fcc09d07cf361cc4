import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Drawer, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EMAIL_STATUSES } from '../../../shared/schemas/email.ts';
import { type EmailView, type MailboxView, useMailboxLog } from '../../api/email.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';

const COLORS: Record<EmailView['status'], string> = {
  processing: 'processing',
  imported: 'green',
  skipped: 'default',
  failed: 'red',
  queued: 'gold',
  sent: 'green',
};

/** The mailbox's recent mail in both directions: what became a request, what was skipped and why. */
export function MailboxLogDrawer({ mailbox, onClose }: { mailbox: MailboxView; onClose: () => void }) {
  const t = useT();
  const fmt = useDateFormat();
  const [status, setStatus] = useState<EmailView['status'] | undefined>(undefined);
  const log = useMailboxLog(mailbox.id, status);
  const skipLabel = (reason: string) => {
    const key = `mailboxes.skip.${reason}`;
    return isMessageKey(key) ? t(key) : reason;
  };

  return (
    <Drawer
      open
      size={960}
      title={t('mailboxes.logTitle', { name: mailbox.name })}
      onClose={onClose}
      destroyOnHidden
      data-testid="mailbox-log"
    >
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('mailboxes.logAllStatuses')}
          value={status}
          onChange={setStatus}
          style={{ width: 200 }}
          options={EMAIL_STATUSES.map((s) => ({ value: s, label: t(`mailboxes.status.${s}`) }))}
          aria-label={t('common.status')}
        />
        <Typography.Text type="secondary">{t('mailboxes.logHint')}</Typography.Text>
      </Flex>
      {log.error ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<EmailView>
          rowKey="id"
          size="small"
          loading={log.isPending || log.isFetching}
          dataSource={log.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: log.isPending ? ' ' : <EmptyState text={t('mailboxes.logEmpty')} /> }}
          columns={[
            {
              title: t('mailboxes.logTime'),
              key: 'time',
              width: 150,
              render: (_, m) => fmt.dateTime(m.sentAt ?? m.createdAt),
            },
            {
              title: t('mailboxes.logDirection'),
              dataIndex: 'direction',
              width: 70,
              render: (d: EmailView['direction']) =>
                d === 'in' ? (
                  <Tag icon={<ArrowDownOutlined />} color="blue">
                    {t('mailboxes.in')}
                  </Tag>
                ) : (
                  <Tag icon={<ArrowUpOutlined />} color="purple">
                    {t('mailboxes.out')}
                  </Tag>
                ),
            },
            {
              title: t('mailboxes.logParty'),
              key: 'party',
              width: 220,
              render: (_, m) =>
                m.direction === 'in' ? (
                  <Typography.Text ellipsis style={{ maxWidth: 210 }}>
                    {m.fromName ? `${m.fromName} <${m.fromAddress ?? ''}>` : (m.fromAddress ?? '—')}
                  </Typography.Text>
                ) : (
                  <Typography.Text ellipsis style={{ maxWidth: 210 }}>
                    {m.toAddresses.join(', ') || '—'}
                  </Typography.Text>
                ),
            },
            {
              title: t('mailboxes.logSubject'),
              key: 'subject',
              render: (_, m) => (
                <Flex vertical gap={2}>
                  <Typography.Text>{m.subject ?? t('mailboxes.noSubject')}</Typography.Text>
                  {m.ticketId ? (
                    <Link to={`/tickets/${m.ticketId}`} style={{ fontSize: 12 }}>
                      {t('mailboxes.openTicket', { id: m.ticketId })}
                    </Link>
                  ) : null}
                  {m.attachments.length > 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('mailboxes.attachments', { count: m.attachments.length })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('common.status'),
              key: 'status',
              width: 200,
              render: (_, m) => (
                <Flex vertical gap={2} align="flex-start">
                  <Tag color={COLORS[m.status]}>{t(`mailboxes.status.${m.status}`)}</Tag>
                  {m.skipReason ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {skipLabel(m.skipReason)}
                    </Typography.Text>
                  ) : null}
                  {m.lastError ? (
                    <Tooltip title={m.lastError}>
                      <Typography.Text type="danger" ellipsis style={{ fontSize: 12, maxWidth: 190 }}>
                        {m.lastError}
                      </Typography.Text>
                    </Tooltip>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
