import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type OutboundMessageView, useOutboundMessages } from '../../api/notifications.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';

const STATUS_COLORS: Record<string, string> = {
  sent: 'green',
  logged: 'blue',
  queued: 'default',
  failed: 'red',
};

/** Email and SMS Qiao sent (or only logged, with no provider set up), newest first. */
export function OutboundLog() {
  const t = useT();
  const fmt = useDateFormat();
  const [typed, setTyped] = useState('');
  const [recipient, setRecipient] = useState('');
  const log = useOutboundMessages(recipient);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('templates.log.recipient')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => setRecipient(value.trim())}
          style={{ maxWidth: 360 }}
          aria-label={t('templates.log.recipient')}
          data-testid="outbound-recipient"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('templates.log.recipientHint')}
        </Typography.Text>
      </Flex>
      {log.error && !log.data ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<OutboundMessageView>
            rowKey="id"
            size="middle"
            dataSource={items}
            loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
            pagination={false}
            scroll={{ x: 860 }}
            data-testid="outbound-table"
            locale={{
              emptyText: log.isPending ? (
                ' '
              ) : (
                <EmptyState text={recipient ? t('templates.log.noMatch') : t('templates.log.empty')} />
              ),
            }}
            expandable={{
              expandedRowRender: (m) => (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {m.body}
                </Typography.Paragraph>
              ),
            }}
            columns={[
              {
                title: t('templates.log.time'),
                dataIndex: 'createdAt',
                width: 160,
                render: (at: string) => fmt.dateTime(at),
              },
              {
                title: t('templates.log.channel'),
                dataIndex: 'channel',
                width: 100,
                render: (channel: string) => <Tag color="purple">{label('templates.channel', channel)}</Tag>,
              },
              { title: t('templates.log.recipient'), dataIndex: 'recipient', width: 220 },
              {
                title: t('templates.msg.subject'),
                key: 'subject',
                render: (_, m) => (
                  <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                    {m.subject ?? m.body.slice(0, 80)}
                  </Typography.Text>
                ),
              },
              {
                title: t('common.status'),
                key: 'status',
                width: 260,
                render: (_, m) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Tag color={STATUS_COLORS[m.status] ?? 'default'} data-testid={`outbound-status-${m.id}`}>
                      {label('templates.status', m.status)}
                    </Tag>
                    {m.provider ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {m.provider}
                      </Typography.Text>
                    ) : null}
                    {m.error ? (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {m.error}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
            ]}
          />
          {items.length > 0 ? (
            <Flex justify="center" style={{ marginTop: 16 }}>
              {log.hasNextPage ? (
                <Button
                  onClick={() => void log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                  data-testid="outbound-load-more"
                >
                  {t('templates.log.loadMore')}
                </Button>
              ) : (
                <Typography.Text type="secondary">
                  {t('templates.log.allLoaded', { count: items.length })}
                </Typography.Text>
              )}
            </Flex>
          ) : null}
        </>
      )}
    </>
  );
}
