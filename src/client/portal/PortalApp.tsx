import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { PortalShell } from './PortalShell.tsx';
import { RequirePortalAuth } from './RequirePortalAuth.tsx';

const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const LoginPage = lazy(() => import('./auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('./auth/RegisterPage.tsx'));
const VerifyPage = lazy(() => import('./auth/VerifyPage.tsx'));
const ConfirmRequestPage = lazy(() => import('./auth/ConfirmRequestPage.tsx'));
const ForgotPage = lazy(() => import('./auth/ForgotPage.tsx'));
const SetPasswordPage = lazy(() => import('./auth/SetPasswordPage.tsx'));
const RequestsPage = lazy(() => import('./requests/RequestsPage.tsx'));
const NewRequestPage = lazy(() => import('./requests/NewRequestPage.tsx'));
const RequestDetailPage = lazy(() => import('./requests/RequestDetailPage.tsx'));
const KbListPage = lazy(() => import('./kb/KbListPage.tsx'));
const KbArticlePage = lazy(() => import('./kb/KbArticlePage.tsx'));
const PortalNotFound = lazy(() => import('./pages/PortalNotFound.tsx'));

const signedIn = (page: ReactNode) => <RequirePortalAuth>{page}</RequirePortalAuth>;

/** The customer service portal 客户服务中心, mounted at /portal/*. */
export default function PortalApp() {
  return (
    <PortalShell>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="confirm-request" element={<ConfirmRequestPage />} />
        <Route path="forgot" element={<ForgotPage />} />
        <Route path="set-password" element={<SetPasswordPage />} />
        <Route path="requests" element={signedIn(<RequestsPage />)} />
        <Route path="requests/new" element={signedIn(<NewRequestPage />)} />
        <Route path="requests/:id" element={signedIn(<RequestDetailPage />)} />
        <Route path="kb" element={<KbListPage />} />
        <Route path="kb/:id" element={<KbArticlePage />} />
        <Route path="*" element={<PortalNotFound />} />
      </Routes>
    </PortalShell>
  );
}
