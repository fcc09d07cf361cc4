import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RETURN_STATUSES } from '../../../shared/schemas/returns.ts';
import { type ReturnFilter, type ReturnStatus, type ReturnView, useReturns } from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { PagedTable, rowOpens } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/states.tsx';
import { oneOf, positiveId, useUrlFilters } from '../../components/url-filters.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { DispositionTag, ReturnStatusTag } from './labels.tsx';
import { NewReturnDrawer } from './NewReturnDrawer.tsx';

type Tab = ReturnStatus | 'open' | 'all';
const TABS: Tab[] = ['open', ...RETURN_STATUSES, 'all'];

function parse(params: URLSearchParams) {
  return {
    tab: oneOf(TABS, params.get('status')) ?? 'open',
    q: params.get('q') ?? undefined,
    customerId: positiveId(params.get('customerId')),
    complaintId: positiveId(params.get('complaintId')),
    creating: params.get('new') === '1',
  };
}

/**
 * 退货: the notices by status (open ones first), searchable by number or order; 营业部 files new ones here.
 * `?new=1&complaintId=…` opens the form already linked to a complaint (the complaint screen links here).
 */
export default function ReturnsPage() {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const navigate = useNavigate();
  const { filter: page, setParams } = useUrlFilters(parse);
  const { tab, q, customerId, complaintId } = page;
  const creating = page.creating && can('return.manage');
  const [typed, setTyped] = useState(q ?? '');
  const filter: ReturnFilter = {
    status: tab === 'all' ? undefined : tab,
    q,
    customerId,
    complaintId: creating ? undefined : complaintId,
  };
  const list = useReturns(filter);

  const columns: TableColumnsType<ReturnView> = [
    {
      title: t('returns.col.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, r) => (
        <Link to={`/returns/${r.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {number}
        </Link>
      ),
    },
    {
      title: t('returns.col.customer'),
      dataIndex: 'customerName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('returns.col.complaint'),
      dataIndex: 'complaintNumber',
      width: 150,
      render: (number: string | null, r) =>
        number && r.complaintId ? (
          <Link to={`/complaints/${r.complaintId}`} style={{ fontFamily: 'monospace' }}>
            {number}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('returns.col.orderRef'),
      dataIndex: 'orderRef',
      width: 150,
      render: (ref: string | null) => ref ?? '—',
    },
    {
      title: t('returns.col.items'),
      dataIndex: 'itemsSummary',
      responsive: ['lg'],
      render: (summary: string, r) => (
        <Typography.Text ellipsis={{ tooltip: summary }} style={{ maxWidth: 280 }}>
          {t('returns.itemCount', { count: r.itemCount })} · {summary}
        </Typography.Text>
      ),
    },
    {
      title: t('returns.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: ReturnStatus, r) => (
        <Flex gap={4} wrap>
          <ReturnStatusTag status={status} />
          <DispositionTag disposition={r.disposition} />
        </Flex>
      ),
    },
    {
      title: t('returns.col.created'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(at)}
        </Typography.Text>
      ),
    },
  ];

  const filtered = tab !== 'open' || !!q || !!customerId || !!filter.complaintId;
  return (
    <>
      <PageHeader
        title={t('returns.title')}
        subtitle={t('returns.subtitle')}
        extra={
          can('return.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setParams({ new: '1' })}
              data-testid="return-new"
            >
              {t('returns.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ status: key === 'open' ? undefined : key })}
          items={TABS.map((key) => ({ key, label: t(`returns.tab.${key}`) }))}
          data-testid="return-tabs"
        />
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setParams({ q: v.trim() || undefined })}
            placeholder={t('returns.search')}
            style={{ width: 340 }}
            data-testid="return-search"
          />
        </Flex>
        <PagedTable<ReturnView>
          list={list}
          columns={columns}
          scrollX={960}
          rowProps={(r) => ({
            'data-testid': 'return-row',
            'data-number': r.number,
            ...rowOpens(`/returns/${r.id}`, navigate),
          })}
          empty={<EmptyState text={filtered ? t('returns.emptyFiltered') : t('returns.empty')} />}
          shown={(count) => t('returns.shown', { count })}
          moreLabel={t('returns.loadMore')}
          countTestId="return-count"
          moreTestId="return-more"
        />
      </Card>
      <NewReturnDrawer
        open={creating}
        complaintId={complaintId}
        onClose={() => setParams({ new: undefined, complaintId: undefined })}
        onCreated={(id) => void navigate(`/returns/${id}`)}
      />
    </>
  );
}
