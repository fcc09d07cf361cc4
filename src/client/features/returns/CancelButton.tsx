import { StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type ReturnDetail, useCancelReturn } from '../../api/returns.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

/** Withdraws a notice before the goods arrive, with the reason on record. */
export function CancelButton({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const formErrors = useFormErrors();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const cancel = useCancelReturn();
  const submit = async () => {
    const v = await form.validateFields();
    cancel.mutate(
      { id: notice.id, input: { reason: v.reason ?? '' } },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t('returns.cancel.done'));
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="return-cancel">
        {t('returns.cancel.button')}
      </Button>
      <Modal
        open={open}
        title={t('returns.cancel.title', { number: notice.number })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button
              danger
              type="primary"
              loading={cancel.isPending}
              onClick={() => void submit().catch(() => undefined)}
              data-testid="return-cancel-submit"
            >
              {t('returns.cancel.ok')}
            </Button>
          </Flex>
        }
      >
        <Form form={form} layout="vertical" name="return-cancel">
          <Form.Item
            name="reason"
            label={t('returns.cancel.reason')}
            rules={[{ required: true, whitespace: true, message: t('returns.cancel.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="return-cancel-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
