import { App, Form, Input, Modal } from 'antd';
import { useChangeStepOwner } from '../../api/complaints.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  ownerUserId: number;
  reason?: string;
}

/** 转交: hands the current step to a colleague, who is notified; the reason is kept in the history. */
export function StepOwnerModal({
  complaintId,
  open,
  current,
  onClose,
}: {
  complaintId: number;
  open: boolean;
  current: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeStepOwner(complaintId);
  const formErrors = useFormErrors();

  const submit = (v: Values) =>
    change.mutate(
      { ownerUserId: v.ownerUserId, reason: v.reason?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('complaints.reassigned'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open={open}
      title={t('complaints.reassign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('complaints.reassign')}
      confirmLoading={change.isPending}
      okButtonProps={testIdProps('complaint-reassign-submit')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ownerUserId: current?.id }}
        preserve={false}
      >
        <Form.Item
          name="ownerUserId"
          label={t('complaints.stepOwner')}
          rules={[{ required: true, message: t('complaints.step.required') }]}
        >
          <StaffSelect current={current} allowClear={false} testId="complaint-reassign-owner" />
        </Form.Item>
        <Form.Item name="reason" label={t('complaints.reassignReason')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            data-testid="complaint-reassign-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
