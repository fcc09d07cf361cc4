import { WarningOutlined } from '@ant-design/icons';
import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type CapaFilter, type CapaStatus, type CapaView, useCapaList } from '../../api/capas.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CapaStatusTag, dash } from './labels.tsx';

/** Every report matching the filters, newest first, 25 at a time. */
export function CapaTable({ filter, filtered }: { filter: CapaFilter; filtered: boolean }) {
  const t = useT();
  const fmt = useDateFormat();
  const list = useCapaList(filter);

  const columns: TableColumnsType<CapaView> = [
    {
      title: t('capas.col.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, r) => (
        <Link to={`/capas/${r.id}`} data-testid={`capa-link-${number}`} style={{ fontFamily: 'monospace' }}>
          {number}
        </Link>
      ),
    },
    {
      title: t('capas.col.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Link to={`/capas/${r.id}`}>
          <Typography.Text strong>{title}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('capas.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: CapaStatus) => <CapaStatusTag status={status} />,
    },
    {
      title: t('capas.col.source'),
      dataIndex: 'source',
      width: 120,
      responsive: ['md'],
      render: (source: CapaView['source']) => t(`capas.source.${source}`),
    },
    {
      title: t('capas.col.owner'),
      key: 'owner',
      width: 120,
      render: (_, r) => r.owner?.name ?? dash,
    },
    {
      title: t('capas.col.dueDate'),
      dataIndex: 'dueDate',
      width: 120,
      render: (due: string | null) => due ?? dash,
    },
    {
      title: t('capas.col.actions'),
      key: 'actions',
      width: 150,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Typography.Text type={r.openActions ? undefined : 'secondary'}>{r.openActions}</Typography.Text>
          {r.overdueActions > 0 ? (
            <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
              {t('capas.card.overdue', { n: r.overdueActions })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('capas.col.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['lg'],
      render: (at: string) => <Typography.Text type="secondary">{fmt.dateTime(at)}</Typography.Text>,
    },
  ];

  return (
    <PagedTable<CapaView>
      list={list}
      columns={columns}
      scrollX={900}
      testId="capa-table"
      rowProps={(r) => ({ 'data-testid': `capa-row-${r.number}` })}
      empty={<EmptyState text={filtered ? t('capas.emptyFiltered') : t('capas.empty')} />}
      shown={(count) => t('capas.shown', { count })}
      moreLabel={t('capas.loadMore')}
      moreTestId="capa-list-more"
    />
  );
}
