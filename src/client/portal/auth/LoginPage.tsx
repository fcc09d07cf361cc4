import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useLocation } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { errorCode } from '../api.ts';
import { FormAlert } from '../components/states.tsx';
import { PortalSpin } from '../PortalShell.tsx';
import { portalSignedOutDeliberately, usePortalLogin, usePortalMe } from '../session.ts';
import { AuthCard } from './AuthCard.tsx';

interface Values {
  email: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const me = usePortalMe();
  const login = usePortalLogin();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/portal/requests';

  if (me.isPending) return <PortalSpin />;
  if (me.data) return <Navigate to={from} replace />;

  const notVerified = errorCode(login.error) === 'EMAIL_NOT_VERIFIED';
  return (
    <AuthCard title={t('portal.login.title')} subtitle={t('portal.login.subtitle')} testId="portal-login">
      {login.error ? (
        <>
          <FormAlert error={login.error} testId="portal-login-error" />
          {notVerified ? (
            <Typography.Paragraph
              type="secondary"
              style={{ marginTop: -8 }}
              data-testid="portal-login-unverified"
            >
              {t('portal.login.notVerifiedHint')} <Link to="/portal/forgot">{t('portal.login.resend')}</Link>
            </Typography.Paragraph>
          ) : null}
        </>
      ) : portalSignedOutDeliberately() ? (
        <Alert type="success" showIcon title={t('portal.login.signedOut')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(values) => login.mutate({ email: values.email.trim(), password: values.password })}
        data-testid="portal-login-form"
      >
        <Form.Item
          name="email"
          label={t('portal.field.email')}
          rules={[{ required: true, whitespace: true, message: t('portal.field.emailRequired') }]}
        >
          <Input
            prefix={<MailOutlined />}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoFocus
            data-testid="portal-login-email"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('portal.field.password')}
          rules={[{ required: true, message: t('portal.field.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="portal-login-password"
          />
        </Form.Item>
        <Flex justify="flex-end" style={{ marginTop: -12, marginBottom: 16 }}>
          <Link to="/portal/forgot" data-testid="portal-login-forgot">
            {t('portal.login.forgot')}
          </Link>
        </Flex>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={login.isPending}
          data-testid="portal-login-submit"
        >
          {t('portal.login.submit')}
        </Button>
      </Form>
      <Divider plain style={{ margin: '20px 0 12px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('portal.login.noAccount')}
        </Typography.Text>
      </Divider>
      <Flex vertical gap={8}>
        <Link to="/portal/register">
          <Button block data-testid="portal-login-register">
            {t('portal.login.register')}
          </Button>
        </Link>
        <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 13 }}>
          {t('portal.login.orGuest')} <Link to="/request">{t('portal.login.guestLink')}</Link>
        </Typography.Text>
      </Flex>
    </AuthCard>
  );
}
