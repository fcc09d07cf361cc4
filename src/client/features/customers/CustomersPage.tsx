import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CUSTOMER_VIEWS, type CustomerListItem, useCustomerList } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { dash, EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CustomerDrawer } from './CustomerDrawer.tsx';
import { CustomerFilters } from './CustomerFilters.tsx';
import { ExportButton } from './ExportButton.tsx';
import { hasFilters, useCustomerFilterParams } from './filter-params.ts';
import { ClassTag, CreditTag, LifecycleTag, useCustomerLabels } from './labels.tsx';

/** 客户列表: saved views, search and filters, the 《客户一览表》 as a table; refreshed live. */
export default function CustomersPage() {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useCustomerLabels();
  const [filter, setFilter, resetFilter] = useCustomerFilterParams();
  const list = useCustomerList(filter);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<CustomerListItem> = [
    {
      title: t('customers.col.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string, r) => (
        <Link to={`/customers/${r.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {code}
        </Link>
      ),
    },
    {
      title: t('customers.col.name'),
      key: 'name',
      render: (_, r) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/customers/${r.id}`} style={{ color: 'inherit' }} data-testid={`customer-link-${r.id}`}>
            <Typography.Text strong>{r.name}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[labels.kind(r.kind), r.shortName, r.phone].filter(Boolean).join(' · ')}
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
      title: t('customers.col.class'),
      dataIndex: 'class',
      width: 90,
      render: (value: string | null) => <ClassTag value={value} />,
    },
    {
      title: t('customers.col.credit'),
      dataIndex: 'creditLevel',
      width: 100,
      render: (value: CustomerListItem['creditLevel']) => (value ? <CreditTag value={value} /> : dash),
    },
    {
      title: t('customers.col.lifecycle'),
      dataIndex: 'lifecycle',
      width: 100,
      render: (value: CustomerListItem['lifecycle']) => <LifecycleTag value={value} />,
    },
    {
      title: t('customers.col.region'),
      dataIndex: 'region',
      width: 100,
      responsive: ['lg'],
      render: (value: string | null) => value ?? dash,
    },
    {
      title: t('customers.col.industry'),
      dataIndex: 'industry',
      width: 110,
      responsive: ['lg'],
      render: (value: string | null) => value ?? dash,
    },
    {
      title: t('customers.col.owner'),
      key: 'owner',
      width: 100,
      responsive: ['xl'],
      render: (_, r) => r.owner?.name ?? dash,
    },
    {
      title: t('customers.col.advisor'),
      key: 'advisor',
      width: 110,
      responsive: ['xl'],
      render: (_, r) => r.advisor?.name ?? dash,
    },
    {
      title: t('customers.col.openTickets'),
      dataIndex: 'openTickets',
      width: 100,
      align: 'end',
      render: (n: number, r) =>
        n > 0 ? (
          <Link to={`/tickets?view=all&customerId=${r.id}`}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {n}
            </Tag>
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('customers.col.lastActivity'),
      dataIndex: 'lastActivityAt',
      width: 150,
      render: (at: string | null) =>
        at ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {fmt.dateTime(at)}
          </Typography.Text>
        ) : (
          dash
        ),
    },
  ];

  const emptyText = hasFilters(filter)
    ? t('customers.emptyFiltered')
    : filter.view === 'mine'
      ? t('customers.emptyMine')
      : filter.view === 'all'
        ? t('customers.empty')
        : t('customers.emptyView');

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        extra={
          <>
            {can('customer.import') ? (
              <Link to="/customers/import">
                <Button icon={<UploadOutlined />} data-testid="customer-import">
                  {t('customers.import.button')}
                </Button>
              </Link>
            ) : null}
            {can('customer.export') ? <ExportButton filter={filter} /> : null}
            {can('customer.create') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="customer-create"
              >
                {t('customers.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={filter.view}
          onChange={(view) => setFilter({ view: view as (typeof CUSTOMER_VIEWS)[number] })}
          items={CUSTOMER_VIEWS.map((view) => ({
            key: view,
            label: <span data-testid={`customer-view-${view}`}>{t(`customers.view.${view}`)}</span>,
          }))}
        />
        <CustomerFilters filter={filter} onChange={setFilter} onReset={resetFilter} />
        <PagedTable<CustomerListItem>
          list={list}
          columns={columns}
          scrollX={1100}
          testId="customers-table"
          rowProps={(r) => ({ 'data-testid': `customer-row-${r.code}` })}
          empty={<EmptyState text={emptyText} />}
          shown={(count) => t('customers.shown', { count })}
          moreLabel={t('customers.loadMore')}
          countTestId="customers-count"
          moreTestId="customers-load-more"
        />
      </Card>
      <CustomerDrawer open={creating} customer={null} onClose={() => setCreating(false)} />
    </>
  );
}
