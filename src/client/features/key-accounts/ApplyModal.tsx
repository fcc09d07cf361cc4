import { App, Form, Input, Modal, Typography } from 'antd';
import { keyAccountApply } from '../../../shared/schemas/key-accounts.ts';
import { type KeyAccountCard, useApplyKeyAccount } from '../../api/key-accounts.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { BLANK_CARD, CardFormFields, type CardValues, cardInput, cardValues } from './CardFormFields.tsx';

type Values = CardValues & { reason: string };

/** 大客户申请表: the reason and as much of the management card as is known; starts the approval. */
export function ApplyModal({
  customer,
  previous,
  open,
  onClose,
}: {
  customer: { id: number; name: string };
  /** A rejected, withdrawn or revoked record: its card is the starting point of the new application. */
  previous: KeyAccountCard | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const apply = useApplyKeyAccount(customer.id);
  const formErrors = useFormErrors();

  const submit = (values: Values) =>
    apply.mutate(
      { reason: values.reason.trim(), ...cardInput(values) },
      {
        onSuccess: () => {
          void message.success(t('keyAccounts.submitted'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open={open}
      width={760}
      title={t('keyAccounts.applyTitle', { name: customer.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('keyAccounts.submit')}
      confirmLoading={apply.isPending}
      okButtonProps={testIdProps('ka-submit')}
      destroyOnHidden
      data-testid="ka-apply-modal"
    >
      <Typography.Paragraph type="secondary">{t('keyAccounts.applyIntro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="key-account-apply"
        initialValues={{ ...(previous ? cardValues(previous) : BLANK_CARD), reason: '' }}
        onFinish={submit}
        scrollToFirstError
      >
        <Form.Item
          name="reason"
          label={t('keyAccounts.f.reason')}
          rules={[{ required: true, whitespace: true }, zodRule(keyAccountApply.shape.reason)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('keyAccounts.f.reasonHint')}
            data-testid="ka-reason"
          />
        </Form.Item>
        <CardFormFields specialist={previous?.specialist ?? null} />
      </Form>
    </Modal>
  );
}
