import { Button, DatePicker, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type CareEvent, useCareEvents } from '../../api/care.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import { CareKindTag, CareStatusTag, formatCost } from './labels.tsx';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** 关怀记录: every greeting (sent or skipped) and every gift or care visit, newest first. */
export function CareEventsTab() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const filter = { from: isDate(from) ? from : undefined, to: isDate(to) ? to : undefined };
  const list = useCareEvents(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const filtered = filter.from !== undefined || filter.to !== undefined;

  const setRange = (range: { from: string; to: string } | null) => {
    const next = new URLSearchParams(params);
    next.delete('from');
    next.delete('to');
    if (range) {
      next.set('from', range.from);
      next.set('to', range.to);
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<CareEvent> = [
    {
      title: t('care.col.occasion'),
      dataIndex: 'occasionOn',
      width: 115,
      render: (on: string) => <span style={{ whiteSpace: 'nowrap' }}>{on}</span>,
    },
    {
      title: t('care.col.customer'),
      key: 'customer',
      render: (_, e) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/customers/${e.customerId}?tab=timeline`} data-testid={`care-event-customer-${e.id}`}>
            {e.customerName}
          </Link>
          {e.contactName ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.contactName}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('care.col.kind'),
      key: 'kind',
      width: 190,
      render: (_, e) => (
        <div>
          <CareKindTag kind={e.event} />
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.ruleName ?? t('care.events.byHand')}
              {e.channel === 'email' || e.channel === 'sms' ? ` · ${t(`care.channel.${e.channel}`)}` : ''}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('care.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: string, e) => <CareStatusTag status={status} skipReason={e.skipReason} />,
    },
    {
      title: t('care.col.giftCost'),
      key: 'gift',
      width: 200,
      render: (_, e) =>
        e.gift || e.giftCost !== null ? (
          <div>
            {e.gift ? <div>{e.gift}</div> : null}
            {e.giftCost !== null ? (
              <Typography.Text type="secondary">{formatCost(e.giftCost, locale)}</Typography.Text>
            ) : null}
          </div>
        ) : (
          dash
        ),
    },
    {
      title: t('care.col.notes'),
      dataIndex: 'notes',
      responsive: ['lg'],
      render: (notes: string | null) =>
        notes ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: notes }} style={{ marginBottom: 0 }}>
            {notes}
          </Typography.Paragraph>
        ) : (
          dash
        ),
    },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label={t('care.events.range')}
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(dates) => {
            const [start, end] = dates ?? [];
            setRange(
              start && end ? { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') } : null,
            );
          }}
          data-testid="care-events-range"
        />
        {filtered ? <Button onClick={() => setRange(null)}>{t('common.reset')}</Button> : null}
      </Flex>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<CareEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="care-events-table"
            onRow={(e) => ({ 'data-testid': `care-event-row-${e.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: list.isPending ? (
                ' '
              ) : (
                <EmptyState text={filtered ? t('care.events.emptyFiltered') : t('care.events.empty')} />
              ),
            }}
          />
          <ListFooter
            shown={items.length > 0 ? t('care.events.shown', { count: items.length }) : null}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            moreLabel={t('customers.loadMore')}
            moreTestId="care-events-load-more"
          />
        </>
      )}
    </>
  );
}
