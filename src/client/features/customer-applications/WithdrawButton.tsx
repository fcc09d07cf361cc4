import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type ApplicationView, useWithdrawApplication } from '../../api/customer-applications.ts';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';

/** 撤回: the applicant takes a draft or a pending application back, with an optional note. */
export function WithdrawButton({ application }: { application: Pick<ApplicationView, 'id' | 'number'> }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ comment?: string }>();
  const withdraw = useWithdrawApplication();
  return (
    <>
      <Button
        icon={<RollbackOutlined />}
        onClick={() => {
          withdraw.reset();
          setOpen(true);
        }}
        data-testid="admission-withdraw"
      >
        {t('admission.action.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('admission.withdrawTitle', { number: application.number })}
        onCancel={() => setOpen(false)}
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button
              danger
              type="primary"
              loading={withdraw.isPending}
              onClick={() => form.submit()}
              data-testid="admission-withdraw-confirm"
            >
              {t('admission.action.withdraw')}
            </Button>
          </Flex>
        }
        destroyOnHidden
      >
        {withdraw.error ? (
          <Alert type="error" showIcon title={errorText(withdraw.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={({ comment }) =>
            withdraw.mutate(
              { id: application.id, comment: comment?.trim() || null },
              {
                onSuccess: () => {
                  setOpen(false);
                  void message.success(t('admission.withdrawn'));
                },
              },
            )
          }
        >
          <Form.Item name="comment" label={t('admission.withdrawComment')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
