import { WarningOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { KEY_ACCOUNT_STATUSES } from '../../../shared/schemas/key-accounts.ts';
import {
  type KeyAccountFilter,
  type KeyAccountStatus,
  type KeyAccountView,
  useKeyAccountList,
} from '../../api/key-accounts.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { ClassTag } from '../customers/labels.tsx';
import { StaffSelect } from '../tickets/StaffSelect.tsx';
import { KeyAccountStatusTag } from './labels.tsx';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

function parse(params: URLSearchParams): KeyAccountFilter {
  const status = params.get('status');
  const specialist = Number(params.get('specialistUserId'));
  return {
    status: (KEY_ACCOUNT_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as KeyAccountStatus)
      : undefined,
    specialistUserId: Number.isInteger(specialist) && specialist > 0 ? specialist : undefined,
    revisitDue: params.get('revisitDue') === 'true' || undefined,
  };
}

/** 大客户: every key account with its specialist, next revisit (red when due) and open countermeasures. */
export default function KeyAccountsPage() {
  const t = useT();
  const fmt = useDateFormat();
  const [params, setParams] = useSearchParams();
  const filter = parse(params);
  const list = useKeyAccountList(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const filtered = Object.values(filter).some((v) => v !== undefined);

  const change = (patch: Partial<KeyAccountFilter>) => {
    const next = { ...parse(new URLSearchParams(window.location.search)), ...patch };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, String(value));
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<KeyAccountView> = [
    {
      title: t('keyAccounts.col.customer'),
      key: 'customer',
      render: (_, r) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/customers/${r.customerId}?tab=keyAccount`} data-testid={`ka-link-${r.customerId}`}>
            <Typography.Text strong>{r.customerName}</Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {r.customerCode}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('customers.col.class'),
      dataIndex: 'customerClass',
      width: 90,
      render: (value: string | null) => <ClassTag value={value} />,
    },
    {
      title: t('keyAccounts.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: KeyAccountStatus) => <KeyAccountStatusTag status={status} />,
    },
    {
      title: t('keyAccounts.col.specialist'),
      key: 'specialist',
      width: 130,
      render: (_, r) => r.specialist?.name ?? dash,
    },
    {
      title: t('keyAccounts.col.nextRevisit'),
      dataIndex: 'nextRevisitOn',
      width: 210,
      render: (next: string | null, r) =>
        next ? (
          <Flex gap={6} align="center">
            <Typography.Text
              type={r.revisitDue ? 'danger' : undefined}
              strong={r.revisitDue}
              style={{ whiteSpace: 'nowrap' }}
            >
              {next}
            </Typography.Text>
            {r.revisitDue ? (
              <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('keyAccounts.revisit.due')}
              </Tag>
            ) : null}
          </Flex>
        ) : (
          dash
        ),
    },
    {
      title: t('keyAccounts.col.openMeasures'),
      dataIndex: 'openMeasures',
      width: 130,
      align: 'end',
      render: (n: number) =>
        n > 0 ? (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {n}
          </Tag>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('keyAccounts.col.appliedAt'),
      dataIndex: 'appliedAt',
      width: 120,
      responsive: ['lg'],
      render: (at: string) => <Typography.Text type="secondary">{fmt.date(at)}</Typography.Text>,
    },
  ];

  return (
    <>
      <PageHeader title={t('keyAccounts.title')} subtitle={t('keyAccounts.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('keyAccounts.filter.status')}
            aria-label={t('keyAccounts.filter.status')}
            value={filter.status}
            onChange={(status: KeyAccountStatus | undefined) => change({ status })}
            options={KEY_ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`keyAccounts.status.${s}`) }))}
            style={{ width: 140 }}
            data-testid="ka-filter-status"
          />
          <StaffSelect
            value={filter.specialistUserId}
            onChange={(specialistUserId) => change({ specialistUserId })}
            placeholder={t('keyAccounts.filter.specialist')}
            style={{ width: 160 }}
            testId="ka-filter-specialist"
          />
          <Flex gap={8} align="center">
            <Switch
              checked={filter.revisitDue === true}
              onChange={(on) => change({ revisitDue: on || undefined })}
              data-testid="ka-filter-due"
              aria-label={t('keyAccounts.filter.revisitDue')}
            />
            <Typography.Text>{t('keyAccounts.filter.revisitDue')}</Typography.Text>
          </Flex>
          {filtered ? (
            <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<KeyAccountView>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={items}
              loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="key-accounts-table"
              onRow={(r) =>
                ({ 'data-testid': `ka-row-${r.customerCode}` }) as React.HTMLAttributes<HTMLElement>
              }
              locale={{
                emptyText: list.isPending ? (
                  ' '
                ) : (
                  <EmptyState text={filtered ? t('keyAccounts.emptyFiltered') : t('keyAccounts.empty')} />
                ),
              }}
            />
            <ListFooter
              shown={items.length > 0 ? t('keyAccounts.shown', { count: items.length }) : null}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
              moreLabel={t('customers.loadMore')}
            />
          </>
        )}
      </Card>
    </>
  );
}
