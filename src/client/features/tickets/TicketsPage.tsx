import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../api/session.ts';
import { TICKET_VIEWS, type TicketView, useTicketList } from '../../api/tickets.ts';
import { useTicketTypes } from '../../api/tickets-lookups.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { BulkBar } from './BulkBar.tsx';
import { CustomerContactCell } from './CustomerContactCell.tsx';
import { hasFilters, useTicketFilterParams } from './filter-params.ts';
import { localisedText, useTicketLabels } from './labels.ts';
import { SlaClock } from './SlaClock.tsx';
import { TicketFilters } from './TicketFilters.tsx';

/** 请求列表: saved views, filters, the list with SLA countdowns, bulk actions; refreshed live. */
export default function TicketsPage() {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useTicketLabels();
  const [filter, setFilter, resetFilter] = useTicketFilterParams();
  const list = useTicketList(filter);
  const types = useTicketTypes();
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const typeNames = new Map((types.data ?? []).map((ty) => [ty.id, localisedText(ty.label, labels.locale)]));
  const selected = items.filter((i) => selectedIds.includes(i.id));
  const bulkAllowed = can('ticket.update');

  const columns: TableColumnsType<TicketView> = [
    {
      title: t('tickets.col.number'),
      dataIndex: 'number',
      width: 180,
      render: (number: string, r) => (
        <Link
          to={`/tickets/${r.id}`}
          data-testid={`ticket-link-${r.id}`}
          style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
        >
          {number}
        </Link>
      ),
    },
    {
      title: t('tickets.col.subject'),
      key: 'subject',
      render: (_, r) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/tickets/${r.id}`} style={{ color: 'inherit' }}>
            <Typography.Text strong>{r.subject}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {typeNames.get(r.typeId) ?? r.typeCode} · {labels.channel(r.channel)}
            </Typography.Text>
            {r.tags.map((tag) => (
              <Tag key={tag} variant="filled" style={{ marginInlineStart: 6, fontSize: 11 }}>
                {tag}
              </Tag>
            ))}
          </div>
        </div>
      ),
    },
    {
      title: t('tickets.col.customer'),
      key: 'customer',
      width: 170,
      responsive: ['lg'],
      render: (_, r) => <CustomerContactCell customerName={r.customerName} contactName={r.contactName} />,
    },
    {
      title: t('tickets.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: string) => (
        <Tag color={labels.statusColor(s)} data-testid="ticket-status">
          {labels.status(s)}
        </Tag>
      ),
    },
    {
      title: t('tickets.col.priority'),
      dataIndex: 'priority',
      width: 80,
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
      title: t('tickets.col.sla'),
      key: 'sla',
      width: 190,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          {!r.firstResponse.doneAt ? (
            <SlaClock clock={r.firstResponse} label={t('tickets.sla.firstResponseShort')} />
          ) : null}
          <SlaClock clock={r.resolution} label={t('tickets.sla.resolutionShort')} />
        </Flex>
      ),
    },
    {
      title: t('tickets.col.updated'),
      dataIndex: 'updatedAt',
      width: 140,
      responsive: ['xl'],
      render: (at: string) => <Typography.Text type="secondary">{fmt.dateTime(at)}</Typography.Text>,
    },
  ];

  const filtered = hasFilters(filter);
  const emptyText = filtered
    ? t('tickets.emptyFiltered')
    : filter.view === 'mine'
      ? t('tickets.emptyMine')
      : t('tickets.empty');

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        subtitle={t('tickets.subtitle')}
        extra={
          can('ticket.create') ? (
            <Link to="/tickets/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="ticket-create">
                {t('tickets.nav.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={filter.view}
          onChange={(view) => {
            setSelectedIds([]);
            setFilter({ view: view as (typeof TICKET_VIEWS)[number] });
          }}
          items={TICKET_VIEWS.map((view) => ({
            key: view,
            label: <span data-testid={`ticket-view-${view}`}>{t(`tickets.view.${view}`)}</span>,
          }))}
        />
        <TicketFilters filter={filter} onChange={setFilter} onReset={resetFilter} />
        {filter.customerId ? (
          <Tag
            closable
            onClose={() => setFilter({ customerId: undefined })}
            style={{ marginBottom: 12 }}
            data-testid="ticket-filter-customer"
          >
            {t('tickets.filter.customer', { name: items[0]?.customerName ?? `#${filter.customerId}` })}
          </Tag>
        ) : null}
        {bulkAllowed ? (
          <BulkBar selected={selected} onDone={() => setSelectedIds([])} onClear={() => setSelectedIds([])} />
        ) : null}
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<TicketView>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={items}
              loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="tickets-table"
              rowSelection={
                bulkAllowed
                  ? {
                      selectedRowKeys: selectedIds,
                      onChange: (keys) => setSelectedIds(keys.map(Number)),
                      getCheckboxProps: (r) => ({ 'aria-label': r.number }),
                    }
                  : undefined
              }
              onRow={(r) =>
                ({ 'data-testid': `ticket-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>
              }
              locale={{ emptyText: list.isPending ? ' ' : <EmptyState text={emptyText} /> }}
            />
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
              {items.length > 0 ? (
                <Typography.Text type="secondary" data-testid="tickets-count">
                  {t('tickets.shown', { count: items.length })}
                </Typography.Text>
              ) : null}
              {list.hasNextPage ? (
                <Button
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                  data-testid="tickets-load-more"
                >
                  {t('tickets.loadMore')}
                </Button>
              ) : null}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
