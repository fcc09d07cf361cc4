import { Flex } from 'antd';
import { lazy, type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useLiveUpdates } from '../../api/live.ts';
import { SessionContext, signedOutDeliberately, useCan, useMe } from '../../api/session.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';

/**
 * The signed-in area: sends visitors to /login, users with a temporary password to /change-password,
 * follows the account's language and keeps the live-update stream open.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { locale, setLocale } = useI18n();
  const accountLocale = me.data?.user.locale;

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the account's language when it changes, not every local switch
  useEffect(() => {
    if (accountLocale && accountLocale !== locale) setLocale(accountLocale);
  }, [accountLocale]);
  // A temporary password opens nothing but the password change, so no live stream until it is replaced.
  useLiveUpdates(me.data?.user.mustChangePassword ? undefined : me.data?.user.id);

  if (me.isPending) return <FullPageSpin />;
  if (me.error) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Flex>
    );
  }
  if (!me.data) {
    // After an expired session come back to the same page; after "sign out" start afresh.
    const state = signedOutDeliberately() ? null : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <SessionContext value={me.data}>{children}</SessionContext>;
}

// Rarely shown, and its illustrations are heavy: loaded when someone meets it.
const Forbidden = lazy(() => import('../../components/results.tsx').then((m) => ({ default: m.Forbidden })));

/** The page for holders of the permission (or of any one of several); 403 otherwise. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string | string[];
  children: ReactNode;
}) {
  const can = useCan();
  const allowed = Array.isArray(permission) ? permission.some(can) : can(permission);
  return allowed ? children : <Forbidden />;
}
