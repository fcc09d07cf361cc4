import { App, Form, Input, Modal, Typography } from 'antd';
import { closureConfirmationInput } from '../../../shared/schemas/complaint-analysis.ts';
import { type ConfirmationItem, useConfirmClosure } from '../../api/complaint-analysis.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';

/** Records that the customer confirmed a closed complaint is settled, with how and what they said. */
export function ConfirmClosureModal({
  complaint,
  onClose,
}: {
  complaint: ConfirmationItem;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const confirm = useConfirmClosure();
  const formErrors = useFormErrors();

  const submit = ({ note }: { note: string }) =>
    confirm.mutate(
      { id: complaint.id, note: note?.trim() ? note.trim() : null },
      {
        onSuccess: () => {
          void message.success(t('complaintAnalysis.confirm.done'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open
      title={t('complaintAnalysis.confirm.title', { number: complaint.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('complaintAnalysis.confirm.submit')}
      confirmLoading={confirm.isPending}
      okButtonProps={testIdProps('confirm-submit')}
      destroyOnHidden
      data-testid="confirm-modal"
    >
      <Typography.Paragraph type="secondary">{t('complaintAnalysis.confirm.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="closure-confirmation"
        onFinish={submit}
        initialValues={{ note: '' }}
      >
        <Form.Item
          name="note"
          label={t('complaintAnalysis.confirm.note')}
          rules={[zodRule(closureConfirmationInput.shape.note)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('complaintAnalysis.confirm.noteHint')}
            data-testid="confirm-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
