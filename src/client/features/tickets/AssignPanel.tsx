import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useCan, useSession } from '../../api/session.ts';
import { type TicketView, useAssignTicket } from '../../api/tickets.ts';
import { useTeams } from '../../api/tickets-lookups.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';

interface Values {
  assigneeId?: number;
  teamId?: number | null;
  reason?: string;
}

/** Who works on the request; taking it from someone else asks why (the server requires the reason). */
export function AssignPanel({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const me = useSession();
  const teams = useTeams();
  const assign = useAssignTicket(ticket.id);
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const chosen = Form.useWatch('assigneeId', form);
  const reassigning = ticket.assigneeId !== null && chosen !== ticket.assigneeId;
  const teamName = teams.data?.find((team) => team.id === ticket.teamId)?.name;
  const mayAssign = can('ticket.assign');

  const save = (values: Values) =>
    assign.mutate(
      {
        assigneeId: values.assigneeId ?? null,
        teamId: values.teamId ?? null,
        reason: values.reason?.trim() || null,
      },
      {
        onSuccess: (saved) => {
          void message.success(
            saved.assigneeName ? t('tickets.assign.done', { name: saved.assigneeName }) : t('common.saved'),
          );
          setEditing(false);
        },
        onError: (error) => formErrors(form, error),
      },
    );

  const takeIt = () => {
    if (ticket.assigneeId && ticket.assigneeId !== me.user.id) {
      form.setFieldsValue({ assigneeId: me.user.id, teamId: ticket.teamId, reason: '' });
      setEditing(true);
      return;
    }
    save({ assigneeId: me.user.id, teamId: ticket.teamId });
  };

  return (
    <Card
      size="small"
      title={t('tickets.assign.title')}
      data-testid="ticket-assignment"
      extra={
        mayAssign && !editing ? (
          <Flex gap={4}>
            {ticket.assigneeId !== me.user.id ? (
              <Button
                size="small"
                icon={<UserAddOutlined />}
                onClick={takeIt}
                loading={assign.isPending}
                data-testid="assign-me"
              >
                {t('tickets.assign.takeIt')}
              </Button>
            ) : null}
            <Button
              size="small"
              type="link"
              onClick={() => {
                form.setFieldsValue({
                  assigneeId: ticket.assigneeId ?? undefined,
                  teamId: ticket.teamId,
                  reason: '',
                });
                setEditing(true);
              }}
              data-testid="assign-change"
            >
              {t('tickets.assign.change')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {editing ? (
        <Form form={form} layout="vertical" size="small" onFinish={save} requiredMark={false}>
          <Form.Item name="assigneeId" label={t('tickets.field.assignee')}>
            <StaffSelect
              current={ticket.assigneeId ? { id: ticket.assigneeId, name: ticket.assigneeName ?? '' } : null}
              placeholder={t('tickets.unassigned')}
              testId="assign-assignee"
            />
          </Form.Item>
          <Form.Item name="teamId" label={t('tickets.field.team')}>
            <Select
              allowClear
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              data-testid="assign-team"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('tickets.assign.reason')}
            extra={reassigning ? t('tickets.assign.reasonHint') : undefined}
            rules={[{ required: reassigning, whitespace: true, message: t('tickets.reason.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              data-testid="assign-reason"
            />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="assign-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'assignee',
              label: t('tickets.field.assignee'),
              children: (
                <span data-testid="ticket-assignee">
                  {ticket.assigneeName ?? (
                    <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>
                  )}
                </span>
              ),
            },
            {
              key: 'team',
              label: t('tickets.field.team'),
              children: teamName ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      )}
    </Card>
  );
}
