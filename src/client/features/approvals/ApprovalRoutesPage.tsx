import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { APPROVAL_FLOW_KEYS } from '../../../shared/schemas/approvals.ts';
import {
  type ApprovalRouteView,
  useApprovalRoutes,
  useDeleteApprovalRoute,
  useUpdateApprovalRoute,
} from '../../api/approvals.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { byPosition, movedPositions } from '../../components/reorder.ts';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useApproverText, useFlowLabel } from './labels.tsx';
import { RouteDrawer } from './RouteDrawer.tsx';

interface Editing {
  flow: string;
  route: ApprovalRouteView | null;
  nextPosition: number;
}

function useConditionText() {
  const { t, locale } = useI18n();
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (c: ApprovalRouteView['condition']) => {
    const parts = [
      ...(c.creditLevels?.length ? [t('routes.cond.levels', { levels: c.creditLevels.join(' / ') })] : []),
      ...(c.minAmount !== undefined ? [t('routes.cond.min', { amount: money.format(c.minAmount) })] : []),
      ...(c.maxAmount !== undefined ? [t('routes.cond.max', { amount: money.format(c.maxAmount) })] : []),
    ];
    return parts.length > 0 ? parts : [t('routes.cond.always')];
  };
}

/** One flow's steps in order, with reordering, the active switch, edit and delete for settings.manage. */
function FlowCard({
  flow,
  routes,
  canManage,
  onEdit,
}: {
  flow: string;
  routes: ApprovalRouteView[];
  canManage: boolean;
  onEdit: (editing: Editing) => void;
}) {
  const { t } = useI18n();
  const flowLabel = useFlowLabel();
  const approver = useApproverText();
  const conditionText = useConditionText();
  const update = useUpdateApprovalRoute();
  const remove = useDeleteApprovalRoute();
  const notifyError = useNotifyError();
  const sorted = [...routes].sort(byPosition);
  const nextPosition = (sorted.at(-1)?.position ?? 0) + 10;

  const move = async (id: number, direction: -1 | 1) => {
    try {
      for (const change of movedPositions(sorted, id, direction))
        await update.mutateAsync({ id: change.id, patch: { position: change.position } });
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<ApprovalRouteView> = [
    { title: t('routes.col.order'), key: 'order', width: 70, render: (_, _r, i) => i + 1 },
    {
      title: t('routes.col.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('routes.col.condition'),
      dataIndex: 'condition',
      render: (c: ApprovalRouteView['condition']) => (
        <Flex gap={4} wrap>
          {conditionText(c).map((text) => (
            <Tag key={text} style={{ marginInlineEnd: 0 }}>
              {text}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('routes.col.approver'), key: 'approver', render: (_, r) => approver(r) },
    {
      title: t('routes.col.active'),
      dataIndex: 'isActive',
      width: 80,
      render: (active: boolean, r) => (
        <Switch
          size="small"
          checked={active}
          disabled={!canManage}
          loading={update.isPending && update.variables?.id === r.id}
          onChange={(isActive) => update.mutate({ id: r.id, patch: { isActive } }, { onError: notifyError })}
          data-testid={`route-active-${r.id}`}
        />
      ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, r: ApprovalRouteView, i: number) => (
              <Flex gap={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  aria-label={t('routes.moveUp')}
                  title={t('routes.moveUp')}
                  onClick={() => void move(r.id, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === sorted.length - 1}
                  aria-label={t('routes.moveDown')}
                  title={t('routes.moveDown')}
                  onClick={() => void move(r.id, 1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  title={t('common.edit')}
                  onClick={() => onEdit({ flow, route: r, nextPosition })}
                  data-testid={`route-edit-${r.id}`}
                />
                <Popconfirm
                  title={t('routes.confirmDelete', { name: r.name })}
                  onConfirm={() => remove.mutateAsync(r.id).catch(notifyError)}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    title={t('common.delete')}
                  />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={flowLabel(flow)}
      data-testid={`routes-${flow}`}
      style={{ marginBottom: 16 }}
      extra={
        canManage && (APPROVAL_FLOW_KEYS as readonly string[]).includes(flow) ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => onEdit({ flow, route: null, nextPosition })}
            data-testid={`route-create-${flow}`}
          >
            {t('routes.create')}
          </Button>
        ) : null
      }
    >
      <Table<ApprovalRouteView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={sorted}
        onRow={(r) => ({ style: r.isActive ? undefined : { opacity: 0.55 } })}
        locale={{ emptyText: <EmptyState text={t('routes.empty')} /> }}
      />
    </Card>
  );
}

/** 审批流程设置: per flow, the ordered steps, when each applies and who decides it. */
export default function ApprovalRoutesPage() {
  const { t } = useI18n();
  const can = useCan();
  const canManage = can('settings.manage');
  const routes = useApprovalRoutes();
  const [editing, setEditing] = useState<Editing | null>(null);
  return (
    <>
      <PageHeader title={t('routes.title')} subtitle={t('routes.subtitle')} />
      {canManage ? null : (
        <Alert type="info" showIcon title={t('routes.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <LoadState query={routes} rows={8}>
        {(list) => {
          const flows = [...new Set([...APPROVAL_FLOW_KEYS, ...list.map((r) => r.flow)])];
          return flows.map((flow) => (
            <FlowCard
              key={flow}
              flow={flow}
              routes={list.filter((r) => r.flow === flow)}
              canManage={canManage}
              onEdit={setEditing}
            />
          ));
        }}
      </LoadState>
      {editing ? (
        <RouteDrawer
          flow={editing.flow}
          route={editing.route}
          nextPosition={editing.nextPosition}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
