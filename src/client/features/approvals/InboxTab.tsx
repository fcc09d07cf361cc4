import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { APPROVAL_FLOW_KEYS, type ApprovalFlow } from '../../../shared/schemas/approvals.ts';
import { type ApprovalInboxItem, useApprovalInbox } from '../../api/approvals.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { useFlowLabel } from './labels.tsx';

export const FLOW_COLORS: Record<string, string> = {
  customer_admission: 'geekblue',
  credit_change: 'purple',
};

/** 待我审批: pending steps the caller may decide, newest first; a row opens the request. */
export function InboxTab() {
  const t = useT();
  const fmt = useDateFormat();
  const flowLabel = useFlowLabel();
  const navigate = useNavigate();
  const [flow, setFlow] = useState<ApprovalFlow | 'all'>('all');
  const inbox = useApprovalInbox(flow === 'all' ? undefined : flow);
  const items = useMemo(() => inbox.data?.pages.flatMap((p) => p.items) ?? [], [inbox.data]);

  const columns: TableColumnsType<ApprovalInboxItem> = [
    {
      title: t('approvals.col.flow'),
      dataIndex: 'flow',
      width: 140,
      render: (value: string) => (
        <Tag color={FLOW_COLORS[value] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {flowLabel(value)}
        </Tag>
      ),
    },
    {
      title: t('approvals.col.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Link to={`/approvals/${r.requestId}`} style={{ fontWeight: 500 }}>
          {title}
        </Link>
      ),
    },
    {
      title: t('approvals.col.requester'),
      dataIndex: 'requestedByName',
      width: 120,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('approvals.col.requestedAt'),
      dataIndex: 'requestedAt',
      width: 150,
      render: (at: string) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(at)}
        </Typography.Text>
      ),
    },
    {
      title: t('approvals.col.step'),
      key: 'step',
      width: 220,
      render: (_, r) =>
        t('approvals.stepOf', { name: r.stepName, position: r.stepPosition, count: r.stepCount }),
    },
  ];

  return (
    <div data-testid="approvals-inbox">
      <Segmented<ApprovalFlow | 'all'>
        value={flow}
        onChange={setFlow}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: t('approvals.flow.all') },
          ...APPROVAL_FLOW_KEYS.map((key) => ({ value: key, label: flowLabel(key) })),
        ]}
      />
      {inbox.error && !inbox.data ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <>
          <Table<ApprovalInboxItem>
            rowKey="stepId"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={inbox.isPending || (inbox.isFetching && inbox.isPlaceholderData)}
            pagination={false}
            scroll={{ x: 800 }}
            onRow={(r) =>
              ({
                'data-testid': 'approval-row',
                'data-request-id': r.requestId,
                style: { cursor: 'pointer' },
                onClick: (event: React.MouseEvent) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  void navigate(`/approvals/${r.requestId}`);
                },
              }) as React.HTMLAttributes<HTMLElement>
            }
            locale={{
              emptyText: inbox.isPending ? (
                ' '
              ) : (
                <Flex
                  vertical
                  align="center"
                  gap={8}
                  style={{ padding: '32px 0' }}
                  data-testid="approvals-inbox-empty"
                >
                  <CheckCircleOutlined style={{ fontSize: 36, color: '#52c41a' }} />
                  <Typography.Text type="secondary">{t('approvals.inboxEmpty')}</Typography.Text>
                </Flex>
              ),
            }}
          />
          <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
            {items.length > 0 ? (
              <Typography.Text type="secondary">
                {t('approvals.shown', { count: items.length })}
              </Typography.Text>
            ) : null}
            {inbox.hasNextPage ? (
              <Button
                onClick={() => void inbox.fetchNextPage()}
                loading={inbox.isFetchingNextPage}
                data-testid="approvals-load-more"
              >
                {t('approvals.loadMore')}
              </Button>
            ) : null}
          </Flex>
        </>
      )}
    </div>
  );
}
