import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { PRIORITIES } from '../../../shared/tickets/ticket-status.ts';
import { useCan } from '../../api/session.ts';
import {
  type SlaPolicyView,
  useCalendarChoices,
  useSlaPolicies,
  useUpdateSlaPolicy,
} from '../../api/ticket-config.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { byPosition, movedPositions } from '../../components/reorder.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ConditionSummary } from './ConditionSummary.tsx';
import { priorityLabel } from './labels.ts';
import { SlaPolicyDrawer } from './SlaPolicyDrawer.tsx';
import { readableMinutes, workingDayMinutes } from './sla-time.ts';

/** 服务时限（SLA）: ordered policies; the first active one matching a request sets its clocks. */
export default function SlaPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const canManage = can('ticket.configure');
  const policies = useSlaPolicies();
  const calendars = useCalendarChoices(can('calendar.read'));
  const update = useUpdateSlaPolicy();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<SlaPolicyView | null | undefined>(undefined);
  const [moving, setMoving] = useState(false);
  const list = [...(policies.data ?? [])].sort(byPosition);
  const nextPosition = list.length > 0 ? Math.max(...list.map((p) => p.position)) + 10 : 10;

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

  const calendarOf = (p: SlaPolicyView) =>
    calendars.data?.find((c) => c.id === p.calendarId) ?? calendars.data?.find((c) => c.isDefault);

  const targetsCell = (p: SlaPolicyView) => {
    const day = workingDayMinutes(p.clock === 'business' ? calendarOf(p) : undefined);
    const r = (m: number | undefined) => readableMinutes(t, m, p.clock, day) || '—';
    return (
      <table style={{ fontSize: 12, borderSpacing: '8px 2px', marginInlineStart: -8, whiteSpace: 'nowrap' }}>
        <tbody>
          {PRIORITIES.map((priority) => {
            const target = p.targets[priority];
            return (
              <tr key={priority}>
                <td>
                  <Typography.Text strong style={{ fontSize: 12 }}>
                    {priorityLabel(priority, locale)}
                  </Typography.Text>
                </td>
                <td>
                  {t('ticketAdmin.sla.firstShort')} {r(target.firstResponse)}
                </td>
                <td>
                  {target.nextResponse
                    ? `${priority === 'urgent' ? t('ticketAdmin.sla.detailedShort') : t('ticketAdmin.sla.nextShort')} ${r(target.nextResponse)}`
                    : ''}
                </td>
                <td>
                  {t('ticketAdmin.sla.resolutionShort')} {r(target.resolution)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };

  return (
    <>
      <PageHeader
        title={t('ticketAdmin.sla.title')}
        subtitle={t('ticketAdmin.sla.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="sla-create"
            >
              {t('ticketAdmin.sla.create')}
            </Button>
          ) : null
        }
      />
      <Alert
        type="info"
        showIcon
        title={t('ticketAdmin.sla.firstMatch')}
        description={t('ticketAdmin.sla.firstMatchText')}
        style={{ marginBottom: 16 }}
        data-testid="sla-first-match"
      />
      <Card>
        {policies.error ? (
          <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
        ) : (
          <Table<SlaPolicyView>
            rowKey="id"
            loading={policies.isPending || moving}
            dataSource={list}
            pagination={false}
            scroll={{ x: 1060 }}
            data-testid="sla-table"
            locale={{
              emptyText: policies.isPending ? ' ' : <EmptyState text={t('ticketAdmin.sla.empty')} />,
            }}
            columns={[
              {
                title: t('ticketAdmin.order'),
                key: 'order',
                width: 90,
                render: (_, p, index) => (
                  <Flex align="center" gap={2}>
                    <Typography.Text strong style={{ width: 20 }}>
                      {index + 1}
                    </Typography.Text>
                    {canManage ? (
                      <>
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0 || moving}
                          onClick={() => void move(p.id, -1)}
                          aria-label={t('ticketAdmin.moveUp')}
                        />
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={index === list.length - 1 || moving}
                          onClick={() => void move(p.id, 1)}
                          aria-label={t('ticketAdmin.moveDown')}
                        />
                      </>
                    ) : null}
                  </Flex>
                ),
              },
              {
                title: t('ticketAdmin.sla.name'),
                key: 'name',
                width: 160,
                render: (_, p) => (
                  <Flex vertical gap={4} align="flex-start">
                    <Typography.Text strong type={p.isActive ? undefined : 'secondary'}>
                      {p.name}
                    </Typography.Text>
                    {p.isActive ? null : <Tag>{t('common.disabled')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('ticketAdmin.sla.appliesTo'),
                key: 'conditions',
                width: 180,
                render: (_, p) => <ConditionSummary conditions={p.conditions} />,
              },
              { title: t('ticketAdmin.sla.targets'), key: 'targets', render: (_, p) => targetsCell(p) },
              {
                title: t('ticketAdmin.sla.clock'),
                key: 'clock',
                width: 150,
                render: (_, p) => (
                  <Flex vertical gap={2}>
                    <span>
                      {p.clock === 'business'
                        ? t('ticketAdmin.sla.clockBusiness')
                        : t('ticketAdmin.sla.clockCalendar')}
                    </span>
                    {p.clock === 'business' ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {calendarOf(p)?.name ?? t('ticketAdmin.sla.calendarDefault')}
                      </Typography.Text>
                    ) : null}
                    <Tooltip title={t('ticketAdmin.sla.warningHint')}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('ticketAdmin.sla.warningAt', { percent: p.warningPercent })}
                      </Typography.Text>
                    </Tooltip>
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 90,
                render: (_, p) => (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(p)}
                    data-testid={`sla-edit-${p.id}`}
                  >
                    {canManage ? t('common.edit') : t('ticketAdmin.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing !== undefined ? (
        <SlaPolicyDrawer
          policy={editing}
          nextPosition={nextPosition}
          canManage={canManage}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
}
