import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { apiTokenCreate } from '../../../shared/schemas/tokens.ts';
import { useCreateApiToken } from '../../api/tokens.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

const NEVER = 0;
const EXPIRY_DAYS = [30, 90, 180, 365, NEVER];

/** Create a token, then show its secret once. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const create = useCreateApiToken();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    setSecret(null);
    onClose();
  };

  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t('common.copied'));
    } catch {
      void message.warning(t('common.copyFailed'));
    }
  };

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('tokens.createdTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={close} data-testid="token-done">
            {t('tokens.copied')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.onceWarning')} style={{ marginBottom: 16 }} />
        <Flex gap={8}>
          <Input.TextArea
            readOnly
            value={secret}
            autoSize
            onFocus={(e) => e.target.select()}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
            data-testid="token-secret"
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="token-copy">
            {t('common.copy')}
          </Button>
        </Flex>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        name="api-token"
        initialValues={{ expiresInDays: 90 }}
        onFinish={(values) =>
          create.mutate(
            {
              name: values.name.trim(),
              expiresInDays: values.expiresInDays === NEVER ? null : values.expiresInDays,
            },
            { onSuccess: (created) => setSecret(created.token), onError: (error) => formErrors(form, error) },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true }, zodRule(apiTokenCreate.shape.name)]}
        >
          <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expires')}>
          <Select
            options={EXPIRY_DAYS.map((days) => ({
              value: days,
              label: days === NEVER ? t('tokens.never') : t('tokens.days', { days }),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
