import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, Flex, Spin, type ThemeConfig } from 'antd';
import { type ReactNode, Suspense, useEffect } from 'react';
import { useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { useI18n } from '../i18n/context.ts';
import { storedPortalLocale } from './locale.ts';
import { PortalLayout } from './PortalLayout.tsx';
import { portalQueryClient } from './query-client.ts';
import { usePortalMe } from './session.ts';

/** Warmer and rounder than the workbench; same brand blue. */
const PORTAL_THEME: ThemeConfig = {
  token: { borderRadius: 8, colorBgLayout: '#f7f4ef', fontSize: 15 },
  components: { Button: { controlHeightLG: 46 }, Input: { controlHeightLG: 46 } },
};

export function PortalSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * The portal's language: the choice made in the portal on this browser; when there is none, a signed-in
 * customer's account language (from /api/portal/me).
 */
function PortalLanguage() {
  const { locale, setLocale, t } = useI18n();
  const me = usePortalMe();
  const accountLocale = me.data?.account.locale;

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on entering the portal
  useEffect(() => {
    const stored = storedPortalLocale();
    if (stored && stored !== locale) setLocale(stored);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the account when it changes, not every local switch
  useEffect(() => {
    if (accountLocale && !storedPortalLocale() && accountLocale !== locale) setLocale(accountLocale);
  }, [accountLocale]);
  // The tab says where the customer is (and gives the staff title back on leaving).
  const brand = t('portal.brand');
  useEffect(() => {
    const before = document.title;
    document.title = `${brand} · 桥 Qiao`;
    return () => {
      document.title = before;
    };
  }, [brand]);
  return null;
}

/** A new page starts at its top (a phone would otherwise land mid-page after submitting a long form). */
function ScrollToTop() {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

function Crash({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary
      title={t('common.crashTitle')}
      text={t('portal.crashText')}
      reloadLabel={t('common.reload')}
    >
      {children}
    </ErrorBoundary>
  );
}

/** Everything the customer-facing pages share: their own query cache and session, theme and frame. */
export function PortalShell({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={portalQueryClient}>
      <ConfigProvider theme={PORTAL_THEME} button={{ autoInsertSpace: false }}>
        <PortalLanguage />
        <ScrollToTop />
        <PortalLayout>
          <Crash>
            <Suspense fallback={<PortalSpin />}>{children}</Suspense>
          </Crash>
        </PortalLayout>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
