import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { usePortalErrorText } from '../components/states.tsx';
import styles from '../portal.module.css';
import { useVerifyEmail } from '../session.ts';

/** The link from the verification email: verifies on arrival, then offers to sign in. */
export default function VerifyPage() {
  const t = useT();
  const errorText = usePortalErrorText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyEmail(token);

  let content: ReactNode;
  if (!token) {
    content = (
      <Result
        status="warning"
        title={t('portal.verify.noToken')}
        subTitle={t('portal.verify.noTokenText')}
        data-testid="portal-verify-failed"
      />
    );
  } else if (verify.isPending) {
    content = (
      <Result
        icon={<Spin size="large" />}
        title={t('portal.verify.checking')}
        data-testid="portal-verify-pending"
      />
    );
  } else if (verify.isSuccess) {
    content = (
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
    );
  } else {
    content = (
      <Result
        status="error"
        title={t('portal.verify.failedTitle')}
        subTitle={`${errorText(verify.error)} ${t('portal.verify.failedText')}`}
        extra={[
          <Link to="/portal/login" key="login">
            <Button type="primary">{t('portal.nav.login')}</Button>
          </Link>,
          <Link to="/portal/forgot" key="forgot">
            <Button>{t('portal.login.resend')}</Button>
          </Link>,
        ]}
        data-testid="portal-verify-failed"
      />
    );
  }
  return <div className={styles.narrow}>{content}</div>;
}
