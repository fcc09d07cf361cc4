import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PortalError } from './components/states.tsx';
import { PortalSpin } from './PortalShell.tsx';
import { PortalSessionContext, portalSignedOutDeliberately, usePortalMe } from './session.ts';

/** Pages for signed-in customers: anyone else goes to /portal/login (never the staff /login) and comes back. */
export function RequirePortalAuth({ children }: { children: ReactNode }) {
  const me = usePortalMe();
  const location = useLocation();
  if (me.isPending) return <PortalSpin />;
  if (me.error) return <PortalError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const state = portalSignedOutDeliberately() ? null : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/portal/login" replace state={state} />;
  }
  return <PortalSessionContext value={me.data}>{children}</PortalSessionContext>;
}
