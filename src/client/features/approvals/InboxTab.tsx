import { CheckCircleOutlined } from '@ant-design/icons';
import { Flex, Segmented, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { APPROVAL_FLOW_KEYS, type ApprovalFlow } from '../../../shared/schemas/approvals.ts';
import { type ApprovalInboxItem, useApprovalInbox } from '../../api/approvals.ts';
import { PagedTable, rowOpens } from '../../components/PagedTable.tsx';
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
      <PagedTable<ApprovalInboxItem>
        list={inbox}
        columns={columns}
        rowKey="stepId"
        scrollX={800}
        rowProps={(r) => ({
          'data-testid': 'approval-row',
          'data-request-id': r.requestId,
          ...rowOpens(`/approvals/${r.requestId}`, navigate),
        })}
        empty={
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
        }
        shown={(count) => t('approvals.shown', { count })}
        moreLabel={t('approvals.loadMore')}
        moreTestId="approvals-load-more"
      />
    </div>
  );
}
