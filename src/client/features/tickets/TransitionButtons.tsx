import { App, Button, type ButtonProps, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { TicketStatus } from '../../../shared/tickets/ticket-status.ts';
import { useCan } from '../../api/session.ts';
import { type TicketView, useTransitionTicket } from '../../api/tickets.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { useTicketLabels } from './labels.ts';

const FINISHED: readonly string[] = ['resolved', 'revisited', 'closed'];

/** Reopening, and closing a request that was never resolved, need a reason (the server insists too). */
export function needsReason(ticket: TicketView, to: string): 'reopen' | 'close' | null {
  if (to === 'in_progress' && FINISHED.includes(ticket.status)) return 'reopen';
  if (to === 'closed' && !ticket.resolvedAt) return 'close';
  return null;
}

/** The steps the flow allows from the current status, as buttons; nothing else is offered. */
export function TransitionButtons({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const formErrors = useFormErrors();
  const transition = useTransitionTicket(ticket.id);
  const [form] = Form.useForm<{ reason: string }>();
  const [asking, setAsking] = useState<{ to: TicketStatus; kind: 'reopen' | 'close' } | null>(null);
  if (!can('ticket.update')) return null;

  // "Assigned" follows from assigning someone (the assignment panel), not from a button.
  const steps = ticket.allowedTransitions.filter((s) => s !== 'assigned') as TicketStatus[];
  const run = (to: TicketStatus, reason?: string) =>
    transition.mutate(
      { status: to, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          void message.success(t('tickets.transitioned', { status: labels.status(to) }));
          setAsking(null);
          form.resetFields();
        },
        onError: (error) => formErrors(form, error),
      },
    );
  const label = (to: TicketStatus) =>
    needsReason(ticket, to) === 'reopen' ? t('tickets.to.reopen') : t(`tickets.to.${to}`);
  const primary = (to: TicketStatus) =>
    (to === 'in_progress' && (ticket.status === 'new' || ticket.status === 'assigned')) ||
    (to === 'resolved' && ticket.status === 'in_progress') ||
    (to === 'closed' && ticket.status === 'revisited');

  return (
    <>
      <Flex gap={8} wrap data-testid="ticket-transitions">
        {steps.map((to) => (
          <Button
            key={to}
            type={primary(to) ? 'primary' : 'default'}
            danger={to === 'closed' && !ticket.resolvedAt}
            loading={transition.isPending && transition.variables?.status === to}
            onClick={() => {
              const kind = needsReason(ticket, to);
              if (kind) setAsking({ to, kind });
              else run(to);
            }}
            data-testid={`ticket-to-${to}`}
          >
            {label(to)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={asking !== null}
        title={asking?.kind === 'reopen' ? t('tickets.reason.reopenTitle') : t('tickets.reason.closeTitle')}
        okText={asking ? label(asking.to) : undefined}
        onOk={() => form.submit()}
        onCancel={() => {
          setAsking(null);
          form.resetFields();
        }}
        confirmLoading={transition.isPending}
        okButtonProps={testIdProps<ButtonProps>('reason-submit')}
        destroyOnHidden
        data-testid="reason-modal"
      >
        <Form form={form} layout="vertical" onFinish={(v) => asking && run(asking.to, v.reason.trim())}>
          <Form.Item
            name="reason"
            label={t('tickets.reason.label')}
            extra={asking?.kind === 'reopen' ? t('tickets.reason.reopenHint') : t('tickets.reason.closeHint')}
            rules={[{ required: true, whitespace: true, message: t('tickets.reason.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={500}
              data-testid="reason-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
