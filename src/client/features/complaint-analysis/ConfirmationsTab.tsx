import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CONFIRMATION_FILTERS } from '../../../shared/schemas/complaint-analysis.ts';
import {
  type ConfirmationFilter,
  type ConfirmationItem,
  useConfirmations,
} from '../../api/complaint-analysis.ts';
import { useCan } from '../../api/session.ts';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { ConfirmClosureModal } from './ConfirmClosureModal.tsx';
import { useAnalysisLabels } from './labels.ts';

const PAGE_SIZE = 20;

/** 与客户确认前一个月客诉的最终关闭情况: the month's complaints, and a confirmation for each closed one. */
export function ConfirmationsTab({ month }: { month: string }) {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const labels = useAnalysisLabels();
  const [filter, setFilter] = useState<ConfirmationFilter>('all');
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<ConfirmationItem | null>(null);
  const list = useConfirmations(month, filter, page, PAGE_SIZE);
  const mayConfirm = can('complaint.review');

  const columns: TableColumnsType<ConfirmationItem> = [
    {
      title: t('complaintAnalysis.col.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, r) => <Link to={`/complaints/${r.id}`}>{number}</Link>,
    },
    { title: t('complaintAnalysis.col.customer'), key: 'customer', render: (_, r) => r.customer?.name ?? '' },
    {
      title: t('complaintAnalysis.col.category'),
      key: 'category',
      render: (_, r) => labels.category(r.category),
    },
    { title: t('complaintAnalysis.col.stage'), key: 'stage', render: (_, r) => labels.step(r.stage) },
    {
      title: t('complaintAnalysis.col.closedAt'),
      key: 'closedAt',
      render: (_, r) => fmt.dateTime(r.closedAt),
    },
    {
      title: t('complaintAnalysis.col.confirmation'),
      key: 'confirmation',
      render: (_, r) =>
        r.confirmed ? (
          <Flex vertical gap={2}>
            <span>
              <Tag color="success" icon={<CheckCircleOutlined />}>
                {t('complaintAnalysis.confirm.confirmed')}
              </Tag>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('complaintAnalysis.confirm.by', {
                name: r.confirmedBy?.name ?? '',
                at: fmt.dateTime(r.confirmedAt),
              })}
            </Typography.Text>
          </Flex>
        ) : r.stage === 'closed' ? (
          <Tag color="warning">{t('complaintAnalysis.confirm.toConfirm')}</Tag>
        ) : (
          <Tag>{t('complaintAnalysis.confirm.notClosed')}</Tag>
        ),
    },
    {
      title: t('complaintAnalysis.col.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null) => (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note}</Typography.Text>
      ),
    },
    ...(mayConfirm
      ? [
          {
            title: t('complaintAnalysis.col.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, r: ConfirmationItem) =>
              r.stage === 'closed' && !r.confirmed ? (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  onClick={() => setConfirming(r)}
                  data-testid={`confirm-${r.number}`}
                >
                  {t('complaintAnalysis.confirm.button')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const summary = list.data?.month === month ? list.data.summary : null;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="analysis-confirm-summary">
          {summary ? t('complaintAnalysis.confirm.summary', summary) : '\u00a0'}
        </Typography.Text>
        <Segmented<ConfirmationFilter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={CONFIRMATION_FILTERS.map((f) => ({
            value: f,
            label: (
              <span data-testid={`analysis-confirm-filter-${f}`}>
                {t(`complaintAnalysis.confirm.filter.${f}`)}
              </span>
            ),
          }))}
        />
      </Flex>
      <Table<ConfirmationItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('complaintAnalysis.empty.confirmations') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        data-testid="analysis-table-confirmations"
        onRow={(r) =>
          ({ 'data-testid': `confirmation-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {confirming ? <ConfirmClosureModal complaint={confirming} onClose={() => setConfirming(null)} /> : null}
    </>
  );
}
