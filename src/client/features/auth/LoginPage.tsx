import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { signedOutDeliberately, useLogin, useMe } from '../../api/session.ts';
import { BridgeIcon } from '../../components/BrandMark.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import styles from './login.module.css';

interface Values {
  login: string;
  password: string;
}

function BrandPanel() {
  const t = useT();
  return (
    <div className={styles.brand}>
      <svg className={styles.arch} viewBox="0 0 600 260" aria-hidden="true" focusable="false">
        <path d="M-20 200 Q300 -40 620 200" />
        <path d="M-20 200 H620" />
        <path d="M90 131 V200 M200 86 V200 M300 74 V200 M400 86 V200 M510 131 V200" />
      </svg>
      <div className={styles.brandInner}>
        <Flex align="center" gap={16}>
          <BridgeIcon size={56} />
          <div>
            <div className={styles.wordmark}>
              桥 <span>Qiao</span>
            </div>
            <div className={styles.product}>{t('app.product')}</div>
          </div>
        </Flex>
        <p className={styles.tagline}>{t('app.tagline')}</p>
      </div>
    </div>
  );
}

export default function LoginPage() {
  const t = useT();
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.isPending) return <FullPageSpin />;
  if (me.data) {
    return <Navigate to={me.data.user.mustChangePassword ? '/change-password' : from} replace />;
  }

  return (
    <div className={styles.page}>
      <BrandPanel />
      <main className={styles.formSide}>
        <Flex justify="flex-end" className={styles.topBar}>
          <LanguageSwitch />
        </Flex>
        <Card className={styles.card} variant="borderless">
          <Typography.Text type="secondary">{t('auth.welcome')}</Typography.Text>
          <Typography.Title level={2} style={{ marginTop: 4 }}>
            {t('app.name')} · {t('auth.signIn')}
          </Typography.Title>
          {login.error ? (
            <Alert
              type="error"
              showIcon
              title={errorText(login.error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          ) : signedOutDeliberately() ? (
            <Alert type="success" showIcon title={t('auth.signedOut')} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Values>
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={(values) => login.mutate({ login: values.login.trim(), password: values.password })}
            data-testid="login-form"
          >
            <Form.Item name="login" label={t('auth.login')} rules={[{ required: true, whitespace: true }]}>
              <Input
                prefix={<UserOutlined />}
                placeholder={t('auth.loginPlaceholder')}
                autoComplete="username"
                autoFocus
                data-testid="login-input"
              />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="password-input"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('auth.signIn')}
            </Button>
          </Form>
        </Card>
        <Typography.Text type="secondary" className={styles.footer}>
          桥 Qiao · {t('auth.footer')}
        </Typography.Text>
      </main>
    </div>
  );
}
