import { MailOutlined } from '@ant-design/icons';
import { Button, Form, Input, Result, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { portalRegister } from '../../../shared/schemas/portal.ts';
import { zodRule } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { usePortalFieldErrors } from '../components/form-errors.ts';
import { FormAlert } from '../components/states.tsx';
import styles from '../portal.module.css';
import { usePortalMe, useRegister } from '../session.ts';
import { AuthCard } from './AuthCard.tsx';
import { emailRules } from './password-rules.ts';

interface Values {
  name: string;
  email: string;
  phone?: string;
  company?: string;
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export default function RegisterPage() {
  const { t, locale } = useI18n();
  const me = usePortalMe();
  const register = useRegister();
  const [form] = Form.useForm<Values>();
  const fieldErrors = usePortalFieldErrors({
    email: 'common.invalidEmail',
  });
  const shape = portalRegister.shape;

  if (me.data) return <Navigate to="/portal/requests" replace />;

  if (register.isSuccess) {
    return (
      <div className={styles.narrow}>
        <Result
          icon={<MailOutlined style={{ color: '#d97a1e' }} />}
          title={t('portal.register.doneTitle')}
          subTitle={t('portal.register.doneText', { email: register.variables.email })}
          extra={
            <Link to="/portal/login">
              <Button type="primary" size="large" data-testid="portal-register-login">
                {t('portal.register.toLogin')}
              </Button>
            </Link>
          }
          data-testid="portal-register-done"
        />
      </div>
    );
  }

  return (
    <AuthCard
      title={t('portal.register.title')}
      subtitle={t('portal.register.subtitle')}
      testId="portal-register"
    >
      <FormAlert error={register.error} testId="portal-register-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        size="large"
        onFinish={(v) =>
          register.mutate(
            {
              name: v.name.trim(),
              email: v.email.trim(),
              phone: blankToNull(v.phone),
              company: blankToNull(v.company),
              locale,
            },
            { onError: (error) => fieldErrors(form, error) },
          )
        }
        data-testid="portal-register-form"
      >
        <Form.Item
          name="name"
          label={t('portal.field.name')}
          rules={[
            { required: true, whitespace: true, message: t('portal.field.nameRequired') },
            zodRule(shape.name),
          ]}
        >
          <Input autoComplete="name" data-testid="portal-register-name" />
        </Form.Item>
        <Form.Item name="email" label={t('portal.field.email')} rules={emailRules(t)}>
          <Input type="email" inputMode="email" autoComplete="email" data-testid="portal-register-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('portal.field.phone')} rules={[zodRule(shape.phone)]}>
          <Input type="tel" inputMode="tel" autoComplete="tel" data-testid="portal-register-phone" />
        </Form.Item>
        <Form.Item name="company" label={t('portal.field.company')} rules={[zodRule(shape.company)]}>
          <Input autoComplete="organization" data-testid="portal-register-company" />
        </Form.Item>
        <Typography.Paragraph type="secondary" data-testid="portal-register-password-later">
          {t('portal.register.passwordLater')}
        </Typography.Paragraph>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={register.isPending}
          data-testid="portal-register-submit"
        >
          {t('portal.register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('portal.register.haveAccount')} <Link to="/portal/login">{t('portal.nav.login')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
