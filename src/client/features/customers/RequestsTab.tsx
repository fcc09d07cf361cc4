import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CustomerDetail } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { type TicketView, useTicketList } from '../../api/tickets.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { useTicketLabels } from '../tickets/labels.ts';

/** 服务请求: the customer's requests, newest first, each opening the agent workspace. */
export function RequestsTab({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useTicketLabels();
  const list = useTicketList({ view: 'all', customerId: customer.id });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const contact =
    customer.contacts.find((c) => c.isPrimary && c.isActive) ?? customer.contacts.find((c) => c.isActive);

  const columns: TableColumnsType<TicketView> = [
    {
      title: t('tickets.col.number'),
      dataIndex: 'number',
      width: 180,
      render: (number: string, r) => (
        <Link to={`/tickets/${r.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {number}
        </Link>
      ),
    },
    {
      title: t('tickets.col.subject'),
      dataIndex: 'subject',
      render: (subject: string, r) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/tickets/${r.id}`} style={{ color: 'inherit' }} data-testid={`customer-ticket-${r.id}`}>
            {subject}
          </Link>
          {r.contactName ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.contactName}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('tickets.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: string) => <Tag color={labels.statusColor(s)}>{labels.status(s)}</Tag>,
    },
    {
      title: t('tickets.col.priority'),
      dataIndex: 'priority',
      width: 90,
      render: (p: string) => <Tag color={labels.priorityColor(p)}>{labels.priority(p)}</Tag>,
    },
    {
      title: t('tickets.col.assignee'),
      dataIndex: 'assigneeName',
      width: 110,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>,
    },
    {
      title: t('customers.req.created'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => <Typography.Text type="secondary">{fmt.dateTime(at)}</Typography.Text>,
    },
  ];

  return (
    <div data-testid="customer-requests">
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
        <Link to={`/tickets?view=all&customerId=${customer.id}`}>
          <Button icon={<UnorderedListOutlined />}>{t('customers.req.all')}</Button>
        </Link>
        {can('ticket.create') && contact && customer.mergedIntoId === null ? (
          <Link
            to={`/tickets/new?contactId=${contact.id}&contactName=${encodeURIComponent(contact.name)}`}
            data-testid="customer-ticket-new"
          >
            <Button type="primary" icon={<PlusOutlined />}>
              {t('customers.req.new', { name: contact.name })}
            </Button>
          </Link>
        ) : null}
      </Flex>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<TicketView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState text={t('customers.req.empty')} /> }}
          />
          {list.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('customers.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </div>
  );
}
