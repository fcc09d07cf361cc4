import { Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type CreditChangeView, useCreditChanges } from '../../api/credit-changes.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CreditChangeStatusTag, useCreditFormat } from './labels.tsx';

/** 信用调整记录: a customer's credit changes, newest first, each with its approval. */
export function CreditChangeList({
  customerId,
  withTitle = false,
}: {
  customerId: number;
  withTitle?: boolean;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const credit = useCreditFormat();
  const list = useCreditChanges({ customerId });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const columns: TableColumnsType<CreditChangeView> = [
    {
      title: t('creditChange.col.change'),
      key: 'change',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>
            {credit.level(r.fromLevel)} → <strong>{credit.level(r.toLevel)}</strong>
          </span>
          {r.fromLimit !== r.toLimit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('approvals.credit.limit')} {credit.money(r.fromLimit)} → {credit.money(r.toLimit)}
            </Typography.Text>
          ) : null}
          {r.fromPeriodDays !== r.toPeriodDays ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('approvals.credit.period')} {credit.days(r.fromPeriodDays)} → {credit.days(r.toPeriodDays)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('creditChange.reason'),
      dataIndex: 'reason',
      render: (reason: string, r) => (
        <Flex vertical gap={2}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reason }} style={{ margin: 0 }}>
            {reason}
          </Typography.Paragraph>
          {r.decisionComment ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('admission.decisionComment', { comment: r.decisionComment })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('approvals.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: CreditChangeView['status'], r) =>
        r.approvalRequestId ? (
          <Link to={`/approvals/${r.approvalRequestId}`}>
            <CreditChangeStatusTag status={status} />
          </Link>
        ) : (
          <CreditChangeStatusTag status={status} />
        ),
    },
    {
      title: t('creditChange.col.requester'),
      dataIndex: 'requestedByName',
      width: 100,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: t('creditChange.col.time'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(at)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <div data-testid="credit-change-list" style={{ marginBottom: 20 }}>
      {withTitle ? (
        <Typography.Title level={5} style={{ marginBottom: 12 }}>
          {t('creditChange.history')}
        </Typography.Title>
      ) : null}
      <Table<CreditChangeView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: list.isPending ? ' ' : <EmptyState text={t('creditChange.noHistory')} /> }}
      />
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('approvals.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </div>
  );
}
