import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type AssignmentRuleView,
  useAssignmentRules,
  useDeleteAssignmentRule,
  useTeams,
  useUpdateAssignmentRule,
} from '../../api/assignment.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { colon } from '../../components/labels.ts';
import { byPosition, movedPositions } from '../../components/reorder.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ConditionSummary } from '../ticket-config/ConditionSummary.tsx';
import { complexityLabel, priorityLabel } from '../ticket-config/labels.ts';
import { RuleDrawer, STRATEGY_KEYS } from './RuleDrawer.tsx';

/** Assignment rules in evaluation order (needs ticket.configure, which is also what may change them). */
export function RulesTab() {
  const { t, locale } = useI18n();
  const rules = useAssignmentRules();
  const teams = useTeams();
  const update = useUpdateAssignmentRule();
  const remove = useDeleteAssignmentRule();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AssignmentRuleView | null | undefined>(undefined);
  const [moving, setMoving] = useState(false);
  const list = [...(rules.data ?? [])].sort(byPosition);
  const nextPosition = list.length > 0 ? Math.max(...list.map((r) => r.position)) + 10 : 10;
  const teamName = (id: number | null) =>
    id === null ? null : (teams.data?.find((team) => team.id === id)?.name ?? `#${id}`);

  const move = async (id: number, direction: -1 | 1) => {
    setMoving(true);
    try {
      for (const change of movedPositions(list, id, direction)) {
        await update.mutateAsync({ id: change.id, patch: { position: change.position } });
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setMoving(false);
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('ticketAdmin.rule.firstMatch')}
        description={t('ticketAdmin.rule.firstMatchText')}
        style={{ marginBottom: 16 }}
      />
      <Card
        title={t('ticketAdmin.rule.list')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="rule-create"
          >
            {t('ticketAdmin.rule.create')}
          </Button>
        }
      >
        {rules.error ? (
          <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <Table<AssignmentRuleView>
            rowKey="id"
            loading={rules.isPending || moving}
            dataSource={list}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="rule-table"
            locale={{ emptyText: rules.isPending ? ' ' : <EmptyState text={t('ticketAdmin.rule.empty')} /> }}
            columns={[
              {
                title: t('ticketAdmin.order'),
                key: 'order',
                width: 90,
                render: (_, r, index) => (
                  <Flex align="center" gap={2}>
                    <Typography.Text strong style={{ width: 20 }}>
                      {index + 1}
                    </Typography.Text>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0 || moving}
                      onClick={() => void move(r.id, -1)}
                      aria-label={t('ticketAdmin.moveUp')}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={index === list.length - 1 || moving}
                      onClick={() => void move(r.id, 1)}
                      aria-label={t('ticketAdmin.moveDown')}
                    />
                  </Flex>
                ),
              },
              {
                title: t('ticketAdmin.rule.name'),
                key: 'name',
                render: (_, r) => (
                  <Typography.Text strong type={r.isActive ? undefined : 'secondary'}>
                    {r.name}
                  </Typography.Text>
                ),
              },
              {
                title: t('ticketAdmin.rule.when'),
                key: 'conditions',
                width: 240,
                render: (_, r) => <ConditionSummary conditions={r.conditions} />,
              },
              {
                title: t('ticketAdmin.rule.then'),
                key: 'strategy',
                render: (_, r) => (
                  <Flex vertical gap={4} align="flex-start">
                    <Tag color="blue">{t(STRATEGY_KEYS[r.strategy].label)}</Tag>
                    {r.requiredSkills.length > 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('ticketAdmin.rule.requiredSkills')}
                        {colon(locale)}
                        {r.requiredSkills.join(', ')}
                      </Typography.Text>
                    ) : null}
                    <Typography.Text style={{ fontSize: 12 }}>
                      {t('ticketAdmin.rule.team')}
                      {colon(locale)}
                      {teamName(r.teamId) ?? '—'}
                    </Typography.Text>
                    {r.setPriority ? (
                      <Typography.Text style={{ fontSize: 12 }}>
                        {t('ticketAdmin.rule.setPriority')}
                        {colon(locale)}
                        {priorityLabel(r.setPriority, locale)}
                      </Typography.Text>
                    ) : null}
                    {r.setComplexity ? (
                      <Typography.Text style={{ fontSize: 12 }}>
                        {t('ticketAdmin.rule.setComplexity')}
                        {colon(locale)}
                        {complexityLabel(t, r.setComplexity)}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: t('common.status'),
                key: 'active',
                width: 90,
                render: (_, r) => (
                  <Switch
                    size="small"
                    checked={r.isActive}
                    aria-label={t('common.status')}
                    onChange={(isActive) =>
                      update.mutate({ id: r.id, patch: { isActive } }, { onError: notifyError })
                    }
                  />
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 150,
                render: (_, r) => (
                  <Flex gap={0}>
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(r)}
                      data-testid={`rule-edit-${r.id}`}
                    >
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('common.confirmDelete', { name: r.name })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutate(r.id, {
                          onSuccess: () => void message.success(t('common.deleted')),
                          onError: notifyError,
                        })
                      }
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        data-testid={`rule-delete-${r.id}`}
                      >
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing !== undefined ? (
        <RuleDrawer rule={editing} nextPosition={nextPosition} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
