import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { passwordSchema } from '../../../shared/schemas/auth.ts';
import type { UserView } from '../../api/types.ts';
import { keepingRolesAndLocale, useUpdateUser } from '../../api/users.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { randomPassword } from '../../components/random-password.ts';
import { useT } from '../../i18n/context.ts';

/** An administrator's password reset: the user must choose a new one at next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  const [visible, setVisible] = useState(false);
  const update = useUpdateUser();
  const formErrors = useFormErrors();
  const { message } = App.useApp();

  const submit = ({ password }: { password: string }) => {
    if (!user) return;
    update.mutate(
      { id: user.id, patch: keepingRolesAndLocale(user, { password }) },
      {
        onSuccess: () => {
          void message.success(t('users.resetDone'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true, loading: update.isPending }}
      destroyOnHidden
      afterOpenChange={(open) => (open ? undefined : setVisible(false))}
    >
      <Alert type="warning" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label={t('auth.newPassword')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="password"
              noStyle
              messageVariables={{ label: t('auth.newPassword') }}
              rules={[{ required: true }, zodRule(passwordSchema, t('auth.passwordTooShort'))]}
            >
              <Input.Password
                autoComplete="new-password"
                aria-label={t('auth.newPassword')}
                visibilityToggle={{ visible, onVisibleChange: setVisible }}
              />
            </Form.Item>
            <Button
              icon={<ThunderboltOutlined />}
              title={t('users.generate')}
              aria-label={t('users.generate')}
              onClick={() => {
                form.setFieldValue('password', randomPassword());
                setVisible(true);
              }}
            />
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
