import { CheckOutlined, EditOutlined, FileTextOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CapaActionView, CapaDetail } from '../../api/capas.ts';
import { useCan, useSession } from '../../api/session.ts';
import { DueDateCell, RowAction } from '../../components/table-cells.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { type ActionEditing, CapaActionModal } from './CapaActionModal.tsx';
import { ActionStatusTag, dash } from './labels.tsx';

/**
 * 纠正与预防措施: each action with its owner and due date (red once overdue); a document change names its
 * document. CAPA managers plan and change actions; an action's owner may report it done.
 */
export function CapaActionsCard({ capa }: { capa: CapaDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const can = useCan();
  const me = useSession().user;
  const [editing, setEditing] = useState<ActionEditing | null>(null);
  const working = capa.status === 'open' || capa.status === 'in_progress';
  const manage = working && can('capa.manage');
  const open = capa.actions.filter((a) => a.status === 'open').length;
  const mayComplete = (a: CapaActionView) =>
    working && a.status === 'open' && (manage || a.owner?.id === me.id);

  const columns: TableColumnsType<CapaActionView> = [
    {
      title: t('capas.action.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: CapaActionView['kind']) => (
        <Tag color={kind === 'document_change' ? 'geekblue' : kind === 'preventive' ? 'cyan' : 'volcano'}>
          {t(`capas.kind.${kind}`)}
        </Tag>
      ),
    },
    {
      title: t('capas.action.description'),
      dataIndex: 'description',
      render: (description: string, a) => (
        <Flex vertical gap={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{description}</span>
          {a.documentRef ? (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid={`capa-action-doc-${a.id}`}
            >
              <FileTextOutlined /> {a.documentRef}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('capas.action.owner'), key: 'owner', width: 110, render: (_, a) => a.owner?.name ?? dash },
    {
      title: t('capas.action.dueDate'),
      dataIndex: 'dueDate',
      width: 130,
      render: (due: string, a) => (
        <DueDateCell
          date={due}
          overdue={a.overdue}
          overdueLabel={
            a.escalatedAt
              ? `${t('capas.action.overdue')} · ${t('capas.action.escalated')}`
              : t('capas.action.overdue')
          }
          overdueTestId={`capa-action-overdue-${a.id}`}
        />
      ),
    },
    {
      title: t('capas.action.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: CapaActionView['status']) => <ActionStatusTag status={status} />,
    },
    {
      title: t('capas.action.doneNote'),
      key: 'done',
      width: 180,
      render: (_, a) =>
        a.doneAt ? (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fmt.date(a.doneAt)}
            </Typography.Text>
            {a.doneNote ? <span style={{ whiteSpace: 'pre-wrap' }}>{a.doneNote}</span> : null}
          </Flex>
        ) : (
          dash
        ),
    },
    {
      title: t('common.actions'),
      key: 'buttons',
      width: 110,
      render: (_, a) => (
        <Flex gap={2}>
          {manage && a.status === 'open' ? (
            <RowAction
              title={t('common.edit')}
              icon={<EditOutlined />}
              onClick={() => setEditing({ mode: 'edit', action: a })}
              testId={`capa-action-edit-${a.id}`}
            />
          ) : null}
          {mayComplete(a) ? (
            <RowAction
              title={t('capas.action.complete')}
              icon={<CheckOutlined />}
              onClick={() => setEditing({ mode: 'complete', action: a })}
              testId={`capa-action-complete-${a.id}`}
            />
          ) : null}
          {manage && a.status === 'open' ? (
            <RowAction
              title={t('capas.action.cancel')}
              icon={<StopOutlined />}
              danger
              onClick={() => setEditing({ mode: 'cancel', action: a })}
              testId={`capa-action-cancel-${a.id}`}
            />
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      data-testid="capa-actions"
      title={
        <Flex gap={8} align="center">
          {t('capas.section.actions')}
          {open > 0 ? <Tag color="blue">{t('capas.action.open', { n: open })}</Tag> : null}
        </Flex>
      }
      extra={
        manage ? (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'add' })}
            data-testid="capa-action-add"
          >
            {t('capas.action.add')}
          </Button>
        ) : null
      }
    >
      {capa.status === 'open' || capa.status === 'in_progress' ? (
        <Alert type="info" showIcon title={t(`capas.guide.${capa.status}`)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<CapaActionView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={capa.actions}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('capas.action.empty') }}
        onRow={(a) =>
          ({
            'data-testid': `capa-action-${a.id}`,
            'data-status': a.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {editing ? <CapaActionModal capa={capa} editing={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
