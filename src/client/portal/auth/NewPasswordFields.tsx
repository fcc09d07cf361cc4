import { Button, Form, Input } from 'antd';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/context.ts';
import { confirmRules, passwordRules } from './password-rules.ts';

/**
 * A new password typed twice, and the button that submits it: the end of every form where a portal
 * contact chooses a password (verifying the address, resetting or setting it from an invitation).
 */
export function NewPasswordFields({
  testId,
  label,
  submit,
  pending,
}: {
  /** Prefix of the fields' test ids: `<testId>-password`, `-confirm`, `-submit`. */
  testId: string;
  label: MessageKey;
  submit: MessageKey;
  pending: boolean;
}) {
  const t = useT();
  return (
    <>
      <Form.Item
        name="password"
        label={t(label)}
        extra={t('portal.field.passwordHint')}
        rules={passwordRules(t)}
      >
        <Input.Password autoComplete="new-password" autoFocus data-testid={`${testId}-password`} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('portal.field.confirm')}
        dependencies={['password']}
        rules={confirmRules(t)}
      >
        <Input.Password autoComplete="new-password" data-testid={`${testId}-confirm`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending} data-testid={`${testId}-submit`}>
        {t(submit)}
      </Button>
    </>
  );
}
