import { CheckOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type KeyAccountCard, type KeyAccountMeasure, useUpdateMeasure } from '../../api/key-accounts.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { dash } from '../../components/states.tsx';
import { DueDateCell, RowAction } from '../../components/table-cells.tsx';
import { useT } from '../../i18n/context.ts';
import { MeasureStatusTag } from './labels.tsx';
import { type MeasureEditing, MeasureModal } from './MeasureModal.tsx';

const isOpen = (m: KeyAccountMeasure) => m.status === 'open' || m.status === 'in_progress';

/** 对策一览表: each issue, what we do about it, who, by when (red once overdue), and how it ended. */
export function MeasuresTable({ card, editable }: { card: KeyAccountCard; editable: boolean }) {
  const t = useT();
  const can = useCan();
  const notifyError = useNotifyError();
  const update = useUpdateMeasure(card.customerId);
  const [editing, setEditing] = useState<MeasureEditing | null>(null);
  const manage = editable && can('key_account.manage');
  const open = card.measures.filter(isOpen).length;

  const columns: TableColumnsType<KeyAccountMeasure> = [
    {
      title: t('keyAccounts.m.issue'),
      dataIndex: 'issue',
      width: 200,
      render: (issue: string) => <Typography.Text strong>{issue}</Typography.Text>,
    },
    {
      title: t('keyAccounts.m.measure'),
      dataIndex: 'measure',
      render: (measure: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{measure}</span>,
    },
    {
      title: t('keyAccounts.m.owner'),
      key: 'owner',
      width: 100,
      render: (_, m) => m.owner?.name ?? dash,
    },
    {
      title: t('keyAccounts.m.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (due: string | null, m) =>
        due ? (
          <DueDateCell
            date={due}
            overdue={m.overdue}
            overdueLabel={t('keyAccounts.m.overdue')}
            overdueTestId={`ka-measure-overdue-${m.id}`}
          />
        ) : (
          dash
        ),
    },
    {
      title: t('keyAccounts.m.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: KeyAccountMeasure['status']) => <MeasureStatusTag status={status} />,
    },
    {
      title: t('keyAccounts.m.result'),
      dataIndex: 'result',
      width: 200,
      render: (result: string | null) =>
        result ? <span style={{ whiteSpace: 'pre-wrap' }}>{result}</span> : dash,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, m: KeyAccountMeasure) => (
              <Flex gap={4}>
                <RowAction
                  title={t('common.edit')}
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ mode: 'edit', measure: m })}
                  testId={`ka-measure-edit-${m.id}`}
                />
                {m.status === 'open' ? (
                  <RowAction
                    title={t('keyAccounts.m.start')}
                    icon={<PlayCircleOutlined />}
                    loading={update.isPending && update.variables?.id === m.id}
                    onClick={() =>
                      update.mutate({ id: m.id, patch: { status: 'in_progress' } }, { onError: notifyError })
                    }
                    testId={`ka-measure-start-${m.id}`}
                  />
                ) : null}
                {isOpen(m) ? (
                  <RowAction
                    title={t('keyAccounts.m.complete')}
                    icon={<CheckOutlined />}
                    onClick={() => setEditing({ mode: 'complete', measure: m })}
                    testId={`ka-measure-complete-${m.id}`}
                  />
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t('keyAccounts.m.title')}
          {open > 0 ? <Tag color="blue">{t('keyAccounts.m.open', { n: open })}</Tag> : null}
        </Flex>
      }
      extra={
        manage ? (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'add' })}
            data-testid="ka-measure-add"
          >
            {t('keyAccounts.m.add')}
          </Button>
        ) : null
      }
    >
      <Table<KeyAccountMeasure>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={card.measures}
        pagination={card.measures.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('keyAccounts.m.empty') }}
        data-testid="ka-measures"
        onRow={(m) =>
          ({
            'data-testid': `ka-measure-${m.id}`,
            'data-status': m.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {editing ? <MeasureModal card={card} editing={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
