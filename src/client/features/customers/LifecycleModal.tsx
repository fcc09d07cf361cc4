import { App, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Lifecycle } from '../../../shared/schemas/customers.ts';
import { lifecycleChange } from '../../../shared/schemas/customers.ts';
import { type CustomerDetail, useChangeLifecycle } from '../../api/customers.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { LifecycleTag } from './labels.tsx';

type Target = 'active' | 'dormant' | 'lost';

/**
 * Moves people may make by hand (the server enforces the same table); prospects become active through
 * the new-customer application, not here.
 */
export const LIFECYCLE_MOVES: Record<Lifecycle, readonly Target[]> = {
  active: ['dormant', 'lost'],
  dormant: ['active', 'lost'],
  lost: ['active'],
  prospect: ['lost'],
  pending_approval: [],
};

/** Confirms a lifecycle move; marking a customer lost needs the reason. */
export function LifecycleModal({
  customer,
  to,
  open,
  onClose,
}: {
  customer: CustomerDetail;
  to: Target;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const change = useChangeLifecycle(customer.id);
  const formErrors = useFormErrors();
  const needsReason = to === 'lost';

  const submit = ({ reason }: { reason?: string }) =>
    change.mutate(
      { to, ...(reason?.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t('customers.lc.done'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open={open}
      title={t(`customers.lc.to.${to}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ danger: to === 'lost', ...testIdProps<object>('customer-lifecycle-submit') }}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <LifecycleTag value={customer.lifecycle} />
        <Typography.Text type="secondary">→</Typography.Text>
        <LifecycleTag value={to} />
      </Flex>
      <Typography.Paragraph type="secondary">{t(`customers.lc.hint.${to}`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="lifecycle" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('customers.lc.reason')}
          rules={[
            ...(needsReason
              ? [{ required: true, whitespace: true, message: t('customers.lc.reasonRequired') }]
              : []),
            zodRule(lifecycleChange.shape.reason),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            data-testid="customer-lifecycle-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
