import { WarningOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import type { ReturnItemView } from '../../api/returns.ts';
import { useT } from '../../i18n/context.ts';
import { useQuantity } from './labels.tsx';

/** 退货明细: notified, counted and defective quantities; a count that differs from the notice stands out. */
export function ReturnItemsTable({ items }: { items: ReturnItemView[] }) {
  const t = useT();
  const qty = useQuantity();
  const columns: TableColumnsType<ReturnItemView> = [
    { title: '#', dataIndex: 'position', width: 44 },
    {
      title: t('returns.field.product'),
      dataIndex: 'product',
      render: (product: string, r) => (
        <>
          <Typography.Text strong>{product}</Typography.Text>
          {r.spec ? <Typography.Text type="secondary"> · {r.spec}</Typography.Text> : null}
        </>
      ),
    },
    { title: t('returns.field.unit'), dataIndex: 'unit', width: 70, render: (u: string | null) => u ?? '—' },
    {
      title: t('returns.field.quantity'),
      dataIndex: 'quantity',
      width: 100,
      align: 'right',
      render: (v: number) => qty(v),
    },
    {
      title: t('returns.field.received'),
      dataIndex: 'receivedQuantity',
      width: 110,
      align: 'right',
      render: (v: number | null, r) =>
        r.discrepancy ? (
          <Tooltip title={t('returns.discrepancy')}>
            <Typography.Text type="warning" strong data-testid="return-item-discrepancy">
              <WarningOutlined /> {qty(v)}
            </Typography.Text>
          </Tooltip>
        ) : (
          qty(v)
        ),
    },
    {
      title: t('returns.field.defective'),
      dataIndex: 'defectiveQuantity',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v ? <Typography.Text type="danger">{qty(v)}</Typography.Text> : qty(v)),
    },
    {
      title: t('returns.field.note'),
      dataIndex: 'note',
      render: (note: string | null) => (note ? <span style={{ whiteSpace: 'pre-wrap' }}>{note}</span> : ''),
    },
  ];
  return (
    <Table<ReturnItemView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 720 }}
      onRow={(r) =>
        ({
          'data-testid': 'return-item',
          'data-discrepancy': r.discrepancy ? 'true' : 'false',
          style: r.discrepancy ? { background: '#fffbe6' } : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="return-items"
    />
  );
}
