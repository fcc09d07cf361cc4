import { Button, Form, Result, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { errorCode } from '../api.ts';
import { usePortalFieldErrors } from '../components/form-errors.ts';
import { FormAlert } from '../components/states.tsx';
import styles from '../portal.module.css';
import { useSetPassword } from '../session.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

interface Values {
  password: string;
  confirm: string;
}

/** From an invitation or a "forgot password" email: choose a password, then sign in. */
export default function SetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const setPassword = useSetPassword();
  const [form] = Form.useForm<Values>();
  const fieldErrors = usePortalFieldErrors({ password: 'portal.field.passwordTooShort' });

  if (!token) {
    return (
      <div className={styles.narrow}>
        <Result
          status="warning"
          title={t('portal.verify.noToken')}
          subTitle={t('portal.verify.noTokenText')}
          extra={
            <Link to="/portal/forgot">
              <Button type="primary">{t('portal.login.resend')}</Button>
            </Link>
          }
          data-testid="portal-setpw-failed"
        />
      </div>
    );
  }

  if (setPassword.isSuccess) {
    return (
      <div className={styles.narrow}>
        <Result
          status="success"
          title={t('portal.setPassword.doneTitle')}
          subTitle={t('portal.setPassword.doneText')}
          extra={
            <Link to="/portal/login">
              <Button type="primary" size="large" data-testid="portal-setpw-login">
                {t('portal.nav.login')}
              </Button>
            </Link>
          }
          data-testid="portal-setpw-done"
        />
      </div>
    );
  }

  return (
    <AuthCard
      title={t('portal.setPassword.title')}
      subtitle={t('portal.setPassword.subtitle')}
      testId="portal-setpw"
    >
      <FormAlert error={setPassword.error} testId="portal-setpw-error" />
      {errorCode(setPassword.error) === 'TOKEN_INVALID' ? (
        <Typography.Paragraph style={{ marginTop: -8 }}>
          <Link to="/portal/forgot">{t('portal.login.resend')}</Link>
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(v) =>
          setPassword.mutate(
            { token, password: v.password },
            { onError: (error) => fieldErrors(form, error) },
          )
        }
        data-testid="portal-setpw-form"
      >
        <NewPasswordFields
          testId="portal-setpw"
          label="portal.field.newPassword"
          submit="portal.setPassword.submit"
          pending={setPassword.isPending}
        />
      </Form>
    </AuthCard>
  );
}
