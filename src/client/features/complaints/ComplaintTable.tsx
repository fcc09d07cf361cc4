import { Flex, type TableColumnsType, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { ComplaintView } from '../../api/complaints.ts';
import { type PagedList, PagedTable } from '../../components/PagedTable.tsx';
import { dash, EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CustomerContactCell } from '../tickets/CustomerContactCell.tsx';
import { CategoryTag, DueText, OverdueTag, SeverityTag, StageTag } from './labels.tsx';

/**
 * The complaints of the workspace: number, subject, customer, category, severity, step, owner and clock;
 * "load more" under them.
 */
export function ComplaintTable({ list, emptyText }: { list: PagedList<ComplaintView>; emptyText: string }) {
  const t = useT();
  const fmt = useDateFormat();
  const columns: TableColumnsType<ComplaintView> = [
    {
      title: t('complaints.col.number'),
      key: 'number',
      width: 170,
      render: (_, r) => (
        <div>
          <Link to={`/complaints/${r.id}`} data-testid={`complaint-link-${r.number}`}>
            <Typography.Text strong style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
              {r.number}
            </Typography.Text>
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {r.ticketNumber}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('complaints.col.subject'),
      dataIndex: 'subject',
      render: (subject: string, r) => (
        <Link to={`/complaints/${r.id}`} style={{ color: 'inherit' }}>
          <Typography.Text ellipsis={{ tooltip: subject }} style={{ maxWidth: 280 }}>
            {subject}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('complaints.col.customer'),
      key: 'customer',
      width: 170,
      render: (_, r) => <CustomerContactCell customerName={r.customerName} contactName={r.contactName} />,
    },
    {
      title: t('complaints.col.category'),
      key: 'category',
      width: 150,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <CategoryTag category={r.category} />
          <SeverityTag severity={r.severity} />
        </Flex>
      ),
    },
    {
      title: t('complaints.col.step'),
      key: 'step',
      width: 190,
      render: (_, r) => (
        <Flex gap={4} wrap align="center">
          <StageTag stage={r.stage} />
          {r.stage !== 'closed' ? <OverdueTag dueAt={r.stepDueAt} breached={r.stepBreached} /> : null}
        </Flex>
      ),
    },
    {
      title: t('complaints.col.stepOwner'),
      key: 'owner',
      width: 120,
      render: (_, r) =>
        r.stage === 'closed'
          ? dash
          : (r.stepOwnerName ?? <Typography.Text type="warning">{t('complaints.unowned')}</Typography.Text>),
    },
    {
      title: t('complaints.col.due'),
      key: 'due',
      width: 120,
      render: (_, r) =>
        r.stage === 'closed' ? dash : <DueText dueAt={r.stepDueAt} breached={r.stepBreached} />,
    },
    {
      title: t('complaints.col.receivedAt'),
      dataIndex: 'receivedAt',
      width: 150,
      responsive: ['lg'],
      render: (at: string, r) => (
        <Tooltip title={r.closedAt ? `${t('complaints.closedAt')} ${fmt.dateTime(r.closedAt)}` : undefined}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {fmt.dateTime(at)}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <PagedTable<ComplaintView>
      list={list}
      columns={columns}
      scrollX={1100}
      testId="complaints-table"
      rowProps={(r) => ({ 'data-testid': `complaint-row-${r.number}`, 'data-stage': r.stage })}
      empty={<EmptyState text={emptyText} />}
      shown={(count) => t('complaints.shown', { count })}
      moreLabel={t('complaints.loadMore')}
      moreTestId="complaint-load-more"
    />
  );
}
