import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { type CreditChangeView, useCreditChanges } from '../../api/credit-changes.ts';
import { type ApplicationView, useApplications } from '../../api/customer-applications.ts';
import { useCan, useSession } from '../../api/session.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CreditChangeStatusTag, useCreditFormat } from '../credit-changes/labels.tsx';
import { ApplicationStatusTag, LevelTag } from '../customer-applications/labels.tsx';
import { CurrentStep } from './CurrentStep.tsx';

interface Listing {
  error: unknown;
  hasData: boolean;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

function Section<T extends object>({
  title,
  list,
  rows,
  columns,
  empty,
  rowKey,
}: {
  title: ReactNode;
  list: Listing;
  rows: T[];
  columns: TableColumnsType<T>;
  empty: string;
  rowKey: keyof T & string;
}) {
  const t = useT();
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {list.error && !list.hasData ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<T>
            rowKey={rowKey}
            size="small"
            columns={columns}
            dataSource={rows}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: list.isPending ? ' ' : <EmptyState text={empty} /> }}
          />
          {list.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('approvals.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </Card>
  );
}

/** 我发起的: the caller's new-customer applications and credit-level changes, each with where it stands. */
export function MineTab() {
  const t = useT();
  const can = useCan();
  const me = useSession().user;
  const fmt = useDateFormat();
  const credit = useCreditFormat();
  const applications = useApplications({ applicantUserId: me.id });
  const changes = useCreditChanges({}, can('customer.read'));
  const appRows = useMemo(() => applications.data?.pages.flatMap((p) => p.items) ?? [], [applications.data]);
  // The credit-change list has no requester filter: keep the caller's own.
  const changeRows = useMemo(
    () => (changes.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.requestedBy === me.id),
    [changes.data, me.id],
  );
  const time = (at: string | null) => (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {fmt.dateTime(at)}
    </Typography.Text>
  );

  const appColumns: TableColumnsType<ApplicationView> = [
    {
      title: t('admission.col.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, r) => (
        <Link to={`/admission/${r.id}`} style={{ fontFamily: 'monospace' }}>
          {number}
        </Link>
      ),
    },
    { title: t('admission.col.customer'), dataIndex: 'customerName' },
    {
      title: t('admission.col.level'),
      dataIndex: 'requestedCreditLevel',
      width: 110,
      render: (level: ApplicationView['requestedCreditLevel']) => <LevelTag level={level} />,
    },
    {
      title: t('approvals.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: ApplicationView['status']) => <ApplicationStatusTag status={status} />,
    },
    {
      title: t('approvals.col.step'),
      key: 'step',
      width: 240,
      render: (_, r) =>
        r.status === 'submitted' ? (
          <Link to={`/approvals/${r.approvalRequestId}`}>
            <CurrentStep approvalId={r.approvalRequestId} />
          </Link>
        ) : r.approvalRequestId ? (
          <Link to={`/approvals/${r.approvalRequestId}`}>{t('admission.action.viewApproval')}</Link>
        ) : (
          '—'
        ),
    },
    { title: t('admission.col.updated'), dataIndex: 'updatedAt', width: 150, render: time },
  ];

  const changeColumns: TableColumnsType<CreditChangeView> = [
    {
      title: t('approvals.credit.customer'),
      dataIndex: 'customerName',
      render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link>,
    },
    {
      title: t('creditChange.col.change'),
      key: 'change',
      width: 200,
      render: (_, r) => `${credit.level(r.fromLevel)} → ${credit.level(r.toLevel)}`,
    },
    {
      title: t('approvals.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: CreditChangeView['status']) => <CreditChangeStatusTag status={status} />,
    },
    {
      title: t('approvals.col.step'),
      key: 'step',
      width: 240,
      render: (_, r) =>
        r.approvalRequestId ? (
          <Link to={`/approvals/${r.approvalRequestId}`}>
            {r.status === 'pending' ? (
              <CurrentStep approvalId={r.approvalRequestId} />
            ) : (
              t('admission.action.viewApproval')
            )}
          </Link>
        ) : (
          '—'
        ),
    },
    { title: t('creditChange.col.time'), dataIndex: 'createdAt', width: 150, render: time },
  ];

  return (
    <div data-testid="approvals-mine">
      <Section<ApplicationView>
        title={t('approvals.mine.applications')}
        list={{ ...applications, hasData: !!applications.data }}
        rows={appRows}
        columns={appColumns}
        empty={t('approvals.mine.noApplications')}
        rowKey="id"
      />
      {can('customer.read') ? (
        <Section<CreditChangeView>
          title={t('approvals.mine.credit')}
          list={{ ...changes, hasData: !!changes.data }}
          rows={changeRows}
          columns={changeColumns}
          empty={t('approvals.mine.noCredit')}
          rowKey="id"
        />
      ) : null}
    </div>
  );
}
