import { Button, DatePicker, Flex, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { type CareEvent, useCareEvents } from '../../api/care.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { dash, EmptyState } from '../../components/states.tsx';
import { useUrlFilters } from '../../components/url-filters.ts';
import { useI18n } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import { CareKindTag, CareStatusTag, formatCost } from './labels.tsx';

const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);
const parse = (params: URLSearchParams) => {
  const from = params.get('from');
  const to = params.get('to');
  return { from: isDate(from) ? from : undefined, to: isDate(to) ? to : undefined };
};

/** 关怀记录: every greeting (sent or skipped) and every gift or care visit, newest first. */
export function CareEventsTab() {
  const { t, locale } = useI18n();
  // The page's tab is in the address too: the range is set beside it.
  const { filter, setParams } = useUrlFilters(parse);
  const list = useCareEvents(filter);
  const filtered = filter.from !== undefined || filter.to !== undefined;
  const setRange = (range: { from: string; to: string } | null) =>
    setParams({ from: range?.from, to: range?.to });

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
      <PagedTable<CareEvent>
        list={list}
        columns={columns}
        scrollX={900}
        testId="care-events-table"
        rowProps={(e) => ({ 'data-testid': `care-event-row-${e.id}` })}
        empty={<EmptyState text={filtered ? t('care.events.emptyFiltered') : t('care.events.empty')} />}
        shown={(count) => t('care.events.shown', { count })}
        moreLabel={t('customers.loadMore')}
        moreTestId="care-events-load-more"
      />
    </>
  );
}
