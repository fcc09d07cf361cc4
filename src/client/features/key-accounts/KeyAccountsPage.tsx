import { WarningOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { KEY_ACCOUNT_STATUSES } from '../../../shared/schemas/key-accounts.ts';
import {
  type KeyAccountFilter,
  type KeyAccountStatus,
  type KeyAccountView,
  useKeyAccountList,
} from '../../api/key-accounts.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { dash, EmptyState } from '../../components/states.tsx';
import { flag, oneOf, positiveId, useUrlFilters } from '../../components/url-filters.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { ClassTag } from '../customers/labels.tsx';
import { KeyAccountStatusTag } from './labels.tsx';

function parse(params: URLSearchParams): KeyAccountFilter {
  return {
    status: oneOf(KEY_ACCOUNT_STATUSES, params.get('status')),
    specialistUserId: positiveId(params.get('specialistUserId')),
    revisitDue: flag(params.get('revisitDue')),
  };
}

/** 大客户: every key account with its specialist, next revisit (red when due) and open countermeasures. */
export default function KeyAccountsPage() {
  const t = useT();
  const fmt = useDateFormat();
  const { filter, update: change, reset } = useUrlFilters(parse);
  const list = useKeyAccountList(filter);
  const filtered = Object.values(filter).some((v) => v !== undefined);

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
          {filtered ? <Button onClick={() => reset()}>{t('common.reset')}</Button> : null}
        </Flex>
        <PagedTable<KeyAccountView>
          list={list}
          columns={columns}
          scrollX={900}
          testId="key-accounts-table"
          rowProps={(r) => ({ 'data-testid': `ka-row-${r.customerCode}` })}
          empty={<EmptyState text={filtered ? t('keyAccounts.emptyFiltered') : t('keyAccounts.empty')} />}
          shown={(count) => t('keyAccounts.shown', { count })}
          moreLabel={t('customers.loadMore')}
        />
      </Card>
    </>
  );
}
