import { lazy } from 'react';
import { PortalShell } from './PortalShell.tsx';

const PublicRequestPage = lazy(() => import('./pages/PublicRequestPage.tsx'));

/** The public request form at /request: no account needed. */
export default function PublicRequestApp() {
  return (
    <PortalShell>
      <PublicRequestPage />
    </PortalShell>
  );
}
