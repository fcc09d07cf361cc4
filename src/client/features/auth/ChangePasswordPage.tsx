import { Alert, Button, Card, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout, useSession } from '../../api/session.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { useT } from '../../i18n/context.ts';
import { AccountLanguageSwitch } from './AccountLanguageSwitch.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Where a user with a temporary password must go first. */
export default function ChangePasswordPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: '100vh', padding: 24 }}>
      <BrandMark size={40} />
      <Card
        title={t('auth.changePassword')}
        style={{ width: '100%', maxWidth: 440 }}
        extra={<AccountLanguageSwitch />}
      >
        {me.user.mustChangePassword ? (
          <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />
        ) : null}
        <ChangePasswordForm onDone={() => navigate('/', { replace: true })} />
      </Card>
      <Button type="link" onClick={() => logout.mutate()} data-testid="change-password-logout">
        {t('auth.signOut')}
      </Button>
    </Flex>
  );
}
