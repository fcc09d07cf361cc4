import { Button, Form, Result, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { errorCode } from '../api.ts';
import { usePortalFieldErrors } from '../components/form-errors.ts';
import { FormAlert } from '../components/states.tsx';
import styles from '../portal.module.css';
import { useVerifyEmail } from '../session.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';

interface Values {
  password: string;
  confirm: string;
}

/**
 * The link from the verification email: the person who owns the address chooses the password here,
 * which verifies the address and opens the account (sign-up itself takes no password).
 */
export default function VerifyPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail();
  const [form] = Form.useForm<Values>();
  const fieldErrors = usePortalFieldErrors({ password: 'portal.field.passwordTooShort' });

  if (!token) {
    return (
      <div className={styles.narrow}>
        <Result
          status="warning"
          title={t('portal.verify.noToken')}
          subTitle={t('portal.verify.noTokenText')}
          data-testid="portal-verify-failed"
        />
      </div>
    );
  }

  if (verify.isSuccess) {
    return (
      <div className={styles.narrow}>
        <Result
          status="success"
          title={t('portal.verify.okTitle')}
          subTitle={t('portal.verify.okText')}
          extra={
            <Link to="/portal/login">
              <Button type="primary" size="large" data-testid="portal-verify-login">
                {t('portal.nav.login')}
              </Button>
            </Link>
          }
          data-testid="portal-verify-ok"
        />
      </div>
    );
  }

  return (
    <AuthCard title={t('portal.verify.title')} subtitle={t('portal.verify.subtitle')} testId="portal-verify">
      <FormAlert error={verify.error} testId="portal-verify-error" />
      {errorCode(verify.error) === 'TOKEN_INVALID' ? (
        <Typography.Paragraph style={{ marginTop: -8 }} data-testid="portal-verify-failed">
          {t('portal.verify.failedText')} <Link to="/portal/login">{t('portal.nav.login')}</Link>
          {' · '}
          <Link to="/portal/forgot">{t('portal.login.resend')}</Link>
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(v) =>
          verify.mutate({ token, password: v.password }, { onError: (error) => fieldErrors(form, error) })
        }
        data-testid="portal-verify-form"
      >
        <NewPasswordFields
          testId="portal-verify"
          label="portal.field.password"
          submit="portal.verify.submit"
          pending={verify.isPending}
        />
      </Form>
    </AuthCard>
  );
}
