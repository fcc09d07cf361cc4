import { MailOutlined } from '@ant-design/icons';
import { Button, Form, Input, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { FormAlert } from '../components/states.tsx';
import styles from '../portal.module.css';
import { useForgotPassword } from '../session.ts';
import { AuthCard } from './AuthCard.tsx';
import { emailRules } from './password-rules.ts';

export default function ForgotPage() {
  const t = useT();
  const forgot = useForgotPassword();

  if (forgot.isSuccess) {
    return (
      <div className={styles.narrow}>
        <Result
          icon={<MailOutlined style={{ color: '#d97a1e' }} />}
          title={t('portal.forgot.doneTitle')}
          subTitle={t('portal.forgot.doneText', { email: forgot.variables })}
          extra={
            <Link to="/portal/login">
              <Button type="primary" size="large">
                {t('portal.register.toLogin')}
              </Button>
            </Link>
          }
          data-testid="portal-forgot-done"
        />
      </div>
    );
  }

  return (
    <AuthCard title={t('portal.forgot.title')} subtitle={t('portal.forgot.subtitle')} testId="portal-forgot">
      <FormAlert error={forgot.error} testId="portal-forgot-error" />
      <Form<{ email: string }>
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={(v) => forgot.mutate(v.email.trim())}
        data-testid="portal-forgot-form"
      >
        <Form.Item name="email" label={t('portal.field.email')} rules={emailRules(t)}>
          <Input
            type="email"
            inputMode="email"
            autoComplete="email"
            autoFocus
            data-testid="portal-forgot-email"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={forgot.isPending}
          data-testid="portal-forgot-submit"
        >
          {t('portal.forgot.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/portal/login">{t('portal.forgot.back')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
