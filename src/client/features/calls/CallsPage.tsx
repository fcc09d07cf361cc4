import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type CallFilter, type CallView, useCallLog } from '../../api/calls.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CallDrawer } from './CallDrawer.tsx';
import { CallerPanel } from './CallerPanel.tsx';
import { isCallResult, isCallState } from './call-labels.ts';

/** 通话记录: the call log, the caller screen-pop and 登记通话. `?number=` opens the screen-pop for a caller. */
export default function CallsPage() {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const [params, setParams] = useSearchParams();
  const popNumber = params.get('number') ?? '';
  const popCall = Number(params.get('callId')) || undefined;
  const [direction, setDirection] = useState<'all' | 'inbound' | 'outbound'>('all');
  const [numberFilter, setNumberFilter] = useState('');
  const [lookupInput, setLookupInput] = useState(popNumber);
  const [logging, setLogging] = useState<{ number?: string } | null>(null);
  useEffect(() => setLookupInput(popNumber), [popNumber]);
  const filter: CallFilter = {
    direction: direction === 'all' ? undefined : direction,
    q: numberFilter || undefined,
  };
  const log = useCallLog(filter);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const openPop = (number: string, callId?: number) => {
    const next = new URLSearchParams();
    if (number) next.set('number', number);
    if (callId) next.set('callId', String(callId));
    setParams(next, { replace: true });
  };

  const duration = (s: number | null) =>
    s === null
      ? '—'
      : s >= 60
        ? t('calls.minSec', { m: Math.floor(s / 60), s: s % 60 })
        : t('calls.secOnly', { s });

  const columns: TableColumnsType<CallView> = [
    {
      title: t('calls.startedAt'),
      dataIndex: 'startedAt',
      width: 140,
      render: (at: string) => fmt.dateTime(at),
    },
    {
      title: t('calls.directionLabel'),
      dataIndex: 'direction',
      width: 80,
      render: (d: string) => (
        <Tag color={d === 'inbound' ? 'blue' : 'purple'}>
          {d === 'inbound' ? t('calls.direction.inbound') : t('calls.direction.outbound')}
        </Tag>
      ),
    },
    {
      title: t('calls.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string, c) => (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0, fontFamily: 'monospace' }}
          onClick={() => openPop(n, c.id)}
          data-testid={`call-number-${c.id}`}
        >
          {n}
        </Button>
      ),
    },
    {
      title: t('calls.contact'),
      key: 'contact',
      width: 170,
      render: (_, c) =>
        c.contactName || c.customerName ? (
          <div>
            <div>{c.contactName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.customerName}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('calls.lookup.unknownShort')}</Typography.Text>
        ),
    },
    {
      title: t('calls.agent'),
      dataIndex: 'agentName',
      responsive: ['lg'],
      render: (n: string | null) => n ?? '—',
    },
    { title: t('calls.duration'), dataIndex: 'durationSeconds', width: 100, render: duration },
    {
      title: t('calls.purpose'),
      key: 'purpose',
      width: 200,
      render: (_, c) => (
        <div>
          <div>{c.purpose ?? '—'}</div>
          {c.notes ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 220 }}>
              {c.notes}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('calls.result'),
      key: 'result',
      width: 110,
      render: (_, c) => (
        <Flex vertical gap={2} align="flex-start">
          {c.result && isCallResult(c.result) ? <Tag>{t(`calls.result.${c.result}`)}</Tag> : null}
          {c.state !== 'ended' && isCallState(c.state) ? (
            <Tag color={c.state === 'missed' ? 'error' : 'processing'}>{t(`calls.state.${c.state}`)}</Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('calls.ticket'),
      dataIndex: 'ticketId',
      width: 90,
      render: (id: number | null) => (id ? <Link to={`/tickets/${id}`}>{t('calls.openTicket')}</Link> : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('calls.title')}
        subtitle={t('calls.subtitle')}
        extra={
          can('call.log') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setLogging({})}
              data-testid="call-log"
            >
              {t('calls.log')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Segmented
                value={direction}
                onChange={setDirection}
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'inbound', label: t('calls.direction.inbound') },
                  { value: 'outbound', label: t('calls.direction.outbound') },
                ]}
                data-testid="call-filter-direction"
              />
              <Input.Search
                allowClear
                placeholder={t('calls.filterNumber')}
                onSearch={(v) => setNumberFilter(v.trim())}
                style={{ width: 280 }}
                data-testid="call-filter-number"
              />
            </Flex>
            {log.error && !log.data ? (
              <ErrorState error={log.error} onRetry={() => void log.refetch()} />
            ) : (
              <>
                <Table<CallView>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={items}
                  loading={log.isPending || (log.isFetching && log.isPlaceholderData)}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  data-testid="calls-table"
                  locale={{
                    emptyText: log.isPending ? (
                      ' '
                    ) : (
                      <EmptyState
                        text={filter.direction || filter.number ? t('calls.emptyFiltered') : t('calls.empty')}
                      />
                    ),
                  }}
                />
                {log.hasNextPage ? (
                  <Flex justify="center" style={{ marginTop: 16 }}>
                    <Button
                      onClick={() => void log.fetchNextPage()}
                      loading={log.isFetchingNextPage}
                      data-testid="calls-load-more"
                    >
                      {t('tickets.loadMore')}
                    </Button>
                  </Flex>
                ) : null}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Input.Search
                value={lookupInput}
                onChange={(e) => setLookupInput(e.target.value)}
                onSearch={(v) => openPop(v.trim())}
                enterButton={<PhoneOutlined />}
                placeholder={t('calls.lookup.placeholder')}
                inputMode="tel"
                data-testid="caller-lookup"
                aria-label={t('calls.lookup.placeholder')}
              />
            </Card>
            {popNumber.length >= 3 ? (
              <CallerPanel
                number={popNumber}
                callId={popCall}
                onLogCall={() => setLogging({ number: popNumber })}
              />
            ) : (
              <Card size="small">
                <EmptyState text={t('calls.lookup.hint')} />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
      <CallDrawer
        open={logging !== null}
        onClose={() => setLogging(null)}
        initial={logging?.number ? { number: logging.number } : undefined}
      />
    </>
  );
}
