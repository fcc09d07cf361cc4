import { Alert, App, type ButtonProps, Checkbox, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type TicketView, useMergeTicket, useSplitTicket } from '../../api/tickets.ts';
import { useTicketMessages } from '../../api/tickets-conversation.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { TicketPicker } from './TicketPicker.tsx';

/** Merge this (duplicate) request into another: its conversation moves there and it closes. */
export function MergeModal({
  ticket,
  open,
  onClose,
}: {
  ticket: TicketView;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const merge = useMergeTicket(ticket.id);
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ targetId: number }>();
  return (
    <Modal
      open={open}
      title={t('tickets.merge.title', { number: ticket.number })}
      okText={t('tickets.merge.confirm')}
      okButtonProps={{ danger: true, ...testIdProps<ButtonProps>('merge-submit') }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('tickets.merge.hint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          merge.mutate(v.targetId, {
            onSuccess: () => {
              void message.success(t('tickets.merge.done'));
              onClose();
              navigate(`/tickets/${v.targetId}`);
            },
            onError: (error) => formErrors(form, error),
          })
        }
      >
        <Form.Item name="targetId" label={t('tickets.merge.target')} rules={[{ required: true }]}>
          <TicketPicker
            excludeId={ticket.id}
            placeholder={t('tickets.picker.placeholder')}
            testId="merge-target"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Split chosen messages off into a new request for the same customer. */
export function SplitModal({
  ticket,
  open,
  onClose,
}: {
  ticket: TicketView;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const navigate = useNavigate();
  const messages = useTicketMessages(ticket.id);
  const split = useSplitTicket(ticket.id);
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ subject: string }>();
  const [chosen, setChosen] = useState<number[]>([]);
  const [missing, setMissing] = useState(false);
  const movable = (messages.data ?? []).filter((m) => m.kind !== 'system');
  return (
    <Modal
      open={open}
      width={640}
      title={t('tickets.split.title')}
      okText={t('tickets.split.confirm')}
      okButtonProps={testIdProps<ButtonProps>('split-submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={split.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ subject: ticket.subject }}
        onFinish={(v) => {
          if (chosen.length === 0) {
            setMissing(true);
            return;
          }
          split.mutate(
            { messageIds: chosen, subject: v.subject.trim() },
            {
              onSuccess: ({ id }) => {
                void message.success(t('tickets.split.done'));
                onClose();
                navigate(`/tickets/${id}`);
              },
              onError: (error) => formErrors(form, error),
            },
          );
        }}
      >
        <Form.Item
          name="subject"
          label={t('tickets.split.subject')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} data-testid="split-subject" />
        </Form.Item>
        <Typography.Text>{t('tickets.split.hint')}</Typography.Text>
        {movable.length === 0 ? (
          <div>
            <Typography.Text type="secondary">{t('tickets.split.nothing')}</Typography.Text>
          </div>
        ) : (
          <Checkbox.Group
            value={chosen}
            onChange={(values) => {
              setChosen(values as number[]);
              setMissing(false);
            }}
            style={{
              display: 'flex',
              flexDirection: 'column',
              gap: 8,
              marginTop: 8,
              maxHeight: 320,
              overflow: 'auto',
            }}
          >
            {movable.map((m) => (
              <Checkbox key={m.id} value={m.id} data-testid={`split-message-${m.id}`}>
                <Flex gap={6} align="baseline">
                  <Tag color={m.kind === 'internal' ? 'gold' : 'blue'}>
                    {m.kind === 'internal' ? t('tickets.msg.internal') : t('tickets.msg.public')}
                  </Tag>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {m.authorName ?? '—'} · {fmt.dateTime(m.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {m.body}
                </Typography.Paragraph>
              </Checkbox>
            ))}
          </Checkbox.Group>
        )}
        {missing ? (
          <Alert type="error" showIcon title={t('tickets.split.none')} style={{ marginTop: 8 }} />
        ) : null}
      </Form>
    </Modal>
  );
}
